/**
 * Technical (input) coefficients of an input-output table: A = Z diag(x)⁻¹, a_ij = z_ij / x_j,
 * the purchases from sector i per unit of output of sector j.
 * @module
 */
import { InputError, NumericError } from '../errors.js';
import { assertFinite, assertFiniteVector, type Matrix } from '../linalg/dense/index.js';

/**
 * Divides each column j of a k×n matrix by x_j: M diag(x)⁻¹. A zero, negative or non-finite x_j is
 * an error naming the sector (never a silent 0). Used for A = Z x̂⁻¹ and for S = F x̂⁻¹.
 * @param m k×n matrix (Z or a satellite block F)
 * @param x gross output, length n
 * @param labels sector labels, for error locations
 * @param what name of `m` in messages
 */
export function divideColumns(m: Matrix, x: Float64Array, labels?: readonly string[], what = 'Z'): Matrix {
  if (x.length !== m.cols) {
    throw new InputError('MATRIX_DIMENSION_MISMATCH', `${what} has ${m.cols} columns but x has ${x.length} elements`);
  }
  assertFinite(m, what, labels ? { cols: labels } : undefined);
  assertFiniteVector(x, 'gross output x', labels);
  const n = m.cols;
  const inv = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    if (!(x[j] > 0)) {
      const l = labels?.[j];
      throw new NumericError(
        'ZERO_OUTPUT',
        `sector ${l ?? j + 1} has gross output ${x[j]}; coefficients need a positive output (drop or merge the sector)`,
        { column: l ?? j + 1, ...(l !== undefined ? { account: l } : {}) },
      );
    }
    inv[j] = 1 / x[j];
  }
  const out = new Float64Array(m.data.length);
  for (let i = 0; i < m.rows; i++) {
    const o = i * n;
    for (let j = 0; j < n; j++) out[o + j] = m.data[o + j] * inv[j];
  }
  return { rows: m.rows, cols: n, data: out };
}

/**
 * Technical coefficients A = Z diag(x)⁻¹ (textbook: a_ij = z_ij / x_j).
 * Throws `ZERO_OUTPUT` naming the sector whose x_j is zero or negative, `MATRIX_NOT_SQUARE` when Z
 * is not n×n, `NOT_FINITE` at a NaN.
 */
export function technicalCoefficients(Z: Matrix, x: Float64Array, labels?: readonly string[]): Matrix {
  if (Z.rows !== Z.cols) {
    throw new InputError('MATRIX_NOT_SQUARE', `the inter-industry block Z must be square, got ${Z.rows}×${Z.cols}`);
  }
  return divideColumns(Z, x, labels, 'Z');
}

/** Value-added coefficients v_j = va_j / x_j for a value-added row va (length n). */
export function valueAddedCoefficients(va: Float64Array, x: Float64Array, labels?: readonly string[]): Float64Array {
  return divideColumns({ rows: 1, cols: va.length, data: va }, x, labels, 'value added').data;
}
