/**
 * The Gini coefficient, unweighted and weighted (pure kernels on arrays).
 *
 * Population Gini (mean absolute difference over twice the mean, pairs counted over n², not
 * n(n−1)): G = Σ_i Σ_j w_i w_j |x_i − x_j| / (2 W² μ), μ = Σ w_i x_i / W. With integer weights it
 * equals the Gini of the expanded individual-level distribution. G ∈ [0, (n−1)/n] for n units.
 * @module
 */
import { NumericError } from '../errors.js';

function check(x: ArrayLike<number>, w: ArrayLike<number> | undefined, what: string): void {
  if (x.length === 0) throw new NumericError('GINI_EMPTY', `${what} needs at least one value, got none`);
  if (w && w.length !== x.length) {
    throw new NumericError('GINI_LENGTH', `${what}: ${x.length} values but ${w.length} weights`);
  }
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i]) || x[i] < 0) {
      throw new NumericError('GINI_BAD_VALUE', `${what} needs finite non-negative values; value ${i} is ${x[i]}`);
    }
    if (w && (!Number.isFinite(w[i]) || w[i] < 0)) {
      throw new NumericError('GINI_BAD_WEIGHT', `${what} needs finite non-negative weights; weight ${i} is ${w[i]}`);
    }
  }
}

/**
 * Weighted Gini coefficient by the sorted cumulative-weight formula, O(n log n):
 * G = Σ_i w_i x_i (2 C_i − w_i) / (W Σ_i w_i x_i) − 1, with x sorted ascending and C_i the
 * cumulative weight up to and including i (equal to the double-sum definition above).
 * @param x non-negative values (e.g. Internet users in % of population, one per country)
 * @param w non-negative weights (e.g. population); all 1 when omitted
 * @returns the Gini coefficient; 0 when every value is 0
 * @throws NumericError `GINI_EMPTY`, `GINI_LENGTH`, `GINI_BAD_VALUE`, `GINI_BAD_WEIGHT`, `GINI_ZERO_WEIGHT`
 */
export function gini(x: ArrayLike<number>, w?: ArrayLike<number>): number {
  check(x, w, 'the Gini coefficient');
  const n = x.length;
  let W = 0;
  let S = 0;
  for (let i = 0; i < n; i++) {
    const wi = w ? w[i] : 1;
    W += wi;
    S += wi * x[i];
  }
  if (W <= 0) throw new NumericError('GINI_ZERO_WEIGHT', 'the Gini coefficient needs a positive total weight');
  if (S === 0) return 0;
  let C = 0;
  let acc = 0;
  if (!w) {
    // unweighted: a native numeric sort of a copy; C_i = i + 1
    const xs = Float64Array.from(x).sort();
    for (let i = 0; i < n; i++) acc += xs[i] * (2 * (i + 1) - 1);
  } else {
    // weighted: arg-sort (the order among equal values does not change the sum)
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => x[a] - x[b]);
    for (let k = 0; k < n; k++) {
      const i = order[k];
      C += w[i];
      acc += w[i] * x[i] * (2 * C - w[i]);
    }
  }
  const g = acc / (W * S) - 1;
  return Math.max(0, g); // rounding can give −1e−17 for equal values
}
