import { InputError } from '../../errors.js';
import { Sam, type SamOptions } from '../sam.js';
import { restoreFormula } from '../../util/neutralise.js';
import { headerLabels, isPlainLayout, isTotalLabel, locateSamLayout } from './layout.js';

/** Options shared by the labelled-matrix readers (CSV, XLSX). */
export interface LabelledGridOptions extends SamOptions {
  /** Worksheet name, for error locations (XLSX). */
  sheet?: string;
  /**
   * Relative tolerance for a `Total` row or column given in the file: it must equal the sum of its
   * cells within `tol × max(1, |total|)`. Default 1e-6.
   */
  totalsTolerance?: number;
  /**
   * Read {@link totalsTolerance} as an absolute difference in the SAM unit: for published files
   * whose cells and totals were rounded separately (IFPRI SAMs in whole units).
   */
  totalsAbsolute?: boolean;
}

/** A cell of a labelled grid: text as read, or a number already typed by the file format. */
export type GridCell = string | number | null | undefined;

const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

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

/** Thousands-grouped numbers as published (`4,886`, `-1,273.9`): the commas are dropped. */
const GROUPED_RE = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** Where a sub-grid's rows and columns sit in the sheet: 0-based sheet row and column of each. */
interface Frame {
  rows: readonly number[];
  cols: readonly number[];
}

/**
 * Turns a labelled grid into a {@link Sam}. The plain layout has account labels in the first row
 * and first column (the corner is ignored); a sheet as published — title and note rows, a header
 * broken over two rows, an account-group header row or group column, a code column beside a
 * description column, side tables — is read when a header row and a label column agree on the
 * accounts (see {@link locateSamLayout}); groups from the group header win over groups inferred
 * from labels, `options.groups` win over both. Empty cells are 0; thousands-grouped numbers
 * (`4,886`) are read. A last row and/or column labelled `Total` is checked against the sums of the
 * cells and dropped. Errors name the file, 1-based sheet row and the column (letter and account label).
 * @param grid rows of cells, as read from the file (row 0 = first line of the sheet)
 */
export function samFromLabelledGrid(grid: readonly (readonly GridCell[])[], options: LabelledGridOptions = {}): Sam {
  const text = grid.map((r) => r.map(cellText));
  const layout = locateSamLayout(text);
  if (!layout || isPlainLayout(layout, trimEmpty(text))) {
    const rows = text;
    return readMatrix(
      rows,
      grid,
      { rows: rows.map((_, i) => i), cols: Array.from({ length: 1 + Math.max(0, ...rows.map((r) => r.length)) }, (_, j) => j) },
      options,
    );
  }
  const { headerRows, labelColumn: c, n } = layout;
  const sheetRows = [
    headerRows[1],
    ...Array.from({ length: n }, (_, i) => headerRows[1] + 1 + i),
    ...(layout.totalRow !== undefined ? [layout.totalRow] : []),
  ];
  const sheetCols = [
    c,
    ...Array.from({ length: n }, (_, j) => c + 1 + j),
    ...(layout.totalColumn !== undefined ? [layout.totalColumn] : []),
  ];
  const labels = headerLabels(text, headerRows[0], headerRows[1], c, c + 1 + n + (layout.totalColumn !== undefined ? 1 : 0));
  const sub = sheetRows.map((r, i) => sheetCols.map((col, j) => (i === 0 ? (j === 0 ? '' : labels[j - 1]) : (text[r][col] ?? ''))));
  const rawSub = sheetRows.map((r, i) => sheetCols.map((col) => (i === 0 ? null : (grid[r]?.[col] ?? null))));
  const groups = { ...layout.groups, ...(options.groups ?? {}) };
  const sam = readMatrix(sub, rawSub, { rows: sheetRows, cols: sheetCols }, { ...options, groups });
  const where = options.sheet !== undefined ? `sheet '${options.sheet}'` : 'the file';
  const parts = [
    `header ${headerRows[0] === headerRows[1] ? `row ${headerRows[0] + 1}` : `rows ${headerRows[0] + 1}–${headerRows[1] + 1}`}`,
    `labels in column ${columnLetter(c + 1)}`,
    ...(layout.groupRow !== undefined ? [`groups from row ${layout.groupRow + 1}`] : []),
    ...(layout.groupColumn !== undefined ? [`groups from column ${columnLetter(layout.groupColumn + 1)}`] : []),
    ...(layout.totalRow !== undefined ? [`Total row ${layout.totalRow + 1} checked`] : []),
    ...(layout.totalColumn !== undefined ? [`Total column ${columnLetter(layout.totalColumn + 1)} checked`] : []),
    ...(layout.ignoredCells > 0 ? [`${layout.ignoredCells} cells outside the matrix not read`] : []),
  ];
  return new Sam(sam.accounts, sam.values, {
    ...(options.unit !== undefined ? { unit: options.unit } : {}),
    provenance: [
      ...sam.provenance,
      {
        operation: 'read',
        description: `read ${where} as published: ${parts.join(', ')}`,
        ...(options.file !== undefined ? { source: options.file } : {}),
        details: { layout, ...(layout.notes.length > 0 ? { notes: layout.notes } : {}) },
      },
    ],
  });
}

