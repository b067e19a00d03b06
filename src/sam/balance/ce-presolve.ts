/**
 * Presolve of a cross-entropy problem for the coordinate solver: finds the cells that some
 * constraint forces to zero (all its adjustable cells pull the same way and its value leaves them
 * no room), and diagnoses constraints that no choice of the adjustable cells can meet.
 * @module
 */
import { NumericError } from '../../errors.js';
import type { CeProblem } from './ce-problem.js';
import { rangeOf } from './error-terms.js';

/**
 * The flat indices of the cells forced to zero, repeating until nothing changes. An adjustable cell
 * keeps the sign of its prior, so its contribution to a constraint has the sign of coef × prior.
 * Throws `BALANCE_ZERO_ROW` / `BALANCE_ZERO_COLUMN` (no non-zero cell, non-zero total),
 * `BALANCE_SIGN_CONFLICT` (a total of the wrong sign for cells that keep their signs),
 * `BALANCE_FIXED_EXCEEDS_TOTAL` (fixed cells alone outside the total's range) or
 * `BALANCE_MACRO_INFEASIBLE`.
 */
export function forcedZeros(p: CeProblem): Set<number> {
  const { prior, fixed, tol } = p;
  const zeroed = new Set<number>();
  const adjustable = (k: number) => prior[k] !== 0 && !fixed.has(k) && !zeroed.has(k);
  for (let changed = true; changed; ) {
    changed = false;
    for (const d of p.constraints) {
      let b = 0;
      let pos = false;
      let neg = false;
      for (let t = 0; t < d.flat.length; t++) {
        const k = d.flat[t];
        const fv = fixed.get(k);
        if (fv !== undefined) b += d.coef[t] * fv;
        else if (adjustable(k) && d.coef[t] !== 0) {
          if (d.coef[t] * prior[k] > 0) pos = true;
          else neg = true;
        }
      }
      const [lo, hi] = rangeOf(p.totals[d.total].kind);
      const reachLo = neg ? -Infinity : b;
      const reachHi = pos ? Infinity : b;
      if (lo > reachHi + tol || hi < reachLo - tol) {
        const hasPrior = d.flat.some((k) => prior[k] !== 0 || fixed.has(k));
        if (!hasPrior && d.zeroCode) {
          throw new NumericError(
            d.zeroCode,
            `${d.name} has no non-zero cell in the prior but its total must lie in [${lo}, ${hi}]: scaling cannot create a flow`,
            d.loc,
          );
        }
        if (!pos && !neg && fixed.size === 0) {
          throw new NumericError(
            d.zeroCode ?? 'BALANCE_MACRO_INFEASIBLE',
            `${d.name} has no cell left to adjust and its value 0 lies outside [${lo}, ${hi}]`,
            d.loc,
          );
        }
        const hasFixed = d.flat.some((k) => fixed.has(k));
        if (d.zeroCode && !hasFixed) {
          throw new NumericError(
            'BALANCE_SIGN_CONFLICT',
            `${d.name}: its cells keep the signs of the prior and can only ${pos ? 'add up to a positive' : 'add up to a negative'} total, but the total must lie in [${lo}, ${hi}]`,
            d.loc,
          );
        }
        throw new NumericError(
          d.zeroCode ? 'BALANCE_FIXED_EXCEEDS_TOTAL' : 'BALANCE_MACRO_INFEASIBLE',
          `${d.name}: the fixed cells give ${b} and the adjustable cells can only ${pos ? 'add to it' : neg ? 'subtract from it' : 'stay at zero'}, but the total must lie in [${lo}, ${hi}]`,
          d.loc,
        );
      }
      // no room at all: the adjustable cells, all of one direction, must be zero
      if ((pos && !neg && hi <= b + tol) || (neg && !pos && lo >= b - tol)) {
        for (const k of d.flat) {
          if (adjustable(k)) {
            zeroed.add(k);
            changed = true;
          }
        }
      }
    }
  }
  return zeroed;
}
