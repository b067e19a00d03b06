/**
 * Compressed sparse column (CSC) matrices: construction from triplets or dense arrays, conversion
 * back, matrix–vector products and the transpose.
 * @module
 */
import { InputError } from '../../errors.js';

/**
 * Compressed sparse column matrix. Column `j` holds the entries
 * `rowIdx[p]`, `values[p]` for `p` in `colPtr[j] .. colPtr[j+1]-1`; row indices are 0-based,
 * sorted increasingly within each column, without duplicates. `colPtr` has `nCols + 1` entries,
 * `colPtr[0] = 0` and `colPtr[nCols]` = number of stored entries. For a model Jacobian, rows are
 * equations and columns are variables.
 */
export interface CscMatrix {
  /** Number of rows. */
  nRows: number;
  /** Number of columns. */
  nCols: number;
  /** Column pointers, length `nCols + 1`. */
  colPtr: Int32Array;
  /** Row index of each stored entry, length `colPtr[nCols]`. */
  rowIdx: Int32Array;
  /** Value of each stored entry, length `colPtr[nCols]`. */
  values: Float64Array;
}

function checkDims(nRows: number, nCols: number): void {
  if (!Number.isInteger(nRows) || !Number.isInteger(nCols) || nRows < 0 || nCols < 0) {
    throw new InputError('BAD_DIMENSIONS', `matrix dimensions must be non-negative integers, got ${nRows} × ${nCols}`);
  }
}

/**
 * Builds a CSC matrix from triplets `(rows[k], cols[k], values[k])` (0-based indices). Duplicate
 * positions are summed (the usual finite-element / Jacobian-assembly convention); explicit zeros
 * are kept, so the pattern stays the same when values change.
 * @throws InputError `BAD_TRIPLET` for an index out of range, a length mismatch or a non-finite value.
 */
export function cscFromTriplets(
  nRows: number,
  nCols: number,
  rows: ArrayLike<number>,
  cols: ArrayLike<number>,
  values: ArrayLike<number>,
): CscMatrix {
  checkDims(nRows, nCols);
  const nz = rows.length;
  if (cols.length !== nz || values.length !== nz) {
    throw new InputError(
      'BAD_TRIPLET',
      `rows, cols and values must have the same length, got ${rows.length}, ${cols.length}, ${values.length}`,
    );
  }
  // Count per row, bucket by row (gives row-sorted order), then distribute to columns (stable,
  // so rows stay sorted within each column), then sum duplicates in place.
  const rowCount = new Int32Array(nRows + 1);
  for (let k = 0; k < nz; k++) {
    const i = rows[k];
    const j = cols[k];
    if (!(i >= 0 && i < nRows && Number.isInteger(i)) || !(j >= 0 && j < nCols && Number.isInteger(j))) {
      throw new InputError('BAD_TRIPLET', `triplet ${k} has position (${i}, ${j}), expected 0 ≤ row < ${nRows} and 0 ≤ column < ${nCols}`, {
        row: k + 1,
      });
    }
    if (!Number.isFinite(values[k])) {
      throw new InputError('BAD_TRIPLET', `triplet ${k} at (${i}, ${j}) has the non-finite value ${values[k]}`, {
        row: k + 1,
      });
    }
    rowCount[i + 1]++;
  }
  for (let i = 0; i < nRows; i++) rowCount[i + 1] += rowCount[i];
  const byRow = new Int32Array(nz);
  const next = rowCount.slice(0, nRows);
  for (let k = 0; k < nz; k++) byRow[next[rows[k]]++] = k;
  const colCount = new Int32Array(nCols + 1);
  for (let k = 0; k < nz; k++) colCount[cols[k] + 1]++;
  for (let j = 0; j < nCols; j++) colCount[j + 1] += colCount[j];
  const ri = new Int32Array(nz);
  const vx = new Float64Array(nz);
  const pos = colCount.slice(0, nCols);
  for (let t = 0; t < nz; t++) {
    const k = byRow[t];
    const p = pos[cols[k]]++;
    ri[p] = rows[k];
    vx[p] = values[k];
  }
  // Sum duplicates (adjacent within each column because rows are sorted).
  const colPtr = new Int32Array(nCols + 1);
  let q = 0;
  for (let j = 0; j < nCols; j++) {
    const start = q;
    for (let p = colCount[j]; p < colCount[j + 1]; p++) {
      if (q > start && ri[q - 1] === ri[p]) vx[q - 1] += vx[p];
      else {
        ri[q] = ri[p];
        vx[q] = vx[p];
        q++;
      }
    }
    colPtr[j + 1] = q;
  }
  return { nRows, nCols, colPtr, rowIdx: ri.slice(0, q), values: vx.slice(0, q) };
}

