/**
 * Reading the harmonised observations (`observations.csv`, SDMX-CSV 2.x) written by the harmonise
 * stage, into an arquero table the divide metrics work on.
 *
 * Columns, exactly and in this order: {@link OBSERVATIONS_CSV_COLUMNS}. Breakdown value `_T` is the
 * total; SEX F/M, URBANISATION U/R, INCOME_WEALTH_QUANTILE Q1–Q5. OBS_VALUE is multiplied by
 * 10^UNIT_MULT; an empty or `NaN` OBS_VALUE is an intentionally missing observation (value null).
 * @module
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { from, type ColumnTable } from 'arquero';
import { InputError } from '../errors.js';

/** The columns of the harmonised observations file, in order. */
export const OBSERVATIONS_CSV_COLUMNS = [
  'STRUCTURE', 'STRUCTURE_ID', 'ACTION', 'REF_AREA', 'INDICATOR', 'SEX', 'AGE', 'URBANISATION',
  'INCOME_WEALTH_QUANTILE', 'FREQ', 'TIME_PERIOD', 'OBS_VALUE', 'UNIT_MEASURE', 'UNIT_MULT', 'OBS_STATUS',
  'SOURCE_ID', 'RELEASE_DATE', 'PROV_FILE', 'PROV_SHEET', 'PROV_ROW', 'PROV_COLUMN', 'PROV_MAPPING', 'PROV_SHA256',
] as const;

/** One harmonised observation as the divide metrics see it. */
export interface HarmonisedObservation {
  /** ISO 3166-1 alpha-3 country, or ISO 3166-2 subnational area (e.g. `ID-JK`). */
  REF_AREA: string;
  /** Catalogue indicator code, e.g. `HH7`. */
  INDICATOR: string;
  /** `_T`, `F`, `M`. */
  SEX: string;
  /** Age group code, `_T` for all ages. */
  AGE: string;
  /** `_T`, `U`, `R`. */
  URBANISATION: string;
  /** `_T`, `Q1` … `Q5`. */
  INCOME_WEALTH_QUANTILE: string;
  /** Frequency, `A` annual. */
  FREQ: string;
  /** Period as written, e.g. `2021`. */
  TIME_PERIOD: string;
  /** Value × 10^UNIT_MULT, or null when the observation is missing. */
  value: number | null;
  /** Unit code, e.g. `PT` (percent), `PER_100_POP`, `PS` (persons). */
  UNIT_MEASURE: string;
  /** SDMX observation status. */
  OBS_STATUS: string;
  /** Source dataset identifier. */
  SOURCE_ID: string;
  /** National file the value came from. */
  PROV_FILE: string;
  /** Row in that file. */
  PROV_ROW: string;
  /** Column in that file. */
  PROV_COLUMN: string;
  /** Row of this observation in observations.csv (1-based, header = row 1). */
  OBS_ROW: number;
  /** Compact provenance key `PROV_FILE:PROV_ROW:PROV_COLUMN`. */
  PROV_KEY: string;
}

/** The dimensions that identify an observation (with the period). */
export const OBSERVATIONS_CSV_KEY = ['REF_AREA', 'INDICATOR', 'SEX', 'AGE', 'URBANISATION', 'INCOME_WEALTH_QUANTILE', 'FREQ', 'TIME_PERIOD'] as const;

/** The compact provenance key of an observation: `PROV_FILE:PROV_ROW:PROV_COLUMN`. */
export function observationProvenanceKey(o: Pick<HarmonisedObservation, 'PROV_FILE' | 'PROV_ROW' | 'PROV_COLUMN'>): string {
  return `${o.PROV_FILE}:${o.PROV_ROW}:${o.PROV_COLUMN}`;
}

/**
 * Parses observations CSV text into {@link HarmonisedObservation} records.
 * @param text file content
 * @param file the path, for error locations
 * @throws InputError `OBS_COLUMNS` (header differs), `OBS_VALUE_NOT_NUMBER`, `OBS_UNIT_MULT`, `OBS_DUPLICATE_KEY`, `OBS_CSV`
 */
