import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { TextDecoder } from 'node:util';
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
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
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
  /** The record's quote reached the end of the text (the text may have been cut there). */
  atEnd?: boolean;
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
    if (c0 === 10) {
      i++;
      line++;
      continue;
    }
    if (c0 === 13) {
      i += text.charCodeAt(i + 1) === 10 ? 2 : 1;
      line++;
      continue;
    }
    const fields: string[] = [];
    let bad: string | null = null;
    let endOfRecord = false;
    let recLinesInside = 0;
    let atEnd = false;
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
          if (q < 0) {
            bad = 'the quote is never closed (reaches the end of the file)';
            atEnd = true;
            break;
          }
          if (linesInside > maxLinesPerField) {
            bad = `the quoted field runs over more than ${maxLinesPerField} lines`;
            break;
          }
          if (text.charCodeAt(q + 1) === Q) {
            value += text.slice(segStart, q + 1);
            j = q + 2;
            segStart = j;
            continue;
          }
          value += text.slice(segStart, q);
          i = q + 1;
          break;
        }
        if (bad) break;
        line += linesInside;
        recLinesInside += linesInside;
        fields.push(value);
        if (i >= n) {
          endOfRecord = true;
          break;
        }
        const c = text.charCodeAt(i);
        if (c === D) {
          i++;
          if (i >= n) {
            fields.push('');
            endOfRecord = true;
          }
          continue;
        }
        if (c === 10) {
          i++;
          line++;
          endOfRecord = true;
          break;
        }
        if (c === 13) {
          i += text.charCodeAt(i + 1) === 10 ? 2 : 1;
          line++;
          endOfRecord = true;
          break;
        }
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
      if (k >= n) {
        i = n;
        endOfRecord = true;
        break;
      }
      if (c === D) {
        i = k + 1;
        if (i >= n) {
          fields.push('');
          endOfRecord = true;
        }
        continue;
      }
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
    if (
      onRecord({
        fields: [],
        line: recLine,
        start: recStart,
        end,
        linesInside: 0,
        ...(atEnd ? { atEnd } : {}),
        error: {
          code: 'CSV_UNBALANCED_QUOTE',
          message: `unbalanced quote in the row starting on line ${recLine}: ${bad}; the row is rejected and reading goes on with the next line`,
        },
      }) === false
    )
      return;
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
 * Reads delimited text given piece by piece (a file read in chunks): the records are parsed as the
 * pieces come, and a record that the end of a piece may have cut is held back and parsed again
 * with the next piece, so the rows are those of the whole text at once (see {@link readCsvText}).
 */
export class CsvFeeder {
  private buf = '';
  private pos = 0;
  private line = 1;
  private skipped = 0;
  private delimiter: string | undefined;
  private readonly quote: string;
  private readonly headerRows: number;
  private readonly maxLines: number;
  private readonly headers: string[][] = [];
  private width = -1;
  private dropLast = false;
  private started = false;

  constructor(
    private readonly file: string,
    private readonly options: CsvOptions,
    private readonly sink: RowSink,
  ) {
    this.delimiter = options.delimiter;
    this.quote = options.quote ?? '"';
    this.headerRows = options.headerRows ?? 1;
    this.maxLines = options.maxLinesPerField ?? 50;
  }

  /** Parses what `text` completes; `final` says no more text comes. */
  feed(text: string, final: boolean): void {
    let all = this.pos > 0 ? this.buf.slice(this.pos) + text : this.buf + text;
    this.pos = 0;
    // a CR at the end of a piece may be the first half of a CRLF: it waits for the next piece
    let cr = '';
    if (!final && all.endsWith('\r')) {
      cr = '\r';
      all = all.slice(0, -1);
    }
    this.buf = all;
    try {
      this.feedBuffer(final);
    } finally {
      if (cr) {
        this.buf = this.buf.slice(this.pos) + cr;
        this.pos = 0;
      }
    }
  }

  private feedBuffer(final: boolean): void {
    if (!this.started) {
      if (this.buf.length === 0 && !final) return;
      if (this.buf.charCodeAt(0) === 0xfeff) this.buf = this.buf.slice(1);
      this.started = true;
    }
    const buf = this.buf;
    // the preamble, then the delimiter sniffed from the first line: both need whole lines
    while (this.skipped < (this.options.skipRows ?? 0) && this.pos < buf.length) {
      const e = lineEndAfter(buf, this.pos);
      if (e === buf.length && !final && !/[\r\n]$/.test(buf)) return;
      this.pos = e;
      this.line++;
      this.skipped++;
    }
    if (this.delimiter === undefined) {
      const e = lineEndAfter(buf, this.pos);
      if (e === buf.length && !final && !/[\r\n]$/.test(buf)) return;
      this.delimiter = sniffDelimiter(buf.slice(this.pos, e));
    }
    let held = false;
    let after = this.pos;
    let afterLine = this.line;
    parseDelimited(buf, this.delimiter, this.quote, this.pos, this.line, this.maxLines, (rec) => {
      if (!final && (rec.end >= buf.length || rec.atEnd)) {
        // maybe cut by the end of this piece: parsed again with the next one
        this.pos = rec.start;
        this.line = rec.line;
        held = true;
        return false;
      }
      after = rec.end;
      afterLine = rec.line + 1 + rec.linesInside;
      return this.record(rec, buf);
    });
    if (!held) {
      // only blank lines after the last record
      for (let i = after; i < buf.length; i++) {
        const c = buf.charCodeAt(i);
        if (c === 10 || (c === 13 && buf.charCodeAt(i + 1) !== 10)) afterLine++;
      }
      this.pos = buf.length;
      this.line = afterLine;
    }
    if (final) this.finish();
  }

