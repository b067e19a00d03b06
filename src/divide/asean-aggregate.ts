/**
 * ASEAN aggregates of an indicator by year, formed by the indicator's catalogue rule from the
 * Member States in force in that year (CL_AREA membership: ten up to 2024, eleven from 2025):
 * `sum` adds the members' values, `weighted_mean` weights them by the catalogue's weight indicator
 * of the same year, `none` is not aggregated. An aggregate is given only when every member in force
 * has a value (and a weight); otherwise it is empty and the missing members are named — a partial
 * sum or mean is never passed off as the region's.
 * @module
 */
import { getIndicator } from '../guidelines/catalogue.js';
import { aseanMembersInForce } from '../guidelines/membership.js';
import { InputError } from '../errors.js';
import { asRecords, type ObservationsInput } from './observations.js';
import { totalsByAreaYear } from './select.js';

/** One year's ASEAN aggregate. */
export interface AseanAggregateRow {
  indicator: string;
  time_period: number;
  method: 'sum' | 'weighted_mean';
  /** The members in force that year. */
  members: string[];
  /** Members without a value (or weight) that year. */
  missing: string[];
  /** The aggregate, or null when a member is missing. */
  value: number | null;
}

/**
 * ASEAN aggregates of `indicator` for every year in which some member has a value.
 * @throws InputError `AGGREGATE_NOT_DEFINED` when the catalogue gives the indicator no aggregation rule (or `none`)
 */
export function aseanAggregates(observations: ObservationsInput, indicator: string): AseanAggregateRow[] {
  const ind = getIndicator(indicator);
  const method = ind?.aggregation?.method;
  if (!ind || !method || method === 'none')
    throw new InputError(
      'AGGREGATE_NOT_DEFINED',
      `the catalogue gives ${indicator} no rule for ASEAN aggregates (aggregation: ${method ?? 'absent'})`,
      {
        file: 'guidelines/catalogue/indicators.json',
        jsonPath: `/indicators/${indicator}/aggregation`,
      },
    );
  const records = asRecords(observations);
  const data = totalsByAreaYear(records, indicator);
  const weights = method === 'weighted_mean' ? totalsByAreaYear(records, ind.aggregation!.weight!) : null;
  const years = new Set<number>();
  for (const m of data.values()) for (const y of m.keys()) years.add(y);
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => {
      const members = aseanMembersInForce(year);
      const x = (a: string) => data.get(a)?.get(year)?.value ?? null;
      const w = (a: string) => weights?.get(a)?.get(year)?.value ?? null;
      const missing = members.filter((a) => x(a) === null || (weights !== null && w(a) === null));
      let value: number | null = null;
      if (missing.length === 0) {
        if (method === 'sum') value = members.reduce((s, a) => s + x(a)!, 0);
        else {
          const W = members.reduce((s, a) => s + w(a)!, 0);
          value = members.reduce((s, a) => s + x(a)! * w(a)!, 0) / W;
        }
      }
      return { indicator, time_period: year, method, members, missing, value };
    });
}