export function parseObservationsCsv(text: string, file = 'observations.csv'): HarmonisedObservation[] {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, relax_column_count: false, skip_empty_lines: true }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new InputError('OBS_CSV', `the observations file is not valid CSV: ${(err as Error).message}`, { file, row: line }, { cause: err });
  }
  if (rows.length === 0) throw new InputError('OBS_COLUMNS', 'the observations file is empty; expected a header row', { file, row: 1 });
  const header = rows[0];
  const expected = OBSERVATIONS_CSV_COLUMNS.join(',');
  if (header.join(',') !== expected) {
    const bad = OBSERVATIONS_CSV_COLUMNS.findIndex((c, i) => header[i] !== c);
    const at = bad < 0 ? OBSERVATIONS_CSV_COLUMNS.length + 1 : bad + 1;
    throw new InputError(
      'OBS_COLUMNS',
      `the observations header must be exactly ${expected}; column ${at} is ${JSON.stringify(header[at - 1] ?? '(none)')}, expected ${JSON.stringify(OBSERVATIONS_CSV_COLUMNS[at - 1] ?? '(none)')}`,
      { file, row: 1, column: at },
    );
  }
  const col = Object.fromEntries(OBSERVATIONS_CSV_COLUMNS.map((c, i) => [c, i])) as Record<(typeof OBSERVATIONS_CSV_COLUMNS)[number], number>;
  const seen = new Map<string, number>();
  const out: HarmonisedObservation[] = [];
  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r];
    const row = r + 1;
    const get = (c: (typeof OBSERVATIONS_CSV_COLUMNS)[number]): string => cells[col[c]].trim();
    const raw = get('OBS_VALUE');
    let value: number | null = null;
    if (raw !== '' && raw !== 'NaN') {
      const v = Number(raw);
      if (!Number.isFinite(v)) {
        throw new InputError('OBS_VALUE_NOT_NUMBER', `OBS_VALUE must be a number, empty or NaN; got ${JSON.stringify(raw)}`, { file, row, column: 'OBS_VALUE' });
      }
      const multRaw = get('UNIT_MULT');
      const mult = multRaw === '' ? 0 : Number(multRaw);
      if (!Number.isInteger(mult)) {
        throw new InputError('OBS_UNIT_MULT', `UNIT_MULT must be an integer power of ten or empty; got ${JSON.stringify(multRaw)}`, { file, row, column: 'UNIT_MULT' });
      }
      value = mult === 0 ? v : v * 10 ** mult;
    }
    const o: HarmonisedObservation = {
      REF_AREA: get('REF_AREA'),
      INDICATOR: get('INDICATOR'),
      SEX: get('SEX') || '_T',
      AGE: get('AGE') || '_T',
      URBANISATION: get('URBANISATION') || '_T',
      INCOME_WEALTH_QUANTILE: get('INCOME_WEALTH_QUANTILE') || '_T',
      FREQ: get('FREQ'),
      TIME_PERIOD: get('TIME_PERIOD'),
      value,
      UNIT_MEASURE: get('UNIT_MEASURE'),
      OBS_STATUS: get('OBS_STATUS'),
      SOURCE_ID: get('SOURCE_ID'),
      PROV_FILE: get('PROV_FILE'),
      PROV_ROW: get('PROV_ROW'),
      PROV_COLUMN: get('PROV_COLUMN'),
      OBS_ROW: row,
      PROV_KEY: '',
    };
    o.PROV_KEY = observationProvenanceKey(o);
    const key = OBSERVATIONS_CSV_KEY.map((k) => o[k]).join('|');
    const prev = seen.get(key);
    if (prev !== undefined) {
      throw new InputError(
        'OBS_DUPLICATE_KEY',
        `two observations for ${key.replaceAll('|', ' ')} (rows ${prev} and ${row}); keep one source per key (e.g. filter on SOURCE_ID) before computing metrics`,
        { file, row, column: 'TIME_PERIOD' },
      );
    }
    seen.set(key, row);
    out.push(o);
  }
  return out;
}

/**
 * Reads `observations.csv` into an arquero table whose columns are the fields of {@link HarmonisedObservation}.
 * @param path path of the file
 * @throws InputError `OBS_READ` when the file cannot be read, and the errors of {@link parseObservationsCsv}
 */
export async function readObservationsCsv(path: string): Promise<ColumnTable> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new InputError('OBS_READ', `cannot read the observations file: ${(err as Error).message}`, { file: path }, { cause: err });
  }
  return observationsTable(parseObservationsCsv(text, path));
}

/** Builds the arquero table of observations (one row per record, columns as in {@link HarmonisedObservation}). */
export function observationsTable(records: readonly HarmonisedObservation[]): ColumnTable {
  return from(records as HarmonisedObservation[]);
}

/** The records of an observations table (inverse of {@link observationsTable}). */
export function observationRecords(table: ColumnTable): HarmonisedObservation[] {
  return table.objects() as HarmonisedObservation[];
}

/** ISO 3166-1 alpha-2 → alpha-3 of the ten ASEAN Member States (to group subnational areas). */
export const AMS_ALPHA2_TO_ALPHA3: Readonly<Record<string, string>> = {
  BN: 'BRN', KH: 'KHM', ID: 'IDN', LA: 'LAO', MY: 'MYS', MM: 'MMR', PH: 'PHL', SG: 'SGP', TH: 'THA', VN: 'VNM',
};

/** The country (alpha-3) of a REF_AREA: itself for a country, the parent for an ISO 3166-2 area. */
export function countryOfArea(refArea: string): string {
  const m = /^([A-Z]{2})-/.exec(refArea);
  if (!m) return refArea;
  return AMS_ALPHA2_TO_ALPHA3[m[1]] ?? m[1];
}

/** True for an ISO 3166-2 subnational code such as `ID-JK`. */
export function isSubnational(refArea: string): boolean {
  return /^[A-Z]{2}-/.test(refArea);
}

/** Observations as the metric functions accept them: an arquero table from {@link readObservationsCsv} or the records. */
export type ObservationsInput = ColumnTable | readonly HarmonisedObservation[];

/** The records of either form of {@link ObservationsInput}. */
export function asRecords(input: ObservationsInput): readonly HarmonisedObservation[] {
  return Array.isArray(input) ? (input as readonly HarmonisedObservation[]) : observationRecords(input as ColumnTable);
}
