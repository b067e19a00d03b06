import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../util/lazy-modules.js';
import { flatColumns, reportTables, type FlatColumn, type ReportDocument, type ReportTable } from './document.js';
import { normaliseZipTimestamps } from './zip-timestamps.js';

/** A square matrix sheet of the workbook: a social accounting matrix with its totals and unit. */
export interface WorkbookSam {
  /** Sheet name (e.g. `SAM_THA`). */
  id: string;
  /** What the matrix is, e.g. `Social accounting matrix of THA, 2022`. */
  caption: string;
  /** Unit of every cell, e.g. `US$ million`. */
  unit: string;
  /** Account labels, rows and columns in the same order. */
  labels: readonly string[];
  /** Cells row-major (rows receive, columns pay). */
  values: ArrayLike<number>;
  /** Notes under the matrix (source, how it was built). */
  notes?: readonly string[];
}

/** Options of {@link buildWorkbook}. */
export interface WorkbookOptions {
  /** Tables of the workbook only, after the report's own (e.g. the CGE sector, factor and trade tables). */
  tables?: readonly ReportTable[];
  /** SAM sheets, after the tables. */
  sams?: readonly WorkbookSam[];
  /**
   * Creation date of the workbook (its properties and ZIP entry times). Default: the document's
   * data vintage, else `SOURCE_DATE_EPOCH` (seconds, the reproducible-builds convention), else now.
   */
  created?: Date;
}

