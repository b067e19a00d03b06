/**
 * Reads the harmonised data for the readiness assessment: `observations.csv` (SDMX-CSV 2.0, as
 * `digicge harmonise` writes it) or `asean.duckdb` (its `observations` table and `vintages` view,
 * which also holds the superseded vintages of each key).
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { InputError } from '../../errors.js';
import { readObservations } from '../../harmonise/read.js';
import { packageRoot } from '../paths.js';

/** The fields of an observation the assessment reads. */
export interface ReadinessObservation {
  REF_AREA: string;
  INDICATOR: string;
  /** Breakdown dimension id → code (every breakdown column of the file). */
  breakdowns: Record<string, string>;
  TIME_PERIOD: string;
  OBS_VALUE: number | null;
  OBS_STATUS: string;
  SOURCE_ID: string;
  RELEASE_DATE: string;
  PROV_MAPPING: string;
}

/** Observations (one row per key) and every vintage of each key (observations plus superseded values). */
export interface ReadinessInput {
  file: string;
  observations: ReadinessObservation[];
  vintages: ReadinessObservation[];
}

/** Breakdown dimensions of the data structure definition that readiness cells distinguish. */
export const READINESS_BREAKDOWNS = [
  'SEX',
  'AGE',
  'URBANISATION',
  'INCOME_WEALTH_QUANTILE',
  'EDUCATION',
  'LABOUR_FORCE_STATUS',
  'OCCUPATION',
  'ICT_SKILL',
  'ICT_LOCATION',
] as const;

function fromRecord(r: Record<string, unknown>): ReadinessObservation {
  const s = (k: string) => (r[k] === null || r[k] === undefined ? '' : String(r[k]));
  const v = r.OBS_VALUE;
  return {
    REF_AREA: s('REF_AREA'),
    INDICATOR: s('INDICATOR'),
    breakdowns: Object.fromEntries(READINESS_BREAKDOWNS.map((d) => [d, s(d) || '_T'])),
    TIME_PERIOD: s('TIME_PERIOD'),
    OBS_VALUE: v === null || v === undefined || v === '' ? null : Number(v),
    OBS_STATUS: s('OBS_STATUS') || 'A',
    SOURCE_ID: s('SOURCE_ID'),
    RELEASE_DATE: s('RELEASE_DATE'),
    PROV_MAPPING: s('PROV_MAPPING'),
  };
}

async function readDuckdb(path: string): Promise<ReadinessInput> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  let inst: Awaited<ReturnType<typeof DuckDBInstance.create>>;
  try {
    inst = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  } catch (err) {
    throw new InputError('READINESS_INPUT', `cannot open the database: ${(err as Error).message}`, { file: path }, { cause: err });
  }
  const c = await inst.connect();
  try {
    const rows = async (sql: string) => (await c.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
    const observations = (await rows('SELECT * FROM observations')).map(fromRecord);
    const vintages = (await rows('SELECT * FROM vintages')).map(fromRecord);
    return { file: path, observations, vintages };
  } catch (err) {
    throw new InputError(
      'READINESS_INPUT',
      `the database has no observations table or vintages view (is it an asean.duckdb of digicge harmonise?): ${(err as Error).message}`,
      { file: path },
      { cause: err },
    );
  } finally {
    c.closeSync();
    inst.closeSync();
  }
}

/**
 * Reads `observations.csv` or `asean.duckdb`.
 * @throws InputError `READINESS_INPUT` when the file is missing or is not harmonised data
 */
export async function readReadinessInput(path: string): Promise<ReadinessInput> {
  if (!existsSync(path)) throw new InputError('READINESS_INPUT', 'the harmonised data file does not exist', { file: path });
  if (path.endsWith('.duckdb')) return readDuckdb(path);
  const observations = readObservations(path).rows.map((r) => fromRecord(r as unknown as Record<string, unknown>));
  return { file: path, observations, vintages: observations };
}

const classCache = new Map<string, string>();

/**
 * Source class (guideline source priority list: nso, regulator, itu, un, adb, world_bank, other) of
 * an observation, from `source.class` of the mapping file it was harmonised with (PROV_MAPPING);
 * `unknown` when that file cannot be read.
 */
export function sourceClass(o: Pick<ReadinessObservation, 'PROV_MAPPING'>, baseDir = packageRoot()): string {
  const p = o.PROV_MAPPING;
  if (!p) return 'unknown';
  const cached = classCache.get(p);
  if (cached) return cached;
  let cls = 'unknown';
  try {
    const m = JSON.parse(readFileSync(isAbsolute(p) ? p : join(baseDir, p), 'utf8')) as { source?: { class?: unknown } };
    if (typeof m.source?.class === 'string') cls = m.source.class;
  } catch {
    cls = 'unknown';
  }
  classCache.set(p, cls);
  return cls;
}
