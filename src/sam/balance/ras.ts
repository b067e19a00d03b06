/**
 * RAS: biproportional balancing of a non-negative matrix to given row and column totals.
 *
 * Given a prior `X⁰ ≥ 0` (nRows × nCols), row targets `u` and column targets `v` with
 * `Σu = Σv`, RAS finds `X = diag(r) · X⁰ · diag(s)` with `X·1 = u` and `1ᵀ·X = vᵀ` by alternating
 *
 * ```
 * r_i ← u_i / Σ_j X⁰_ij s_j          (row scaling)
 * s_j ← v_j / Σ_i r_i X⁰_ij          (column scaling)
 * ```
 *
 * starting from `s = 1`. X is never formed inside the loop: one row-major pass per iteration
 * computes each row's sum against s, sets r_i, and adds `r_i · X⁰_i·` into the column sums in the
 * same pass. The limit is the matrix closest to the prior in the Kullback–Leibler sense,
 * `min Σ X_ij ln(X_ij / X⁰_ij)` under the totals (Bacharach 1970, Biproportional Matrices; Miller &
 * Blair 2009, Input–Output Analysis, 2nd ed., §7.4). Zero cells stay zero.
 *
 * The convergence test uses the largest remaining |row sum − u_i| (the column sums are exact after
 * each column scaling); the returned `maxImbalance` is measured on the returned matrix, rows and
 * columns both.
 * @module
 */
import { InputError, NumericError } from '../../errors.js';
import { checkBalanceProblem, checkFinite, checkMatrix, checkTargets, defaultTolerance, labelOf, locOf, removeFixed } from './checks.js';
import { findHallViolation } from './feasibility.js';
import { wasmRasWorkspace } from './ras-wasm.js';

/** Matrices of at least this many cells use the WebAssembly SIMD row pass when available. */
const WASM_MIN_CELLS = 4096;
import type { BalanceOptions, BalanceResult } from './types.js';

/**
 * Balances a non-negative matrix to row totals `rowTargets` and column totals `colTargets` by RAS.
 *
 * Throws {@link InputError} `BALANCE_NEGATIVE_ENTRY` for a negative prior cell that is not fixed
 * (use {@link balanceGras}; fixed cells may be negative), `BALANCE_NEGATIVE_TARGET` for a negative target; {@link NumericError}
 * `BALANCE_TOTALS_MISMATCH` when `Σu ≠ Σv`, `BALANCE_ZERO_ROW` / `BALANCE_ZERO_COLUMN` when a row
 * or column has no non-zero cell but a positive target, `BALANCE_FIXED_EXCEEDS_TOTAL` when fixed
 * cells exceed a target, and — when the run does not converge — `BALANCE_INFEASIBLE_PATTERN` if no
 * matrix with the prior's zero pattern can meet the totals (see {@link findHallViolation}). Non-convergence is reported by `converged: false`, not thrown.
 * @param prior row-major nRows × nCols prior, all cells ≥ 0 (not modified)
 * @param nRows number of rows
 * @param nCols number of columns
 * @param rowTargets u, length nRows, ≥ 0
 * @param colTargets v, length nCols, ≥ 0
 */
