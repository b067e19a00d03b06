/**
 * Reads the blocks of a published input–output table by a layout mapping
 * (`guidelines/schemas/io-layout.schema.json`): WIOD national IO tables, BPS tables, OECD IOTs, ADB
 * MRIO sheets — a new layout is a new mapping file. Every block is read by row key and column
 * header, never by position; the mapping's identities are checked against the file's own totals.
 * @module
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { InputError } from '../../errors.js';
import type { IoLayout, Selector } from '../../guidelines/generated/io-layout.js';
import { validateAgainstSchema } from '../../guidelines/validate.js';
import { loadExcelJs } from '../../util/lazy-modules.js';
import { columnLetter } from '../io/grid.js';
import { excelCellValue } from '../io/xlsx.js';

/** One block of a table: its row keys, column keys and values (row-major), in the file's unit. */
export interface IoBlock {
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  readonly values: Float64Array;
  /** 1-based file row of each row key (for located errors). */
  readonly rowLines?: readonly number[];
  /** Spreadsheet letter of each column (for located errors). */
  readonly columnLetters?: readonly string[];
}

/** Result of one identity check of the layout. */
export interface IoCheckResult {
  readonly name: string;
  /** Largest absolute difference between the summed blocks and the file's totals. */
  readonly maxDifference: number;
  readonly tolerance: number | null;
}

/** A table read by {@link readIoTable}: its blocks by name and the identities checked. */
export interface IoBlocks {
  readonly layout: string;
  readonly unit?: string;
  readonly file: string;
  readonly blocks: Readonly<Record<string, IoBlock>>;
  readonly checks: readonly IoCheckResult[];
}

/** Options of {@link readIoTable}. */
export interface IoReadOptions {
  /** Extra row filters `{column header: text}` on top of the layout's (e.g. `{Year: '2014'}`). */
  where?: Readonly<Record<string, string>>;
}

type Cell = string | number | null | undefined;

