import { rmSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { OutputError } from '../errors.js';
import { observationColumns } from '../guidelines/dsd-columns.js';
import { csvField, writeChunkedAtomic } from './csv-out.js';
import type { Harmoniser } from './engine.js';
import { observationRowWriter, totals, type HarmoniseOutputs } from './output.js';
import { DROPPED_PADDING, DROPPED_SUPERSEDED } from './store.js';

/** File name of the embedded database a run ships beside observations.csv. */
export const DATABASE_FILE = 'asean.duckdb';
/** File name of the Parquet copy of the observations. */
export const PARQUET_FILE = 'observations.parquet';

const sql = (text: string): string => `'${text.replace(/'/g, "''")}'`;
const STATE: Record<number, string> = { 0: 'kept', [DROPPED_SUPERSEDED]: 'superseded', [DROPPED_PADDING]: 'padding' };

/** A read_csv of one of the run's CSV files, every column as text, names taken from the DSD ids. */
function readCsvSql(path: string, names?: readonly string[]): string {
  return `read_csv(${sql(path)}, header = true, all_varchar = true, quote = '"', escape = '"'${names ? `, names = [${names.map(sql).join(', ')}]` : ''})`;
}

/** Casts of the numeric columns of the observations (OBS_VALUE, UNIT_MULT, PROV_ROW). */
function typedSelect(extra: readonly string[] = []): string {
  const cols = observationColumns().map((c) =>
    c.id === 'OBS_VALUE'
      ? `TRY_CAST(NULLIF("${c.id}", '') AS DOUBLE) AS "${c.id}"`
      : c.numeric
        ? `TRY_CAST(NULLIF("${c.id}", '') AS INTEGER) AS "${c.id}"`
        : `"${c.id}"`,
  );
  return [...cols, ...extra.map((e) => `"${e}"`)].join(', ');
}

/**
 * Writes the harmonised dataset as an embedded DuckDB database and a Parquet file, beside the
 * CSV outputs in `dir` (the run's staging folder). Tables: `observations` (as observations.csv,
 * typed), `dropped_values` (the values that lost their key or were padding) and the view
 * `vintages` (every value every source gave, with STATE kept, superseded or padding: the
 * releases a reviewer compares), `sources` (mapping, file, release, priority, class, dataset,
 * sha256), `rejects` and `conflicts` (as their CSV files). The row counts are checked against the
 * cell ledger.
 * @param h the finished engine
 * @param outputs the CSV files of the run (already written and checked)
 * @param dbPath where the database goes
 * @param parquetPath where the Parquet copy goes
 * @throws OutputError `OUTPUT_LEDGER_MISMATCH` when a table disagrees with the ledger
 */
export async function writeDatabase(h: Harmoniser, outputs: HarmoniseOutputs, dbPath: string, parquetPath: string): Promise<void> {
  const ids = observationColumns().map((c) => c.id);
  const vintages = `${dbPath}.vintages.csv`;
  const sources = `${dbPath}.sources.csv`;
  writeVintages(h, vintages);
  writeChunkedAtomic(sources, (put) => {
    put('SOURCE_ID,MAPPING,FILE,SHEET,RELEASE_DATE,RETRIEVAL_DATE,PRIORITY,SOURCE_CLASS,DATASET,SHA256\n');
    for (const s of h.sources)
      put(
        `${[s.id, s.mapping, s.file, s.sheet, s.releaseDate, s.retrievalDate, String(s.priority), s.sourceClass, s.dataset, s.sha256].map(csvField).join(',')}\n`,
      );
  });
  const db = await DuckDBInstance.create(dbPath, { threads: '2', memory_limit: '512MB' });
  const c = await db.connect();
  try {
    await c.run(`CREATE TABLE observations AS SELECT ${typedSelect()} FROM ${readCsvSql(outputs.observations, ids)}`);
    // the kept values are the observations: only the others are stored again
    await c.run(`CREATE TABLE dropped_values AS SELECT ${typedSelect(['STATE'])} FROM ${readCsvSql(vintages, [...ids, 'STATE'])}`);
    await c.run(`CREATE VIEW vintages AS SELECT *, 'kept' AS STATE FROM observations UNION ALL SELECT * FROM dropped_values`);
    await c.run(`CREATE TABLE sources AS SELECT * REPLACE (CAST(PRIORITY AS INTEGER) AS PRIORITY) FROM ${readCsvSql(sources)}`);
    await c.run(`CREATE TABLE rejects AS SELECT * FROM ${readCsvSql(outputs.rejects)}`);
    await c.run(`CREATE TABLE conflicts AS SELECT * FROM ${readCsvSql(outputs.conflicts)}`);
    const n = await c.runAndReadAll(
      'SELECT (SELECT count(*) FROM observations) AS o, (SELECT count(*) FROM vintages) AS v, (SELECT count(*) FROM conflicts) AS k',
    );
    const [o, v, k] = (n.getRows()[0] as bigint[]).map(Number);
    const t = totals(h);
    if (o !== t.observations || v !== h.store.length || k !== h.conflicts.length) {
      throw new OutputError(
        'OUTPUT_LEDGER_MISMATCH',
        `${dbPath}: the database holds ${o} observations, ${v} vintages and ${k} conflicts; the ledger counts ${t.observations}, ${h.store.length} and ${h.conflicts.length}`,
        { file: dbPath },
      );
    }
    await c.run(`COPY observations TO ${sql(parquetPath)} (FORMAT parquet, COMPRESSION zstd)`);
  } finally {
    c.closeSync();
    db.closeSync();
    rmSync(vintages, { force: true });
    rmSync(sources, { force: true });
  }
}

/** Every stored value that was not kept (superseded, padding) in observations.csv's columns plus STATE. */
function writeVintages(h: Harmoniser, path: string): void {
  const s = h.store;
  const write = observationRowWriter(h);
  const order = Array.from({ length: s.length }, (_, i) => i);
  writeChunkedAtomic(path, (put) => {
    put(
      `${observationColumns()
        .map((c) => c.id)
        .join(',')},STATE\n`,
    );
    let chunk = '';
    for (const i of order) {
      if (!s.dropped[i]) continue;
      chunk += `${write(i).slice(0, -1)},${STATE[s.dropped[i]] ?? 'dropped'}\n`;
      if (chunk.length > 1 << 16) {
        put(chunk);
        chunk = '';
      }
    }
    put(chunk);
  });
}
