/** Builds small observations tables for the divide tests. */
import { harmonisedRecords, type HarmonisedObservation } from '../../src/divide/index.js';
import { OBSERVATION_COLUMNS } from '../../src/harmonise/output.js';
import { headerId } from '../../src/harmonise/read.js';
import type { Observation } from '../../src/guidelines/generated/observation.js';

/** A hand-made observation: only the fields a test cares about. */
export interface Obs {
  area: string;
  ind: string;
  year: number | string;
  value: number | null;
  sex?: string;
  urb?: string;
  inc?: string;
  age?: string;
  unit?: string;
  freq?: string;
  mult?: number;
}

/** The harmonise stage's rows for `obs` (PROV_ROW = position + 2 in a fictitious national file). */
export function harmoniseRows(obs: readonly Obs[]): Observation[] {
  return obs.map((o, i) => ({
    STRUCTURE: 'dataflow',
    STRUCTURE_ID: 'ASEAN:DF_DIGITAL(1.0)',
    ACTION: 'I',
    REF_AREA: o.area,
    INDICATOR: o.ind,
    SEX: o.sex ?? '_T',
    AGE: o.age ?? '_T',
    URBANISATION: o.urb ?? '_T',
    INCOME_WEALTH_QUANTILE: o.inc ?? '_T',
    EDUCATION: '_T',
    LABOUR_FORCE_STATUS: '_T',
    OCCUPATION: '_T',
    ICT_SKILL: '_T',
    ICT_LOCATION: '_T',
    FREQ: o.freq ?? 'A',
    TIME_PERIOD: String(o.year),
    OBS_VALUE: o.value,
    UNIT_MEASURE: o.unit ?? 'PERCENT',
    UNIT_MULT: o.mult ?? 0,
    OBS_STATUS: 'A',
    SOURCE_ID: 'TEST',
    RELEASE_DATE: '2025-01-01',
    PROV_FILE: 'national.csv',
    PROV_SHEET: '',
    PROV_ROW: i + 2,
    PROV_COLUMN: `C${String(o.year)}`,
    PROV_MAPPING: 'test-mapping.json',
    PROV_SHA256: 'abc',
  }));
}

/** The CSV text of an observations file holding `obs`, as the harmonise stage writes it. */
export function obsCsv(obs: readonly Obs[]): string {
  const ids = OBSERVATION_COLUMNS.map(headerId);
  const lines = harmoniseRows(obs).map((r) =>
    ids.map((c) => (c === 'OBS_VALUE' && r.OBS_VALUE === null ? 'NaN' : String(r[c as keyof Observation] ?? ''))).join(','),
  );
  return `${OBSERVATION_COLUMNS.join(',')}\n${lines.join('\n')}\n`;
}

/** Divide records of hand-made observations. */
export function obsRecords(obs: readonly Obs[]): HarmonisedObservation[] {
  return harmonisedRecords(harmoniseRows(obs), 'test.csv');
}
