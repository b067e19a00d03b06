/**
 * Output, income and employment multipliers of the open (Type I) Leontief model
 * (Miller & Blair 2009, §6.2–6.3).
 * @module
 */
import { NumericError } from '../errors.js';
import { leontiefRowMultipliers, type LeontiefSystem } from './leontief.js';

/**
 * Output multipliers m(o)_j = Σ_i l_ij, the column sums of L: 1ᵀ (I − A)⁻¹, one transposed solve.
 */
export function outputMultipliers(sys: LeontiefSystem): Float64Array {
  const ones = new Float64Array(sys.n).fill(1);
  return leontiefRowMultipliers(sys, { rows: 1, cols: sys.n, data: ones }).data;
}

/** Simple and Type I multipliers of a coefficient row (labour income or employment per unit output). */
export interface EffectMultipliers {
  /** Simple multipliers c L: total (direct + indirect) effect per unit of final demand for sector j. */
  readonly simple: Float64Array;
  /**
   * Type I multipliers (c L)_j / c_j: total effect per unit of direct effect in sector j. Absent
   * only when asked to omit undefined ratios (`ratios: 'omit'`) and some c_j is 0.
   */
  readonly typeI?: Float64Array;
}

/**
 * Ratio multipliers total_j / direct_j; a zero direct effect is an error naming the sector, since the
 * ratio is undefined (never a silent 0 or Infinity).
 */
export function ratioToDirect(
  total: Float64Array,
  direct: Float64Array,
  labels: readonly string[] | undefined,
  what: string,
): Float64Array {
  const out = new Float64Array(total.length);
  for (let j = 0; j < total.length; j++) {
    if (direct[j] === 0) {
      const l = labels?.[j];
      throw new NumericError(
        'ZERO_DIRECT_EFFECT',
        `the ${what} coefficient of sector ${l ?? j + 1} is 0, so its ${what} multiplier (total ÷ direct) is undefined; use the simple multiplier`,
        { column: l ?? j + 1, ...(l !== undefined ? { account: l } : {}) },
      );
    }
    out[j] = total[j] / direct[j];
  }
  return out;
}

/** What to do with ratio multipliers (total ÷ direct) when a direct coefficient is 0. */
export type RatioPolicy = 'throw' | 'omit';

/**
 * Income (or employment) multipliers of the open model for a coefficient row c (labour income per
 * unit of output, a_{n+1,j}; or jobs per unit of output): simple = c L; Type I = (c L)_j / c_j.
 * @param what 'income' or 'employment', for messages
 * @param ratios 'throw' (default): a zero c_j is an error naming the sector; 'omit': leave Type I out
 */
export function effectMultipliers(sys: LeontiefSystem, c: Float64Array, what = 'income', ratios: RatioPolicy = 'throw'): EffectMultipliers {
  const simple = leontiefRowMultipliers(sys, { rows: 1, cols: sys.n, data: c }).data;
  if (ratios === 'omit' && c.some((v) => v === 0)) return { simple };
  return { simple, typeI: ratioToDirect(simple, c, sys.labels, what) };
}
