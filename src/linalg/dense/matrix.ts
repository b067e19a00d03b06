/**
 * Dense matrices: `rows × cols` numbers stored row-major in one `Float64Array`
 * (element (i, j) at `data[i * cols + j]`). Vectors are plain `Float64Array`s.
 * @module
 */
import { InputError, NumericError } from '../../errors.js';

/** A dense row-major matrix: element (i, j) is `data[i * cols + j]`. */
export interface Matrix {
  /** Number of rows. */
  readonly rows: number;
  /** Number of columns. */
  readonly cols: number;
  /** The `rows * cols` elements, row after row. */
  readonly data: Float64Array;
}

/** Labels of the rows and columns of a matrix, used only to name places in error messages. */
export interface MatrixLabels {
  /** Row labels (length = rows). */
  readonly rows?: readonly string[];
  /** Column labels (length = cols). */
  readonly cols?: readonly string[];
}

/** A `rows × cols` matrix of zeros, or wrapping `data` (not copied) when given. */
export function matrix(rows: number, cols: number, data?: Float64Array): Matrix {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
    throw new InputError('MATRIX_BAD_SHAPE', `expected non-negative integer dimensions, got ${rows}×${cols}`);
  }
  if (data && data.length !== rows * cols) {
    throw new InputError('MATRIX_BAD_SHAPE', `expected ${rows}×${cols} = ${rows * cols} elements, got ${data.length}`);
  }
  return { rows, cols, data: data ?? new Float64Array(rows * cols) };
}

/** The n×n identity matrix. */
export function identity(n: number): Matrix {
  const m = matrix(n, n);
  for (let i = 0; i < n; i++) m.data[i * n + i] = 1;
  return m;
}

/** A matrix from an array of equally long rows (e.g. a JSON array of arrays). */
export function fromRows(rowsIn: readonly (readonly number[])[]): Matrix {
  const rows = rowsIn.length;
  const cols = rows ? rowsIn[0].length : 0;
  const m = matrix(rows, cols);
  for (let i = 0; i < rows; i++) {
    const r = rowsIn[i];
    if (r.length !== cols) {
      throw new InputError('MATRIX_RAGGED', `row ${i + 1} has ${r.length} elements, expected ${cols}`, { row: i + 1 });
    }
    for (let j = 0; j < cols; j++) m.data[i * cols + j] = r[j];
  }
  return m;
}

/** The matrix as an array of rows of plain numbers. */
export function toRows(a: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < a.rows; i++) out.push(Array.from(a.data.subarray(i * a.cols, (i + 1) * a.cols)));
  return out;
}

/** A copy of the matrix with its own storage. */
export function copyMatrix(a: Matrix): Matrix {
  return { rows: a.rows, cols: a.cols, data: Float64Array.from(a.data) };
}

/** The transpose Aᵀ (new storage), done in cache-sized tiles. */
export function transpose(a: Matrix): Matrix {
  const { rows, cols, data } = a;
  const out = new Float64Array(rows * cols);
  const T = 32;
  for (let ib = 0; ib < rows; ib += T) {
    const ie = Math.min(ib + T, rows);
    for (let jb = 0; jb < cols; jb += T) {
      const je = Math.min(jb + T, cols);
      for (let i = ib; i < ie; i++) {
        const ro = i * cols;
        for (let j = jb; j < je; j++) out[j * rows + i] = data[ro + j];
      }
    }
  }
  return { rows: cols, cols: rows, data: out };
}

/** Throws `InputError` (code `MATRIX_NOT_SQUARE`) unless the matrix is square. */
export function assertSquare(a: Matrix, what = 'matrix'): void {
  if (a.rows !== a.cols) {
    throw new InputError('MATRIX_NOT_SQUARE', `${what} must be square, got ${a.rows}×${a.cols}`);
  }
}

/**
 * Throws `NumericError` (code `NOT_FINITE`) at the first NaN or ±Infinity, naming its row and column
 * (with labels when given).
 */
export function assertFinite(a: Matrix, what = 'matrix', labels?: MatrixLabels): void {
  const { cols, data } = a;
  for (let k = 0; k < data.length; k++) {
    const v = data[k];
    if (v - v !== 0) {
      const i = Math.floor(k / cols);
      const j = k - i * cols;
      const rl = labels?.rows?.[i];
      const cl = labels?.cols?.[j];
      throw new NumericError(
        'NOT_FINITE',
        `${what} has a non-finite value ${v} at row ${rl ?? i + 1}, column ${cl ?? j + 1}; expected finite numbers`,
        { row: i + 1, column: cl ?? j + 1, ...(rl !== undefined ? { account: rl } : {}) },
      );
    }
  }
}

/** Throws `NumericError` (code `NOT_FINITE`) at the first NaN or ±Infinity of a vector. */
export function assertFiniteVector(v: Float64Array, what = 'vector', labels?: readonly string[]): void {
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (x - x !== 0) {
      const l = labels?.[i];
      throw new NumericError('NOT_FINITE', `${what} has a non-finite value ${x} at element ${l ?? i + 1}; expected finite numbers`, {
        row: i + 1,
        ...(l !== undefined ? { account: l } : {}),
      });
    }
  }
}
