/**
 * Targets for a square SAM balanced without given totals.
 *
 * A SAM (rows receive, columns pay) is balanced when each account's row total (income) equals its
 * column total (expenditure). When no totals are given, the balancing kernels need a common target
 * per account; {@link squareSamTargets} derives it from the prior:
 * - `average` (default): `t_i = (Σ_j X⁰_ij + Σ_j X⁰_ji) / 2`, the mean of the account's income and
 *   expenditure — neither side is trusted more than the other;
 * - `rows`: `t_i = Σ_j X⁰_ij` — incomes are trusted, expenditures adjust;
 * - `columns`: `t_i = Σ_j X⁰_ji` — expenditures are trusted, incomes adjust.
 * All three give `Σ_i t_i` equal to the prior's grand total, so row and column targets agree.
 * @module
 */
import { InputError } from '../../errors.js';

/** How {@link squareSamTargets} derives an account's total from a square prior. */
export type SquareTargetRule = 'average' | 'rows' | 'columns';

/** The rules {@link squareSamTargets} accepts, for option validation. */
export const SQUARE_TARGET_RULES: readonly SquareTargetRule[] = ['average', 'rows', 'columns'];

/**
 * Account totals for balancing a square n × n SAM prior with no given totals (see the module text).
 * @param prior row-major n × n matrix (rows receive, columns pay)
 * @param n number of accounts
 * @param rule `average` (default), `rows` or `columns`
 */
export function squareSamTargets(prior: Float64Array, n: number, rule: SquareTargetRule = 'average'): Float64Array {
  if (prior.length !== n * n) {
    throw new InputError('BALANCE_SHAPE', `a square SAM of ${n} accounts needs ${n * n} cells, got ${prior.length}`);
  }
  if (!SQUARE_TARGET_RULES.includes(rule)) {
    throw new InputError('BALANCE_OPTION', `unknown target rule '${rule}', expected one of ${SQUARE_TARGET_RULES.join(', ')}`);
  }
  const rows = new Float64Array(n);
  const cols = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const x = prior[i * n + j];
      rows[i] += x;
      cols[j] += x;
    }
  }
  if (rule === 'rows') return rows;
  if (rule === 'columns') return cols;
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) t[i] = (rows[i] + cols[i]) / 2;
  return t;
}
