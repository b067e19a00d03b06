/**
 * Within-country gaps of an indicator between two breakdown groups: urban − rural (U−R),
 * female − male (F−M) and top − bottom income quintile (Q5−Q1). For each area and year where the
 * indicator is observed at all, and for each of the three comparisons, one row: the absolute gap
 * a − b (in the indicator's unit: percentage points for a percentage), the ratio a / b, and their
 * change since the previous year with a gap. When either group is missing the row says so
 * (status `missing-breakdown`, `missing` naming the group, provenance the observations seen for
 * that area and year): nothing is imputed.
 * The other breakdowns of each compared value are the total `_T` (e.g. U and R for both sexes).
 * @module
 */
import { annualYear, isNotBrokenDown, isTotalBreakdown, sortedKeys } from './select.js';
import { mergeProvenance, provenanceOf } from './provenance.js';
import { asRecords, isSubnational, type HarmonisedObservation, type ObservationsInput } from './observations.js';
import { getIndicator } from '../guidelines/catalogue.js';

/** A breakdown comparison. */
export interface GapDimension {
  /** Name, e.g. `urbanisation`. */
  dimension: 'urbanisation' | 'sex' | 'income';
  /** SDMX column holding the breakdown. */
  column: 'URBANISATION' | 'SEX' | 'INCOME_WEALTH_QUANTILE';
  /** The first group (minuend, numerator). */
  a: string;
  /** The second group (subtrahend, denominator). */
  b: string;
}

/** The three comparisons: U−R, F−M, Q5−Q1. */
export const GAP_DIMENSIONS: readonly GapDimension[] = [
  { dimension: 'urbanisation', column: 'URBANISATION', a: 'U', b: 'R' },
  { dimension: 'sex', column: 'SEX', a: 'F', b: 'M' },
  { dimension: 'income', column: 'INCOME_WEALTH_QUANTILE', a: 'Q5', b: 'Q1' },
];

/** One row of gaps.csv. */
export interface GapRow {
  indicator: string;
  ref_area: string;
  time_period: number;
  dimension: GapDimension['dimension'];
  /** e.g. `U-R`. */
  comparison: string;
  unit: string;
  value_a: number | null;
  value_b: number | null;
  /** a − b, in the indicator's unit (percentage points for a percentage). */
  abs_gap: number | null;
  /** a / b; null when b is 0. */
  ratio: number | null;
  /** The previous year with a gap for this area and comparison. */
  prev_period: number | null;
  abs_gap_change: number | null;
  ratio_change: number | null;
  abs_gap_change_per_year: number | null;
  /** `ok` or `missing-breakdown`. */
  status: 'ok' | 'missing-breakdown';
  /** The missing groups (e.g. `R` or `U R`), empty when ok. */
  missing: string;
  /** Remarks, e.g. why a ratio is empty. */
  note: string;
  provenance: string[];
}

function isOtherTotal(o: HarmonisedObservation, except: GapDimension['column']): boolean {
  return (
    isNotBrokenDown(o.AGE) &&
    (except === 'SEX' || isNotBrokenDown(o.SEX)) &&
    (except === 'URBANISATION' || isNotBrokenDown(o.URBANISATION)) &&
    (except === 'INCOME_WEALTH_QUANTILE' || isNotBrokenDown(o.INCOME_WEALTH_QUANTILE))
  );
}

/**
 * Gaps of the given indicators for every area (countries and subnational areas) and year.
 * @param records harmonised observations
 * @param indicators indicator codes
 */
