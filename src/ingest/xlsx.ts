import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../util/lazy-modules.js';
import { InputError } from '../errors.js';
import { joinHeaders } from './csv.js';
import { zipEntrySizes } from './zip-size.js';
import type { RawRow, RawTable } from './types.js';

/** Options of the XLSX reader. */
export interface XlsxOptions {
  /** Worksheet name, or 1-based position in the workbook; default the first sheet. */
  sheet?: string | number;
  /** Rows to skip above the header (titles). */
  skipRows?: number;
  /** Number of stacked header rows, default 1 (merged header cells are filled across). */
  headerRows?: number;
  /** Largest inflated size of the workbook's parts together, in bytes (default 256 MiB). */
  maxInflatedBytes?: number;
  /** Largest number of rows of the sheet (default 1,048,576, a sheet's own limit). */
  maxRows?: number;
}

/** Default cap on the inflated size of a workbook: above it, reading it would not fit in memory. */
export const XLSX_MAX_INFLATED_BYTES = 256 << 20;
/** Default cap on the rows of a sheet. */
export const XLSX_MAX_ROWS = 1_048_576;

/** Refuses a workbook whose parts inflate beyond the cap, before anything is inflated. */
function checkInflatedSize(path: string, shown: string, cap: number): void {
  let entries: ReturnType<typeof zipEntrySizes>;
  try {
    entries = zipEntrySizes(path);
  } catch {
    return; // unreadable: ExcelJS says why
  }
  if (!entries) return;
  const total = entries.reduce((a, e) => a + e.size, 0);
  if (total > cap) {
    const big = entries.reduce((a, e) => (e.size > a.size ? e : a));
    throw new InputError(
      'XLSX_TOO_LARGE',
      `workbook ${shown} inflates to ${(total / 2 ** 20).toFixed(0)} MiB (largest part ${big.name}, ${(big.size / 2 ** 20).toFixed(0)} MiB), over the cap of ${(cap / 2 ** 20).toFixed(0)} MiB: save the sheet as CSV (read in chunks, any size) or raise maxInflatedBytes`,
      { file: shown, sheet: big.name },
    );
  }
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null); // cached formula value
    if ('formula' in v || 'sharedFormula' in v) return '';
    if ('richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
    if ('text' in v) return String((v as { text: unknown }).text);
    if ('error' in v) return String((v as ExcelJS.CellErrorValue).error);
  }
  return String(v);
}

/**
 * Reads one worksheet of an XLSX workbook: a header (stacked header rows joined with ` / `,
 * merged cells filled from their master cell) and data rows with their sheet row numbers. Formula
 * cells give their cached result. Blank rows are skipped.
 * @param path workbook path
 * @param options sheet, skipped rows, header rows
 * @param shown path as the user gave it
 * @throws InputError `FILE_NOT_FOUND`, `XLSX_UNREADABLE`, `XLSX_SHEET_NOT_FOUND` (lists the sheets), `XLSX_NO_HEADER`,
 *   `XLSX_TOO_LARGE` (inflated size over the cap, checked before inflating), `XLSX_TOO_MANY_ROWS`
 */
export async function readXlsx(path: string, options: XlsxOptions = {}, shown: string = path): Promise<RawTable> {
  checkInflatedSize(path, shown, options.maxInflatedBytes ?? XLSX_MAX_INFLATED_BYTES);
  const wb = new (await loadExcelJs()).Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'XLSX_UNREADABLE';
    throw new InputError(code, `cannot read workbook ${shown}: ${(err as Error).message}`, { file: shown }, { cause: err });
  }
  const names = wb.worksheets.map((w) => w.name);
  const want = options.sheet ?? 1;
  const ws = typeof want === 'number' ? wb.worksheets[want - 1] : wb.getWorksheet(want);
  if (!ws) {
    throw new InputError(
      'XLSX_SHEET_NOT_FOUND',
      `no sheet ${typeof want === 'number' ? `number ${want}` : `"${want}"`} in ${shown}; its sheets are: ${names.map((s) => `"${s}"`).join(', ')}`,
      { file: shown, sheet: String(want) },
    );
  }
  const maxRows = options.maxRows ?? XLSX_MAX_ROWS;
  if (ws.rowCount > maxRows)
    throw new InputError('XLSX_TOO_MANY_ROWS', `sheet "${ws.name}" of ${shown} has ${ws.rowCount} rows, over the cap of ${maxRows}`, {
      file: shown,
      sheet: ws.name,
      row: maxRows + 1,
    });
  const width = ws.columnCount;
  const rowCells = (r: number): string[] => {
    const row = ws.getRow(r);
    const out: string[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      const v = cell.isMerged && cell.master !== cell ? cell.master.value : cell.value;
      out.push(cellText(v).trim());
    }
    return out;
  };
  const skip = options.skipRows ?? 0;
  const headerRows = options.headerRows ?? 1;
  const headers: string[][] = [];
  let r = skip + 1;
  for (; r <= ws.rowCount && headers.length < headerRows; r++) headers.push(rowCells(r));
  if (headers.length < headerRows)
    throw new InputError('XLSX_NO_HEADER', `sheet "${ws.name}" of ${shown} has no header row`, {
      file: shown,
      sheet: ws.name,
      row: skip + 1,
    });
  const header = joinHeaders(headers);
  while (header.length > 1 && header[header.length - 1] === '') header.pop();
  const rows: RawRow[] = [];
  for (; r <= ws.rowCount; r++) {
    const all = rowCells(r);
    if (all.every((c) => c === '')) continue;
    const cells = all.slice(0, header.length);
    const extra = all.slice(header.length).some((c) => c !== '');
    rows.push({
      row: r,
      cells,
      text: all.join(','),
      ...(extra ? { error: { code: 'XLSX_RAGGED_ROW', message: `row has values beyond the ${header.length} header columns` } } : {}),
    });
  }
  return { file: shown, sheet: ws.name, header, headerRow: skip + headerRows, rows };
}
