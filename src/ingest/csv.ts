import { InputError } from '../errors.js';
import { readTextFile } from './decode.js';
import type { RawRow, RawTable, RowSink } from './types.js';

/** Options of the delimited-text reader; every one is optional. */
export interface CsvOptions {
  /** Field separator; sniffed from the header line among `,` `;` tab `|` when absent. */
  delimiter?: string;
  /** Quote character, default `"` (a doubled quote inside a quoted field is one quote). */
  quote?: string;
  /** Text encoding, default `utf-8` (strict); e.g. `windows-1252`, `latin1`. */
  encoding?: string;
  /** Physical lines to skip before the header (a preamble). */
  skipRows?: number;
  /** Number of header rows (stacked headers are joined with ` / `), default 1. */
  headerRows?: number;
  /**
   * Line breaks allowed inside one quoted field (default 50; 0: the dialect allows none). A quoted
   * field spanning more lines is taken as an unbalanced quote: the row where the quote opened is
   * rejected and reading resumes on the next line. A row whose quoted field spans lines and which
   * then has another number of cells than the header is taken the same way (the quote that opened
   * it was a stray one, closed by a quote rows later).
   */
  maxLinesPerField?: number;
  /** Sheet-like name reported in locations (e.g. the dataset of an SDMX-CSV file). */
  sheet?: string;
}

const CANDIDATES = [',', ';', '\t', '|'];

/**
 * Guesses the delimiter from one line: the candidate (`,` `;` tab `|`) occurring most often outside quotes.
 * @param line the header line
 */
export function sniffDelimiter(line: string): string {
  let best = ',';
  let bestCount = 0;
  for (const d of CANDIDATES) {
    let count = 0;
    let inQ = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (c === '"') inQ = !inQ;
      else if (!inQ && c === d) count++;
    }
    if (count > bestCount) { best = d; bestCount = count; }
  }
  return best;
}

/** A record found by {@link parseDelimited}. */
export interface ParsedRecord {
  /** Fields, or empty when the record could not be parsed (see `error`). */
  fields: string[];
  /** 1-based physical line where the record starts. */
  line: number;
  /** Offsets of the record's text in the input. */
  start: number;
  end: number;
  /** Line breaks inside its quoted fields (0 when every field is on one line). */
  linesInside: number;
  /** Why the record could not be parsed. */
  error?: { code: string; message: string };
}

/**
 * What the receiver of a record may answer: `false` stops parsing; `'unbalanced'` says the
 * record cannot be right (e.g. it spans lines and has the wrong number of cells), so it is
 * reported as an unbalanced quote at the line where it starts and parsing resumes on the next line.
 */
export type RecordVerdict = boolean | void | 'unbalanced';

function lineEndAfter(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) return i + 1;
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
    i++;
  }
  return n;
}

/**
 * Parses delimited text record by record, calling `onRecord` for each (blank lines are skipped).
 * CR, LF and CRLF line ends; quoted fields with doubled quotes and line breaks inside. A quote
 * that is never closed, closed by a quote followed by something other than a delimiter or a line
 * end, or that runs over more than `maxLinesPerField` lines, gives one record with
 * `error.code = 'CSV_UNBALANCED_QUOTE'` at the line where the quote opened, and parsing resumes on
 * the following physical line: rows after a bad quote are never swallowed.
 * @param text decoded text (BOM removed)
 * @param delimiter one-character separator
 * @param quote one-character quote
 * @param startAt offset to start at
 * @param startLine 1-based line number of `startAt`
 * @param maxLinesPerField limit of line breaks inside one quoted field
 * @param onRecord receives each record; return `false` to stop
 */
