import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { TextDecoder } from 'node:util';
import ExcelJS from 'exceljs';
import { InputError } from '../../errors.js';
import { parseDelimited } from '../../ingest/csv.js';

/** One record of a file as the draft sees it: its 1-based line (or sheet row) and its cells. */
export interface GridRecord {
  line: number;
  cells: string[];
}

/** The first records of a file, with how they were read. */
export interface Grid {
  kind: 'csv' | 'xlsx';
  /** Text encoding (CSV): utf-8 or windows-1252. */
  encoding: string;
  /** Why that encoding. */
  encodingWhy: string;
  delimiter: string;
  /** Worksheet (XLSX). */
  sheet: string;
  records: GridRecord[];
}

/** Records the draft reads at most (enough to see the structure, bounded for large files). */
export const DRAFT_RECORDS = 2000;

const CANDIDATES = [',', ';', '\t', '|'];

function decode(buf: Buffer): { text: string; encoding: string; why: string } {
  const bom = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  if (isUtf8(buf))
    return {
      text: buf.toString('utf8').replace(/^\uFEFF/, ''),
      encoding: 'utf-8',
      why: bom ? 'UTF-8 with a byte-order mark' : 'the bytes are valid UTF-8',
    };
  return {
    text: new TextDecoder('windows-1252').decode(buf),
    encoding: 'windows-1252',
    why: 'the bytes are not valid UTF-8; windows-1252 (Latin) is the usual alternative: check accented letters',
  };
}

/** Field counts of the first non-blank lines for a delimiter (quotes respected). */
function fieldCounts(text: string, d: string): number[] {
  const counts: number[] = [];
  parseDelimited(text, d, '"', 0, 1, 50, (rec) => {
    if (!rec.error) counts.push(rec.fields.length);
    return counts.length < 200;
  });
  return counts;
}

/**
 * The delimiter under which most lines have the same number of fields (more than one), the
 * commonest count winning ties: a preamble of one-field lines does not mislead it.
 */
export function sniffDelimiter(text: string): { delimiter: string; why: string } {
  let best = { delimiter: ',', score: -1, fields: 1 };
  for (const d of CANDIDATES) {
    const counts = fieldCounts(text, d);
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 1) freq.set(c, (freq.get(c) ?? 0) + 1);
    for (const [fields, n] of freq)
      if (n > best.score || (n === best.score && fields > best.fields)) best = { delimiter: d, score: n, fields };
  }
  const name = best.delimiter === '\t' ? 'tab' : `"${best.delimiter}"`;
  return { delimiter: best.delimiter, why: `${best.score} lines have ${best.fields} fields separated by ${name}` };
}

function readCsvGrid(path: string): Grid {
  const { text, encoding, why } = decode(readFileSync(path));
  if (text.trim() === '') throw new InputError('FILE_EMPTY', `${path} is empty: nothing to draft a mapping from`, { file: path });
  const { delimiter } = sniffDelimiter(text);
  const records: GridRecord[] = [];
  parseDelimited(text, delimiter, '"', 0, 1, 50, (rec) => {
    if (!rec.error) records.push({ line: rec.line, cells: rec.fields });
    return records.length < DRAFT_RECORDS;
  });
  return { kind: 'csv', encoding, encodingWhy: why, delimiter, sheet: '', records };
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'result' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
  if (typeof v === 'object' && 'richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'text' in v) return String((v as { text: unknown }).text);
  return '';
}

async function readXlsxGrid(path: string, sheet: string | number | undefined): Promise<Grid> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (err) {
    throw new InputError('XLSX_UNREADABLE', `cannot read workbook ${path}: ${(err as Error).message}`, { file: path }, { cause: err });
  }
  const want = sheet ?? 1;
  const ws = typeof want === 'number' ? wb.worksheets[want - 1] : wb.getWorksheet(want);
  if (!ws)
    throw new InputError(
      'XLSX_SHEET_NOT_FOUND',
      `no sheet ${typeof want === 'number' ? `number ${want}` : `"${want}"`} in ${path}; its sheets are: ${wb.worksheets.map((w) => `"${w.name}"`).join(', ')}`,
      { file: path, sheet: String(want) },
    );
  const records: GridRecord[] = [];
  for (let r = 1; r <= ws.rowCount && records.length < DRAFT_RECORDS; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = row.getCell(c);
      cells.push(cellText(cell.isMerged && cell.master !== cell ? cell.master.value : cell.value).trim());
    }
    if (cells.some((c) => c !== '')) records.push({ line: r, cells });
  }
  return { kind: 'xlsx', encoding: '', encodingWhy: '', delimiter: '', sheet: ws.name, records };
}

/**
 * Reads the first {@link DRAFT_RECORDS} records of a CSV or XLSX file for drafting a mapping:
 * encoding and delimiter sniffed for text, merged cells filled for workbooks.
 * @throws InputError `FILE_NOT_FOUND`, `FILE_EMPTY`, `XLSX_UNREADABLE`, `XLSX_SHEET_NOT_FOUND`
 */
export async function readGrid(path: string, sheet?: string | number): Promise<Grid> {
  try {
    if (!statSync(path).isFile()) throw new Error('not a file');
  } catch (err) {
    throw new InputError('FILE_NOT_FOUND', `cannot read ${path}: ${(err as Error).message}`, { file: path }, { cause: err });
  }
  return /\.xlsx$/i.test(path) ? readXlsxGrid(path, sheet) : readCsvGrid(path);
}
