import { rmSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { OutputError } from '../errors.js';
import { observationColumns } from '../guidelines/dsd-columns.js';
import { csvField, writeChunkedAtomic } from './csv-out.js';
import type { Harmoniser } from './engine.js';
import { factsLayout, factsRow, observationFields, type FieldPart } from './obs-fields.js';
import { totals, type HarmoniseOutputs } from './output.js';
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

/** Number of distinct ids of a part (1 for `const`). */
function partCount(h: Harmoniser, part: Exclude<FieldPart, 'slot'>): number {
  const s = h.store;
  const n: Record<typeof part, number> = {
    const: 1,
    area: s.areas.texts.length,
    indicator: s.indicators.texts.length,
    combo: s.comboCount,
    time: s.times.texts.length,
    unit: s.units.texts.length,
    status: s.statuses.texts.length,
    source: h.sources.length,
    column: s.columns.texts.length,
  };
  return n[part];
}

/** A field's text as DuckDB reads it back from observations.csv: unquoted, and NULL when empty. */
function sqlField(text: string): string {
  const t = text.length > 1 && text[0] === '"' ? text.slice(1, -1).replace(/""/g, '"') : text;
  return t === '' ? 'NULL' : sql(t);
}

/**
 * Writes the stored values of a run as the database loads them: a narrow CSV file of the
 * observations in the order of observations.csv and one of the dropped values in store order
 * (each row: its slot, state, the ids of its interned parts and the fields of its own, as
 * observations.csv writes them). Each interned field becomes a list literal indexed by id, so the
 * views give observations.csv's columns by projection alone (no join, no sort: the order of the
 * file is kept) and the wide rows are never written or parsed again.
 * @returns the narrow files and the SQL projection of every column of observations.csv as text
 */
function writeNarrow(
  h: Harmoniser,
  base: string,
  files: string[],
  liveFacts?: string,
): { live: string; dropped: string; columns: string; types: string } {
  const s = h.store;
  const fields = observationFields(h);
  const layout = factsLayout(h);
  const write = (path: string, order: Iterable<number>): void => {
    files.push(path);
    writeChunkedAtomic(path, (put) => {
      put(layout.header);
      for (const i of order) put(factsRow(h, layout, i));
    });
  };
  const live = liveFacts ?? `${base}.live.csv`;
  const dropped = `${base}.dropped.csv`;
  if (liveFacts === undefined) write(live, h.liveOrder());
  else files.push(liveFacts);
  const gone: number[] = [];
  for (let i = 0; i < s.length; i++) if (s.dropped[i]) gone.push(i);
  write(dropped, gone);
  const columns = fields.map((f) => {
    if (f.part === 'slot') return `"${f.id}"`;
    if (f.part === 'const') return `${sqlField(f.text(0))} AS "${f.id}"`;
    const texts = Array.from({ length: partCount(h, f.part) }, (_, id) => sqlField(f.text(id)));
    return `list_extract([${texts.join(', ')}]::VARCHAR[], P_${f.part} + 1) AS "${f.id}"`;
  });
  const types = `{${['SLOT', 'STATE', ...layout.parts.map((p) => `P_${p}`)].map((c) => `'${c}': 'INTEGER'`).join(', ')}}`;
  return { live, dropped, columns: columns.join(', '), types };
}

/**
 * Writes the harmonised dataset as an embedded DuckDB database and a Parquet file, beside the
 * CSV outputs in `dir` (the run's staging folder). Tables: `observations` (as observations.csv,
 * typed), `dropped_values` (the values that lost their key or were padding) and the view
 * `vintages` (every value every source gave, with STATE kept, superseded or padding: the
 * releases a reviewer compares), `sources` (mapping, file, release, priority, class, dataset,
 * sha256), `rejects` and `conflicts` (as their CSV files). The observations and dropped values are
 * loaded from narrow CSV files of ids and small lookup files (see {@link writeNarrow}), each field
 * as observations.csv writes it; the row counts are checked against the cell ledger.
 * @param h the finished engine
 * @param outputs the CSV files of the run (already written and checked)
 * @param dbPath where the database goes
 * @param parquetPath where the Parquet copy goes
 * @param liveFacts the narrow file of the observations when {@link writeOutputs} wrote it (it is removed)
 * @throws OutputError `OUTPUT_LEDGER_MISMATCH` when a table disagrees with the ledger
 */
export async function writeDatabase(
  h: Harmoniser,
  outputs: HarmoniseOutputs,
  dbPath: string,
  parquetPath: string,
  liveFacts?: string,
): Promise<void> {
  const sources = `${dbPath}.sources.csv`;
  const files = [sources];
  writeChunkedAtomic(sources, (put) => {
    put('SOURCE_ID,MAPPING,FILE,SHEET,RELEASE_DATE,RETRIEVAL_DATE,PRIORITY,SOURCE_CLASS,DATASET,SHA256\n');
    for (const s of h.sources)
      put(
        `${[s.id, s.mapping, s.file, s.sheet, s.releaseDate, s.retrievalDate, String(s.priority), s.sourceClass, s.dataset, s.sha256].map(csvField).join(',')}\n`,
      );
  });
  let db: DuckDBInstance | undefined;
  let c: Awaited<ReturnType<DuckDBInstance['connect']>> | undefined;
  try {
    const narrow = writeNarrow(h, dbPath, files, liveFacts);
    const states = Object.entries(STATE)
      .map(([k, v]) => `WHEN ${k} THEN ${sql(v)}`)
      .join(' ');
    // the build overlaps the writing and reading back of observations.csv: DuckDB's share of the
    // run's peak memory is kept small (it spills to disk beyond it)
    db = await DuckDBInstance.create(dbPath, { threads: '1', memory_limit: '96MB' });
    c = await db.connect();
    const facts = (path: string): string => readCsvSql(path).replace(/\)$/, `, types = ${narrow.types})`);
    await c.run(`CREATE TABLE observation_facts AS SELECT * FROM ${facts(narrow.live)}`);
    await c.run(`CREATE TABLE dropped_facts AS SELECT * FROM ${facts(narrow.dropped)}`);
    await c.run(`CREATE VIEW observations AS SELECT ${typedSelect()} FROM (SELECT ${narrow.columns} FROM observation_facts)`);
    // the kept values are the observations: only the others are stored again
    await c.run(
      `CREATE VIEW dropped_values AS SELECT ${typedSelect(['STATE'])} FROM (SELECT ${narrow.columns}, CASE STATE ${states} ELSE 'dropped' END AS STATE FROM dropped_facts)`,
    );
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
    await c.run(`COPY observations TO ${sql(parquetPath)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 32768)`);
  } finally {
    c?.closeSync();
    db?.closeSync();
    for (const f of files) rmSync(f, { force: true });
  }
}
