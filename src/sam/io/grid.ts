import { InputError } from '../../errors.js';
import { Sam, type SamOptions } from '../sam.js';
import { restoreFormula } from '../../util/neutralise.js';

/** Options shared by the labelled-matrix readers (CSV, XLSX). */
export interface LabelledGridOptions extends SamOptions {
  /** Worksheet name, for error locations (XLSX). */
  sheet?: string;
  /**
   * Relative tolerance for a `Total` row or column given in the file: it must equal the sum of its
   * cells within `tol × max(1, |total|)`. Default 1e-6.
   */
  totalsTolerance?: number;
}

/** A cell of a labelled grid: text as read, or a number already typed by the file format. */
export type GridCell = string | number | null | undefined;

const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const TOTAL_RE = /^total$/i;

/** Spreadsheet-style column name of a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(col: number): string {
  let s = '';
  let c = col;
  while (c > 0) {
    const m = (c - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    c = Math.floor((c - 1) / 26);
  }
  return s;
}

function cellText(v: GridCell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  if (v.length === 0) return v;
  const a = v.charCodeAt(0);
  const b = v.charCodeAt(v.length - 1);
  return a <= 32 || b <= 32 ? v.trim() : v;
}

/**
 * Turns a labelled grid (first row and first column are account labels, the corner is ignored)
 * into a {@link Sam}. Empty cells are 0. A last row and/or column labelled `Total`/`TOTAL` is
 * checked against the sums of the cells and dropped. Fully empty trailing rows and columns are
 * ignored. Errors name the file, 1-based row and the column (letter and account label).
 * @param grid rows of cells, as read from the file (row 0 = header)
 */
