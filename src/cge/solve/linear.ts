/**
 * The linear solves of Newton's method: a factorisation of the (scaled) Jacobian with a fixed
 * sparsity pattern, analysed once and refactored at every iteration.
 * @module
 */
import { NumericError } from '../../errors.js';
import type { Pattern } from './structure.js';

/** A factorisation that can be refreshed with new values on the same pattern. */
export interface LinearSolver {
  /**
   * Factorises the matrix with these values (CSC order of the pattern). Throws NumericError
   * SINGULAR_MATRIX whose location's `column` is the 1-based column without a usable pivot.
   */
  factor(values: Float64Array): void;
  /** Solves A·out = b with the last factorisation. */
  solve(b: Float64Array, out: Float64Array): void;
}

/** Builds a {@link LinearSolver} for a square pattern. */
export type LinearSolverFactory = (pattern: Pattern) => LinearSolver;

/**
 * Dense LU with partial pivoting, for small systems (a few hundred unknowns) and as a reference.
 * Larger systems use the sparse LU of `src/linalg/sparse`.
 */
export const denseLu: LinearSolverFactory = (pattern) => {
  const n = pattern.nCols;
  const a = new Float64Array(n * n); // column-major
  const perm = new Int32Array(n);
  const tmp = new Float64Array(n);
  return {
    factor(values) {
      a.fill(0);
      for (let j = 0; j < n; j++) for (let k = pattern.colPtr[j]; k < pattern.colPtr[j + 1]; k++) a[j * n + pattern.rowIdx[k]] = values[k];
      for (let i = 0; i < n; i++) perm[i] = i;
      for (let k = 0; k < n; k++) {
        let piv = k;
        let best = Math.abs(a[k * n + k]);
        for (let i = k + 1; i < n; i++) {
          const v = Math.abs(a[k * n + i]);
          if (v > best) (best = v), (piv = i);
        }
        if (!(best > 1e-300) || !Number.isFinite(best)) {
          throw new NumericError('SINGULAR_MATRIX', `the matrix is singular at elimination step ${k + 1}`, { column: k + 1 });
        }
        if (piv !== k) {
          for (let j = 0; j < n; j++) {
            const t = a[j * n + k];
            a[j * n + k] = a[j * n + piv];
            a[j * n + piv] = t;
          }
          const t = perm[k];
          perm[k] = perm[piv];
          perm[piv] = t;
        }
        const d = a[k * n + k];
        for (let i = k + 1; i < n; i++) a[k * n + i] /= d;
        for (let j = k + 1; j < n; j++) {
          const f = a[j * n + k];
          if (f === 0) continue;
          const cj = j * n;
          const ck = k * n;
          for (let i = k + 1; i < n; i++) a[cj + i] -= a[ck + i] * f;
        }
      }
    },
    solve(b, out) {
      for (let i = 0; i < n; i++) tmp[i] = b[perm[i]];
      for (let k = 0; k < n; k++) {
        const v = tmp[k];
        if (v !== 0) for (let i = k + 1; i < n; i++) tmp[i] -= a[k * n + i] * v;
      }
      for (let k = n - 1; k >= 0; k--) {
        tmp[k] /= a[k * n + k];
        const v = tmp[k];
        if (v !== 0) for (let i = 0; i < k; i++) tmp[i] -= a[k * n + i] * v;
      }
      out.set(tmp);
    },
  };
};