/** Excel's limit on sheet names is 31 characters, without `[]:*?/\`. */
function sheetName(id: string, used: Set<string>): string {
  const base = id.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet';
  let name = base;
  for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base.slice(0, 28)}_${k}`;
  used.add(name.toLowerCase());
  return name;
}

/** Excel number format of a column: `0` for years, `0.0E+00` for scientific, `#,##0.00` for decimals. */
export function excelNumberFormat(c: Pick<FlatColumn, 'decimals' | 'format'>): string | undefined {
  if (c.format === 'year') return '0';
  if (c.format === 'scientific') return `0.${'0'.repeat(Math.max(1, c.decimals ?? 1))}E+00`;
  if (c.decimals === undefined) return undefined;
  return c.decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(c.decimals)}`;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE9EFF5' } };

/** A frozen view: the caption and header rows, and the first (label) column. */
function frozen(columns: number): Partial<ExcelJS.WorksheetView>[] {
  return [{ state: 'frozen', ySplit: 2, xSplit: columns > 1 ? 1 : 0 }];
}

/**
 * A table sheet: caption, header with units, one row per table row, notes below. Numbers are
 * number cells with the column's format; text is a text cell (never a formula, so it needs no
 * quote prefix); a pair column is two number columns.
 */
function addTableSheet(wb: ExcelJS.Workbook, t: ReportTable, name: string): void {
  const cols = flatColumns(t);
  const ws = wb.addWorksheet(name, { views: frozen(cols.length) });
  ws.getCell(1, 1).value = t.caption;
  ws.getCell(1, 1).font = { bold: true };
  const title = (c: FlatColumn) => (c.unit ? `${c.header} (${c.unit})` : c.header);
  const header = ws.getRow(2);
  cols.forEach((c, j) => {
    header.getCell(j + 1).value = title(c);
  });
  header.font = { bold: true };
  header.fill = HEADER_FILL;
  t.rows.forEach((r, i) => {
    const row = ws.getRow(i + 3);
    cols.forEach((c, j) => {
      const v = c.value(r);
      const cell = row.getCell(j + 1);
      if (typeof v === 'number') {
        cell.value = Number.isFinite(v) ? v : null;
        const fmt = excelNumberFormat(c);
        if (fmt) cell.numFmt = fmt;
      } else if (typeof v === 'string' && v !== '') {
        cell.value = v;
      }
    });
  });
  cols.forEach((c, j) => {
    const longest = Math.max(title(c).length, ...t.rows.slice(0, 200).map((r) => String(c.value(r) ?? '').length));
    ws.getColumn(j + 1).width = Math.min(60, Math.max(8, longest + 2));
  });
  (t.notes ?? []).forEach((n, k) => {
    const cell = ws.getCell(t.rows.length + 4 + k, 1);
    cell.value = n;
    cell.font = { italic: true };
  });
}

/** A SAM sheet: the matrix with a Total column and row, and the imbalance (row − column total) of each account. */
function addSamSheet(wb: ExcelJS.Workbook, s: WorkbookSam, name: string): void {
  const n = s.labels.length;
  const ws = wb.addWorksheet(name, { views: frozen(n + 2) });
  const fmt = '#,##0.00';
  ws.getCell(1, 1).value = `${s.caption} (${s.unit}); rows receive, columns pay`;
  ws.getCell(1, 1).font = { bold: true };
  const header = ws.getRow(2);
  header.getCell(1).value = 'Account';
  s.labels.forEach((l, j) => {
    header.getCell(j + 2).value = l;
  });
  header.getCell(n + 2).value = `Total (${s.unit})`;
  header.font = { bold: true };
  header.fill = HEADER_FILL;
  const colTotals = new Float64Array(n);
  const rowTotals = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      rowTotals[i] += s.values[i * n + j]!;
      colTotals[j] += s.values[i * n + j]!;
    }
  }
  const put = (r: number, c: number, v: number) => {
    const cell = ws.getCell(r, c);
    cell.value = v;
    cell.numFmt = fmt;
  };
  for (let i = 0; i < n; i++) {
    ws.getCell(i + 3, 1).value = s.labels[i]!;
    for (let j = 0; j < n; j++) if (s.values[i * n + j] !== 0) put(i + 3, j + 2, s.values[i * n + j]!);
    put(i + 3, n + 2, rowTotals[i]!);
  }
  const totalRow = n + 3;
  ws.getCell(totalRow, 1).value = `Total (${s.unit})`;
  colTotals.forEach((v, j) => put(totalRow, j + 2, v));
  put(
    totalRow,
    n + 2,
    colTotals.reduce((a, b) => a + b, 0),
  );
  ws.getRow(totalRow).font = { bold: true };
  ws.getCell(totalRow + 1, 1).value = 'Row total − column total';
  rowTotals.forEach((v, j) => put(totalRow + 1, j + 2, v - colTotals[j]!));
  ws.getColumn(1).width = Math.min(40, Math.max(12, ...s.labels.map((l) => l.length + 2), 26));
  for (let j = 2; j <= n + 2; j++) ws.getColumn(j).width = 14;
  (s.notes ?? []).forEach((t, k) => {
    const cell = ws.getCell(totalRow + 3 + k, 1);
    cell.value = t;
    cell.font = { italic: true };
  });
}

/** The creation date: the option, else the data vintage, else SOURCE_DATE_EPOCH, else now. */
export function workbookDate(doc: Pick<ReportDocument, 'vintage'>, created?: Date): Date {
  if (created) return created;
  if (doc.vintage && !Number.isNaN(Date.parse(doc.vintage))) return new Date(`${doc.vintage.slice(0, 10)}T00:00:00Z`);
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  if (process.env.SOURCE_DATE_EPOCH && Number.isFinite(epoch)) return new Date(epoch * 1000);
  return new Date();
}

/**
 * Builds the Excel workbook of a report: a README sheet (title, provenance, data vintage, list of
 * sheets), one sheet per table of the report and per extra table, and one sheet per SAM with its
 * totals and unit. Every sheet keeps its header rows and first column in view (frozen panes);
 * numbers are number cells with number formats (years, p-values and bands included), text is
 * text. Byte-identical for the same document and date: the workbook is dated by the data vintage
 * (or `options.created`), and every ZIP entry carries that date.
 * @returns the XLSX file content
 */
export async function buildWorkbook(
  doc: ReportDocument,
  readmeLines: readonly string[] = [],
  options: WorkbookOptions = {},
): Promise<Uint8Array> {
  const created = workbookDate(doc, options.created);
  const wb = new (await loadExcelJs()).Workbook();
  wb.creator = 'digicge';
  wb.created = created;
  wb.modified = created;
  const used = new Set<string>();
  const readme = wb.addWorksheet(sheetName('README', used));
  const tables = [...reportTables(doc), ...(options.tables ?? [])];
  const sams = options.sams ?? [];
  const names = tables.map((t) => sheetName(t.id, used));
  const samNames = sams.map((s) => sheetName(s.id, used));
  const day = created.toISOString().slice(0, 10);
  const dated = doc.vintage
    ? `Data vintage ${doc.vintage} (the latest release of the data used); the workbook is dated by it, so the same data give the same file.`
    : `Workbook created ${day}.`;
  const lines: string[] = [doc.title, ...(doc.subtitle ? [doc.subtitle] : []), '', doc.provenance, ...readmeLines, dated, '', 'Sheets:'];
  tables.forEach((t, k) => lines.push(`${names[k]}: ${t.caption}`));
  sams.forEach((s, k) => lines.push(`${samNames[k]}: ${s.caption} (${s.unit})`));
  lines.forEach((l, i) => {
    readme.getCell(i + 1, 1).value = l;
  });
  readme.getCell(1, 1).font = { bold: true, size: 14 };
  readme.getColumn(1).width = 110;
  tables.forEach((t, k) => addTableSheet(wb, t, names[k]!));
  sams.forEach((s, k) => addSamSheet(wb, s, samNames[k]!));
  const buffer = await wb.xlsx.writeBuffer();
  return normaliseZipTimestamps(new Uint8Array(buffer as ArrayBuffer), created);
}
