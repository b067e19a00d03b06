/**
 * Selecting observations for the metrics: country-level totals of an indicator by area and year.
 * @module
 */
import { dsdBreakdowns } from '../guidelines/dsd.js';
import { isSubnational, type HarmonisedObservation } from './observations.js';

/** True when a breakdown code is not a breakdown: the total `_T`, or `_Z` (not applicable, e.g. the sex of a household). */
export function isNotBrokenDown(code: string): boolean {
  return code === '_T' || code === '_Z';
}

const BREAKDOWNS = dsdBreakdowns().map((d) => d.id as keyof HarmonisedObservation);

/** True when no breakdown of the data structure definition splits the observation: each is `_T`, `_Z` or absent. */
export function isTotalBreakdown(o: HarmonisedObservation): boolean {
  for (const d of BREAKDOWNS) {
    const c = o[d];
    if (c !== undefined && !isNotBrokenDown(String(c))) return false;
  }
  return true;
}

/** The annual year of an observation, or null when FREQ is not `A` or the period is not `YYYY`. */
export function annualYear(o: HarmonisedObservation): number | null {
  if (o.FREQ !== 'A' || !/^\d{4}$/.test(o.TIME_PERIOD)) return null;
  return Number(o.TIME_PERIOD);
}

/**
 * Annual country-level totals of an indicator with a value: area → year → observation.
 * Subnational areas are left out unless `subnational` is true (then only they are kept).
 */
export function totalsByAreaYear(
  records: readonly HarmonisedObservation[],
  indicator: string,
  subnational = false,
): Map<string, Map<number, HarmonisedObservation>> {
  const out = new Map<string, Map<number, HarmonisedObservation>>();
  for (const o of records) {
    if (o.INDICATOR !== indicator || o.value === null || !isTotalBreakdown(o)) continue;
    if (isSubnational(o.REF_AREA) !== subnational) continue;
    const y = annualYear(o);
    if (y === null) continue;
    let m = out.get(o.REF_AREA);
    if (!m) out.set(o.REF_AREA, (m = new Map()));
    m.set(y, o);
  }
  return out;
}

/** Sorted keys of a map. */
export function sortedKeys<K extends string | number>(m: Map<K, unknown>): K[] {
  return [...m.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
