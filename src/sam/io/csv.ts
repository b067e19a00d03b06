import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { InputError } from '../../errors.js';
import { roundTripNumber } from '../../util/number-text.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { csvText } from '../../util/csv.js';
import type { Sam } from '../sam.js';
import { type LabelledGridOptions, samFromLabelledGrid } from './grid.js';

/**
 * Parses a SAM from labelled CSV text: first row and first column are account labels, an empty cell
 * is 0, any line ending (LF, CRLF, CR only) and an optional UTF-8 BOM; an optional last row/column
 * labelled `Total` is checked against the cells and dropped. Errors (`SAM_NOT_SQUARE`,
 * `SAM_LABEL_MISMATCH`, `SAM_DUPLICATE_LABEL`, `SAM_NOT_NUMERIC`, `SAM_NOT_FINITE`,
 * `SAM_TOTAL_MISMATCH`, `CSV_MALFORMED`) name the file, row and column.
 * @param text CSV content
 * @param options groups, unit, file name for error locations, totals tolerance
 */
export function parseSamCsv(text: string, options: LabelledGridOptions = {}): Sam {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let rows: string[][];
  if (!body.includes('"')) {
    // no quoting: a plain split gives the same records as the CSV parser, much faster
    rows = body.split(/\r\n|\r|\n/).map((l) => l.split(','));
    if (rows.length > 0 && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === '') rows.pop();
    return samFromLabelledGrid(rows, options);
  }
  try {
    rows = parse(body, {
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      skip_empty_lines: false,
      trim: false,
    }) as string[][];
  } catch (err) {
    const e = err as { message?: string; lines?: number };
    throw new InputError(
      'CSV_MALFORMED',
      `not readable as CSV: ${e.message ?? String(err)}`,
      {
        ...(options.file !== undefined ? { file: options.file } : {}),
        ...(typeof e.lines === 'number' ? { row: e.lines } : {}),
      },
      { cause: err },
    );
  }
  return samFromLabelledGrid(rows, options);
}

/** Reads a SAM from a labelled CSV file; see {@link parseSamCsv}. */
export async function readSamCsv(path: string, options: LabelledGridOptions = {}): Promise<Sam> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new InputError('FILE_UNREADABLE', `cannot read the file: ${(err as Error).message}`, { file: path }, { cause: err });
  }
  return parseSamCsv(text, { file: path, ...options });
}

/** Options of {@link formatSamCsv}. */
export interface SamCsvWriteOptions {
  /** Write zero cells as `0` instead of leaving them empty (default: empty). */
  zeros?: 'empty' | '0';
  /** Append a `Total` row and column (default: false). */
  totals?: boolean;
}

/**
 * Formats a SAM as labelled CSV (LF line ends, shortest round-trip numbers, zero cells empty by
 * default): the same SAM always gives the same bytes, and {@link parseSamCsv} reads it back exactly.
 * Labels that a spreadsheet would run as a formula are neutralised (the reader restores them).
 */
export function formatSamCsv(sam: Sam, options: SamCsvWriteOptions = {}): string {
  const n = sam.n;
  const z = options.zeros === '0' ? '0' : '';
  const cell = (v: number) => (v === 0 ? z : roundTripNumber(v));
  const labels = sam.labels.map(csvText);
  const lines: string[] = [['', ...labels, ...(options.totals ? ['Total'] : [])].join(',')];
  const rt = sam.rowTotals();
  for (let i = 0; i < n; i++) {
    const cells = [labels[i]];
    for (let j = 0; j < n; j++) cells.push(cell(sam.values[i * n + j]));
    if (options.totals) cells.push(roundTripNumber(rt[i]));
    lines.push(cells.join(','));
  }
  if (options.totals) {
    const ct = sam.colTotals();
    lines.push(['Total', ...Array.from(ct, roundTripNumber), roundTripNumber(sam.total())].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Writes a SAM as labelled CSV, atomically; see {@link formatSamCsv}. */
export async function writeSamCsv(path: string, sam: Sam, options: SamCsvWriteOptions = {}): Promise<void> {
  await writeFileAtomic(path, formatSamCsv(sam, options));
}