export function parseDelimited(
  text: string,
  delimiter: string,
  quote: string,
  startAt: number,
  startLine: number,
  maxLinesPerField: number,
  onRecord: (rec: ParsedRecord) => RecordVerdict,
): void {
  const D = delimiter.charCodeAt(0);
  const Q = quote.charCodeAt(0);
  const n = text.length;
  let i = startAt;
  let line = startLine;
  while (i < n) {
    const recStart = i;
    const recLine = line;
    // blank line
    const c0 = text.charCodeAt(i);
    if (c0 === 10) { i++; line++; continue; }
    if (c0 === 13) { i += text.charCodeAt(i + 1) === 10 ? 2 : 1; line++; continue; }
    const fields: string[] = [];
    let bad: string | null = null;
    let endOfRecord = false;
    let recLinesInside = 0;
    while (!endOfRecord) {
      if (i < n && text.charCodeAt(i) === Q) {
        // quoted field
        let j = i + 1;
        let value = '';
        let segStart = j;
        let linesInside = 0;
        for (;;) {
          const q = text.indexOf(quote, j);
          const stop = q < 0 ? n : q;
          for (let k = j; k < stop; k++) {
            const ch = text.charCodeAt(k);
            if (ch === 10) linesInside++;
            else if (ch === 13 && text.charCodeAt(k + 1) !== 10) linesInside++;
          }
          if (q < 0) { bad = 'the quote is never closed (reaches the end of the file)'; break; }
          if (linesInside > maxLinesPerField) { bad = `the quoted field runs over more than ${maxLinesPerField} lines`; break; }
          if (text.charCodeAt(q + 1) === Q) { value += text.slice(segStart, q + 1); j = q + 2; segStart = j; continue; }
          value += text.slice(segStart, q);
          i = q + 1;
          break;
        }
        if (bad) break;
        line += linesInside;
        recLinesInside += linesInside;
        fields.push(value);
        if (i >= n) { endOfRecord = true; break; }
        const c = text.charCodeAt(i);
        if (c === D) { i++; if (i >= n) { fields.push(''); endOfRecord = true; } continue; }
        if (c === 10) { i++; line++; endOfRecord = true; break; }
        if (c === 13) { i += text.charCodeAt(i + 1) === 10 ? 2 : 1; line++; endOfRecord = true; break; }
        bad = `a closing quote is followed by "${text[i]}" instead of the delimiter or a line end`;
        break;
      }
      // unquoted field
      let k = i;
      let c = 0;
      while (k < n) {
        c = text.charCodeAt(k);
        if (c === D || c === 10 || c === 13) break;
        k++;
      }
      fields.push(text.slice(i, k));
      if (k >= n) { i = n; endOfRecord = true; break; }
      if (c === D) { i = k + 1; if (i >= n) { fields.push(''); endOfRecord = true; } continue; }
      i = c === 13 && text.charCodeAt(k + 1) === 10 ? k + 2 : k + 1;
      line++;
      endOfRecord = true;
    }
    if (!bad) {
      const verdict = onRecord({ fields, line: recLine, start: recStart, end: i, linesInside: recLinesInside });
      if (verdict === false) return;
      if (verdict !== 'unbalanced') continue;
      bad = `a quoted field runs over ${recLinesInside + 1} lines and the row then has ${fields.length} cell(s), not the header's number`;
    }
    const end = lineEndAfter(text, recStart);
    i = end;
    line = recLine + 1;
    if (onRecord({ fields: [], line: recLine, start: recStart, end, linesInside: 0, error: { code: 'CSV_UNBALANCED_QUOTE', message: `unbalanced quote in the row starting on line ${recLine}: ${bad}; the row is rejected and reading goes on with the next line` } }) === false) return;
  }
}

/** A row of a delimited file whose original text is cut from the file on demand. */
class CsvRow implements RawRow {
  constructor(
    readonly row: number,
    public cells: string[],
    private readonly src: string,
    private readonly start: number,
    private readonly end: number,
  ) {}

  /** The row's original text, without its line end. */
  get text(): string {
    return trimEol(this.src.slice(this.start, this.end));
  }
}

function trimEol(s: string): string {
  let e = s.length;
  while (e > 0 && (s.charCodeAt(e - 1) === 10 || s.charCodeAt(e - 1) === 13)) e--;
  return s.slice(0, e);
}

/**
 * Reads delimited text into a header and rows, streaming rows to `sink` (nothing is kept).
 * Handles a preamble (`skipRows`), stacked header rows, a trailing separator on every line (the
 * empty last header column is dropped, and the matching empty cell of each row), and ragged rows
 * (passed on with `error.code = 'CSV_RAGGED_ROW'`).
 * @param text decoded text
 * @param file path shown in locations
 * @param options reader options
 * @param sink receives the header, then each row
 * @throws InputError `CSV_NO_HEADER` when there is no header row after the preamble
 */
