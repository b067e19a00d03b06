/**
 * Provenance of metric rows: every metric row lists the observations it used as compact keys
 * `PROV_FILE:PROV_ROW:PROV_COLUMN` (the national file, its row and its column), and the sidecar
 * table `provenance.csv` maps each key to the full observation (area, indicator, period,
 * breakdowns, source, release, file checksum and its row in observations.csv).
 * @module
 */
import type { HarmonisedObservation } from './observations.js';

/** Sorted unique provenance keys of a set of observations. */
export function provenanceOf(obs: Iterable<Pick<HarmonisedObservation, 'PROV_KEY'>>): string[] {
  const s = new Set<string>();
  for (const o of obs) s.add(o.PROV_KEY);
  return [...s].sort();
}

/** Sorted union of several provenance key lists. */
export function mergeProvenance(...lists: readonly (readonly string[])[]): string[] {
  const s = new Set<string>();
  for (const l of lists) for (const k of l) s.add(k);
  return [...s].sort();
}

/** One row of the provenance sidecar table: an observation's key, value and provenance. */
export type ProvenanceRow = Pick<
  HarmonisedObservation,
  | 'PROV_KEY'
  | 'REF_AREA'
  | 'INDICATOR'
  | 'SEX'
  | 'AGE'
  | 'URBANISATION'
  | 'INCOME_WEALTH_QUANTILE'
  | 'TIME_PERIOD'
  | 'value'
  | 'UNIT_MEASURE'
  | 'SOURCE_ID'
  | 'PROV_FILE'
  | 'PROV_ROW'
  | 'PROV_COLUMN'
  | 'OBS_ROW'
>;

/**
 * The sidecar rows for the keys used by any metric, sorted by key then observations.csv row.
 * @param used every key referenced by a metric row
 * @param records all observations read
 */
export function provenanceSidecar(used: ReadonlySet<string>, records: readonly HarmonisedObservation[]): ProvenanceRow[] {
  return records
    .filter((o) => used.has(o.PROV_KEY))
    .map((o) => ({
      PROV_KEY: o.PROV_KEY,
      REF_AREA: o.REF_AREA,
      INDICATOR: o.INDICATOR,
      SEX: o.SEX,
      AGE: o.AGE,
      URBANISATION: o.URBANISATION,
      INCOME_WEALTH_QUANTILE: o.INCOME_WEALTH_QUANTILE,
      TIME_PERIOD: o.TIME_PERIOD,
      value: o.value,
      UNIT_MEASURE: o.UNIT_MEASURE,
      SOURCE_ID: o.SOURCE_ID,
      PROV_FILE: o.PROV_FILE,
      PROV_ROW: o.PROV_ROW,
      PROV_COLUMN: o.PROV_COLUMN,
      OBS_ROW: o.OBS_ROW,
    }))
    .sort((a, b) => (a.PROV_KEY < b.PROV_KEY ? -1 : a.PROV_KEY > b.PROV_KEY ? 1 : a.OBS_ROW - b.OBS_ROW));
}
