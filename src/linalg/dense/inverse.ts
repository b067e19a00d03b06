/**
 * The explicit inverse A⁻¹ from LU factors. Prefer a solve ({@link luSolve},
 * {@link luSolveTransposedMany}) unless the whole inverse is itself the output asked for.
 *
 * A⁻¹ is computed panel by panel of columns (`inversePanel`): each panel of P·I goes through a
 * blocked forward substitution with L — starting at the first row its unit vectors touch, so the
 * zeros above are never computed — and a blocked back substitution with U. The panels are
 * independent and are shared between threads (the machine's parallelism, at most 4). About
 * 4/3 n³ flops after the factorisation (n³/3 forward, n³ backward), against 2 n³ for a plain solve
 * with the identity.
 * @module
 */
import { NumericError } from '../../errors.js';
import { inversePanel } from './inverse-panel.js';
import type { LuFactors } from './lu.js';
import type { Matrix } from './matrix.js';
import { bind, defaultThreads, parallelInversePanels, release, sharedFloat64 } from './parallel.js';

/** Options of {@link luInverse}. */
export interface InverseOptions {
  /** Threads (default: the machine's parallelism, at most 4; matrices below order 256 use one). */
  threads?: number;
  /** Columns per panel (default 64). */
  panel?: number;
  /** Block size of the substitutions (default 64). */
  blockSize?: number;
}

/** Smallest order for which the panels are shared between threads. */
const PARALLEL_MIN = 256;

/** A⁻¹ (n×n), from the factors of {@link luFactor} (see the module text). */
export function luInverse(f: LuFactors, options: InverseOptions = {}): Matrix {
  const { n, perm } = f;
  const w = Math.max(1, Math.floor(options.panel ?? 64));
  const nb = Math.max(1, Math.floor(options.blockSize ?? 64));
  const threads = n >= PARALLEL_MIN ? Math.max(1, Math.floor(options.threads ?? defaultThreads())) : 1;
  const shared = threads > 1;
  const pinv = shared ? sharedFloat64(n) : new Float64Array(n);
  for (let i = 0; i < n; i++) pinv[perm[i]] = i;
  const x = shared ? sharedFloat64(n * n) : new Float64Array(n * n);
  let lu = f.lu;
  if (shared && !(lu.buffer instanceof SharedArrayBuffer)) {
    lu = sharedFloat64(n * n);
    lu.set(f.lu);
  }
  const hs = shared ? bind(threads - 1, lu, pinv, x) : [];
  try {
    if (hs.length) parallelInversePanels(hs, lu, pinv, x, n, w, nb);
    else for (let c0 = 0; c0 < n; c0 += w) inversePanel(lu, pinv, x, n, c0, Math.min(c0 + w, n), nb);
  } finally {
    if (hs.length) release(hs);
  }
  return { rows: n, cols: n, data: checkFinite(x, f.labels) };
}

function checkFinite(x: Float64Array, labels?: readonly string[]): Float64Array {
  for (let k = 0; k < x.length; k++) {
    if (x[k] - x[k] !== 0) {
      const n = Math.round(Math.sqrt(x.length));
      const i = Math.floor(k / n);
      const l = labels?.[i];
      throw new NumericError(
        'NOT_FINITE',
        `the inverse has a non-finite value at row ${l ?? i + 1}: the matrix is too ill-conditioned`,
        l !== undefined ? { account: l } : { row: i + 1 },
      );
    }
  }
  return x;
}