export function balanceRas(
  prior: Float64Array,
  nRows: number,
  nCols: number,
  rowTargets: ArrayLike<number>,
  colTargets: ArrayLike<number>,
  options: BalanceOptions = {},
): BalanceResult {
  const { rowLabels, colLabels } = options;
  const { tol, maxIterations } = checkBalanceProblem(prior, nRows, nCols, rowTargets, colTargets, options);
  const hasFixed = (options.fixed?.length ?? 0) > 0;
  const red = removeFixed(prior, nRows, nCols, rowTargets, colTargets, options.fixed, rowLabels, colLabels);
  for (let k = 0; k < red.prior.length; k++) {
    if (red.prior[k] < 0) {
      const i = Math.floor(k / nCols);
      throw new InputError(
        'BALANCE_NEGATIVE_ENTRY',
        `prior cell is negative (${red.prior[k]}); RAS needs a non-negative prior, use GRAS (--method gras) for matrices with negative entries`,
        { account: labelOf('row', i, rowLabels), column: labelOf('column', k - i * nCols, colLabels) },
      );
    }
  }
  checkReducedTargets(red.u, 'row', rowLabels, tol, hasFixed);
  checkReducedTargets(red.v, 'column', colLabels, tol, hasFixed);
  checkZeroLines(red.prior, nRows, nCols, red.u, red.v, tol, rowLabels, colLabels);

  const { matrix, r, s, iterations } = rasIterate(red.prior, nRows, nCols, red.u, red.v, tol, maxIterations);
  const maxImbalance = imbalance(matrix, nRows, nCols, red.u, red.v);
  // a stalled run (not merely a tight tolerance): look for a structural cause
  const stalled = Math.max(tol, 10 * defaultTolerance(red.u, red.v)); // 1e-8 × largest target
  if (maxImbalance > stalled) throwIfInfeasible(red.prior, nRows, nCols, red.u, red.v, tol, rowLabels, colLabels);
  for (const c of red.cells) matrix[c.k] = c.value;
  checkFinite(matrix, nCols, 'RAS');
  return { matrix, r, s, iterations, maxImbalance, converged: maxImbalance <= tol, tolerance: tol };
}

/**
 * After a failed run: when no matrix with the prior's zero pattern meets the totals, throws
 * `BALANCE_INFEASIBLE_PATTERN` naming the rows and the columns their cells lie in.
 */
export function throwIfInfeasible(
  prior: Float64Array,
  nRows: number,
  nCols: number,
  u: ArrayLike<number>,
  v: ArrayLike<number>,
  tol: number,
  rowLabels: readonly string[] | undefined,
  colLabels: readonly string[] | undefined,
): void {
  const h = findHallViolation(prior, nRows, nCols, u, v, tol);
  if (!h) return;
  const names = (idx: number[], side: 'row' | 'column', labels: readonly string[] | undefined) => {
    const l = idx.slice(0, 12).map((i) => labelOf(side, i, labels));
    return `${l.join(', ')}${idx.length > 12 ? `, … (${idx.length} in all)` : ''}`;
  };
  throw new NumericError(
    'BALANCE_INFEASIBLE_PATTERN',
    `no matrix with the prior's zero cells meets the totals: rows ${names(h.rows, 'row', rowLabels)} have all their non-zero cells in ` +
      `columns ${h.cols.length ? names(h.cols, 'column', colLabels) : '(none)'}, whose targets sum to ${h.colTotal}, less than the rows' ${h.rowTotal}; ` +
      'change those totals, allow more non-zero cells, or use cross-entropy (which can balance a SAM with income = expenditure only)',
    h.rows.length ? locOf('row', h.rows[0], rowLabels) : undefined,
  );
}

function checkReducedTargets(
  t: Float64Array,
  side: 'row' | 'column',
  labels: readonly string[] | undefined,
  tol: number,
  hasFixed: boolean,
): void {
  for (let i = 0; i < t.length; i++) {
    if (t[i] < -tol) {
      if (hasFixed) {
        throw new NumericError(
          'BALANCE_FIXED_EXCEEDS_TOTAL',
          `fixed cells of ${side} ${labelOf(side, i, labels)} exceed its target by ${-t[i]}; the other cells cannot be negative`,
          locOf(side, i, labels),
        );
      }
      throw new InputError(
        'BALANCE_NEGATIVE_TARGET',
        `${side} target is negative (${t[i]}); RAS needs non-negative totals, use GRAS (--method gras)`,
        locOf(side, i, labels),
      );
    }
    if (t[i] < 0) t[i] = 0;
  }
}

