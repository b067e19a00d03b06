/**
 * GRAS: generalised RAS for matrices with positive and negative entries.
 *
 * Split the prior into its positive and negative parts, `A = P − N` with `P, N ≥ 0`. GRAS looks
 * for `X = diag(r) P diag(s) − diag(r)⁻¹ N diag(s)⁻¹` (same sign pattern as A) with row sums u and
 * column sums v, the minimiser of the information loss `Σ |a_ij| z_ij ln(z_ij / e)` with
 * `z_ij = x_ij / a_ij` (Junius & Oosterhaven 2003, Economic Systems Research 15(1) 87–96, with the
 * correction of Lenzen, Wood & Gallego 2007, ESR 19(4) 461–465). The iterations are those of
 * Temurshoev, Miller & Bouwmeester (2013, "A note on the GRAS method", ESR 25(3) 361–367):
 *
 * ```
 * p_j = Σ_i r_i P_ij,  n_j = Σ_i N_ij / r_i
 * s_j = (v_j + √(v_j² + 4 p_j n_j)) / (2 p_j)          if p_j > 0
 *     = −n_j / v_j                                   if p_j = 0
 * p_i = Σ_j P_ij s_j,  n_i = Σ_j N_ij / s_j,  r_i likewise with u_i
 * ```
 *
 * starting from `s = 1`, row step first, one fused row-major pass per iteration (as in RAS). For a
 * non-negative prior GRAS is RAS.
 * @module
 */
import { NumericError } from '../../errors.js';
import { checkBalanceProblem, checkFinite, labelOf, locOf, removeFixed, type Side } from './checks.js';
import { imbalance } from './ras.js';
import type { BalanceOptions, BalanceResult } from './types.js';

/**
 * Balances a matrix with positive and negative entries to row totals `rowTargets` and column totals
 * `colTargets` by GRAS (see the module text). Signs of the prior are kept; zero cells stay zero.
 *
 * Throws {@link NumericError} `BALANCE_TOTALS_MISMATCH` when `Σu ≠ Σv`, `BALANCE_ZERO_ROW` /
 * `BALANCE_ZERO_COLUMN` for a line without non-zero cells but a non-zero target, and
 * `BALANCE_SIGN_CONFLICT` when a line has only positive cells and a negative target (or only
 * negative cells and a positive one). Non-convergence is reported by `converged: false`.
 * @param prior row-major nRows × nCols prior (not modified)
 * @param rowTargets u, length nRows
 * @param colTargets v, length nCols
 */
