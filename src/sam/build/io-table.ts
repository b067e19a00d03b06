import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../../util/lazy-modules.js';
import { InputError } from '../../errors.js';
import { columnLetter } from '../io/grid.js';
import { excelCellValue } from '../io/xlsx.js';

/** Final demand categories of an input–output table (columns 301–305 of the BPS layout). */
export const FINAL_DEMAND_CATEGORIES = ['household', 'government', 'gfcf', 'stocks', 'exportsAbroad', 'exportsDomestic'] as const;
/** One of {@link FINAL_DEMAND_CATEGORIES}. */
export type FinalDemandCategory = (typeof FINAL_DEMAND_CATEGORIES)[number];

/**
 * An industry-by-industry input–output table with non-competitive imports, in the table's unit.
 * Columns of `z` buy, rows sell: `z[i * n + j]` is domestic output of i used by j. Value added rows
 * and final demand columns are by industry.
 */
export interface IoTable {
  /** Unit of the values, e.g. `million IDR`. */
  unit: string;
  /** Industries, in table order: code and name. */
  sectors: { code: string; name: string }[];
  /** Domestic intermediate flows, n×n row-major. */
  z: Float64Array;
  /** Imported intermediate inputs by using industry (row 200). */
  importsIntermediate: Float64Array;
  /** Wages and salaries (201). */
  wages: Float64Array;
  /** Operating surplus (202). */
  surplus: Float64Array;
  /** Depreciation (203). */
  depreciation: Float64Array;
  /** Indirect taxes (204). */
  indirectTaxes: Float64Array;
  /** Subsidies (205, negative). */
  subsidies: Float64Array;
  /** Gross output (600 column / 210 row). */
  output: Float64Array;
  /** Final demand for domestic output by category (301–305). */
  finalDemand: Record<FinalDemandCategory, Float64Array>;
  /** Imports used by each final demand category (total flows minus domestic flows), all products. */
  importedFinal: Record<FinalDemandCategory, number>;
}

const FD_CODES: Readonly<Record<FinalDemandCategory, string>> = {
  household: '301',
  government: '302',
  gfcf: '303',
  stocks: '304',
  exportsAbroad: '305 LN',
  exportsDomestic: '305 DN',
};

type Cell = string | number | null | undefined;

function sheetGrid(ws: ExcelJS.Worksheet): Cell[][] {
  const grid: Cell[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: Cell[] = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(excelCellValue(row.getCell(c).value));
    grid.push(cells);
  }
  return grid;
}

const code = (v: Cell) => (v === null || v === undefined ? '' : String(v).trim());

/** Options of {@link readBpsIoTable}. */
export interface BpsIoReadOptions {
  /** Sheet of domestic flows at producers' prices (default `prod domestik`). */
  domesticSheet?: string;
  /** Sheet of total flows (domestic + imports) at producers' prices (default `total produsen`). */
  totalSheet?: string;
  /** Unit (default `million IDR`, as BPS tables are in million rupiah). */
  unit?: string;
}

/**
 * Reads a BPS input–output table workbook (Statistics Indonesia layout): IO codes in row 2
 * (industries 1…n, then 190 total intermediate demand, 301–304, `305 LN`, `305 DN`, 309, 310, …,
 * 600 total output) and in column A (industries, then 190, 200 imported inputs, 201 wages,
 * 202 operating surplus, 203 depreciation, 204 indirect taxes, 205 subsidies, 209 GVA, 210 total
 * input). Rows and columns are found by their codes, not by position. Every industry row/column
 * is checked: total input (210) must equal total output (600) within 1e-6 relative; a missing code
 * or a non-numeric cell throws with file, sheet, row and column.
 */
