/**
 * The Leontief model x = A x + y, solved as x = L y with L = (I − A)⁻¹. I − A is factorised once
 * ({@link leontiefFactor}); multipliers and footprints are then solves with that factorisation, and
 * the explicit inverse L is formed only when asked ({@link leontiefInverse}).
 * @module
 */
import { InputError } from '../errors.js';
import { assertFinite, luFactor, luInverse, luSolve, luSolveTransposedMany, type LuFactors, type Matrix } from '../linalg/dense/index.js';

/** A factorised Leontief system: the LU factors of I − A, with the sector labels. */
export interface LeontiefSystem {
  /** Number of sectors. */
  readonly n: number;
  /** Technical coefficients A (n×n), as given. */
  readonly A: Matrix;
  /** LU factors of I − A. */
  readonly factors: LuFactors;
  /** Sector labels, when given. */
  readonly labels?: readonly string[];
}

/** Options of {@link leontiefFactor}. */
export interface LeontiefOptions {
  /** Sector labels (used in error messages and kept on the system). */
  labels?: readonly string[];
  /** LU panel width (see {@link luFactor}). */
  blockSize?: number;
}

/** I − A as a new matrix. */
export function identityMinus(A: Matrix): Matrix {
  const n = A.rows;
  const d = new Float64Array(A.data.length);
  for (let k = 0; k < d.length; k++) d[k] = -A.data[k];
  for (let i = 0; i < n; i++) d[i * n + i] += 1;
  return { rows: n, cols: n, data: d };
}

/**
 * Factorises I − A once. Throws `MATRIX_NOT_SQUARE`, `NOT_FINITE` (at a NaN in A, located) or
 * `MATRIX_SINGULAR` naming the sector whose pivot vanished (I − A singular: the sector set cannot
 * produce a positive net output, e.g. a column of A summing to 1 with no value added).
 */
export function leontiefFactor(A: Matrix, options: LeontiefOptions = {}): LeontiefSystem {
  if (A.rows !== A.cols) {
    throw new InputError('MATRIX_NOT_SQUARE', `technical coefficients A must be square, got ${A.rows}×${A.cols}`);
  }
  const labels = options.labels;
  if (labels && labels.length !== A.rows) {
    throw new InputError('MATRIX_DIMENSION_MISMATCH', `${labels.length} labels for ${A.rows} sectors`);
  }
  assertFinite(A, 'A', labels ? { rows: labels, cols: labels } : undefined);
  const factors = luFactor(identityMinus(A), {
    what: 'I − A',
    inPlace: true,
    ...(labels ? { labels } : {}),
    ...(options.blockSize ? { blockSize: options.blockSize } : {}),
  });
  return { n: A.rows, A, factors, ...(labels ? { labels } : {}) };
}

/** Gross output x = L y = (I − A)⁻¹ y for a final-demand vector y (one solve). */
export function leontiefSolve(sys: LeontiefSystem, y: Float64Array): Float64Array {
  return luSolve(sys.factors, y);
}

/**
 * Row multipliers R L for the k rows of R (k×n): R (I − A)⁻¹, computed as k transposed solves
 * (I − A)ᵀ Xᵀ = Rᵀ — never through the inverse. With R = 1ᵀ these are output multipliers; with
 * R = S (stressor coefficients) they are the multipliers M = S L.
 */
export function leontiefRowMultipliers(sys: LeontiefSystem, R: Matrix): Matrix {
  return luSolveTransposedMany(sys.factors, R);
}

/** The explicit Leontief inverse L = (I − A)⁻¹ (n×n). Form it only when the matrix itself is the output. */
export function leontiefInverse(sys: LeontiefSystem): Matrix {
  return luInverse(sys.factors);
}
