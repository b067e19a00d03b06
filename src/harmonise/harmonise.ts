import type { Observation } from '../guidelines/generated/observation.js';
import { Harmoniser } from './engine.js';
import { join } from 'node:path';
import { DATABASE_FILE, PARQUET_FILE, writeDatabase } from './database.js';
import { loadMapping, type LoadedMapping } from './mapping.js';
import { StagedOutput } from './staging.js';
import { periodFrequency } from './period.js';
import { SUBFIELD_SEPARATOR } from '../guidelines/dsd-columns.js';
import {
  OBSERVATION_ACTION as ACTION,
  OBSERVATION_STRUCTURE_ID as STRUCTURE_ID,
  observationSteps,
  outputPaths,
  totals,
  writeFactsFile,
  writeSideOutputs,
  type HarmoniseOutputs,
} from './output.js';
import type { ConflictRecord, HarmoniseCounts, QualityWarning, RejectRecord } from './types.js';
import { verifyOutputsAsync, type WrittenFigures } from './verify.js';

export type { Observation } from '../guidelines/generated/observation.js';

/** Options of {@link harmonise}. */
export interface HarmoniseOptions {
  /** Mapping files (paths) or mappings already loaded, in priority-independent order. */
  mappings: readonly (string | LoadedMapping)[];
  /** When given, observations.csv, rejects.csv, conflicts.csv and quality.md are written here. */
  outDir?: string;
  /**
   * Called once the files are written and before they are read back and checked against the
   * ledger (a test corrupts a file here to prove that the check catches it).
   */
  afterWrite?: (outputs: HarmoniseOutputs) => void;
  /** Also write asean.duckdb and observations.parquet (default true). */
  database?: boolean;
}

/** What {@link harmonise} returns. */
export interface HarmoniseResult {
  /** Cells in, observations out, rejected, filtered; per source too. */
  counts: HarmoniseCounts;
  /** Rejected rows and cells with their reasons. */
  rejects: RejectRecord[];
  /** Keys given by two sources, with the one kept. */
  conflicts: ConflictRecord[];
  /** Quality warnings. */
  warnings: QualityWarning[];
  /** Files written (when `outDir` was given). */
  outputs?: HarmoniseOutputs;
  /** What the written files were read back to hold (when `outDir` was given): equal to the ledger. */
  written?: WrittenFigures;
  /** One line for a person: `N observations from M cells (R rejected, F filtered)`. */
  summary: string;
  /** The observations as typed rows, sorted by key (built on demand). */
  observations(): Observation[];
  /** The engine (column store and sources), for callers that stream the output. */
  engine: Harmoniser;
}

/** A turn of the event loop (the database build goes on meanwhile). */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The observations of a run as typed rows sorted by key. */
export function observationRows(h: Harmoniser): Observation[] {
  const s = h.store;
  return Array.from(h.liveOrder(), (i) => {
    const src = h.sources[s.source[i]];
    // the breakdown fields are those of the DSD, the type generated from it
    const breakdowns = Object.fromEntries(s.breakdowns.map((d, k) => [d, s.codes(i)[k]]));
    return {
      STRUCTURE: 'dataflow',
      STRUCTURE_ID,
      ACTION,
      REF_AREA: s.areaOf(i),
      INDICATOR: s.indicatorOf(i),
      ...breakdowns,
      FREQ: periodFrequency(s.timeOf(i))!,
      TIME_PERIOD: s.timeOf(i),
      OBS_VALUE: Number.isNaN(s.value[i]) ? null : s.value[i],
      UNIT_MEASURE: s.unitOf(i),
      UNIT_MULT: 0,
      OBS_STATUS: s.statusOf(i),
      ...(h.obsFlags.has(i) ? { OBS_FLAG: h.obsFlags.get(i)!.join(SUBFIELD_SEPARATOR) } : {}),
      SOURCE_ID: src.id,
      RELEASE_DATE: src.releaseDate,
      PROV_FILE: src.file,
      PROV_SHEET: src.sheet,
      PROV_ROW: s.row[i],
      PROV_COLUMN: s.columnOf(i),
      PROV_MAPPING: src.mapping,
      PROV_SHA256: src.sha256,
    } as Observation;
  });
}

/**
 * Writes every output into the staging folder, reads the CSV files back against the ledger,
 * builds the database and the Parquet copy, then publishes them all into the output folder.
 */