export function readCsvText(text: string, file: string, options: CsvOptions, sink: RowSink): void {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let pos = 0;
  let line = 1;
  for (let s = 0; s < (options.skipRows ?? 0) && pos < text.length; s++) { pos = lineEndAfter(text, pos); line++; }
  const firstLine = text.slice(pos, lineEndAfter(text, pos));
  const delimiter = options.delimiter ?? sniffDelimiter(firstLine);
  const quote = options.quote ?? '"';
  const headerRows = options.headerRows ?? 1;
  const maxLines = options.maxLinesPerField ?? 50;
  const headers: string[][] = [];
  let headerRow = 0;
  let width = -1;
  let dropLast = false;
  parseDelimited(text, delimiter, quote, pos, line, maxLines, (rec) => {
    if (headers.length < headerRows) {
      if (rec.error) throw new InputError(rec.error.code, rec.error.message, { file, sheet: options.sheet, row: rec.line });
      headers.push(rec.fields);
      headerRow = rec.line;
      if (headers.length === headerRows) {
        const header = joinHeaders(headers);
        if (header.length > 1 && header[header.length - 1].trim() === '') { header.pop(); dropLast = true; }
        width = header.length;
        sink.onHeader(header, headerRow);
      }
      return;
    }
    if (rec.error) { sink.onRow({ row: rec.line, cells: [], text: trimEol(text.slice(rec.start, rec.end)), error: rec.error }); return; }
    const cells = rec.fields;
    if (dropLast && cells.length === width + 1 && cells[width] === '') cells.pop();
    if (cells.length !== width && rec.linesInside > 0) return 'unbalanced';
    if (cells.length !== width) {
      sink.onRow({ row: rec.line, cells, text: trimEol(text.slice(rec.start, rec.end)), error: { code: 'CSV_RAGGED_ROW', message: `row has ${cells.length} cells where the header has ${width}` } });
      return;
    }
    // the row text is cut from the file only when asked for (rejects): no string per row
    sink.onRow(new CsvRow(rec.line, cells, text, rec.start, rec.end));
  });
  if (headers.length < headerRows) throw new InputError('CSV_NO_HEADER', `${file} has no header row${options.skipRows ? ` after skipping ${options.skipRows} lines` : ''}`, { file, sheet: options.sheet, row: line });
}

/**
 * Joins stacked header rows into one name per column: a blank cell takes the value to its left
 * in the same header row (a merged cell), and the parts are joined with ` / `.
 * @param rows header rows, top first
 */
export function joinHeaders(rows: string[][]): string[] {
  if (rows.length === 1) return rows[0].map((s) => s.trim());
  const width = Math.max(...rows.map((r) => r.length));
  const filled = rows.map((r, ri) => {
    const out: string[] = [];
    let last = '';
    for (let c = 0; c < width; c++) {
      const v = (r[c] ?? '').trim();
      // fill merged cells only in rows above the last one
      if (v === '' && ri < rows.length - 1) out.push(last);
      else { out.push(v); last = v; }
    }
    return out;
  });
  const names: string[] = [];
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (const r of filled) if (r[c] !== '' && parts[parts.length - 1] !== r[c]) parts.push(r[c]);
    names.push(parts.join(' / '));
  }
  return names;
}

/**
 * Reads a delimited text file into memory (see {@link readCsvText}); for large files stream with
 * {@link streamCsvFile}.
 * @param path file path
 * @param options reader options
 * @param shown the path as the user gave it
 */
export function readCsv(path: string, options: CsvOptions = {}, shown: string = path): RawTable {
  const rows: RawRow[] = [];
  let header: string[] = [];
  let headerRow = 0;
  streamCsvFile(path, options, { onHeader: (h, r) => { header = h; headerRow = r; }, onRow: (r) => rows.push(r) }, shown);
  return { file: shown, ...(options.sheet !== undefined ? { sheet: options.sheet } : {}), header, headerRow, rows };
}

/**
 * Reads and decodes a delimited file and streams its rows to `sink`.
 * @param path file path
 * @param options reader options
 * @param sink header and row callbacks
 * @param shown the path as the user gave it
 */
export function streamCsvFile(path: string, options: CsvOptions, sink: RowSink, shown: string = path): void {
  const text = readTextFile(path, shown, options.encoding);
  readCsvText(text, shown, options, sink);
}
