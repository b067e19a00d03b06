/**
 * The trailing-update kernel of blocked LU, C ← C − L U, on one row-major buffer. Self-contained
 * (no imports, no module constants) so worker threads can run the same source.
 * @module
 */

/**
 * C ← C − L U on the row-major n-wide buffer `a`, where C = a[r0:r1, c0:c1],
 * L = a[r0:r1, k0:k1] and U = a[k0:k1, c0:c1]. Columns go in chunks of `chunk` (256 keeps a chunk of U in cache); within a chunk,
 * two rows of C take four rank-1 terms at a time (8 multiply-adds per 8 loads and 2 stores).
 */
export function gemmUpdate(
  a: Float64Array,
  n: number,
  r0: number,
  r1: number,
  k0: number,
  k1: number,
  c0: number,
  c1: number,
  chunk: number,
): void {
  for (let cb = c0; cb < c1; cb += chunk) {
    const ce = Math.min(cb + chunk, c1);
    let i = r0;
    for (; i + 1 < r1; i += 2) {
      const ri = i * n;
      const rs = ri + n;
      let k = k0;
      for (; k + 3 < k1; k += 4) {
        const a0 = a[ri + k],
          a1 = a[ri + k + 1],
          a2 = a[ri + k + 2],
          a3 = a[ri + k + 3];
        const b0 = a[rs + k],
          b1 = a[rs + k + 1],
          b2 = a[rs + k + 2],
          b3 = a[rs + k + 3];
        const u0 = k * n,
          u1 = u0 + n,
          u2 = u1 + n,
          u3 = u2 + n;
        for (let c = cb; c < ce; c++) {
          const x0 = a[u0 + c],
            x1 = a[u1 + c],
            x2 = a[u2 + c],
            x3 = a[u3 + c];
          a[ri + c] -= a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3;
          a[rs + c] -= b0 * x0 + b1 * x1 + b2 * x2 + b3 * x3;
        }
      }
      for (; k < k1; k++) {
        const a0 = a[ri + k];
        const b0 = a[rs + k];
        const u0 = k * n;
        for (let c = cb; c < ce; c++) {
          const x0 = a[u0 + c];
          a[ri + c] -= a0 * x0;
          a[rs + c] -= b0 * x0;
        }
      }
    }
    for (; i < r1; i++) {
      const ri = i * n;
      for (let k = k0; k < k1; k++) {
        const a0 = a[ri + k];
        const u0 = k * n;
        for (let c = cb; c < ce; c++) a[ri + c] -= a0 * a[u0 + c];
      }
    }
  }
}