export function samFromLabelledGrid(grid: readonly (readonly GridCell[])[], options: LabelledGridOptions = {}): Sam {
  const loc = (row?: number, column?: string) => ({
    ...(options.file !== undefined ? { file: options.file } : {}),
    ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
    ...(row !== undefined ? { row } : {}),
    ...(column !== undefined ? { column } : {}),
  });
  // drop fully empty rows at the end and fully empty columns at the right
  let rows = grid.map((r) => r.map(cellText));
  while (rows.length > 0 && rows[rows.length - 1].every((c) => c === '')) rows = rows.slice(0, -1);
  if (rows.length === 0) throw new InputError('SAM_EMPTY', 'the file holds no matrix', loc());
  let width = Math.max(...rows.map((r) => r.length));
  while (width > 0 && rows.every((r) => (r[width - 1] ?? '') === '')) width--;
  // an empty line inside the matrix is an error: it would shift rows
  for (let i = 1; i < rows.length; i++) {
    if (rows[i].every((c) => c === '')) {
      throw new InputError('SAM_EMPTY_ROW', 'empty line inside the matrix', loc(i + 1));
    }
  }
  const header = rows[0];
  const colLabels: string[] = [];
  // labels neutralised against formula injection by digicge's CSV writer get their own text back
  for (let j = 1; j < width; j++) colLabels.push(restoreFormula(header[j] ?? ''));
  const rowLabels = rows.slice(1).map((r) => restoreFormula(r[0] ?? ''));
  // totals
  const tol = options.totalsTolerance ?? 1e-6;
  const hasTotalCol = colLabels.length > 0 && TOTAL_RE.test(colLabels[colLabels.length - 1]);
  const hasTotalRow = rowLabels.length > 0 && TOTAL_RE.test(rowLabels[rowLabels.length - 1]);
  const nr = rowLabels.length - (hasTotalRow ? 1 : 0);
  const nc = colLabels.length - (hasTotalCol ? 1 : 0);
  for (let j = 0; j < colLabels.length; j++) {
    if (colLabels[j] === '') {
      throw new InputError('SAM_EMPTY_LABEL', `column ${columnLetter(j + 2)} has no account label`, loc(1, columnLetter(j + 2)));
    }
  }
  for (let i = 0; i < rowLabels.length; i++) {
    if (rowLabels[i] === '') throw new InputError('SAM_EMPTY_LABEL', `row ${i + 2} has no account label`, loc(i + 2, 'A'));
  }
  const seen = new Map<string, number>();
  for (let j = 0; j < nc; j++) {
    const prev = seen.get(colLabels[j]);
    if (prev !== undefined) {
      throw new InputError(
        'SAM_DUPLICATE_LABEL',
        `column label '${colLabels[j]}' appears twice (columns ${columnLetter(prev + 2)} and ${columnLetter(j + 2)})`,
        { ...loc(1, `${columnLetter(j + 2)} (${colLabels[j]})`), account: colLabels[j] },
      );
    }
    seen.set(colLabels[j], j);
  }
  seen.clear();
  for (let i = 0; i < nr; i++) {
    const prev = seen.get(rowLabels[i]);
    if (prev !== undefined) {
      throw new InputError('SAM_DUPLICATE_LABEL', `row label '${rowLabels[i]}' appears twice (rows ${prev + 2} and ${i + 2})`, {
        ...loc(i + 2, 'A'),
        account: rowLabels[i],
      });
    }
    seen.set(rowLabels[i], i);
  }
  if (nr !== nc) {
    throw new InputError('SAM_NOT_SQUARE', `a SAM must be square: ${nr} row accounts but ${nc} column accounts`, loc());
  }
  for (let i = 0; i < nr; i++) {
    if (rowLabels[i] !== colLabels[i]) {
      throw new InputError(
        'SAM_LABEL_MISMATCH',
        `row labels must equal column labels in the same order: row ${i + 2} is '${rowLabels[i]}' but column ${columnLetter(i + 2)} is '${colLabels[i]}'`,
        { ...loc(i + 2, columnLetter(i + 2)), account: rowLabels[i] },
      );
    }
  }
  const n = nr;
  const parse = (i: number, j: number): number => {
    const t = rows[i + 1][j + 1] ?? '';
    if (t === '') return 0;
    const raw = grid[i + 1]?.[j + 1];
    const v = typeof raw === 'number' ? raw : NUMBER_RE.test(t) ? Number(t) : Number.NaN;
    if (!Number.isFinite(v)) {
      const what = typeof raw === 'number' || /^[+-]?(nan|inf|infinity)$/i.test(t) ? 'is not a finite number' : 'is not a number';
      throw new InputError(
        typeof raw === 'number' || /^[+-]?(nan|inf|infinity)$/i.test(t) ? 'SAM_NOT_FINITE' : 'SAM_NOT_NUMERIC',
        `cell '${t}' ${what} (row account '${rowLabels[i]}', column account '${colLabels[j] ?? ''}')`,
        { ...loc(i + 2, `${columnLetter(j + 2)} (${colLabels[j] ?? ''})`), account: rowLabels[i] },
      );
    }
    return v;
  };
  const values = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) values[i * n + j] = parse(i, j);
  // check totals against the cells
  const close = (a: number, b: number) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
  if (hasTotalCol) {
    for (let i = 0; i < n; i++) {
      const given = parse(i, n);
      let s = 0;
      for (let j = 0; j < n; j++) s += values[i * n + j];
      if (!close(given, s)) {
        throw new InputError('SAM_TOTAL_MISMATCH', `the Total column gives ${given} for '${rowLabels[i]}' but its cells sum to ${s}`, {
          ...loc(i + 2, `${columnLetter(n + 2)} (Total)`),
          account: rowLabels[i],
        });
      }
    }
  }
  if (hasTotalRow) {
    for (let j = 0; j < n; j++) {
      const given = parse(n, j);
      let s = 0;
      for (let i = 0; i < n; i++) s += values[i * n + j];
      if (!close(given, s)) {
        throw new InputError('SAM_TOTAL_MISMATCH', `the Total row gives ${given} for '${colLabels[j]}' but its cells sum to ${s}`, {
          ...loc(n + 2, `${columnLetter(j + 2)} (${colLabels[j]})`),
          account: colLabels[j],
        });
      }
    }
  }
  return new Sam(rowLabels.slice(0, n), values, options);
}
