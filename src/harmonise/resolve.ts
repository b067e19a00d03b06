import type { SourceInfo } from './engine.js';
import { DROPPED_SUPERSEDED, type ObservationStore } from './store.js';

/** Why a kept candidate beat a dropped one (the REASON column of conflicts.csv). */
export type ConflictReason = 'priority' | 'release date' | 'first listed' | 'value over missing';

/**
 * Whether candidate `a` beats candidate `b` of the same key. A value beats a missing-value marker
 * (nothing is lost to an empty cell of a better source); then the higher source priority, then the
 * later release date, then the source listed first in the run.
 * @param s the store
 * @param sources sources of the run, in the order they were listed
 * @param a candidate index
 * @param b candidate index
 */
export function beats(s: ObservationStore, sources: readonly SourceInfo[], a: number, b: number): boolean {
  const ma = Number.isNaN(s.value[a]),
    mb = Number.isNaN(s.value[b]);
  if (ma !== mb) return mb;
  const sa = sources[s.source[a]],
    sb = sources[s.source[b]];
  if (sa.priority !== sb.priority) return sa.priority > sb.priority;
  if (sa.releaseDate !== sb.releaseDate) return sa.releaseDate > sb.releaseDate;
  return s.source[a] < s.source[b];
}

/** The rule of {@link beats} that decided between a winner and a loser. */
export function conflictReason(s: ObservationStore, sources: readonly SourceInfo[], winner: number, loser: number): ConflictReason {
  if (Number.isNaN(s.value[winner]) !== Number.isNaN(s.value[loser])) return 'value over missing';
  const w = sources[s.source[winner]],
    l = sources[s.source[loser]];
  if (w.priority !== l.priority) return 'priority';
  if (w.releaseDate !== l.releaseDate) return 'release date';
  return 'first listed';
}

/** The best live (not dropped) candidate among `cands`, or -1 when none is live. */
export function bestOf(s: ObservationStore, sources: readonly SourceInfo[], cands: readonly number[]): number {
  let best = -1;
  for (const c of cands) if (!s.dropped[c] && (best < 0 || beats(s, sources, c, best))) best = c;
  return best;
}

/** The candidate that wins `key` as things stand (before or after {@link resolveConflicts}), or -1. */
export function winnerOf(s: ObservationStore, sources: readonly SourceInfo[], key: number): number {
  return bestOf(s, sources, s.candidates(key));
}

/**
 * Resolves every key given by several sources: the best live candidate (by {@link beats}) stays,
 * every other live candidate is dropped and handed to `onLoser`; afterwards `byKey` points at the
 * winner of each key, and keys with no live candidate are removed. Keys are visited in the order
 * of their first candidate, losers in the order they were read: the same input gives the same log.
 * @param s the store
 * @param sources sources of the run
 * @param onLoser called for each dropped candidate with the winner that beat it
 */
export function resolveConflicts(
  s: ObservationStore,
  sources: readonly SourceInfo[],
  onLoser: (winner: number, loser: number) => void,
): void {
  const seen = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    if (seen[i]) continue;
    const key = s.key[i];
    // most keys have one candidate: nothing to resolve (a dropped one leaves the index)
    if (s.prev[i] < 0 && s.byKey.get(key) === i) {
      if (s.dropped[i]) s.byKey.delete(key);
      continue;
    }
    const cands = s.candidates(key);
    for (const c of cands) seen[c] = 1;
    const w = bestOf(s, sources, cands);
    if (w < 0) {
      s.byKey.delete(key);
      continue;
    }
    for (const c of cands) {
      if (c === w || s.dropped[c]) continue;
      s.dropped[c] = DROPPED_SUPERSEDED;
      onLoser(w, c);
    }
    s.byKey.set(key, w);
  }
}