/**
 * Builds a CSC matrix from a dense matrix given as an array of rows (`dense[i][j]`) or as a
 * row-major `Float64Array` with `nRows`, `nCols`. Entries equal to zero are not stored.
 * @throws InputError `BAD_DIMENSIONS` for ragged rows or a wrong length, `BAD_VALUE` for a non-finite entry.
 */
export function cscFromDense(dense: ArrayLike<ArrayLike<number>>): CscMatrix;
export function cscFromDense(dense: Float64Array, nRows: number, nCols: number): CscMatrix;
export function cscFromDense(dense: ArrayLike<ArrayLike<number>> | Float64Array, nRowsArg?: number, nColsArg?: number): CscMatrix {
  let get: (i: number, j: number) => number;
  let nRows: number;
  let nCols: number;
  if (dense instanceof Float64Array) {
    nRows = nRowsArg ?? 0;
    nCols = nColsArg ?? 0;
    checkDims(nRows, nCols);
    if (dense.length !== nRows * nCols) {
      throw new InputError('BAD_DIMENSIONS', `dense array has ${dense.length} entries, expected ${nRows} × ${nCols}`);
    }
    const a = dense;
    get = (i, j) => a[i * nCols + j];
  } else {
    const rowsArr = dense;
    nRows = rowsArr.length;
    nCols = nRows > 0 ? rowsArr[0].length : 0;
    for (let i = 0; i < nRows; i++) {
      if (rowsArr[i].length !== nCols) {
        throw new InputError('BAD_DIMENSIONS', `row ${i} has ${rowsArr[i].length} entries, expected ${nCols}`, {
          row: i + 1,
        });
      }
    }
    get = (i, j) => rowsArr[i][j];
  }
  let nz = 0;
  for (let i = 0; i < nRows; i++) {
    for (let j = 0; j < nCols; j++) {
      const v = get(i, j);
      if (!Number.isFinite(v)) {
        throw new InputError('BAD_VALUE', `entry (${i}, ${j}) is ${v}, expected a finite number`, {
          row: i + 1,
          column: j + 1,
        });
      }
      if (v !== 0) nz++;
    }
  }
  const colPtr = new Int32Array(nCols + 1);
  const rowIdx = new Int32Array(nz);
  const values = new Float64Array(nz);
  let p = 0;
  for (let j = 0; j < nCols; j++) {
    for (let i = 0; i < nRows; i++) {
      const v = get(i, j);
      if (v !== 0) {
        rowIdx[p] = i;
        values[p++] = v;
      }
    }
    colPtr[j + 1] = p;
  }
  return { nRows, nCols, colPtr, rowIdx, values };
}

/** Dense copy of a CSC matrix as an array of rows (`out[i][j]`). */
export function cscToDense(A: CscMatrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < A.nRows; i++) out.push(new Array<number>(A.nCols).fill(0));
  for (let j = 0; j < A.nCols; j++) {
    for (let p = A.colPtr[j]; p < A.colPtr[j + 1]; p++) out[A.rowIdx[p]][j] += A.values[p];
  }
  return out;
}

/**
 * `y = A x`. Writes into `out` when given (length `nRows`, no allocation) and returns it.
 * @throws InputError `BAD_DIMENSIONS` when `x` or `out` has the wrong length.
 */
export function cscMultiplyVector(A: CscMatrix, x: ArrayLike<number>, out?: Float64Array): Float64Array {
  if (x.length !== A.nCols) {
    throw new InputError('BAD_DIMENSIONS', `vector has ${x.length} entries, expected ${A.nCols} (columns of A)`);
  }
  const y = out ?? new Float64Array(A.nRows);
  if (y.length !== A.nRows) {
    throw new InputError('BAD_DIMENSIONS', `output has ${y.length} entries, expected ${A.nRows} (rows of A)`);
  }
  y.fill(0);
  const { colPtr, rowIdx, values } = A;
  for (let j = 0; j < A.nCols; j++) {
    const xj = x[j];
    if (xj === 0) continue;
    for (let p = colPtr[j]; p < colPtr[j + 1]; p++) y[rowIdx[p]] += values[p] * xj;
  }
  return y;
}