export async function readBpsIoTable(path: string, options: BpsIoReadOptions = {}): Promise<IoTable> {
  const wb = new (await loadExcelJs()).Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (err) {
    throw new InputError('XLSX_UNREADABLE', `cannot read the workbook: ${(err as Error).message}`, { file: path }, { cause: err });
  }
  const getSheet = (name: string) => {
    const ws = wb.getWorksheet(name);
    if (!ws)
      throw new InputError('XLSX_NO_SHEET', `no sheet '${name}'; the workbook has ${wb.worksheets.map((w) => w.name).join(', ')}`, {
        file: path,
        sheet: name,
      });
    return { name, grid: sheetGrid(ws) };
  };
  const dom = getSheet(options.domesticSheet ?? 'prod domestik');
  const tot = getSheet(options.totalSheet ?? 'total produsen');
  const locate = (s: { name: string; grid: Cell[][] }) => {
    const head = s.grid[1] ?? [];
    const colOf = new Map<string, number>();
    head.forEach((v, c) => {
      const k = code(v);
      if (k !== '' && !colOf.has(k)) colOf.set(k, c);
    });
    const rowOf = new Map<string, number>();
    s.grid.forEach((row, r) => {
      if (r < 3) return;
      const k = code(row[0]);
      if (k !== '' && !rowOf.has(k)) rowOf.set(k, r);
    });
    const num = (r: number, c: number): number => {
      const v = s.grid[r]?.[c];
      if (v === null || v === undefined || v === '') return 0;
      if (typeof v === 'number' && Number.isFinite(v)) return v;
      throw new InputError('IO_NOT_NUMERIC', `cell '${String(v)}' is not a number`, {
        file: path,
        sheet: s.name,
        row: r + 1,
        column: columnLetter(c + 1),
      });
    };
    const col = (k: string) => {
      const c = colOf.get(k);
      if (c === undefined)
        throw new InputError('IO_MISSING_CODE', `no column with IO code ${k} in row 2`, { file: path, sheet: s.name, row: 2 });
      return c;
    };
    const row = (k: string) => {
      const r = rowOf.get(k);
      if (r === undefined)
        throw new InputError('IO_MISSING_CODE', `no row with IO code ${k} in column A`, { file: path, sheet: s.name, column: 'A' });
      return r;
    };
    return { colOf, rowOf, num, col, row };
  };
  const d = locate(dom);
  const t = locate(tot);
  // industries: numeric codes in row 2 before 190
  const sectorCodes: string[] = [];
  for (const [k] of d.colOf) {
    if (/^\d+$/.test(k) && Number(k) < 190) sectorCodes.push(k);
  }
  const n = sectorCodes.length;
  if (n === 0) throw new InputError('IO_NO_SECTORS', 'no industry codes (1…189) in row 2', { file: path, sheet: dom.name, row: 2 });
  const sectors = sectorCodes.map((k) => ({ code: k, name: code(dom.grid[d.row(k)][1]) }));
  const z = new Float64Array(n * n);
  const rows = sectorCodes.map((k) => d.row(k));
  const cols = sectorCodes.map((k) => d.col(k));
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) z[i * n + j] = d.num(rows[i], cols[j]);
  const vaRow = (k: string) => Float64Array.from(cols, (c) => d.num(d.row(k), c));
  const output = Float64Array.from(rows, (r) => d.num(r, d.col('600')));
  const totalInput = vaRow('210');
  for (let j = 0; j < n; j++) {
    if (Math.abs(totalInput[j] - output[j]) > 1e-6 * Math.max(1, Math.abs(output[j]))) {
      throw new InputError(
        'IO_INPUT_OUTPUT_MISMATCH',
        `industry ${sectorCodes[j]}: total input ${totalInput[j]} ≠ total output ${output[j]}`,
        {
          file: path,
          sheet: dom.name,
          row: d.row('210') + 1,
          column: columnLetter(cols[j] + 1),
        },
      );
    }
  }
  const finalDemand = {} as Record<FinalDemandCategory, Float64Array>;
  const importedFinal = {} as Record<FinalDemandCategory, number>;
  for (const cat of FINAL_DEMAND_CATEGORIES) {
    const dc = d.col(FD_CODES[cat]);
    const tc = t.col(FD_CODES[cat]);
    finalDemand[cat] = Float64Array.from(rows, (r) => d.num(r, dc));
    let diff = 0;
    for (const k of sectorCodes) diff += t.num(t.row(k), tc) - d.num(d.row(k), dc);
    importedFinal[cat] = diff;
  }
  return {
    unit: options.unit ?? 'million IDR',
    sectors,
    z,
    importsIntermediate: vaRow('200'),
    wages: vaRow('201'),
    surplus: vaRow('202'),
    depreciation: vaRow('203'),
    indirectTaxes: vaRow('204'),
    subsidies: vaRow('205'),
    output,
    finalDemand,
    importedFinal,
  };
}
