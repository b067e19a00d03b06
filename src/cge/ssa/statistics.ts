/**
 * Summary statistics of sensitivity-analysis results: mean, standard deviation and percentile bands,
 * with equal or given weights.
 * @module
 */
import { NumericError } from '../../errors.js';

/** Summary of one result across the samples. */
export interface ResultSummary {
  mean: number;
  sd: number;
  /** Percentiles by level, e.g. `{ 5: …, 50: …, 95: … }` (empty for quadrature results). */
  percentiles: Record<number, number>;
  min: number;
  max: number;
}

/**
 * Linear-interpolation percentile of sorted values (the definition of numpy's default, "linear":
 * position (n−1)·q/100).
 */
export function percentileOfSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) throw new NumericError('SSA_EMPTY_SAMPLE', 'a percentile of an empty sample was asked for');
  const pos = ((n - 1) * q) / 100;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/**
 * Summarises values. With `weights` (quadrature) the mean is Σw·x and the variance Σw·(x−m)², the
 * moments the rule reproduces; without (Monte Carlo) the sample variance with n−1 in the
 * denominator. With `levels`, unweighted percentiles.
 * @param values one value per sample
 * @param weights per-sample weights summing to 1 (default: equal)
 * @param levels percentile levels in [0, 100]
 */
export function summarise(values: ArrayLike<number>, weights?: ArrayLike<number>, levels: readonly number[] = []): ResultSummary {
  const n = values.length;
  if (n === 0) throw new NumericError('SSA_EMPTY_SAMPLE', 'a summary of an empty sample was asked for');
  let mean = 0;
  for (let i = 0; i < n; i++) mean += (weights ? weights[i]! : 1 / n) * values[i]!;
  let variance = 0;
  if (weights) {
    for (let i = 0; i < n; i++) variance += weights[i]! * (values[i]! - mean) ** 2;
  } else if (n > 1) {
    for (let i = 0; i < n; i++) variance += (values[i]! - mean) ** 2;
    variance /= n - 1;
  }
  const sorted = Float64Array.from(values).sort();
  const percentiles: Record<number, number> = {};
  for (const q of levels) percentiles[q] = percentileOfSorted(sorted, q);
  return { mean, sd: Math.sqrt(Math.max(variance, 0)), percentiles, min: sorted[0]!, max: sorted[n - 1]! };
}
