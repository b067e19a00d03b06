/**
 * Backward and forward linkages with Rasmussen's normalisation, and the key-sector classification
 * (Miller & Blair 2009, §12.2). Backward: column sums of the Leontief inverse L; forward: row sums of
 * the Ghosh inverse G (the supply-side measure Miller & Blair recommend over row sums of L). Each is
 * normalised by its average, BL_j = n · colsum_j(L) / Σ_ij l_ij, so 1 is the economy's average.
 * @module
 */

/** Classification of a sector by its normalised linkages. */
export type LinkageClass = 'key' | 'backward' | 'forward' | 'weak';

/** Normalised linkages of every sector. */
export interface Linkages {
  /** Column sums of L (output multipliers). */
  readonly backwardTotal: Float64Array;
  /** Row sums of G. */
  readonly forwardTotal: Float64Array;
  /** Rasmussen backward index: backwardTotal_j / mean(backwardTotal). */
  readonly backward: Float64Array;
  /** Rasmussen forward index: forwardTotal_i / mean(forwardTotal). */
  readonly forward: Float64Array;
  /** key: both > 1; backward: only backward > 1; forward: only forward > 1; weak: neither. */
  readonly classes: readonly LinkageClass[];
}

/** Divides a vector by its mean (the Rasmussen normalisation). */
export function normaliseByMean(v: Float64Array): Float64Array {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i];
  const mean = s / v.length;
  return v.map((x) => x / mean);
}

/**
 * Rasmussen linkages from column sums of L (see `outputMultipliers`) and row sums of G
 * (see `ghoshRowSums`).
 */
export function rasmussenLinkages(colSumsL: Float64Array, rowSumsG: Float64Array): Linkages {
  const backward = normaliseByMean(colSumsL);
  const forward = normaliseByMean(rowSumsG);
  const classes: LinkageClass[] = [];
  for (let j = 0; j < backward.length; j++) {
    const b = backward[j] > 1;
    const f = forward[j] > 1;
    classes.push(b && f ? 'key' : b ? 'backward' : f ? 'forward' : 'weak');
  }
  return { backwardTotal: colSumsL, forwardTotal: rowSumsG, backward, forward, classes };
}
