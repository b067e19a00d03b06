import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../util/lazy-modules.js';
import { reportTables, type ReportDocument, type ReportTable } from './document.js';
import { neutraliseFormula } from '../util/neutralise.js';
import { normaliseZipTimestamps } from './zip-timestamps.js';

/** Fixed document date, so the same report gives a byte-identical workbook. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

/** Excel's limit on sheet names is 31 characters, without `[]:*?/\`. */
function sheetName(id: string, used: Set<string>): string {
  const base = id.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet';
  let name = base;
  for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base.slice(0, 28)}_${k}`;
  used.add(name.toLowerCase());
  return name;
}

function numFmt(decimals: number | undefined): string | undefined {
  if (decimals === undefined) return undefined;
  return decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(decimals)}`;
}

function addTableSheet(wb: ExcelJS.Workbook, t: ReportTable, name: string): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.getCell(1, 1).value = neutraliseFormula(t.caption);
  ws.getCell(1, 1).font = { bold: true };
  const header = ws.getRow(2);
  t.columns.forEach((c, j) => {
    header.getCell(j + 1).value = neutraliseFormula(c.unit ? `${c.header} (${c.unit})` : c.header);
  });
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE9EFF5' } };
  t.rows.forEach((r, i) => {
    const row = ws.getRow(i + 3);
    t.columns.forEach((c, j) => {
      const v = r[c.key];
      const cell = row.getCell(j + 1);
      if (typeof v === 'number') {
        cell.value = Number.isFinite(v) ? v : null;
        const fmt = numFmt(c.decimals);
        if (fmt) cell.numFmt = fmt;
      } else if (typeof v === 'string') {
        cell.value = neutraliseFormula(v);
      }
    });
  });
  t.columns.forEach((c, j) => {
    const longest = Math.max(
      (c.unit ? `${c.header} (${c.unit})` : c.header).length,
      ...t.rows.slice(0, 200).map((r) => String(r[c.key] ?? '').length),
    );
    ws.getColumn(j + 1).width = Math.min(60, Math.max(8, longest + 2));
  });
  if (t.notes?.length) {
    const at = t.rows.length + 4;
    t.notes.forEach((n, k) => {
      ws.getCell(at + k, 1).value = neutraliseFormula(n);
      ws.getCell(at + k, 1).font = { italic: true };
    });
  }
}

/**
 * Builds the Excel workbook of a report: a README sheet (title, provenance, list of sheets) and one
 * formatted sheet per table (caption, header with units, frozen header rows, number formats).
 * Every text cell that begins with `=`, `+`, `-` or `@` is neutralised against formula injection.
 * Byte-identical for the same document (fixed document dates and ZIP entry times).
 * @returns the XLSX file content
 */
export async function buildWorkbook(doc: ReportDocument, readmeLines: readonly string[] = []): Promise<Uint8Array> {
  const wb = new (await loadExcelJs()).Workbook();
  wb.creator = 'digicge';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const used = new Set<string>();
  const readme = wb.addWorksheet(sheetName('README', used));
  const tables = reportTables(doc);
  const names = tables.map((t) => sheetName(t.id, used));
  const lines: string[] = [doc.title, ...(doc.subtitle ? [doc.subtitle] : []), '', doc.provenance, ...readmeLines, '', 'Sheets:'];
  tables.forEach((t, k) => lines.push(`${names[k]}: ${t.caption}`));
  lines.forEach((l, i) => {
    readme.getCell(i + 1, 1).value = neutraliseFormula(l);
  });
  readme.getCell(1, 1).font = { bold: true, size: 14 };
  readme.getColumn(1).width = 110;
  tables.forEach((t, k) => addTableSheet(wb, t, names[k]!));
  const buffer = await wb.xlsx.writeBuffer();
  return normaliseZipTimestamps(new Uint8Array(buffer as ArrayBuffer));
}
