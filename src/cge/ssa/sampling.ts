import { UsageError } from '../../errors.js';
import { distributionQuantile, type Distribution } from './distributions.js';

/** A source of uniform random numbers in [0, 1), e.g. a seeded generator. */
export type UniformSource = () => number;

/**
 * Monte Carlo samples of independent parameters by Latin hypercube sampling: each parameter's range
 * of probability is cut into `draws` equal strata, one value is drawn in each, and the strata are
 * shuffled independently per parameter. Same source state → same samples.
 * @returns `draws` rows, one value per distribution
 */
export function latinHypercubeSamples(distributions: readonly Distribution[], draws: number, uniform: UniformSource): Float64Array[] {
  if (!Number.isInteger(draws) || draws < 1)
    throw new UsageError('SSA_BAD_DRAWS', `the number of Monte Carlo draws must be a positive integer, got ${draws}`);
  const rows = Array.from({ length: draws }, () => new Float64Array(distributions.length));
  const order = new Int32Array(draws);
  distributions.forEach((dist, j) => {
    for (let i = 0; i < draws; i++) order[i] = i;
    for (let i = draws - 1; i > 0; i--) {
      const k = Math.floor(uniform() * (i + 1));
      const t = order[i]!;
      order[i] = order[k]!;
      order[k] = t;
    }
    for (let i = 0; i < draws; i++) {
      // a point strictly inside stratum order[i]
      const u = (order[i]! + Math.min(Math.max(uniform(), 1e-12), 1 - 1e-12)) / draws;
      rows[i]![j] = distributionQuantile(dist, u);
    }
  });
  return rows;
}
