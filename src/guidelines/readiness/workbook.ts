/**
 * The readiness assessment as a workbook: sheet "Readiness" (the matrix), "Blocks" and "Gaps",
 * written with exceljs as the report stage writes its workbook, dated by the reference year so
 * that the same data give a byte-identical file.
 * @module
 */
import type ExcelJS from 'exceljs';
import { normaliseZipTimestamps } from '../../report/zip-timestamps.js';
import { loadExcelJs } from '../../util/lazy-modules.js';
import type { Readiness } from './run.js';
import { READINESS_TABLES, type ReadinessCell } from './tables.js';

type Row = ReadinessCell[];

function sheet(wb: ExcelJS.Workbook, name: string, header: string[], rows: Row[]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(r.map((v) => (v === null ? '' : v)));
  header.forEach((h, i) => {
    ws.getColumn(i + 1).width = Math.min(60, Math.max(10, h.length + 2));
  });
}

/**
 * Adds the readiness sheets to a workbook (the report's or a new one).
 * @param wb an exceljs workbook
 */
export function addReadinessSheets(wb: ExcelJS.Workbook, r: Readiness): void {
  for (const t of READINESS_TABLES)
    sheet(
      wb,
      t.sheet,
      t.columns.map((c) => c[1]),
      t.rows(r),
    );
}

/** The readiness workbook (XLSX bytes), dated 1 January after the reference year. */
export async function readinessWorkbook(r: Readiness): Promise<Uint8Array> {
  const wb = new (await loadExcelJs()).Workbook();
  const created = new Date(Date.UTC(r.referenceYear + 1, 0, 1));
  wb.creator = 'digicge';
  wb.created = created;
  wb.modified = created;
  addReadinessSheets(wb, r);
  const buffer = await wb.xlsx.writeBuffer();
  return normaliseZipTimestamps(new Uint8Array(buffer as ArrayBuffer), created);
}