  private record(rec: ParsedRecord, text: string): RecordVerdict {
    const { sink, file, options } = this;
    if (this.headers.length < this.headerRows) {
      if (rec.error) throw new InputError(rec.error.code, rec.error.message, { file, sheet: options.sheet, row: rec.line });
      this.headers.push(rec.fields);
      if (this.headers.length === this.headerRows) {
        const header = joinHeaders(this.headers);
        if (header.length > 1 && header[header.length - 1].trim() === '') {
          header.pop();
          this.dropLast = true;
        }
        this.width = header.length;
        sink.onHeader(header, rec.line);
      }
      return;
    }
    if (rec.error) {
      sink.onRow({ row: rec.line, cells: [], text: trimEol(text.slice(rec.start, rec.end)), error: rec.error });
      return;
    }
    const cells = rec.fields;
    const width = this.width;
    if (this.dropLast && cells.length === width + 1 && cells[width] === '') cells.pop();
    if (cells.length !== width && rec.linesInside > 0) return 'unbalanced';
    if (cells.length !== width) {
      sink.onRow({
        row: rec.line,
        cells,
        text: trimEol(text.slice(rec.start, rec.end)),
        error: { code: 'CSV_RAGGED_ROW', message: `row has ${cells.length} cells where the header has ${width}` },
      });
      return;
    }
    // the row text is cut from the file only when asked for (rejects): no string per row
    sink.onRow(new CsvRow(rec.line, cells, text, rec.start, rec.end));
  }

  private finish(): void {
    if (this.headers.length < this.headerRows)
      throw new InputError(
        'CSV_NO_HEADER',
        `${this.file} has no header row${this.options.skipRows ? ` after skipping ${this.options.skipRows} lines` : ''}`,
        { file: this.file, sheet: this.options.sheet, row: this.line },
      );
  }
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
  new CsvFeeder(file, options, sink).feed(text, true);
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
      else {
        out.push(v);
        last = v;
      }
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
  streamCsvFile(
    path,
    options,
    {
      onHeader: (h, r) => {
        header = h;
        headerRow = r;
      },
      onRow: (r) => rows.push(r),
    },
    shown,
  );
  return { file: shown, ...(options.sheet !== undefined ? { sheet: options.sheet } : {}), header, headerRow, rows };
}

/** Files larger than this are read in chunks (bounded memory); smaller ones at once. */
export const STREAM_THRESHOLD_BYTES = 16 << 20;

/**
 * Reads and decodes a delimited file and streams its rows to `sink`. A file above
 * {@link STREAM_THRESHOLD_BYTES} (or any file when `chunkBytes` is given) is read and decoded in
 * chunks, so that memory holds one chunk and the record it may cut, not the file.
 * @param path file path
 * @param options reader options
 * @param sink header and row callbacks
 * @param shown the path as the user gave it
 * @param chunkBytes chunk size (for tests; default 4 MiB above the threshold)
 */
export function streamCsvFile(path: string, options: CsvOptions, sink: RowSink, shown: string = path, chunkBytes?: number): void {
  let size = 0;
  try {
    size = statSync(path).size;
  } catch {
    /* readTextFile reports it */
  }
  if (chunkBytes === undefined && size <= STREAM_THRESHOLD_BYTES) {
    readCsvText(readTextFile(path, shown, options.encoding), shown, options, sink);
    return;
  }
  const enc = (options.encoding ?? 'utf-8').toLowerCase();
  let dec: TextDecoder;
  try {
    dec = new TextDecoder(enc, { fatal: enc === 'utf-8' || enc === 'utf8' });
  } catch {
    readTextFile(path, shown, options.encoding); // reports the unknown encoding, located
    return;
  }
  const feeder = new CsvFeeder(shown, options, sink);
  const fd = openSync(path, 'r');
  const buf = Buffer.allocUnsafe(chunkBytes ?? 4 << 20);
  let blank = true;
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      let text: string;
      try {
        text = n > 0 ? dec.decode(buf.subarray(0, n), { stream: true }) : dec.decode();
      } catch {
        // an invalid byte: the whole-file decoder locates it (only on this error path)
        readTextFile(path, shown, options.encoding);
        throw new InputError('FILE_ENCODING', `${shown} is not valid ${enc}`, { file: shown });
      }
      if (blank && text.trim() !== '') blank = false;
      if (n === 0 && blank)
        throw new InputError('FILE_EMPTY', `${shown} is empty: expected a header row and data rows`, { file: shown, row: 1 });
      feeder.feed(text, n === 0);
      if (n === 0) break;
    }
  } finally {
    closeSync(fd);
  }
}