export function computeGaps(
  observations: ObservationsInput,
  indicators: readonly string[],
  dimensionsFor: (indicator: string) => readonly GapDimension[] = () => GAP_DIMENSIONS,
): GapRow[] {
  const records = asRecords(observations);
  const rows: GapRow[] = [];
  for (const indicator of [...indicators].sort()) {
    const byArea = new Map<string, Map<number, HarmonisedObservation[]>>();
    for (const o of records) {
      if (o.INDICATOR !== indicator || o.value === null) continue;
      const y = annualYear(o);
      if (y === null) continue;
      let m = byArea.get(o.REF_AREA);
      if (!m) byArea.set(o.REF_AREA, (m = new Map()));
      const l = m.get(y);
      if (l) l.push(o);
      else m.set(y, [o]);
    }
    const areas = sortedKeys(byArea).sort((p, q) => Number(isSubnational(p)) - Number(isSubnational(q)) || (p < q ? -1 : 1));
    for (const area of areas) {
      const years = byArea.get(area)!;
      for (const dim of dimensionsFor(indicator)) {
        let prev: GapRow | null = null;
        for (const year of sortedKeys(years)) {
          const obs = years.get(year)!;
          const pick = (g: string): HarmonisedObservation | undefined =>
            obs.find((o) => o[dim.column] === g && isOtherTotal(o, dim.column));
          const oa = pick(dim.a);
          const ob = pick(dim.b);
          const unit = (oa ?? ob ?? obs[0]).UNIT_MEASURE;
          const base = { indicator, ref_area: area, time_period: year, dimension: dim.dimension, comparison: `${dim.a}-${dim.b}`, unit };
          if (!oa || !ob) {
            rows.push({
              ...base,
              value_a: oa?.value ?? null,
              value_b: ob?.value ?? null,
              abs_gap: null,
              ratio: null,
              prev_period: null,
              abs_gap_change: null,
              ratio_change: null,
              abs_gap_change_per_year: null,
              status: 'missing-breakdown',
              missing: [oa ? '' : dim.a, ob ? '' : dim.b].filter(Boolean).join(' '),
              note: `no ${[oa ? '' : dim.a, ob ? '' : dim.b].filter(Boolean).join(' and ')} breakdown for this area and year`,
              // the observations that show the indicator exists for this area and year
              provenance: provenanceOf(oa || ob ? [oa, ob].filter((o): o is HarmonisedObservation => !!o) : obs.filter(isTotalBreakdown)),
            });
            continue;
          }
          const a = oa.value as number;
          const b = ob.value as number;
          const ratio = b !== 0 ? a / b : null;
          const row: GapRow = {
            ...base,
            value_a: a,
            value_b: b,
            abs_gap: a - b,
            ratio,
            prev_period: null,
            abs_gap_change: null,
            ratio_change: null,
            abs_gap_change_per_year: null,
            status: 'ok',
            missing: '',
            note: ratio === null ? `ratio undefined: ${dim.b} is 0` : '',
            provenance: provenanceOf([oa, ob]),
          };
          if (prev) {
            row.prev_period = prev.time_period;
            row.abs_gap_change = (row.abs_gap as number) - (prev.abs_gap as number);
            row.abs_gap_change_per_year = row.abs_gap_change / (year - prev.time_period);
            row.ratio_change = row.ratio !== null && prev.ratio !== null ? row.ratio - prev.ratio : null;
            row.provenance = mergeProvenance(row.provenance, prev.provenance.slice());
          }
          rows.push(row);
          prev = { ...row, provenance: provenanceOf([oa, ob]) };
        }
      }
    }
  }
  return rows;
}

/**
 * The comparisons the guideline's indicator catalogue foresees for an indicator: those of its
 * `breakdowns` among SEX, URBANISATION and INCOME_WEALTH_QUANTILE (e.g. HH6, a household
 * indicator, has no F−M); all three for an indicator the catalogue does not know.
 */
export function catalogueGapDimensions(indicator: string): readonly GapDimension[] {
  const ind = getIndicator(indicator);
  if (!ind) return GAP_DIMENSIONS;
  return GAP_DIMENSIONS.filter((d) => ind.breakdowns.includes(d.column));
}

/**
 * The indicators of the observations whose gaps are computed by default: every indicator with a
 * sex, urbanisation or income breakdown in the data, and every catalogue rate (not a level
 * aggregated by sum, such as POP) whose catalogue breakdowns include one of them — the latter so
 * that a missing breakdown shows as `missing-breakdown` rows.
 */
export function gapIndicators(observations: ObservationsInput): string[] {
  const records = asRecords(observations);
  const present = [...new Set(records.map((o) => o.INDICATOR))];
  const fromCatalogue = present.filter((code) => {
    const ind = getIndicator(code);
    return !!ind && ind.aggregation?.method !== 'sum' && catalogueGapDimensions(code).length > 0;
  });
  return [...new Set([...indicatorsWithBreakdowns(records), ...fromCatalogue])].sort();
}

/** The indicators that have at least one non-total sex, urbanisation or income breakdown. */
export function indicatorsWithBreakdowns(observations: ObservationsInput): string[] {
  const records = asRecords(observations);
  const s = new Set<string>();
  for (const o of records) {
    if (!isNotBrokenDown(o.SEX) || !isNotBrokenDown(o.URBANISATION) || !isNotBrokenDown(o.INCOME_WEALTH_QUANTILE)) s.add(o.INDICATOR);
  }
  return [...s].sort();
}
