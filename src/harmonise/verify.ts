import { OutputError } from '../errors.js';
import { streamCsvFile } from '../ingest/csv.js';
import type { RawRow } from '../ingest/types.js';
import { dsdKeyDimensions } from '../guidelines/dsd.js';
import type { Harmoniser } from './engine.js';
import { headerId } from './read.js';
import { emptyRecord, scanCsvChunks, type ScannedRecord } from './verify-scan.js';
import { CONFLICT_COLUMNS, OBSERVATION_COLUMNS, REJECT_COLUMNS, totals, type HarmoniseOutputs } from './output.js';

/** What the written files were found to hold (the figures the check compared with the ledger). */
export interface WrittenFigures {
  /** Data rows of observations.csv. */
  observations: number;
  /** Distinct keys among them (sorted strictly, so equal to the rows when the file is right). */
  keys: number;
  /** REF_AREA codes present, sorted. */
  areas: string[];
  /** Rows of observations.csv per SOURCE_ID. */
  bySource: Record<string, number>;
  /** Cells accounted for by rejects.csv (sum of CELLS). */
  rejectedCells: number;
  /** Data rows of conflicts.csv. */
  conflicts: number;
}

const IDS = OBSERVATION_COLUMNS.map(headerId);
/** Positions of the key dimensions of the DSD (FREQ follows from the period) in the written file. */
const KEY = dsdKeyDimensions().map((d) => IDS.indexOf(d.id));
const AREA = IDS.indexOf('REF_AREA');
const SOURCE = IDS.indexOf('SOURCE_ID');
const VALUE = IDS.indexOf('OBS_VALUE');
/** Fields of the previous row the check compares with the next (the key, the area, the source). */
const KEPT = Math.max(...KEY, AREA, SOURCE) + 1;

/** -1, 0 or 1: the order observations.csv is sorted in (key columns, plain code-unit order). */
function compareKeys(a: ScannedRecord, b: ScannedRecord): number {
  for (const k of KEY) {
    const c = a.compare(k, b);
    if (c !== 0) return c;
  }
  return 0;
}

/** Streams a written CSV file, checking its header; calls `row` for each data row. */
function readWritten(path: string, columns: readonly string[], row: (r: RawRow) => void): void {
  streamCsvFile(
    path,
    { delimiter: ',' },
    {
      onHeader(h, r) {
        if (h.join(',') !== columns.join(','))
          throw new OutputError('OUTPUT_LEDGER_MISMATCH', `the written header is not ${columns.join(',')}`, { file: path, row: r });
      },
      onRow(r) {
        if (r.error)
          throw new OutputError('OUTPUT_LEDGER_MISMATCH', `the written row cannot be read back: ${r.error.message}`, {
            file: path,
            row: r.row,
          });
        row(r);
      },
    },
  );
}

/**
 * Reads back the files a run has just written and measures them (row counts, distinct keys,
 * areas, rows per source, rejected cells, conflicts), failing at the first row that cannot be
 * right: a key out of order or repeated, a value that is not a number.
 * @param outputs the written files
 * @throws OutputError `OUTPUT_LEDGER_MISMATCH` located at the file and row
 */
export function measureOutputs(outputs: HarmoniseOutputs): WrittenFigures {
  const steps = measureSteps(outputs);
  for (;;) {
    const n = steps.next();
    if (n.done) return n.value;
  }
}

/** A turn of the event loop (pending database work goes on meanwhile). */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * {@link measureOutputs} giving the event loop a turn after each chunk of observations.csv read,
 * so that asynchronous work started before (the database build) proceeds while the file is read back.
 * @param outputs the written files
 * @throws OutputError `OUTPUT_LEDGER_MISMATCH` located at the file and row
 */
export async function measureOutputsAsync(outputs: HarmoniseOutputs): Promise<WrittenFigures> {
  const steps = measureSteps(outputs);
  for (;;) {
    const n = steps.next();
    if (n.done) return n.value;
    await turn();
  }
}

