/** Builds small observations tables for the divide tests. */
import { OBSERVATIONS_CSV_COLUMNS, parseObservationsCsv, type HarmonisedObservation } from '../../src/divide/index.js';

/** A hand-made observation: only the fields a test cares about. */
export interface Obs {
  area: string;
  ind: string;
  year: number | string;
  value: number | string | null;
  sex?: string;
  urb?: string;
  inc?: string;
  age?: string;
  unit?: string;
  freq?: string;
  mult?: number;
}

/** The CSV text of an observations file holding `obs` (PROV_ROW = position + 2 in a fictitious national file). */
export function obsCsv(obs: readonly Obs[]): string {
  const lines = obs.map((o, i) =>
    [
      'dataflow', 'DIGICGE:ASEAN_DIGITAL(1.0)', 'I', o.area, o.ind, o.sex ?? '_T', o.age ?? '_T', o.urb ?? '_T', o.inc ?? '_T',
      o.freq ?? 'A', String(o.year), o.value === null ? 'NaN' : String(o.value), o.unit ?? 'PERCENT', String(o.mult ?? 0), 'A',
      'TEST', '2025-01-01', 'national.csv', '', String(i + 2), `C${String(o.year)}`, 'test-mapping', 'abc',
    ].join(','),
  );
  return `${OBSERVATIONS_CSV_COLUMNS.join(',')}\n${lines.join('\n')}\n`;
}

/** Parsed records of hand-made observations. */
export function obsRecords(obs: readonly Obs[]): HarmonisedObservation[] {
  return parseObservationsCsv(obsCsv(obs), 'test.csv');
}
