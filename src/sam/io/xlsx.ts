import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../../util/lazy-modules.js';
import { InputError } from '../../errors.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import type { Sam } from '../sam.js';
import { type AccountGroup, isAccountGroup } from '../groups.js';
import { type GridCell, type LabelledGridOptions, samFromLabelledGrid } from './grid.js';

/** Value of an exceljs cell as a grid cell: numbers stay numbers, formulas give their cached result. @internal */
export function excelCellValue(v: ExcelJS.CellValue): GridCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    if ('result' in v) {
      const r = (v as { result?: unknown }).result;
      if (typeof r === 'number' || typeof r === 'string') return r;
      if (r && typeof r === 'object' && 'error' in r) return String((r as { error: unknown }).error);
      return null;
    }
    if ('richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
    if ('text' in v) return String((v as { text: unknown }).text);
    if ('error' in v) return String((v as { error: unknown }).error);
  }
  return String(v);
}

/** Options of {@link readSamXlsx}. */
export interface SamXlsxReadOptions extends Omit<LabelledGridOptions, 'sheet'> {
  /** Worksheet name or 1-based position (default: the first worksheet). */
  sheet?: string | number;
}

/**
 * Reads a SAM from an XLSX worksheet laid out as labelled CSV is: first row and first column are
 * labels (starting at A1), empty cell = 0, optional `Total` row/column checked and dropped; formula
 * cells give their cached values. Errors name the file, sheet, row and column letter.
 */
export async function readSamXlsx(path: string, options: SamXlsxReadOptions = {}): Promise<Sam> {
  const wb = new (await loadExcelJs()).Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (err) {
    throw new InputError('XLSX_UNREADABLE', `cannot read the workbook: ${(err as Error).message}`, { file: path }, { cause: err });
  }
  const ws =
    options.sheet === undefined
      ? wb.worksheets[0]
      : typeof options.sheet === 'number'
        ? wb.worksheets[options.sheet - 1]
        : wb.getWorksheet(options.sheet);
  if (!ws) {
    throw new InputError(
      'XLSX_NO_SHEET',
      `no worksheet ${typeof options.sheet === 'number' ? `number ${options.sheet}` : `'${options.sheet ?? '(first)'}'`} in the workbook; it has ${wb.worksheets.map((w) => `'${w.name}'`).join(', ')}`,
      { file: path },
    );
  }
  // groups written by formatSamXlsx (sheet `accounts`: label, group), unless given explicitly
  let groups = options.groups;
  const acc = wb.getWorksheet('accounts');
  if (!groups && acc && acc !== ws) {
    const found: Record<string, AccountGroup> = {};
    acc.eachRow((row, r) => {
      if (r === 1) return;
      const label = excelCellValue(row.getCell(1).value);
      const group = excelCellValue(row.getCell(2).value);
      if (typeof label === 'string' && typeof group === 'string' && isAccountGroup(group)) found[label] = group;
    });
    groups = found;
  }
  const grid: GridCell[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: GridCell[] = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(excelCellValue(row.getCell(c).value));
    grid.push(cells);
  }
  let sam: Sam;
  try {
    sam = samFromLabelledGrid(grid, { file: path, ...options, sheet: ws.name });
  } catch (err) {
    // a workbook of several sheets (cover, notes, macro and micro SAMs): say which sheets there are
    if (options.sheet !== undefined || wb.worksheets.length < 2 || !(err instanceof InputError)) throw err;
    throw new InputError(
      err.code,
      `${err.message} (in the first sheet '${ws.name}'; the workbook has ${wb.worksheets.map((w) => `'${w.name}'`).join(', ')}: name the SAM's sheet with --sheet)`,
      err.location ?? { file: path },
      { cause: err },
    );
  }
  if (groups && !options.groups) {
    const known = Object.fromEntries(Object.entries(groups).filter(([l]) => sam.has(l)));
    return sam.withGroups(known);
  }
  return sam;
}

/**
 * Builds an XLSX workbook of a SAM: sheet `SAM` (labelled matrix, zero cells empty) and sheet
 * `accounts` (label, group); with fixed creation dates so that the workbook content does not
 * depend on the clock.
 */
export async function formatSamXlsx(sam: Sam): Promise<Uint8Array> {
  const wb = new (await loadExcelJs()).Workbook();
  const epoch = new Date(Date.UTC(2000, 0, 1));
  wb.created = epoch;
  wb.modified = epoch;
  wb.creator = 'digicge';
  const ws = wb.addWorksheet('SAM');
  ws.addRow(['', ...sam.labels]);
  const n = sam.n;
  for (let r = 0; r < n; r++) {
    const row: (string | number | null)[] = [sam.labels[r]];
    for (let c = 0; c < n; c++) {
      const v = sam.values[r * n + c];
      row.push(v === 0 ? null : v);
    }
    ws.addRow(row);
  }
  const acc = wb.addWorksheet('accounts');
  acc.addRow(['label', 'group']);
  for (const a of sam.accounts) acc.addRow([a.label, a.group]);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

/** Writes a SAM as XLSX atomically; see {@link formatSamXlsx}. */
export async function writeSamXlsx(path: string, sam: Sam): Promise<void> {
  await writeFileAtomic(path, await formatSamXlsx(sam));
}
