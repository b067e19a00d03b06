/**
 * The harmonised observations (`observations.csv`, SDMX-CSV 2.x, written and read by the harmonise
 * stage) as the divide metrics see them: records of {@link HarmonisedObservation}.
 *
 * Columns, exactly and in order: `OBSERVATION_COLUMNS` of the harmonise stage. Breakdown value `_T` is the
 * total; SEX F/M, URBANISATION U/R, INCOME_WEALTH_QUANTILE Q1–Q5. OBS_VALUE is multiplied by
 * 10^UNIT_MULT; an empty or `NaN` OBS_VALUE is an intentionally missing observation (value null).
 * Reading, header and number checks are the harmonise stage's `readObservations`.
 * @module
 */
import { access } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { readObservations } from '../harmonise/read.js';
import type { Observation as HarmoniseObservation } from '../guidelines/generated/observation.js';
import { loadDsd } from '../guidelines/dsd.js';

/**
 * One harmonised observation as the divide metrics see it: the key, unit, status and provenance
 * fields of the observation schema (`guidelines/schemas/observation.schema.json`), with the value
 * scaled by 10^UNIT_MULT (null when missing), the file row as text, and where the observation
 * stands in observations.csv.
 */
export type HarmonisedObservation = Pick<
  HarmoniseObservation,
  | 'REF_AREA'
  | 'INDICATOR'
  | 'SEX'
  | 'AGE'
  | 'URBANISATION'
  | 'INCOME_WEALTH_QUANTILE'
  | 'FREQ'
  | 'TIME_PERIOD'
  | 'UNIT_MEASURE'
  | 'OBS_STATUS'
  | 'SOURCE_ID'
  | 'PROV_FILE'
  | 'PROV_COLUMN'
> &
  Partial<Pick<HarmoniseObservation, 'EDUCATION' | 'LABOUR_FORCE_STATUS' | 'OCCUPATION' | 'ICT_SKILL' | 'ICT_LOCATION'>> & {
    /** Value × 10^UNIT_MULT, or null when the observation is missing. */
    value: number | null;
    /** Row in the national file, as written in observations.csv. */
    PROV_ROW: string;
    /** Row of this observation in observations.csv (1-based, header = row 1). */
    OBS_ROW: number;
    /** Compact provenance key `PROV_FILE:PROV_ROW:PROV_COLUMN`. */
    PROV_KEY: string;
  };

/** The dimensions that identify an observation (with the period): those of the data structure definition. */
export const DIVIDE_OBSERVATION_KEY: readonly (keyof HarmonisedObservation)[] = loadDsd().dimensions.map(
  (d) => d.id as keyof HarmonisedObservation,
);

/** The compact provenance key of an observation: `PROV_FILE:PROV_ROW:PROV_COLUMN`. */
export function observationProvenanceKey(o: Pick<HarmonisedObservation, 'PROV_FILE' | 'PROV_ROW' | 'PROV_COLUMN'>): string {
  return `${o.PROV_FILE}:${o.PROV_ROW}:${o.PROV_COLUMN}`;
}

/**
 * Converts the rows of the harmonise stage's reader into divide records: the value times
 * 10^UNIT_MULT (null when missing), the compact provenance key and the row in observations.csv.
 * @param rows rows as `readObservations` of the harmonise stage returns them, in file order
 * @param file the path, for error locations
 * @throws InputError `OBS_DUPLICATE_KEY` when two rows share a key (area, indicator, breakdowns, frequency, period)
 */
export function harmonisedRecords(rows: readonly HarmoniseObservation[], file = 'observations.csv'): HarmonisedObservation[] {
  const seen = new Map<string, number>();
  return rows.map((r, i) => {
    const row = i + 2;
    const mult = r.UNIT_MULT ?? 0;
    const o: HarmonisedObservation = {
      REF_AREA: r.REF_AREA,
      INDICATOR: r.INDICATOR,
      SEX: r.SEX || '_T',
      AGE: r.AGE || '_T',
      URBANISATION: r.URBANISATION || '_T',
      INCOME_WEALTH_QUANTILE: r.INCOME_WEALTH_QUANTILE || '_T',
      EDUCATION: r.EDUCATION || '_T',
      LABOUR_FORCE_STATUS: r.LABOUR_FORCE_STATUS || '_T',
      OCCUPATION: r.OCCUPATION || '_T',
      ICT_SKILL: r.ICT_SKILL || '_T',
      ICT_LOCATION: r.ICT_LOCATION || '_T',
      FREQ: r.FREQ,
      TIME_PERIOD: r.TIME_PERIOD,
      value: r.OBS_VALUE === null ? null : mult === 0 ? r.OBS_VALUE : r.OBS_VALUE * 10 ** mult,
      UNIT_MEASURE: r.UNIT_MEASURE,
      OBS_STATUS: r.OBS_STATUS,
      SOURCE_ID: r.SOURCE_ID,
      PROV_FILE: r.PROV_FILE,
      PROV_ROW: r.PROV_ROW === null ? '' : String(r.PROV_ROW),
      PROV_COLUMN: r.PROV_COLUMN,
      OBS_ROW: row,
      PROV_KEY: '',
    };
    o.PROV_KEY = observationProvenanceKey(o);
    const key = DIVIDE_OBSERVATION_KEY.map((k) => o[k]).join('|');
    const prev = seen.get(key);
    if (prev !== undefined) {
      throw new InputError(
        'OBS_DUPLICATE_KEY',
        `two observations for ${key.replaceAll('|', ' ')} (rows ${prev} and ${row}); keep one source per key (e.g. filter on SOURCE_ID) before computing metrics`,
        { file, row, column: 'TIME_PERIOD' },
      );
    }
    seen.set(key, row);
    return o;
  });
}

/**
 * Reads `observations.csv` with the harmonise stage's reader (which checks the columns and the
 * numbers) into the records of {@link HarmonisedObservation}.
 * @param path path of the file
 * @throws InputError `OBS_READ` when the file cannot be read; `OBSERVATIONS_COLUMNS`, `NON_NUMERIC`
 *   from the harmonise reader; `OBS_DUPLICATE_KEY`
 */
export async function loadDivideObservations(path: string): Promise<HarmonisedObservation[]> {
  try {
    await access(path);
  } catch (err) {
    throw new InputError('OBS_READ', `cannot read the observations file: ${(err as Error).message}`, { file: path }, { cause: err });
  }
  const { rows } = readObservations(path);
  return harmonisedRecords(rows, path);
}

/** ISO 3166-1 alpha-2 → alpha-3 of the eleven ASEAN Member States (to group subnational areas). */
export const AMS_ALPHA2_TO_ALPHA3: Readonly<Record<string, string>> = {
  BN: 'BRN',
  KH: 'KHM',
  ID: 'IDN',
  LA: 'LAO',
  MY: 'MYS',
  MM: 'MMR',
  PH: 'PHL',
  SG: 'SGP',
  TH: 'THA',
  TL: 'TLS',
  VN: 'VNM',
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

/** Observations as the metric functions accept them: the records from {@link loadDivideObservations} or {@link harmonisedRecords}. */
export type ObservationsInput = readonly HarmonisedObservation[];

/** The records of an {@link ObservationsInput} (the input itself). */
export function asRecords(input: ObservationsInput): readonly HarmonisedObservation[] {
  return input;
}