/** A row or column without any non-zero cell cannot reach a positive target. */
export function checkZeroLines(
  prior: Float64Array,
  nRows: number,
  nCols: number,
  u: ArrayLike<number>,
  v: ArrayLike<number>,
  tol: number,
  rowLabels: readonly string[] | undefined,
  colLabels: readonly string[] | undefined,
): void {
  const colNonZero = new Uint8Array(nCols);
  for (let i = 0; i < nRows; i++) {
    let any = false;
    const off = i * nCols;
    for (let j = 0; j < nCols; j++) {
      if (prior[off + j] !== 0) {
        any = true;
        colNonZero[j] = 1;
      }
    }
    if (!any && Math.abs(u[i]) > tol) {
      throw new NumericError(
        'BALANCE_ZERO_ROW',
        `row ${labelOf('row', i, rowLabels)} has no non-zero cell in the prior but its target is ${u[i]}: scaling cannot create a flow`,
        locOf('row', i, rowLabels),
      );
    }
  }
  for (let j = 0; j < nCols; j++) {
    if (!colNonZero[j] && Math.abs(v[j]) > tol) {
      throw new NumericError(
        'BALANCE_ZERO_COLUMN',
        `column ${labelOf('column', j, colLabels)} has no non-zero cell in the prior but its target is ${v[j]}: scaling cannot create a flow`,
        locOf('column', j, colLabels),
      );
    }
  }
}

/**
 * The RAS iterations on checked input: returns `diag(r) X⁰ diag(s)`, r, s and the iteration count.
 * One fused row-major pass per iteration; no allocation inside the loop. `engine`: `wasm` (the
 * WebAssembly SIMD row pass of `ras-wasm.ts`), `js`, or `auto` (wasm for 4096 cells or more when the
 * runtime has WebAssembly SIMD).
 */
export function rasIterate(
  x0: Float64Array,
  nRows: number,
  nCols: number,
  u: Float64Array,
  v: Float64Array,
  tol: number,
  maxIterations: number,
  engine: 'auto' | 'js' | 'wasm' = 'auto',
): { matrix: Float64Array; r: Float64Array; s: Float64Array; iterations: number } {
  const ws = engine === 'js' || (engine === 'auto' && nRows * nCols < WASM_MIN_CELLS) ? null : wasmRasWorkspace(nRows, nCols);
  if (ws) {
    ws.x0.set(x0);
    ws.u.set(u);
    ws.r.fill(1);
    ws.s.fill(1);
    const { s, c } = ws;
    let iterations = 0;
    for (let it = 1; it <= maxIterations; it++) {
      c.fill(0);
      const worst = ws.pass();
      for (let j = 0; j < nCols; j++) s[j] = c[j] > 0 ? v[j] / c[j] : 1;
      iterations = it;
      if (it > 1 && worst <= tol) break;
    }
    return finish(x0, nRows, nCols, Float64Array.from(ws.r), Float64Array.from(s), iterations);
  }
  const r = new Float64Array(nRows).fill(1);
  const s = new Float64Array(nCols).fill(1);
  const c = new Float64Array(nCols);
  let iterations = 0;
  for (let it = 1; it <= maxIterations; it++) {
    c.fill(0);
    let worst = 0;
    for (let i = 0; i < nRows; i++) {
      const off = i * nCols;
      // row sum against the current column multipliers, four accumulators
      let t0 = 0;
      let t1 = 0;
      let t2 = 0;
      let t3 = 0;
      let j = 0;
      const end4 = nCols - 3;
      for (; j < end4; j += 4) {
        t0 += x0[off + j] * s[j];
        t1 += x0[off + j + 1] * s[j + 1];
        t2 += x0[off + j + 2] * s[j + 2];
        t3 += x0[off + j + 3] * s[j + 3];
      }
      for (; j < nCols; j++) t0 += x0[off + j] * s[j];
      const t = t0 + t1 + t2 + t3;
      const gap = Math.abs(r[i] * t - u[i]);
      if (gap > worst) worst = gap;
      const ri = t > 0 ? u[i] / t : 1;
      r[i] = ri;
      if (ri !== 0) {
        for (j = 0; j < nCols; j++) c[j] += ri * x0[off + j];
      }
    }
    for (let j = 0; j < nCols; j++) s[j] = c[j] > 0 ? v[j] / c[j] : 1;
    iterations = it;
    // `worst` is the row imbalance of the previous iterate, whose column sums were exact
    if (it > 1 && worst <= tol) break;
  }
  return finish(x0, nRows, nCols, r, s, iterations);
}

