/**
 * Weighted aggregation of component scores into one score per area (pure kernel).
 * - arithmetic: Σ_k w_k s_k
 * - geometric:  Π_k (s_k + c_k)^w_k − shift, with c_k = max(0, 1 − min_areas s_k) so that every
 *   shifted score is ≥ 1 (a zero on one component does not zero the index; z-scores can be
 *   negative); the result is reported on the shifted scale.
 * Weights are rescaled to sum to 1.
 * @module
 */
import { NumericError } from '../../errors.js';
import type { Aggregation } from '../../guidelines/generated/composite-index.js';

/**
 * Aggregates `scores[k][i]` (component k, area i) with weights `w[k]`.
 * @throws NumericError `INDEX_BAD_WEIGHTS` when the weights are not positive and finite
 */
export function aggregateScores(scores: readonly Float64Array[], w: ArrayLike<number>, method: Aggregation): Float64Array {
  const K = scores.length;
  let W = 0;
  for (let k = 0; k < K; k++) {
    if (!(w[k] >= 0) || !Number.isFinite(w[k]))
      throw new NumericError('INDEX_BAD_WEIGHTS', `weight ${k} is ${w[k]}; weights must be non-negative and finite`);
    W += w[k];
  }
  if (!(W > 0)) throw new NumericError('INDEX_BAD_WEIGHTS', 'the weights sum to 0');
  const n = scores[0].length;
  const out = new Float64Array(n);
  if (method === 'arithmetic') {
    for (let k = 0; k < K; k++) for (let i = 0; i < n; i++) out[i] += (w[k] / W) * scores[k][i];
    return out;
  }
  for (let k = 0; k < K; k++) {
    let min = Infinity;
    for (const s of scores[k]) min = Math.min(min, s);
    const c = Math.max(0, 1 - min);
    for (let i = 0; i < n; i++) out[i] += (w[k] / W) * Math.log(scores[k][i] + c);
  }
  for (let i = 0; i < n; i++) out[i] = Math.exp(out[i]);
  return out;
}

/**
 * Ranks, 1 = highest value; ties share the best rank (competition ranking 1, 2, 2, 4).
 */
export function rankDescending(x: ArrayLike<number>): Int32Array {
  const n = x.length;
  const r = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let above = 0;
    for (let j = 0; j < n; j++) if (x[j] > x[i]) above++;
    r[i] = above + 1;
  }
  return r;
}

/** The p-quantile (0 ≤ p ≤ 1) of sorted values by linear interpolation (Hyndman–Fan type 7, numpy's default). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