/** The work of {@link measureOutputs}, yielding after each chunk of observations.csv. */
function* measureSteps(outputs: HarmoniseOutputs): Generator<void, WrittenFigures> {
  const f: WrittenFigures = { observations: 0, keys: 0, areas: [], bySource: {}, rejectedCells: 0, conflicts: 0 };
  const areas = new Set<string>();
  // the previous row (a copy), and the source of the run of rows that ends with it
  const last = emptyRecord();
  let first = true;
  let header = true;
  let source = '';
  let sourceCount = 0;
  const flushSource = (): void => {
    if (sourceCount) f.bySource[source] = (f.bySource[source] ?? 0) + sourceCount;
  };
  // straight from the bytes: a million rows are read back without a string per field
  yield* scanCsvChunks(outputs.observations, (r) => {
    if (header) {
      header = false;
      const h = Array.from({ length: r.count }, (_, k) => r.text(k));
      if (h.join(',') !== OBSERVATION_COLUMNS.join(','))
        throw new OutputError('OUTPUT_LEDGER_MISMATCH', `the written header is not ${OBSERVATION_COLUMNS.join(',')}`, {
          file: outputs.observations,
          row: r.line,
        });
      return;
    }
    if (r.count !== OBSERVATION_COLUMNS.length)
      throw new OutputError(
        'OUTPUT_LEDGER_MISMATCH',
        `the written row cannot be read back: row has ${r.count} cells where the header has ${OBSERVATION_COLUMNS.length}`,
        { file: outputs.observations, row: r.line },
      );
    f.observations++;
    const order = first ? -1 : compareKeys(last, r);
    if (order >= 0)
      throw new OutputError(
        'OUTPUT_LEDGER_MISMATCH',
        order === 0 ? `key ${KEY.map((k) => r.text(k)).join(' ')} is written twice` : 'rows are not in key order',
        { file: outputs.observations, row: r.line },
      );
    f.keys++;
    if (first || !r.same(AREA, last)) areas.add(r.text(AREA));
    if (!first && r.same(SOURCE, last)) sourceCount++;
    else {
      flushSource();
      source = r.text(SOURCE);
      sourceCount = 1;
    }
    r.copyTo(last, KEPT);
    first = false;
    if (!r.emptyOrNumber(VALUE))
      throw new OutputError('OUTPUT_LEDGER_MISMATCH', `OBS_VALUE "${r.text(VALUE)}" is neither a number nor empty`, {
        file: outputs.observations,
        row: r.line,
        column: 'OBS_VALUE',
      });
  });
  if (header)
    throw new OutputError('OUTPUT_LEDGER_MISMATCH', `the written header is not ${OBSERVATION_COLUMNS.join(',')}`, {
      file: outputs.observations,
      row: 1,
    });
  flushSource();
  f.areas = [...areas].sort();
  const cellsAt = REJECT_COLUMNS.indexOf('CELLS');
  readWritten(outputs.rejects, REJECT_COLUMNS, (r) => {
    f.rejectedCells += Number(r.cells[cellsAt]);
  });
  readWritten(outputs.conflicts, CONFLICT_COLUMNS, () => {
    f.conflicts++;
  });
  return f;
}

/** The figures the written files must show, from the run's cell ledger and its store. */
export function ledgerFigures(h: Harmoniser): Omit<WrittenFigures, 'keys'> {
  const t = totals(h);
  const s = h.store;
  const areas = new Set<string>();
  for (let i = 0; i < s.length; i++) if (!s.dropped[i]) areas.add(s.areaOf(i));
  const bySource: Record<string, number> = {};
  for (const c of t.sources) if (c.observations) bySource[c.sourceId] = (bySource[c.sourceId] ?? 0) + c.observations;
  return { observations: t.observations, areas: [...areas].sort(), bySource, rejectedCells: t.rejected, conflicts: h.conflicts.length };
}

/**
 * Checks the written files against the cell ledger: as many observation rows as the ledger's
 * observations, one row per key, the same areas, the same rows per source, the rejected cells and
 * the conflicts; and the ledger itself adds up (cells = observations + rejected + filtered, per
 * source). A run that fails this check has written something other than what it counted.
 * @param h the finished engine
 * @param outputs the files it wrote
 * @throws OutputError `OUTPUT_LEDGER_MISMATCH` naming the file and what differs
 */
export function verifyOutputs(h: Harmoniser, outputs: HarmoniseOutputs): WrittenFigures {
  checkLedger(h);
  return compareFigures(h, outputs, measureOutputs(outputs));
}

/**
 * {@link verifyOutputs} reading the files back with {@link measureOutputsAsync} (the event loop
 * gets a turn after each chunk).
 * @param h the finished engine
 * @param outputs the files it wrote
 * @throws OutputError `OUTPUT_LEDGER_MISMATCH` naming the file and what differs
 */
export async function verifyOutputsAsync(h: Harmoniser, outputs: HarmoniseOutputs): Promise<WrittenFigures> {
  checkLedger(h);
  return compareFigures(h, outputs, await measureOutputsAsync(outputs));
}

/** The ledger adds up per source (cells = observations + rejected + filtered). */
function checkLedger(h: Harmoniser): void {
  for (const c of h.counts) {
    const filtered = Object.values(c.filtered).reduce((a, b) => a + b, 0);
    if (c.cells !== c.observations + c.rejected + filtered) {
      throw new OutputError(
        'OUTPUT_LEDGER_MISMATCH',
        `source ${c.sourceId}: ${c.cells} cells ≠ ${c.observations} observations + ${c.rejected} rejected + ${filtered} filtered`,
        { file: c.mapping },
      );
    }
  }
}

/** The measured figures of the written files against the ledger's; returns them when equal. */
function compareFigures(h: Harmoniser, outputs: HarmoniseOutputs, got: WrittenFigures): WrittenFigures {
  const want = ledgerFigures(h);
  const differ = (what: string, file: string, w: unknown, g: unknown): never => {
    throw new OutputError('OUTPUT_LEDGER_MISMATCH', `${what}: the ledger counts ${String(w)}, the written file holds ${String(g)}`, {
      file,
    });
  };
  if (got.observations !== want.observations) differ('observation rows', outputs.observations, want.observations, got.observations);
  if (got.areas.join(',') !== want.areas.join(',')) differ('areas', outputs.observations, want.areas.join(' '), got.areas.join(' '));
  for (const id of new Set([...Object.keys(want.bySource), ...Object.keys(got.bySource)])) {
    if ((want.bySource[id] ?? 0) !== (got.bySource[id] ?? 0))
      differ(`observations of source ${id}`, outputs.observations, want.bySource[id] ?? 0, got.bySource[id] ?? 0);
  }
  if (got.rejectedCells !== want.rejectedCells) differ('rejected cells', outputs.rejects, want.rejectedCells, got.rejectedCells);
  if (got.conflicts !== want.conflicts) differ('conflicts', outputs.conflicts, want.conflicts, got.conflicts);
  return got;
}
