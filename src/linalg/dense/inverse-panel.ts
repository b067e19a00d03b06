/**
 * The kernel of the blocked explicit inverse: one panel of columns of A⁻¹ from the LU factors of
 * {@link luFactor} (P A = L U), by blocked forward and back substitution on the panel of P·I.
 * Self-contained (no imports, no module constants, no nested functions) so worker threads can run
 * the same source.
 *
 * For the panel of columns c0…c1−1 of X = A⁻¹ (row-major n×n, the panel strided in it):
 *
 * ```
 * X[:, c0:c1] = (P I)[:, c0:c1]            X[i, j] = 1 when pinv[j] = i
 * L Y = X   block rows of nb from the first row the panel's unit vectors touch (rows above stay 0):
 *           Y[kb:ke] ← L11⁻¹ Y[kb:ke];  Y[ke:n] −= L[ke:n, kb:ke] Y[kb:ke]
 * U X = Y   block rows from the bottom:
 *           X[kb:ke] ← U11⁻¹ X[kb:ke];  X[0:kb] −= U[0:kb, kb:ke] X[kb:ke]
 * ```
 *
 * The off-diagonal updates take two rows and four terms at a time along the panel's columns, as
 * the LU trailing update does.
 * @module
 */

/**
 * Writes columns c0…c1−1 of A⁻¹ into the row-major n×n `x` (other columns untouched).
 * @param lu packed L (unit, strictly below) and U factors, row-major n×n
 * @param pinv pinv[j] = the row of P·A that is row j of A (stored as numbers)
 * @param nb block size of the substitutions
 */
export function inversePanel(lu: Float64Array, pinv: Float64Array, x: Float64Array, n: number, c0: number, c1: number, nb: number): void {
  // X = panel of P I; the first row any of its unit vectors touches
  let first = n;
  for (let i = 0; i < n; i++) x.fill(0, i * n + c0, i * n + c1);
  for (let j = c0; j < c1; j++) {
    const i = pinv[j];
    x[i * n + j] = 1;
    if (i < first) first = i;
  }
  // forward: L Y = X (unit lower), block rows from the block holding `first`
  for (let kb = first - (first % nb); kb < n; kb += nb) {
    const ke = Math.min(kb + nb, n);
    for (let i = kb + 1; i < ke; i++) {
      const ri = i * n;
      for (let p = kb; p < i; p++) {
        const l = lu[ri + p];
        if (l === 0) continue;
        const rp = p * n;
        for (let c = c0; c < c1; c++) x[ri + c] -= l * x[rp + c];
      }
    }
    panelUpdate(lu, x, n, ke, n, kb, ke, c0, c1);
  }
  // backward: U X = Y, block rows from the bottom
  const top = Math.floor((n - 1) / nb) * nb;
  for (let kb = top; kb >= 0; kb -= nb) {
    const ke = Math.min(kb + nb, n);
    for (let i = ke - 1; i >= kb; i--) {
      const ri = i * n;
      for (let p = i + 1; p < ke; p++) {
        const u = lu[ri + p];
        if (u === 0) continue;
        const rp = p * n;
        for (let c = c0; c < c1; c++) x[ri + c] -= u * x[rp + c];
      }
      const d = 1 / lu[ri + i];
      for (let c = c0; c < c1; c++) x[ri + c] *= d;
    }
    panelUpdate(lu, x, n, 0, kb, kb, ke, c0, c1);
  }
}

/**
 * b[r0:r1, cb:ce] −= a[r0:r1, k0:k1] b[k0:k1, cb:ce] on row-major m-wide buffers (a: the LU factors,
 * b: the inverse being built): two rows and four terms at a time.
 */
export function panelUpdate(
  a: Float64Array,
  b: Float64Array,
  m: number,
  r0: number,
  r1: number,
  k0: number,
  k1: number,
  cb: number,
  ce: number,
): void {
  let i = r0;
  for (; i + 1 < r1; i += 2) {
    const ri = i * m;
    const rs = ri + m;
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
      const u0 = k * m,
        u1 = u0 + m,
        u2 = u1 + m,
        u3 = u2 + m;
      for (let c = cb; c < ce; c++) {
        const x0 = b[u0 + c],
          x1 = b[u1 + c],
          x2 = b[u2 + c],
          x3 = b[u3 + c];
        b[ri + c] -= a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3;
        b[rs + c] -= b0 * x0 + b1 * x1 + b2 * x2 + b3 * x3;
      }
    }
    for (; k < k1; k++) {
      const a0 = a[ri + k];
      const b0 = a[rs + k];
      const u0 = k * m;
      for (let c = cb; c < ce; c++) {
        const x0 = b[u0 + c];
        b[ri + c] -= a0 * x0;
        b[rs + c] -= b0 * x0;
      }
    }
  }
  for (; i < r1; i++) {
    const ri = i * m;
    for (let k = k0; k < k1; k++) {
      const a0 = a[ri + k];
      if (a0 === 0) continue;
      const u0 = k * m;
      for (let c = cb; c < ce; c++) b[ri + c] -= a0 * b[u0 + c];
    }
  }
}
