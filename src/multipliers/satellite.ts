/**
 * Satellite accounts (employment, emissions, energy …) on a single-region Leontief system with
 * pymrio's `iomath` definitions: stressor coefficients S = F diag(x)⁻¹ (`calc_S`), multipliers
 * M = S L (`calc_M`) and, for one region, pymrio's D_cba = S L diag(y) = M diag(y) — the stressor
 * embodied in the final demand for each product. M is computed with k transposed solves
 * (I − A)ᵀ Mᵀ = Sᵀ, not through L. Multi-regional systems, where D_cba is by consuming region ×
 * product and D_pba, D_imp, D_exp and the regional footprints differ, are in `footprints.ts`
 * (`mrioAccounts`).
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
 * Consumption-based accounts of a single-region table, pymrio's D_cba with one region:
 * M diag(y) (k×n), the stressor embodied in the final demand for each product (textbook: S L ŷ).
 * Row sums give each stressor's footprint of final demand. For several regions use
 * `mrioAccounts` (footprints.ts), whose D_cba is by consuming region × product.
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