export function balanceGras(
  prior: Float64Array,
  nRows: number,
  nCols: number,
  rowTargets: ArrayLike<number>,
  colTargets: ArrayLike<number>,
  options: BalanceOptions = {},
): BalanceResult {
  const { rowLabels, colLabels } = options;
  const { tol, maxIterations } = checkBalanceProblem(prior, nRows, nCols, rowTargets, colTargets, options);
  const red = removeFixed(prior, nRows, nCols, rowTargets, colTargets, options.fixed, rowLabels, colLabels);
  const a = red.prior;
  const u = red.u;
  const v = red.v;
  const fixedNote = red.cells.length ? ' (after taking out the fixed cells)' : '';

  // sign structure of each line
  const rowPos = new Uint8Array(nRows);
  const rowNeg = new Uint8Array(nRows);
  const colPos = new Uint8Array(nCols);
  const colNeg = new Uint8Array(nCols);
  for (let i = 0; i < nRows; i++) {
    for (let j = 0; j < nCols; j++) {
      const x = a[i * nCols + j];
      if (x > 0) {
        rowPos[i] = 1;
        colPos[j] = 1;
      } else if (x < 0) {
        rowNeg[i] = 1;
        colNeg[j] = 1;
      }
    }
  }
  const checkLine = (side: Side, i: number, pos: number, neg: number, t: number, labels: readonly string[] | undefined) => {
    const name = labelOf(side, i, labels);
    if (!pos && !neg && Math.abs(t) > tol) {
      throw new NumericError(
        side === 'row' ? 'BALANCE_ZERO_ROW' : 'BALANCE_ZERO_COLUMN',
        `${side} ${name} has no non-zero cell in the prior but its target is ${t}${fixedNote}: scaling cannot create a flow`,
        locOf(side, i, labels),
      );
    }
    if (pos && !neg && t < -tol) {
      throw new NumericError(
        'BALANCE_SIGN_CONFLICT',
        `${side} ${name} has only positive cells but a negative target ${t}${fixedNote}: GRAS keeps the signs of the prior`,
        locOf(side, i, labels),
      );
    }
    if (!pos && neg && t > tol) {
      throw new NumericError(
        'BALANCE_SIGN_CONFLICT',
        `${side} ${name} has only negative cells but a positive target ${t}${fixedNote}: GRAS keeps the signs of the prior`,
        locOf(side, i, labels),
      );
    }
  };
  for (let i = 0; i < nRows; i++) checkLine('row', i, rowPos[i], rowNeg[i], u[i], rowLabels);
  for (let j = 0; j < nCols; j++) checkLine('column', j, colPos[j], colNeg[j], v[j], colLabels);

  const r = new Float64Array(nRows).fill(1);
  const rInv = new Float64Array(nRows).fill(1);
  const s = new Float64Array(nCols).fill(1);
  const sInv = new Float64Array(nCols).fill(1);
  const cp = new Float64Array(nCols);
  const cn = new Float64Array(nCols);
  let iterations = 0;
  for (let it = 1; it <= maxIterations; it++) {
    cp.fill(0);
    cn.fill(0);
    let worst = 0;
    for (let i = 0; i < nRows; i++) {
      const off = i * nCols;
      let p = 0;
      let n = 0;
      for (let j = 0; j < nCols; j++) {
        const x = a[off + j];
        if (x > 0) p += x * s[j];
        else if (x < 0) n -= x * sInv[j];
      }
      const gap = Math.abs(r[i] * p - rInv[i] * n - u[i]);
      if (gap > worst) worst = gap;
      const ri = multiplier(p, n, u[i]);
      r[i] = ri;
      const ri1 = ri > 0 ? 1 / ri : 0;
      rInv[i] = ri1;
      for (let j = 0; j < nCols; j++) {
        const x = a[off + j];
        if (x > 0) cp[j] += ri * x;
        else if (x < 0) cn[j] -= ri1 * x;
      }
    }
    for (let j = 0; j < nCols; j++) {
      const sj = multiplier(cp[j], cn[j], v[j]);
      s[j] = sj;
      sInv[j] = sj > 0 ? 1 / sj : 0;
    }
    iterations = it;
    if (it > 1 && worst <= tol) break;
  }
  const matrix = new Float64Array(nRows * nCols);
  for (let i = 0; i < nRows; i++) {
    const off = i * nCols;
    for (let j = 0; j < nCols; j++) {
      const x = a[off + j];
      matrix[off + j] = x > 0 ? r[i] * x * s[j] : x < 0 ? x * rInv[i] * sInv[j] : 0;
    }
  }
  const maxImbalance = imbalance(matrix, nRows, nCols, u, v);
  for (const c of red.cells) matrix[c.k] = c.value;
  checkFinite(matrix, nCols, 'GRAS');
  return { matrix, r, s, iterations, maxImbalance, converged: maxImbalance <= tol, tolerance: tol };
}

/**
 * The GRAS multiplier z > 0 solving `z·p − n/z = t` for p, n ≥ 0: the positive root of
 * `p z² − t z − n = 0`, or `−n/t` when p = 0. Lines without cells keep 1; a line whose target
 * cannot be met (sign conflict found before the loop, or cells scaled to zero) gets a finite value.
 */
function multiplier(p: number, n: number, t: number): number {
  if (p > 0) {
    // numerically stable form of (t + √(t² + 4pn)) / (2p)
    const d = Math.sqrt(t * t + 4 * p * n);
    if (t >= 0) return (t + d) / (2 * p);
    return n > 0 ? (2 * n) / (d - t) : 0;
  }
  if (n > 0) return t < 0 ? -n / t : 1;
  return 1;
}
