/**
 * Satellite accounts (employment, emissions, energy …) on a Leontief system, as pymrio's `iomath`:
 * stressor coefficients S = F diag(x)⁻¹, multipliers M = S L, consumption-based accounts
 * D_cba = S L diag(y). M is computed with k transposed solves (I − A)ᵀ Mᵀ = Sᵀ, not through L.
 * @module
 */
import { InputError } from '../errors.js';
import type { Matrix } from '../linalg/dense/index.js';
import { leontiefRowMultipliers, type LeontiefSystem } from './leontief.js';
import { divideColumns } from './technical-coefficients.js';

/** Stressor coefficients S = F diag(x)⁻¹ (k×n): stressor per unit of output. */
export function stressorCoefficients(F: Matrix, x: Float64Array, labels?: readonly string[]): Matrix {
  return divideColumns(F, x, labels, 'satellite account F');
}

/** Multipliers M = S L (k×n): stressor per unit of final demand, by k transposed solves. */
export function stressorMultipliers(sys: LeontiefSystem, S: Matrix): Matrix {
  return leontiefRowMultipliers(sys, S);
}

/**
 * Consumption-based accounts D_cba = M diag(y) (k×n): the stressor embodied in the final demand for
 * each sector's product (textbook: S L ŷ). Row sums give each stressor's footprint of final demand.
 */
export function consumptionBasedAccounts(M: Matrix, y: Float64Array): Matrix {
  if (y.length !== M.cols) {
    throw new InputError('MATRIX_DIMENSION_MISMATCH', `final demand has ${y.length} elements, expected ${M.cols}`);
  }
  const out = new Float64Array(M.data.length);
  for (let r = 0; r < M.rows; r++) {
    const o = r * M.cols;
    for (let j = 0; j < M.cols; j++) out[o + j] = M.data[o + j] * y[j];
  }
  return { rows: M.rows, cols: M.cols, data: out };
}