async function writeStaged(
  h: Harmoniser,
  stage: StagedOutput,
  options: HarmoniseOptions,
): Promise<{ outputs: HarmoniseOutputs; written: WrittenFigures }> {
  const db = options.database !== false;
  const facts = db ? stage.staged(`${DATABASE_FILE}.facts.csv`) : undefined;
  const staged = outputPaths(stage.staging);
  // the files the database loads first, then the database is built (in DuckDB's threads) while
  // observations.csv is written and every CSV file is read back against the ledger; a file that
  // disagrees fails the run whatever the database holds. The failure of the build is held as a
  // value until then (never an unhandled rejection meanwhile).
  // Measured and left out (1,000,000 rows, 2 cores): reading observations.csv back in a worker
  // thread as it is written ends the read-back ~0.1–0.4 s after the write instead of ~2 s, but the
  // write slows as three threads (main, worker, DuckDB) share two cores, the database build becomes
  // the critical path: whole runs from dist/ took 5.47–5.51 s against 5.11–5.33 s without it, and
  // under tsx peak RSS rose by 40–80 MB (up to 531 MB).
  if (facts) writeFactsFile(h, facts);
  writeSideOutputs(h, staged);
  const database = facts
    ? writeDatabase(h, staged, stage.staged(DATABASE_FILE), stage.staged(PARQUET_FILE), facts).then(
        () => null,
        (err: unknown) => ({ err }),
      )
    : undefined;
  const names = ['observations.csv', 'rejects.csv', 'conflicts.csv', 'quality.md'];
  let written: WrittenFigures;
  try {
    const steps = observationSteps(h, staged.observations);
    while (!steps.next().done) await turn();
    options.afterWrite?.(staged);
    written = await verifyOutputsAsync(h, staged);
  } finally {
    // nothing is published (or removed) while the build still reads the staged files
    await database;
  }
  const failed = await database;
  if (failed) throw failed.err;
  if (db) names.push(DATABASE_FILE, PARQUET_FILE);
  stage.publish(names);
  const at = (n: string): string => join(stage.dir, n);
  const outputs: HarmoniseOutputs = {
    observations: at('observations.csv'),
    rejects: at('rejects.csv'),
    conflicts: at('conflicts.csv'),
    quality: at('quality.md'),
    ...(options.database !== false ? { database: at(DATABASE_FILE), parquet: at(PARQUET_FILE) } : {}),
  };
  return { outputs, written };
}

/** Summary line of a run. */
export function summaryLine(c: HarmoniseCounts): string {
  return `${c.observations} observations from ${c.cells} input cells of ${c.sources.length} source(s): ${c.rejected} rejected, ${c.filtered} filtered (${c.cells === c.observations + c.rejected + c.filtered ? 'every cell accounted for' : 'COUNTS DO NOT ADD UP'})`;
}

/**
 * Harmonises national statistics files to the ASEAN guideline: every mapped source is read, each
 * data cell becomes an observation (codes through concordances, units converted to the
 * catalogue's canonical unit, validated), a reject with its reason, or a counted filter; keys given
 * by several sources are resolved by source priority (then release date) with the loser logged.
 * @param options mapping files and an optional output folder
 * @throws SchemaError for a mapping that fails its schema; InputError for an unreadable file;
 *   OutputError `OUTPUT_LEDGER_MISMATCH` when the files read back disagree with the cell ledger (then
 *   nothing is published), `OUTPUT_IN_USE` when another run holds the output folder
 */
export async function harmonise(options: HarmoniseOptions): Promise<HarmoniseResult> {
  // the output folder is taken first: a second run into it refuses before reading anything
  const stage = options.outDir !== undefined ? StagedOutput.open(options.outDir) : undefined;
  const h = new Harmoniser();
  let outputs: HarmoniseOutputs | undefined;
  let written: WrittenFigures | undefined;
  try {
    for (const m of options.mappings) await h.add(typeof m === 'string' ? loadMapping(m) : m);
    h.finalise();
    if (stage) ({ outputs, written } = await writeStaged(h, stage, options));
  } finally {
    stage?.close();
  }
  const counts = totals(h);
  let rows: Observation[] | null = null;
  const observations = (): Observation[] => (rows ??= observationRows(h));
  return {
    counts,
    rejects: h.rejects,
    conflicts: h.conflicts,
    warnings: h.warnings,
    ...(outputs ? { outputs } : {}),
    ...(written ? { written } : {}),
    summary: summaryLine(counts),
    observations,
    engine: h,
  };
}