function trimEmpty(rows: readonly (readonly string[])[]): readonly (readonly string[])[] {
  let end = rows.length;
  while (end > 0 && rows[end - 1].every((c) => c === '')) end--;
  return rows.slice(0, end);
}

/** Reads the matrix of a sub-grid whose row 0 and column 0 are labels; `frame` maps it to sheet rows/columns for errors. */
function readMatrix(
  textRows: readonly (readonly string[])[],
  grid: readonly (readonly GridCell[])[],
  frame: Frame,
  options: LabelledGridOptions,
): Sam {
  const rowNo = (i: number) => (frame.rows[i] ?? i) + 1;
  const colL = (j: number) => columnLetter((frame.cols[j] ?? j) + 1);
  const loc = (row?: number, column?: string) => ({
    ...(options.file !== undefined ? { file: options.file } : {}),
    ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
    ...(row !== undefined ? { row } : {}),
    ...(column !== undefined ? { column } : {}),
  });
  // drop fully empty rows at the end and fully empty columns at the right
  let rows = textRows;
  while (rows.length > 0 && rows[rows.length - 1].every((c) => c === '')) rows = rows.slice(0, -1);
  if (rows.length === 0) throw new InputError('SAM_EMPTY', 'the file holds no matrix', loc());
  let width = Math.max(...rows.map((r) => r.length));
  while (width > 0 && rows.every((r) => (r[width - 1] ?? '') === '')) width--;
  // an empty line inside the matrix is an error: it would shift rows
  for (let i = 1; i < rows.length; i++) {
    if (rows[i].every((c) => c === '')) {
      throw new InputError('SAM_EMPTY_ROW', 'empty line inside the matrix', loc(rowNo(i)));
    }
  }
  const header = rows[0];
  const colLabels: string[] = [];
  // labels neutralised against formula injection by digicge's CSV writer get their own text back
  for (let j = 1; j < width; j++) colLabels.push(restoreFormula(header[j] ?? ''));
  const rowLabels = rows.slice(1).map((r) => restoreFormula(r[0] ?? ''));
  // totals
  const tol = options.totalsTolerance ?? 1e-6;
  const hasTotalCol = colLabels.length > 0 && isTotalLabel(colLabels[colLabels.length - 1]);
  const hasTotalRow = rowLabels.length > 0 && isTotalLabel(rowLabels[rowLabels.length - 1]);
  const nr = rowLabels.length - (hasTotalRow ? 1 : 0);
  const nc = colLabels.length - (hasTotalCol ? 1 : 0);
  for (let j = 0; j < colLabels.length; j++) {
    if (colLabels[j] === '') {
      throw new InputError('SAM_EMPTY_LABEL', `column ${colL(j + 1)} has no account label`, loc(rowNo(0), colL(j + 1)));
    }
  }
  for (let i = 0; i < rowLabels.length; i++) {
    if (rowLabels[i] === '')
      throw new InputError('SAM_EMPTY_LABEL', `row ${rowNo(i + 1)} has no account label`, loc(rowNo(i + 1), colL(0)));
  }
  const seen = new Map<string, number>();
  for (let j = 0; j < nc; j++) {
    const prev = seen.get(colLabels[j]);
    if (prev !== undefined) {
      throw new InputError(
        'SAM_DUPLICATE_LABEL',
        `column label '${colLabels[j]}' appears twice (columns ${colL(prev + 1)} and ${colL(j + 1)})`,
        { ...loc(rowNo(0), `${colL(j + 1)} (${colLabels[j]})`), account: colLabels[j] },
      );
    }
    seen.set(colLabels[j], j);
  }
  seen.clear();
  for (let i = 0; i < nr; i++) {
    const prev = seen.get(rowLabels[i]);
    if (prev !== undefined) {
      throw new InputError(
        'SAM_DUPLICATE_LABEL',
        `row label '${rowLabels[i]}' appears twice (rows ${rowNo(prev + 1)} and ${rowNo(i + 1)})`,
        {
          ...loc(rowNo(i + 1), colL(0)),
          account: rowLabels[i],
        },
      );
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
        `row labels must equal column labels in the same order: row ${rowNo(i + 1)} is '${rowLabels[i]}' but column ${colL(i + 1)} is '${colLabels[i]}'`,
        { ...loc(rowNo(i + 1), colL(i + 1)), account: rowLabels[i] },
      );
    }
  }
  const n = nr;
  const parse = (i: number, j: number): number => {
    const t = rows[i + 1][j + 1] ?? '';
    if (t === '') return 0;
    const raw = grid[i + 1]?.[j + 1];
    const v =
      typeof raw === 'number' ? raw : NUMBER_RE.test(t) ? Number(t) : GROUPED_RE.test(t) ? Number(t.replaceAll(',', '')) : Number.NaN;
    if (!Number.isFinite(v)) {
      const notFinite = typeof raw === 'number' || /^[+-]?(nan|inf|infinity)$/i.test(t);
      throw new InputError(
        notFinite ? 'SAM_NOT_FINITE' : 'SAM_NOT_NUMERIC',
        `cell '${t}' ${notFinite ? 'is not a finite number' : 'is not a number'} (row account '${rowLabels[i]}', column account '${colLabels[j] ?? ''}')`,
        { ...loc(rowNo(i + 1), `${colL(j + 1)} (${colLabels[j] ?? ''})`), account: rowLabels[i] },
      );
    }
    return v;
  };
  const values = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) values[i * n + j] = parse(i, j);
  // check totals against the cells
  const close = (a: number, b: number) => Math.abs(a - b) <= (options.totalsAbsolute ? tol : tol * Math.max(1, Math.abs(a), Math.abs(b)));
  if (hasTotalCol) {
    for (let i = 0; i < n; i++) {
      const given = parse(i, n);
      let s = 0;
      for (let j = 0; j < n; j++) s += values[i * n + j];
      if (!close(given, s)) {
        throw new InputError('SAM_TOTAL_MISMATCH', `the Total column gives ${given} for '${rowLabels[i]}' but its cells sum to ${s}`, {
          ...loc(rowNo(i + 1), `${colL(n + 1)} (Total)`),
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
          ...loc(rowNo(n + 1), `${colL(j + 1)} (${colLabels[j]})`),
          account: colLabels[j],
        });
      }
    }
  }
  return new Sam(rowLabels.slice(0, n), values, options);
}
