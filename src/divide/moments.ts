/**
 * Weighted mean, standard deviation and coefficient of variation (pure kernels).
 * The standard deviation is the population one (divisor W = Σ w, not n − 1): dispersion of the
 * whole set of countries, not an estimate from a sample. CV = SD / mean.
 * @module
 */
import { NumericError } from '../errors.js';

/** Mean, SD and CV of a set of values. */
export interface Moments {
  /** Weighted (or plain) mean. */
  mean: number;
  /** Population standard deviation. */
  sd: number;
  /** Coefficient of variation sd / mean. */
  cv: number;
}

/**
 * Weighted mean, population SD and CV.
 * @param x values
 * @param w non-negative weights, all 1 when omitted
 * @throws NumericError `MOMENTS_EMPTY`, `MOMENTS_BAD_VALUE`, `MOMENTS_ZERO_MEAN` (CV undefined)
 */
export function weightedMoments(x: ArrayLike<number>, w?: ArrayLike<number>): Moments {
  if (x.length === 0) throw new NumericError('MOMENTS_EMPTY', 'the mean and SD need at least one value');
  let W = 0;
  let S = 0;
  for (let i = 0; i < x.length; i++) {
    const wi = w ? w[i] : 1;
    if (!Number.isFinite(x[i]) || !Number.isFinite(wi) || wi < 0) {
      throw new NumericError('MOMENTS_BAD_VALUE', `value ${i} (${x[i]}) or its weight (${wi}) is not usable`);
    }
    W += wi;
    S += wi * x[i];
  }
  if (!(W > 0)) throw new NumericError('MOMENTS_ZERO_WEIGHT', 'the total weight is 0');
  const mean = S / W;
  let V = 0;
  for (let i = 0; i < x.length; i++) V += (w ? w[i] : 1) * (x[i] - mean) ** 2;
  const sd = Math.sqrt(V / W);
  if (mean === 0) throw new NumericError('MOMENTS_ZERO_MEAN', 'the coefficient of variation is undefined when the mean is 0');
  return { mean, sd, cv: sd / mean };
}
