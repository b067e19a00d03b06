/**
 * The Ghosh (supply-side) model: allocation coefficients B = diag(x)⁻¹ Z (b_ij = z_ij / x_i, the share
 * of sector i's output sold to sector j) and the Ghosh inverse G = (I − B)⁻¹, with
 * xᵀ = vᵀ G for primary inputs v. G = diag(x)⁻¹ L diag(x) (Miller & Blair 2009, §12.1).
 * @module
 */
import { InputError, NumericError } from '../errors.js';
import { assertFinite, assertFiniteVector, luFactor, luInverse, luSolve, type LuFactors, type Matrix } from '../linalg/dense/index.js';
import { identityMinus } from './leontief.js';

/** Allocation coefficients B = diag(x)⁻¹ Z (b_ij = z_ij / x_i). Zero output is an error naming the sector. */
export function allocationCoefficients(Z: Matrix, x: Float64Array, labels?: readonly string[]): Matrix {
  if (Z.rows !== Z.cols) {
    throw new InputError('MATRIX_NOT_SQUARE', `the inter-industry block Z must be square, got ${Z.rows}×${Z.cols}`);
  }
  if (x.length !== Z.rows) {
    throw new InputError('MATRIX_DIMENSION_MISMATCH', `Z has ${Z.rows} rows but x has ${x.length} elements`);
  }
  assertFinite(Z, 'Z', labels ? { rows: labels, cols: labels } : undefined);
  assertFiniteVector(x, 'gross output x', labels);
  const n = Z.rows;
  const B = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    if (!(x[i] > 0)) {
      const l = labels?.[i];
      throw new NumericError(
        'ZERO_OUTPUT',
        `sector ${l ?? i + 1} has gross output ${x[i]}; allocation coefficients need a positive output`,
        { row: i + 1, ...(l !== undefined ? { account: l } : {}) },
      );
    }
    const r = 1 / x[i];
    for (let j = 0; j < n; j++) B[i * n + j] = Z.data[i * n + j] * r;
  }
  return { rows: n, cols: n, data: B };
}

/** LU factors of I − B, for Ghosh solves. */
export function ghoshFactor(B: Matrix, labels?: readonly string[]): LuFactors {
  return luFactor(identityMinus(B), { what: 'I − B', inPlace: true, ...(labels ? { labels } : {}) });
}

/** Forward (supply-side) output multipliers: row sums of G, G 1 = (I − B)⁻¹ 1 — one solve. */
export function ghoshRowSums(f: LuFactors): Float64Array {
  return luSolve(f, new Float64Array(f.n).fill(1));
}

/** The explicit Ghosh inverse G = (I − B)⁻¹, when the matrix itself is wanted. */
export function ghoshInverse(f: LuFactors): Matrix {
  return luInverse(f);
}