/**
 * `y = Aᵀ x`. Writes into `out` when given (length `nCols`) and returns it.
 * @throws InputError `BAD_DIMENSIONS` when `x` or `out` has the wrong length.
 */
export function cscMultiplyTransposedVector(A: CscMatrix, x: ArrayLike<number>, out?: Float64Array): Float64Array {
  if (x.length !== A.nRows) {
    throw new InputError('BAD_DIMENSIONS', `vector has ${x.length} entries, expected ${A.nRows} (rows of A)`);
  }
  const y = out ?? new Float64Array(A.nCols);
  if (y.length !== A.nCols) {
    throw new InputError('BAD_DIMENSIONS', `output has ${y.length} entries, expected ${A.nCols} (columns of A)`);
  }
  const { colPtr, rowIdx, values } = A;
  for (let j = 0; j < A.nCols; j++) {
    let s = 0;
    for (let p = colPtr[j]; p < colPtr[j + 1]; p++) s += values[p] * x[rowIdx[p]];
    y[j] = s;
  }
  return y;
}

/** Transpose `Aᵀ` as a new CSC matrix (row indices sorted, as required). */
export function cscTranspose(A: CscMatrix): CscMatrix {
  const { nRows, nCols, colPtr, rowIdx, values } = A;
  const nz = colPtr[nCols];
  const tp = new Int32Array(nRows + 1);
  for (let p = 0; p < nz; p++) tp[rowIdx[p] + 1]++;
  for (let i = 0; i < nRows; i++) tp[i + 1] += tp[i];
  const next = tp.slice(0, nRows);
  const ti = new Int32Array(nz);
  const tx = new Float64Array(nz);
  for (let j = 0; j < nCols; j++) {
    for (let p = colPtr[j]; p < colPtr[j + 1]; p++) {
      const q = next[rowIdx[p]]++;
      ti[q] = j;
      tx[q] = values[p];
    }
  }
  return { nRows: nCols, nCols: nRows, colPtr: tp, rowIdx: ti, values: tx };
}

/** 1-norm `‖A‖₁` = largest column sum of absolute values. */
export function cscNormOne(A: CscMatrix): number {
  let best = 0;
  for (let j = 0; j < A.nCols; j++) {
    let s = 0;
    for (let p = A.colPtr[j]; p < A.colPtr[j + 1]; p++) s += Math.abs(A.values[p]);
    if (s > best) best = s;
  }
  return best;
}

/**
 * Checks the CSC invariants (pointer lengths and monotonicity, row indices in range, sorted and
 * unique within each column, finite values). Library functions call it at their public edge.
 * @throws InputError `BAD_CSC` naming the first offending column.
 */
export function cscValidate(A: CscMatrix): void {
  checkDims(A.nRows, A.nCols);
  const { colPtr, rowIdx, values } = A;
  if (colPtr.length !== A.nCols + 1 || colPtr[0] !== 0) {
    throw new InputError('BAD_CSC', `colPtr must have nCols + 1 = ${A.nCols + 1} entries starting at 0`);
  }
  const nz = colPtr[A.nCols];
  if (rowIdx.length < nz || values.length < nz) {
    throw new InputError('BAD_CSC', `rowIdx and values must hold colPtr[nCols] = ${nz} entries`);
  }
  for (let j = 0; j < A.nCols; j++) {
    const a = colPtr[j];
    const b = colPtr[j + 1];
    if (b < a) throw new InputError('BAD_CSC', `colPtr decreases at column ${j}`, { column: j + 1 });
    let prev = -1;
    for (let p = a; p < b; p++) {
      const i = rowIdx[p];
      if (i <= prev || i >= A.nRows) {
        throw new InputError(
          'BAD_CSC',
          `column ${j}: row index ${i} is out of range, unsorted or repeated (expected ${prev} < row < ${A.nRows})`,
          { column: j + 1 },
        );
      }
      if (!Number.isFinite(values[p])) {
        throw new InputError('BAD_CSC', `entry (${i}, ${j}) is ${values[p]}, expected a finite number`, {
          row: i + 1,
          column: j + 1,
        });
      }
      prev = i;
    }
  }
}
