/**
 * The one CSV writer of digicge's outputs: RFC 4180 quoting, LF line ends, a header row, every text
 * cell neutralised against formula injection ({@link neutraliseFormula}) and numbers written by a
 * fixed formatter (default: the shortest round-trip decimal). Numbers are never altered, so a column
 * of numbers stays numbers in a spreadsheet; text that looks like a formula never runs.
 * @module
 */
import { neutraliseFormula } from './neutralise.js';
import { roundTripNumber } from './number-text.js';

/** A cell of a CSV output: text, a number, or empty (`null`/`undefined`). */
export type CsvCell = string | number | null | undefined;

/** How numbers are written (default {@link roundTripNumber}). */
export type NumberFormatter = (x: number) => string;

/** Quotes a field when it holds a comma, a quote or a line break (RFC 4180); no neutralisation. */
export function csvQuote(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 44 || c === 34 || c === 10 || c === 13) return `"${s.replace(/"/g, '""')}"`;
  }
  return s;
}

/** A text field: neutralised against formula injection, then quoted. */
export function csvText(s: string): string {
  return csvQuote(neutraliseFormula(s));
}

/** One cell: text through {@link csvText}, a number through `format`, empty for null/undefined. */
export function csvCell(v: CsvCell, format: NumberFormatter = roundTripNumber): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'number' ? format(v) : csvText(v);
}

/** One record (no line end). */
export function csvRecord(cells: readonly CsvCell[], format: NumberFormatter = roundTripNumber): string {
  return cells.map((c) => csvCell(c, format)).join(',');
}

/**
 * A whole CSV text: the header, then one record per row, each ended by `\n`.
 * @param header column names (text: neutralised and quoted like any text cell)
 * @param rows records of cells
 * @param format how numbers are written
 */
export function formatCsv(
  header: readonly string[],
  rows: Iterable<readonly CsvCell[]>,
  format: NumberFormatter = roundTripNumber,
): string {
  const lines = [csvRecord(header, format)];
  for (const r of rows) lines.push(csvRecord(r, format));
  return `${lines.join('\n')}\n`;
}