function finish(
  x0: Float64Array,
  nRows: number,
  nCols: number,
  r: Float64Array,
  s: Float64Array,
  iterations: number,
): { matrix: Float64Array; r: Float64Array; s: Float64Array; iterations: number } {
  const matrix = new Float64Array(nRows * nCols);
  for (let i = 0; i < nRows; i++) {
    const off = i * nCols;
    const ri = r[i];
    for (let j = 0; j < nCols; j++) matrix[off + j] = ri * x0[off + j] * s[j];
  }
  return { matrix, r, s, iterations };
}

/** Largest |row sum − u_i| and |column sum − v_j| of a matrix. */
export function imbalance(m: Float64Array, nRows: number, nCols: number, u: ArrayLike<number>, v: ArrayLike<number>): number {
  const col = new Float64Array(nCols);
  let worst = 0;
  for (let i = 0; i < nRows; i++) {
    const off = i * nCols;
    let t = 0;
    for (let j = 0; j < nCols; j++) {
      const x = m[off + j];
      t += x;
      col[j] += x;
    }
    worst = Math.max(worst, Math.abs(t - u[i]));
  }
  for (let j = 0; j < nCols; j++) worst = Math.max(worst, Math.abs(col[j] - v[j]));
  return worst;
}

/** The outcome of {@link rasUpdateCoefficients}. */
export interface RasCoefficientResult extends BalanceResult {
  /** The updated coefficient matrix A¹ = diag(r) A⁰ diag(s). */
  readonly coefficients: Float64Array;
}

/**
 * Updates an input-coefficient matrix by RAS in the form of Miller & Blair (2009, §7.4.2): given the
 * base-year coefficients A⁰ (nRows × nCols), the target year's gross outputs x¹ (length nCols) and
 * its intermediate row and column totals u¹ and v¹, find `A¹ = diag(r) A⁰ diag(s)` such that the
 * flows `Z¹ = A¹ diag(x¹)` have row sums u¹ and column sums v¹. This is {@link balanceRas} applied
 * to `A⁰ diag(x¹)`; `matrix` holds Z¹ and `coefficients` holds A¹.
 * @param a0 row-major base-year coefficients, ≥ 0
 * @param x1 target-year gross output of each column sector, ≥ 0
 * @param u1 target-year intermediate sales (row sums of Z¹)
 * @param v1 target-year intermediate purchases (column sums of Z¹)
 */
export function rasUpdateCoefficients(
  a0: Float64Array,
  nRows: number,
  nCols: number,
  x1: ArrayLike<number>,
  u1: ArrayLike<number>,
  v1: ArrayLike<number>,
  options: BalanceOptions = {},
): RasCoefficientResult {
  checkMatrix(a0, nRows, nCols, options.rowLabels, options.colLabels);
  checkTargets(x1, nCols, 'column', options.colLabels);
  const z0 = new Float64Array(nRows * nCols);
  for (let j = 0; j < nCols; j++) {
    if (x1[j] < 0) {
      throw new InputError('BALANCE_NEGATIVE_TARGET', `gross output is negative (${x1[j]})`, locOf('column', j, options.colLabels));
    }
  }
  for (let i = 0; i < nRows; i++) {
    for (let j = 0; j < nCols; j++) z0[i * nCols + j] = a0[i * nCols + j] * x1[j];
  }
  const res = balanceRas(z0, nRows, nCols, u1, v1, options);
  const coefficients = new Float64Array(nRows * nCols);
  for (let i = 0; i < nRows; i++) {
    for (let j = 0; j < nCols; j++) {
      const k = i * nCols + j;
      coefficients[k] = x1[j] > 0 ? res.matrix[k] / x1[j] : res.r[i] * a0[k] * res.s[j];
    }
  }
  return { ...res, coefficients };
}
