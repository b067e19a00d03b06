import { UsageError } from '../../errors.js';
import { distributionMean, distributionSd, type Distribution } from './distributions.js';

/**
 * Stroud's degree-3 quadrature for `n` independent, symmetrically distributed parameters, as used
 * for systematic sensitivity analysis in GEMPACK (Arndt 1996; DeVuyst & Preckel 1997): 2n equally
 * weighted points that reproduce exactly every moment of order ≤ 3 of the standardised parameters
 * (zero means, unit variances, zero covariances and zero third moments). A model solved at these
 * 2n points gives the mean and standard deviation of its results to the accuracy of a third-order
 * approximation, at a tiny fraction of the cost of Monte Carlo.
 *
 * Point k (k = 1…2n), coordinate pair r = 1…⌊n/2⌋:
 *   x[k, 2r−1] = √2 cos((2r−1)kπ/n),  x[k, 2r] = √2 sin((2r−1)kπ/n);  and x[k, n] = (−1)^k when n is odd.
 * @returns 2n rows of n standardised coordinates (row-major), each row weighted 1/(2n)
 */
export function stroud3Points(n: number): Float64Array[] {
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError('SSA_NO_PARAMETERS', `Stroud quadrature needs at least one uncertain parameter, got ${n}`);
  const points: Float64Array[] = [];
  for (let k = 1; k <= 2 * n; k++) {
    const x = new Float64Array(n);
    for (let r = 1; r <= Math.floor(n / 2); r++) {
      const angle = ((2 * r - 1) * k * Math.PI) / n;
      x[2 * r - 2] = Math.SQRT2 * Math.cos(angle);
      x[2 * r - 1] = Math.SQRT2 * Math.sin(angle);
    }
    if (n % 2 === 1) x[n - 1] = k % 2 === 0 ? 1 : -1;
    points.push(x);
  }
  return points;
}

/**
 * The parameter values at Stroud's points: value = mean + sd · x for each parameter's
 * distribution. Symmetry is assumed by the method; skewed distributions (lognormal, asymmetric
 * triangular) are represented by their mean and standard deviation only — say so in the results.
 */
export function stroud3Samples(distributions: readonly Distribution[]): Float64Array[] {
  const means = distributions.map(distributionMean);
  const sds = distributions.map(distributionSd);
  return stroud3Points(distributions.length).map((x) => x.map((v, j) => means[j]! + sds[j]! * v));
}
