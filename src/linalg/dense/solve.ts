/**
 * Solves with the factors of {@link luFactor}: A x = b, A X = B (many right-hand sides), and the
 * transposed systems xᵀ A = bᵀ (row vectors, e.g. multipliers = 1ᵀ (I−A)⁻¹) for one or many rows.
 * @module
 */
import { InputError, NumericError } from '../../errors.js';
import type { LuFactors } from './lu.js';
import type { Matrix } from './matrix.js';

function checkLength(f: LuFactors, len: number, what: string): void {
  if (len !== f.n) {
    throw new InputError('MATRIX_DIMENSION_MISMATCH', `${what} has length ${len}, expected ${f.n}`);
  }
}

function checkResult(x: Float64Array, what: string, labels?: readonly string[]): Float64Array {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v - v !== 0) {
      const l = labels?.[i % (labels.length || 1)];
      throw new NumericError(
        'NOT_FINITE',
        `${what} gave a non-finite value at element ${l ?? i + 1}: the matrix is too ill-conditioned or the right-hand side is not finite`,
        { ...(l !== undefined ? { account: l } : { row: i + 1 }) },
      );
    }
  }
  return x;
}

/** Solves A x = b for one right-hand side (b is not modified). */
export function luSolve(f: LuFactors, b: Float64Array): Float64Array {
  checkLength(f, b.length, 'right-hand side');
  const { n, lu, perm } = f;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = b[perm[i]];
  // L y = P b (unit lower)
  for (let i = 1; i < n; i++) {
    const ri = i * n;
    let s = x[i];
    for (let k = 0; k < i; k++) s -= lu[ri + k] * x[k];
    x[i] = s;
  }
  // U x = y
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * n;
    let s = x[i];
    for (let k = i + 1; k < n; k++) s -= lu[ri + k] * x[k];
    x[i] = s / lu[ri + i];
  }
  return checkResult(x, 'solve', f.labels);
}

/**
 * Solves A X = B for the k columns of the n×k matrix B at once (row-major); returns X (n×k).
 * Row operations on whole rows of X keep the inner loops contiguous.
 */
export function luSolveMany(f: LuFactors, b: Matrix): Matrix {
  checkLength(f, b.rows, 'right-hand side matrix');
  const { n, lu, perm } = f;
  const k = b.cols;
  const x = new Float64Array(n * k);
  for (let i = 0; i < n; i++) x.set(b.data.subarray(perm[i] * k, perm[i] * k + k), i * k);
  for (let i = 1; i < n; i++) {
    const ri = i * n;
    const xi = i * k;
    for (let p = 0; p < i; p++) {
      const l = lu[ri + p];
      if (l === 0) continue;
      const xp = p * k;
      for (let c = 0; c < k; c++) x[xi + c] -= l * x[xp + c];
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * n;
    const xi = i * k;
    for (let p = i + 1; p < n; p++) {
      const u = lu[ri + p];
      if (u === 0) continue;
      const xp = p * k;
      for (let c = 0; c < k; c++) x[xi + c] -= u * x[xp + c];
    }
    const d = 1 / lu[ri + i];
    for (let c = 0; c < k; c++) x[xi + c] *= d;
  }
  return { rows: n, cols: k, data: checkResult(x, 'solve') };
}

/**
 * Solves the transposed system xᵀ A = bᵀ (equivalently Aᵀ x = b) for one row vector b.
 * With A = I − A_io this gives row multipliers: b (I − A_io)⁻¹.
 */
export function luSolveTransposed(f: LuFactors, b: Float64Array): Float64Array {
  checkLength(f, b.length, 'right-hand side');
  return luSolveTransposedMany(f, { rows: 1, cols: f.n, data: b }).data;
}

/**
 * Solves X A = B for the k rows of the k×n matrix B at once: X = B A⁻¹ (k×n, row-major).
 * With P A = L U: X = B U⁻¹ L⁻¹ P. Each step is an axpy along a row of U or L, so all loops are
 * contiguous in row-major storage.
 */
export function luSolveTransposedMany(f: LuFactors, b: Matrix): Matrix {
  checkLength(f, b.cols, 'right-hand side rows');
  const { n, lu, perm } = f;
  const k = b.rows;
  const y = Float64Array.from(b.data);
  for (let r = 0; r < k; r++) {
    const o = r * n;
    // z U = b: z_j = (b_j − Σ_{i<j} z_i u_ij) / u_jj, done as forward axpys along the rows of U
    for (let i = 0; i < n; i++) {
      const ri = i * n;
      const z = (y[o + i] /= lu[ri + i]);
      if (z === 0) continue;
      for (let j = i + 1; j < n; j++) y[o + j] -= z * lu[ri + j];
    }
    // w L = z (unit lower): w_j = z_j − Σ_{i>j} w_i l_ij, backwards along the rows of L
    for (let i = n - 1; i > 0; i--) {
      const ri = i * n;
      const w = y[o + i];
      if (w === 0) continue;
      for (let j = 0; j < i; j++) y[o + j] -= w * lu[ri + j];
    }
  }
  // x = w P: x[perm[i]] = w[i]
  const x = new Float64Array(k * n);
  for (let r = 0; r < k; r++) {
    const o = r * n;
    for (let i = 0; i < n; i++) x[o + perm[i]] = y[o + i];
  }
  return { rows: k, cols: n, data: checkResult(x, 'transposed solve') };
}