async function loadGrid(path: string, layout: IoLayout): Promise<Cell[][]> {
  if (layout.file.format === 'xlsx') {
    const wb = new (await loadExcelJs()).Workbook();
    try {
      await wb.xlsx.readFile(path);
    } catch (err) {
      throw new InputError('XLSX_UNREADABLE', `cannot read the workbook: ${(err as Error).message}`, { file: path }, { cause: err });
    }
    const ws = layout.file.sheet !== undefined ? wb.getWorksheet(layout.file.sheet) : wb.worksheets[0];
    if (!ws) {
      throw new InputError(
        'XLSX_NO_SHEET',
        `no worksheet '${layout.file.sheet}'; the workbook has ${wb.worksheets.map((w) => `'${w.name}'`).join(', ')}`,
        {
          file: path,
        },
      );
    }
    const grid: Cell[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: Cell[] = [];
      for (let c = 1; c <= ws.columnCount; c++) cells.push(excelCellValue(row.getCell(c).value));
      grid.push(cells);
    }
    return grid;
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new InputError('FILE_UNREADABLE', `cannot read the file: ${(err as Error).message}`, { file: path }, { cause: err });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return parse(text, {
      delimiter: layout.file.delimiter ?? ',',
      relax_column_count: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as string[][];
  } catch (err) {
    throw new InputError('CSV_MALFORMED', `not readable as CSV: ${(err as Error).message}`, { file: path }, { cause: err });
  }
}

const text = (v: Cell) => (v === null || v === undefined ? '' : String(v).trim());

function numberReader(layout: IoLayout, file: string) {
  const th = layout.file.thousandsSeparator;
  const dec = layout.file.decimalSeparator ?? '.';
  const empty = new Set(layout.file.empty ?? []);
  return (v: Cell, row: number, col: number, what: string): number => {
    if (typeof v === 'number') return v;
    let t = text(v);
    if (t === '' || empty.has(t)) return 0;
    if (th) t = t.split(th).join('');
    if (th === ' ') t = t.replace(/[\u00a0\u202f]/g, '');
    if (dec === ',') t = t.replace(',', '.');
    const x = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) ? Number(t) : Number.NaN;
    if (!Number.isFinite(x)) {
      throw new InputError('IO_NOT_NUMERIC', `cell '${text(v)}' of block ${what} is not a number`, {
        file,
        ...(layout.file.sheet !== undefined ? { sheet: layout.file.sheet } : {}),
        row: row + 1,
        column: columnLetter(col + 1),
      });
    }
    return x;
  };
}

/** Keys matched by a selector, in file order. */
function select(
  sel: Selector,
  keys: readonly string[],
  resolved: (block: string) => readonly string[],
  what: string,
  file: string,
): string[] {
  if ('keys' in sel) {
    const have = new Set(keys);
    const missing = sel.keys.filter((k) => !have.has(k));
    if (missing.length > 0) {
      throw new InputError('IO_MISSING_CODE', `${what}: no ${missing.map((k) => `'${k}'`).join(', ')} in the table`, { file });
    }
    return [...sel.keys];
  }
  if ('match' in sel) {
    const re = new RegExp(sel.match);
    const out = keys.filter((k) => re.test(k));
    if (out.length === 0) throw new InputError('IO_MISSING_CODE', `${what}: nothing matches /${sel.match}/`, { file });
    return out;
  }
  if ('from' in sel) {
    const a = keys.indexOf(sel.from);
    const b = keys.indexOf(sel.to);
    if (a < 0 || b < a) {
      throw new InputError('IO_MISSING_CODE', `${what}: no range '${sel.from}'…'${sel.to}' in file order`, { file });
    }
    return keys.slice(a, b + 1);
  }
  return [...resolved(sel.sameAs)];
}

/**
 * Reads a published IO table's blocks by its layout mapping, checks the mapping's identities
 * against the file's own totals (failing with `IO_TOTAL_MISMATCH` and the row/column), and returns
 * the blocks. Duplicate row keys or column headers that a block uses are an error.
 * @param path the table (CSV or XLSX)
 * @param layoutDoc the layout mapping (validated against `io-layout.schema.json`)
 */
export async function readIoTable(path: string, layoutDoc: unknown, options: IoReadOptions = {}): Promise<IoBlocks> {
  const layout = validateAgainstSchema<IoLayout>('io-layout', layoutDoc);
  const grid = await loadGrid(path, layout);
  const headerIdx = layout.file.headerRow - 1;
  const header = (grid[headerIdx] ?? []).map(text);
  const colOfRef = (ref: { header: string } | { column: string }): number => {
    if ('column' in ref) return ref.column.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const c = header.indexOf(ref.header);
    if (c < 0)
      throw new InputError('IO_MISSING_CODE', `no column headed '${ref.header}' in row ${layout.file.headerRow}`, {
        file: path,
        row: layout.file.headerRow,
      });
    return c;
  };
  const keyCols = layout.rowKey.map(colOfRef);
  const filters = [
    ...(layout.filter ?? []).map((f) => ({ c: colOfRef(f.column), v: f.equals })),
    ...Object.entries(options.where ?? {}).map(([h, v]) => ({ c: colOfRef({ header: h }), v })),
  ];
  const first = (layout.file.firstDataRow ?? layout.file.headerRow + 1) - 1;
  const rowKeys: string[] = [];
  const rowAt: number[] = [];
  for (let r = first; r < grid.length; r++) {
    const row = grid[r] ?? [];
    if (!filters.every((f) => text(row[f.c]) === f.v)) continue;
    const key = keyCols.map((c) => text(row[c])).join('|');
    if (key.replace(/\|/g, '') === '') continue;
    rowKeys.push(key);
    rowAt.push(r);
  }
  if (rowKeys.length === 0) throw new InputError('IO_EMPTY', 'no data rows left after the filters', { file: path });
  const num = numberReader(layout, path);
  const blocks: Record<string, IoBlock> = {};
  const sel: Record<string, { rows: string[]; cols: string[] }> = {};
  const resolving = new Set<string>();
  const resolve = (name: string): { rows: string[]; cols: string[] } => {
    const done = sel[name];
    if (done) return done;
    const spec = layout.blocks[name];
    if (!spec) throw new InputError('IO_LAYOUT_BLOCK', `the layout refers to a block '${name}' it does not define`, { file: path });
    if (resolving.has(name)) throw new InputError('IO_LAYOUT_BLOCK', `block '${name}' refers to itself`, { file: path });
    resolving.add(name);
    const rows = select(spec.rows, rowKeys, (b) => resolve(b).rows, `rows of block ${name}`, path);
    const cols = select(spec.columns, header, (b) => resolve(b).cols, `columns of block ${name}`, path);
    sel[name] = { rows, cols };
    return sel[name];
  };
  for (const name of Object.keys(layout.blocks)) {
    const { rows, cols } = resolve(name);
    const ri = rows.map((k) => {
      const a = rowKeys.indexOf(k);
      if (rowKeys.indexOf(k, a + 1) >= 0)
        throw new InputError(
          'IO_DUPLICATE_CODE',
          `row key '${k}' appears twice (block ${name}); a file stacking several years or regions needs a filter (--where Year=2014)`,
          { file: path, row: rowAt[a] + 1 },
        );
      return rowAt[a];
    });
    const ci = cols.map((k) => {
      const a = header.indexOf(k);
      if (header.indexOf(k, a + 1) >= 0)
        throw new InputError('IO_DUPLICATE_CODE', `column '${k}' appears twice (block ${name})`, { file: path, row: headerIdx + 1 });
      return a;
    });
    const values = new Float64Array(ri.length * ci.length);
    ri.forEach((r, i) => ci.forEach((c, j) => (values[i * ci.length + j] = num(grid[r]?.[c], r, c, name))));
    blocks[name] = { rows, columns: cols, values, rowLines: ri.map((r) => r + 1), columnLetters: ci.map((c) => columnLetter(c + 1)) };
  }
  const checks = (layout.checks ?? []).map((ck) => runCheck(ck, blocks, path));
  return { layout: layout.name, ...(layout.unit !== undefined ? { unit: layout.unit } : {}), file: path, blocks, checks };
}

function runCheck(ck: NonNullable<IoLayout['checks']>[number], blocks: Record<string, IoBlock>, file: string): IoCheckResult {
  const get = (n: string) => {
    const b = blocks[n];
    if (!b) throw new InputError('IO_LAYOUT_BLOCK', `check '${ck.name}' names a block '${n}' the layout does not define`, { file });
    return b;
  };
  const target = get(ck.equals);
  const byCol = ck.over === 'rows';
  const keys = byCol ? target.columns : target.rows;
  const sums = new Float64Array(keys.length);
  for (const n of ck.sumOf) {
    const b = get(n);
    const own = byCol ? b.columns : b.rows;
    if (own.length !== keys.length) {
      throw new InputError(
        'IO_LAYOUT_BLOCK',
        `check '${ck.name}': block '${n}' has ${own.length} ${byCol ? 'columns' : 'rows'}, '${ck.equals}' ${keys.length}`,
        { file },
      );
    }
    const m = b.columns.length;
    for (let i = 0; i < b.rows.length; i++) for (let j = 0; j < m; j++) sums[byCol ? j : i] += b.values[i * m + j];
  }
  let maxDifference = 0;
  keys.forEach((k, t) => {
    const given = target.values[t];
    const d = Math.abs(sums[t] - given);
    maxDifference = Math.max(maxDifference, d);
    const tol = ck.tolerance ?? 1e-6 * Math.max(1, Math.abs(given));
    if (d > tol) {
      throw new InputError(
        'IO_TOTAL_MISMATCH',
        `check '${ck.name}': ${byCol ? 'column' : 'row'} '${k}' sums to ${sums[t]} but the file's total is ${given} (difference ${d}, allowed ${tol})`,
        { file },
      );
    }
  });
  return { name: ck.name, maxDifference, tolerance: ck.tolerance ?? null };
}
