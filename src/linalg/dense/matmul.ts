/**
 * Matrix products on row-major `Float64Array`s: C = A B (blocked, i-k-j order so the inner loop runs
 * along rows of B and C), y = A x and the row-vector product yᵀ = xᵀ A.
 * @module
 */
import { InputError } from '../../errors.js';
import type { Matrix } from './matrix.js';

/**
 * C = A B, blocked: columns of B and C go in chunks of 256; within a chunk, two rows of C take four
 * terms of the k-sum at a time (i-k-j order, inner loop contiguous along rows of B and C).
 * Textbook: c_ij = Σ_k a_ik b_kj. Throws `MATRIX_DIMENSION_MISMATCH` when A.cols ≠ B.rows.
 */
export function matmul(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.rows) {
    throw new InputError('MATRIX_DIMENSION_MISMATCH', `cannot multiply ${a.rows}×${a.cols} by ${b.rows}×${b.cols}`);
  }
  const m = a.rows;
  const p = a.cols;
  const q = b.cols;
  const A = a.data;
  const B = b.data;
  const C = new Float64Array(m * q);
  const CH = 256;
  for (let cb = 0; cb < q; cb += CH) {
    const ce = Math.min(cb + CH, q);
    let i = 0;
    for (; i + 1 < m; i += 2) {
      const ai = i * p,
        as = ai + p,
        ci = i * q,
        cs = ci + q;
      let k = 0;
      for (; k + 3 < p; k += 4) {
        const a0 = A[ai + k],
          a1 = A[ai + k + 1],
          a2 = A[ai + k + 2],
          a3 = A[ai + k + 3];
        const b0 = A[as + k],
          b1 = A[as + k + 1],
          b2 = A[as + k + 2],
          b3 = A[as + k + 3];
        const u0 = k * q,
          u1 = u0 + q,
          u2 = u1 + q,
          u3 = u2 + q;
        for (let c = cb; c < ce; c++) {
          const x0 = B[u0 + c],
            x1 = B[u1 + c],
            x2 = B[u2 + c],
            x3 = B[u3 + c];
          C[ci + c] += a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3;
          C[cs + c] += b0 * x0 + b1 * x1 + b2 * x2 + b3 * x3;
        }
      }
      for (; k < p; k++) {
        const a0 = A[ai + k],
          b0 = A[as + k],
          u0 = k * q;
        for (let c = cb; c < ce; c++) {
          C[ci + c] += a0 * B[u0 + c];
          C[cs + c] += b0 * B[u0 + c];
        }
      }
    }
    for (; i < m; i++) {
      const ai = i * p,
        ci = i * q;
      for (let k = 0; k < p; k++) {
        const a0 = A[ai + k],
          u0 = k * q;
        for (let c = cb; c < ce; c++) C[ci + c] += a0 * B[u0 + c];
      }
    }
  }
  return { rows: m, cols: q, data: C };
}

/** y = A x. */
export function matvec(a: Matrix, x: Float64Array): Float64Array {
  if (a.cols !== x.length) {
    throw new InputError('MATRIX_DIMENSION_MISMATCH', `cannot multiply ${a.rows}×${a.cols} by a vector of length ${x.length}`);
  }
  const { rows, cols, data } = a;
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const ro = i * cols;
    let s = 0;
    for (let j = 0; j < cols; j++) s += data[ro + j] * x[j];
    y[i] = s;
  }
  return y;
}

/** yᵀ = xᵀ A (row vector times matrix), accumulated along rows of A. */
export function vecmat(x: Float64Array, a: Matrix): Float64Array {
  if (a.rows !== x.length) {
    throw new InputError('MATRIX_DIMENSION_MISMATCH', `cannot multiply a vector of length ${x.length} by ${a.rows}×${a.cols}`);
  }
  const { rows, cols, data } = a;
  const y = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const xi = x[i];
    if (xi === 0) continue;
    const ro = i * cols;
    for (let j = 0; j < cols; j++) y[j] += xi * data[ro + j];
  }
  return y;
}
