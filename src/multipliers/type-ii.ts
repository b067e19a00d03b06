/**
 * Type II multipliers: the model closed with respect to households (Miller & Blair 2009, §2.5 and
 * §6.2.3):
 *
 *     Ā = | A    h_c  |     h_c: household purchases of each sector's output per unit of household outlay
 *         | h_r  h_hh |     h_r: labour income per unit of output (the household row)
 *                           h_hh: the household row's own coefficient, households' purchases from
 *                                 households (e.g. domestic services) per unit of household outlay
 *
 * and L̄ = (I − Ā)⁻¹ of order n + 1. Type II multipliers take the induced household spending too,
 * so they are never smaller than Type I ones when h_c, h_r, h_hh ≥ 0.
 * @module
 */
import { InputError } from '../errors.js';
import type { Matrix } from '../linalg/dense/index.js';
import { leontiefFactor, leontiefRowMultipliers, type LeontiefSystem } from './leontief.js';
import { ratioToDirect, type RatioPolicy } from './output-multipliers.js';

/** Label of the household account added by {@link closeWithHouseholds}. */
export const HOUSEHOLDS = 'households';

/**
 * Builds Ā = [[A, h_c], [h_r, h_hh]] ((n+1)×(n+1)).
 * @param hh the household row's own coefficient h_hh (default 0: no purchases between households)
 */
export function closeWithHouseholds(A: Matrix, hc: Float64Array, hr: Float64Array, hh = 0): Matrix {
  const n = A.rows;
  if (hc.length !== n || hr.length !== n) {
    throw new InputError(
      'MATRIX_DIMENSION_MISMATCH',
      `household consumption column (${hc.length}) and labour income row (${hr.length}) must have one entry per sector (${n})`,
    );
  }
  if (!Number.isFinite(hh) || hh < 0 || hh >= 1) {
    throw new InputError('TYPE_II_HOUSEHOLD_OWN', `the households' own coefficient must lie in [0, 1), got ${hh}`, { account: HOUSEHOLDS });
  }
  const m = n + 1;
  const d = new Float64Array(m * m);
  for (let i = 0; i < n; i++) {
    d.set(A.data.subarray(i * n, i * n + n), i * m);
    d[i * m + n] = hc[i];
  }
  d.set(hr, n * m);
  d[n * m + n] = hh;
  return { rows: m, cols: m, data: d };
}

/** Type II multipliers of the closed model, each of length n (the sectors). */
export interface TypeIIMultipliers {
  /** The factorised closed system (order n + 1). */
  readonly closed: LeontiefSystem;
  /** Total output multipliers: column sums of L̄ over the n sectors (household row excluded). */
  readonly output: Float64Array;
  /** Household income generated per unit of final demand: the household row of L̄. */
  readonly incomeSimple: Float64Array;
  /** Type II income multipliers: household row of L̄ divided by h_r (absent when omitted, see `ratios`). */
  readonly incomeTypeII?: Float64Array;
  /** Jobs per unit of final demand (e L̄ over the sectors), when employment coefficients are given. */
  readonly employmentSimple?: Float64Array;
  /** Type II employment multipliers (e L̄)_j / e_j, when employment coefficients are given. */
  readonly employmentTypeII?: Float64Array;
}

/**
 * Type II output, income and (optionally) employment multipliers with households endogenous.
 * @param A technical coefficients (n×n)
 * @param hc household consumption of each sector's output per unit of household income
 * @param hr labour income per unit of output of each sector
 * @param e employment per unit of output (optional)
 * @param labels sector labels
 * @param ratios 'throw' (default): a zero h_r or e entry is an error naming the sector; 'omit':
 *   leave that ratio multiplier out
 * @param hh the household row's own coefficient h_hh (default 0)
 */
export function typeIIMultipliers(
  A: Matrix,
  hc: Float64Array,
  hr: Float64Array,
  e?: Float64Array,
  labels?: readonly string[],
  ratios: RatioPolicy = 'throw',
  hh = 0,
): TypeIIMultipliers {
  const ratio = (total: Float64Array, direct: Float64Array, what: string): Float64Array | undefined =>
    ratios === 'omit' && direct.some((v) => v === 0) ? undefined : ratioToDirect(total, direct, labels, what);
  const n = A.rows;
  const closed = leontiefFactor(closeWithHouseholds(A, hc, hr, hh), labels ? { labels: [...labels, HOUSEHOLDS] } : {});
  const k = e ? 3 : 2;
  const R = new Float64Array(k * (n + 1));
  R.fill(1, 0, n); // 1ᵀ over the sectors → output
  R[n + 1 + n] = 1; // household row selector → household row of L̄
  if (e) R.set(e, 2 * (n + 1));
  const X = leontiefRowMultipliers(closed, { rows: k, cols: n + 1, data: R }).data;
  const output = X.slice(0, n);
  const incomeSimple = X.slice(n + 1, 2 * n + 1);
  const incomeTypeII = ratio(incomeSimple, hr, 'income');
  const result: TypeIIMultipliers = { closed, output, incomeSimple, ...(incomeTypeII ? { incomeTypeII } : {}) };
  if (!e) return result;
  const employmentSimple = X.slice(2 * (n + 1), 2 * (n + 1) + n);
  const employmentTypeII = ratio(employmentSimple, e, 'employment');
  return { ...result, employmentSimple, ...(employmentTypeII ? { employmentTypeII } : {}) };
}
