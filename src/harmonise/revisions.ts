import { getIndicator, revisionTolerance } from '../guidelines/index.js';
import type { SourceInfo } from './engine.js';
import type { ConflictRecord } from './types.js';

/**
 * How the two values of one key given by two sources differ (QR_REVISION): equal; within the
 * indicator's rounding tolerance; a revision between releases of one dataset; or a discrepancy
 * between different datasets.
 */
export type Difference = 'IDENTICAL' | 'ROUNDING' | 'REVISION' | 'DISCREPANCY';

/**
 * Classifies two values of one key (QR_REVISION). Missing values (`NaN`) are equal to each other;
 * a value against a missing one is a revision (or a discrepancy).
 * @param a one value, in the canonical unit
 * @param b the other
 * @param tolerance largest difference that is rounding noise (inclusive)
 * @param sameDataset whether the two sources are releases of one dataset
 */
export function classifyDifference(a: number, b: number, tolerance: number, sameDataset: boolean): Difference {
  const na = Number.isNaN(a),
    nb = Number.isNaN(b);
  if (na && nb) return 'IDENTICAL';
  if (!na && !nb) {
    if (a === b) return 'IDENTICAL';
    // the tolerance is inclusive; the slack absorbs binary noise in the subtraction (53.75 − 53.7)
    if (Math.abs(a - b) <= tolerance + 1e-12 * Math.max(Math.abs(a), Math.abs(b))) return 'ROUNDING';
  }
  return sameDataset ? 'REVISION' : 'DISCREPANCY';
}

/** A conflict with how its two values differ and whether its sources are vintages of one dataset. */
export interface ClassifiedConflict {
  conflict: ConflictRecord;
  difference: Difference;
  /** Dataset of both sources when they are vintages of one, else ''. */
  dataset: string;
}

/**
 * Classifies every conflict of a run: the datasets of its two sources and the tolerance of its
 * indicator (the catalogue's `revisionTolerance`) decide.
 * @param conflicts conflicts in the order of conflicts.csv
 * @param sources the run's sources (their `dataset` tells vintages apart)
 */
export function classifyConflicts(conflicts: readonly ConflictRecord[], sources: readonly SourceInfo[]): ClassifiedConflict[] {
  const dataset = new Map(sources.map((s) => [s.id, s.dataset]));
  return conflicts.map((c) => {
    const ind = getIndicator(c.key.INDICATOR);
    const tol = ind ? revisionTolerance(ind) : 0;
    const da = dataset.get(c.keptSource),
      db = dataset.get(c.droppedSource);
    const same = da !== undefined && da === db && c.keptRelease !== c.droppedRelease;
    return { conflict: c, difference: classifyDifference(c.keptValue, c.droppedValue, tol, same), dataset: same ? da! : '' };
  });
}
