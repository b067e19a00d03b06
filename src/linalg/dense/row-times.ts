/**
 * out += X A for the k rows of X (k×n) and a row-major n×n A, on columns j0…j1−1 only, reading A
 * once for all k rows (four rows of A per pass, the k rows of X and out in cache). The building
 * block of power-series solves with row vectors (xᵀ ← r + xᵀA).
 * @module
 */

/** out[r, j] += Σ_i X[r, i] A[i, j] for r < k and j0 ≤ j < j1. */
export function addRowTimesA(X: Float64Array, A: Float64Array, n: number, k: number, out: Float64Array, j0: number, j1: number): void {
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const a0 = i * n,
      a1 = a0 + n,
      a2 = a1 + n,
      a3 = a2 + n;
    for (let r = 0; r < k; r++) {
      const o = r * n;
      const x0 = X[o + i],
        x1 = X[o + i + 1],
        x2 = X[o + i + 2],
        x3 = X[o + i + 3];
      if (x0 === 0 && x1 === 0 && x2 === 0 && x3 === 0) continue;
      for (let j = j0; j < j1; j++) out[o + j] += x0 * A[a0 + j] + x1 * A[a1 + j] + x2 * A[a2 + j] + x3 * A[a3 + j];
    }
  }
  for (; i < n; i++) {
    const a0 = i * n;
    for (let r = 0; r < k; r++) {
      const o = r * n;
      const x0 = X[o + i];
      if (x0 === 0) continue;
      for (let j = j0; j < j1; j++) out[o + j] += x0 * A[a0 + j];
    }
  }
}
