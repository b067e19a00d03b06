/**
 * Cross-entropy balancing of a SAM or IO table, in the manner of Robinson, Cattaneo & El-Said
 * (2001), "Updating and estimating a social accounting matrix using cross entropy methods",
 * Economic Systems Research 13(1), 47–64.
 *
 * ## Formulation
 * Unknowns are the cells `X_c ≥ 0` that are non-zero in the prior `X⁰` and not fixed; zero prior
 * cells stay zero, fixed cells keep their values. The estimate minimises
 *
 * ```
 * Σ_c ω_c [X_c ln(X_c / X⁰_c) − X_c + X⁰_c]  +  Σ_k Σ_m w_km ln(w_km / w̄_km)
 * ```
 *
 * subject to linear constraints `k`, each `b_k + Σ_c a_kc X_c = y_k` (b_k: the fixed cells'
 * part), where the constrained total `y_k` is
 * - exact: `y_k = t_k`;
 * - within a band: `lower_k ≤ y_k ≤ upper_k` (no cost inside the band);
 * - with an error term on support points (RCE §3): `y_k = t_k + Σ_m w_km v_km`, weights `w ≥ 0`,
 *   `Σ_m w_km = 1`, prior weights `w̄` (default uniform); the weights' divergence enters the
 *   objective.
 *
 * The constraints are row totals, column totals, the SAM balance of each account
 * (`Σ_j X_ij − Σ_j X_ji = 0`, square SAMs) and macro controls (any linear combination of cells,
 * e.g. a block's sum equals a control total). The cell weights are
 * - `form: 'flow'` (default): `ω_c = 1 / T⁰` (T⁰ = grand total of the prior): the divergence of the
 *   matrix as a distribution. With exact row and column totals only, the minimiser is the RAS
 *   solution (Bacharach 1970), an identity the tests check.
 * - `form: 'coefficient'`: `ω_c = 1 / x_j` for a cell of column j, where x_j is the column's exact
 *   target when given, else the prior's column total: the divergence of each column's coefficients
 *   `A_ij = X_ij / x_j` from the prior's, the objective of RCE (2001, eq. 6) with known column totals.
 *
 * ## Solver
 * The problem is convex; its dual is `min_λ Σ_c ω_c X⁰_c exp(η_c θ_c) + Σ_k φ*_k(−λ_k)` with
 * `η_c = 1/ω_c`, `θ_c = Σ_k a_kc λ_k` and `X_c(λ) = X⁰_c exp(η_c θ_c)`; φ*_k is `−λt` (exact),
 * `−min(λ·lower, λ·upper)` (band) or `−λt + ln Σ_m w̄_m e^{−λ v_m}` (support). The solver is exact
 * cyclic coordinate descent on the dual (Bregman's balancing with corrections for inequalities):
 * each constraint in turn gets the λ_k that meets it given the others — a closed form for a row
 * or column total in the flow form (the RAS step), a safeguarded Newton–bisection on the monotone
 * function `Σ_c a_kc X_c(λ)` otherwise; a band constraint whose total, with λ_k = 0, already lies in
 * its band sets λ_k = 0 (inactive). Coordinate descent on a smooth convex function plus separable
 * non-smooth terms converges (Tseng 2001, JOTA 109(3)). Iterations stop when the largest constraint
 * violation is at most the tolerance.
 * @module
 */
import { InputError, NumericError, type Location } from '../../errors.js';
import { cellLoc, checkMatrix, labelOf, locOf, type Side } from './checks.js';
import type { FixedCell } from './types.js';

/**
 * A constrained total: exact (`value` alone, or a plain number), a band (`lower`/`upper`, with or
 * without `value`), or an error term on support points (`value` and `support`, optional `weights`).
 */
export interface TotalSpec {
  /** Central (target) value. Required with `support`; alone it makes the total exact. */
  readonly value?: number;
  /** Lower bound of a band (−∞ when absent and `upper` is given). */
  readonly lower?: number;
  /** Upper bound of a band (+∞ when absent and `lower` is given). */
  readonly upper?: number;
  /** Support points v_m of an error term `Σ w_m v_m` added to `value` (RCE), e.g. [−δ, 0, δ]. */
  readonly support?: readonly number[];
  /** Prior weights w̄_m of the support points (positive; normalised); default uniform. */
  readonly weights?: readonly number[];
}

/** A macro control: a linear combination of cells whose value is a {@link TotalSpec}. */
export interface MacroConstraint extends TotalSpec {
  /** Name used in reports and error messages, e.g. `GDP` or `household consumption`. */
  readonly name: string;
  /** The cells and their coefficients (default 1). */
  readonly cells: readonly { readonly row: number; readonly col: number; readonly coef?: number }[];
}

/** Options of {@link balanceCrossEntropy}. */
export interface CrossEntropyOptions {
  /** Row totals, one per row; `null`/`undefined` leaves a row free. A number is an exact total. */
  readonly rowTotals?: readonly (number | TotalSpec | null | undefined)[];
  /** Column totals, one per column; as {@link CrossEntropyOptions.rowTotals}. */
  readonly colTotals?: readonly (number | TotalSpec | null | undefined)[];
  /** Square SAM: make each account's row total equal its column total. Default false. */
  readonly balanceAccounts?: boolean;
  /** Cells with known values. */
  readonly fixed?: readonly FixedCell[];
  /** Macro controls on sets of cells. */
  readonly macro?: readonly MacroConstraint[];
  /** `flow` (default) or `coefficient` weighting of the divergence (see the module text). */
  readonly form?: 'flow' | 'coefficient';
  /** Largest allowed constraint violation, in the matrix's units. Default 1e-9 × max(1, largest total). */
  readonly tolerance?: number;
  /** Largest number of sweeps over all constraints. Default 10 000. */
  readonly maxIterations?: number;
  /** Row labels for messages. */
  readonly rowLabels?: readonly string[];
  /** Column labels for messages. */
  readonly colLabels?: readonly string[];
}

/** The outcome of {@link balanceCrossEntropy}. */
export interface CrossEntropyResult {
  /** The balanced matrix, row-major nRows × nCols (fixed cells included). */
  readonly matrix: Float64Array;
  /** Sweeps over the constraints performed. */
  readonly iterations: number;
  /** Largest constraint violation of the returned matrix, in the matrix's units. */
  readonly maxImbalance: number;
  /** Whether `maxImbalance ≤ tolerance` was reached. */
  readonly converged: boolean;
  /** The tolerance applied. */
  readonly tolerance: number;
  /** The weighted divergence `Σ ω_c [X ln(X/X⁰) − X + X⁰]` of the cells (the first part of the objective). */
  readonly divergence: number;
  /** Each constraint: its name, the value reached and, for support-point errors, the estimated error. */
  readonly constraints: readonly { readonly name: string; readonly value: number; readonly error?: number }[];
}

type Kind = { type: 'band'; lo: number; hi: number } | { type: 'support'; t: number; v: Float64Array; w: Float64Array };

interface Constraint {
  name: string;
  loc: Location;
  cells: Int32Array; // indices into the free-cell arrays
  a: Float64Array; // coefficients
  ae: Float64Array; // a_c · η_c (exponent factors)
  b: number; // contribution of fixed cells
  kind: Kind;
  lambda: number;
  allUnit: boolean; // all a = 1 and equal η: closed-form step
  nPrior: number; // non-zero prior cells (free or fixed) in the constraint
}

function toKind(spec: number | TotalSpec, what: string, loc: Location): Kind {
  const bad = (m: string) => new InputError('BALANCE_TOTAL_SPEC', `${what}: ${m}`, loc);
  if (typeof spec === 'number') {
    if (!Number.isFinite(spec)) throw bad(`total is ${spec}, expected a finite number`);
    return { type: 'band', lo: spec, hi: spec };
  }
  if (spec.support) {
    if (spec.value === undefined || !Number.isFinite(spec.value)) throw bad('an error term needs a finite central value');
    if (spec.lower !== undefined || spec.upper !== undefined) throw bad('give either a band (lower/upper) or support points, not both');
    const v = Float64Array.from(spec.support);
    if (v.length < 2 || v.some((x) => !Number.isFinite(x))) throw bad('support needs at least two finite points');
    const w = Float64Array.from(spec.weights ?? Array.from(v, () => 1));
    if (w.length !== v.length || w.some((x) => !(x > 0) || !Number.isFinite(x))) {
      throw bad(`weights must be ${v.length} positive numbers, one per support point`);
    }
    const sw = w.reduce((p, q) => p + q, 0);
    for (let m = 0; m < w.length; m++) w[m] /= sw;
    return { type: 'support', t: spec.value, v, w };
  }
  let lo = spec.lower ?? (spec.upper !== undefined ? -Infinity : spec.value);
  let hi = spec.upper ?? (spec.lower !== undefined ? Infinity : spec.value);
  if (lo === undefined || hi === undefined) throw bad('give a value, a band (lower/upper) or support points');
  if (Number.isNaN(lo) || Number.isNaN(hi) || lo > hi) throw bad(`band [${lo}, ${hi}] is empty`);
  if (spec.value !== undefined && (spec.value < lo || spec.value > hi)) throw bad(`value ${spec.value} lies outside its band [${lo}, ${hi}]`);
  if (lo === -Infinity && hi === Infinity) lo = hi = NaN;
  return { type: 'band', lo, hi };
}

/** The interval a total may take: the band, or value + [min v, max v] for an error term. */
function range(kind: Kind): [number, number] {
  if (kind.type === 'band') return [kind.lo, kind.hi];
  let mn = Infinity;
  let mx = -Infinity;
  for (const x of kind.v) {
    mn = Math.min(mn, x);
    mx = Math.max(mx, x);
  }
  return [kind.t + mn, kind.t + mx];
}

/** The error term's expected value `Σ v w̄ e^{−λv} / Σ w̄ e^{−λv}` and its variance. */
function errorMoments(kind: { v: Float64Array; w: Float64Array }, lambda: number): [number, number] {
  let mx = -Infinity;
  for (let m = 0; m < kind.v.length; m++) mx = Math.max(mx, -lambda * kind.v[m]);
  let z = 0;
  let e1 = 0;
  let e2 = 0;
  for (let m = 0; m < kind.v.length; m++) {
    const p = kind.w[m] * Math.exp(-lambda * kind.v[m] - mx);
    z += p;
    e1 += p * kind.v[m];
    e2 += p * kind.v[m] * kind.v[m];
  }
  const mean = e1 / z;
  return [mean, Math.max(0, e2 / z - mean * mean)];
}

/**
 * Balances a non-negative matrix by minimum cross-entropy under exact, banded or error-term totals,
 * fixed cells and macro controls (see the module text for the formulation and the solver).
 *
 * Throws {@link InputError} for a negative prior cell (`BALANCE_NEGATIVE_ENTRY`) or a malformed total
 * (`BALANCE_TOTAL_SPEC`); {@link NumericError} when a constraint cannot be met whatever the free
 * cells: `BALANCE_ZERO_ROW` / `BALANCE_ZERO_COLUMN` (no non-zero cell, non-zero total),
 * `BALANCE_FIXED_EXCEEDS_TOTAL` (fixed cells alone exceed the total's range),
 * `BALANCE_MACRO_INFEASIBLE`, `BALANCE_TOTALS_MISMATCH` (row and column totals cannot share one
 * grand total), `BALANCE_NOT_FINITE` (divergence of an infeasible combination).
 * @param prior row-major nRows × nCols prior, cells ≥ 0 (not modified)
 */
export function balanceCrossEntropy(
  prior: Float64Array,
  nRows: number,
  nCols: number,
  options: CrossEntropyOptions = {},
): CrossEntropyResult {
  const { rowLabels, colLabels } = options;
  checkMatrix(prior, nRows, nCols, rowLabels, colLabels);
  for (let k = 0; k < prior.length; k++) {
    if (prior[k] < 0) {
      const i = Math.floor(k / nCols);
      throw new InputError(
        'BALANCE_NEGATIVE_ENTRY',
        `prior cell is negative (${prior[k]}); cross-entropy needs a non-negative prior, use GRAS (--method gras)`,
        cellLoc(i, k - i * nCols, rowLabels, colLabels),
      );
    }
  }
  const maxIterations = options.maxIterations ?? 10_000;
  if (!Number.isInteger(maxIterations) || maxIterations < 1) {
    throw new InputError('BALANCE_OPTION', `maxIterations must be a positive integer, got ${maxIterations}`);
  }
  if (options.balanceAccounts && nRows !== nCols) {
    throw new InputError('BALANCE_SHAPE', `balancing accounts needs a square matrix, got ${nRows} × ${nCols}`);
  }
  for (const [side, totals, n] of [['row', options.rowTotals, nRows], ['column', options.colTotals, nCols]] as const) {
    if (totals && totals.length !== n) throw new InputError('BALANCE_SHAPE', `${totals.length} ${side} totals for ${n} ${side}s`);
  }

  // fixed cells
  const fixedVal = new Map<number, number>();
  for (const f of options.fixed ?? []) {
    if (!Number.isInteger(f.row) || !Number.isInteger(f.col) || f.row < 0 || f.row >= nRows || f.col < 0 || f.col >= nCols) {
      throw new InputError('BALANCE_FIXED_CELL', `fixed cell (${f.row}, ${f.col}) is outside the ${nRows} × ${nCols} matrix`);
    }
    const k = f.row * nCols + f.col;
    if (!Number.isFinite(f.value) || f.value < 0) {
      throw new InputError('BALANCE_FIXED_CELL', `fixed value must be a finite number ≥ 0, got ${f.value}`, cellLoc(f.row, f.col, rowLabels, colLabels));
    }
    if (fixedVal.has(k)) throw new InputError('BALANCE_FIXED_CELL', 'cell is fixed twice', cellLoc(f.row, f.col, rowLabels, colLabels));
    fixedVal.set(k, f.value);
  }

  // constraints, as lists of flat cell indices first
  interface Draft { name: string; loc: Location; flat: number[]; coef: number[]; kind: Kind; zeroCode?: string }
  const drafts: Draft[] = [];
  const totalOf = (side: Side, i: number, spec: number | TotalSpec | null | undefined) => {
    if (spec === null || spec === undefined) return;
    const labels = side === 'row' ? rowLabels : colLabels;
    const name = `${side} ${labelOf(side, i, labels)}`;
    const loc = locOf(side, i, labels);
    const kind = toKind(spec, `${name} total`, loc);
    if (kind.type === 'band' && Number.isNaN(kind.lo)) return;
    const flat: number[] = [];
    const n = side === 'row' ? nCols : nRows;
    for (let t = 0; t < n; t++) flat.push(side === 'row' ? i * nCols + t : t * nCols + i);
    drafts.push({ name, loc, flat, coef: flat.map(() => 1), kind, zeroCode: side === 'row' ? 'BALANCE_ZERO_ROW' : 'BALANCE_ZERO_COLUMN' });
  };
  options.rowTotals?.forEach((s, i) => totalOf('row', i, s));
  options.colTotals?.forEach((s, j) => totalOf('column', j, s));
  if (options.balanceAccounts) {
    for (let i = 0; i < nRows; i++) {
      const flat: number[] = [];
      const coef: number[] = [];
      for (let j = 0; j < nCols; j++) {
        if (j === i) continue;
        flat.push(i * nCols + j, j * nCols + i);
        coef.push(1, -1);
      }
      drafts.push({
        name: `balance of account ${labelOf('row', i, rowLabels)}`,
        loc: { account: labelOf('row', i, rowLabels) },
        flat,
        coef,
        kind: { type: 'band', lo: 0, hi: 0 },
      });
    }
  }
  for (const [q, m] of (options.macro ?? []).entries()) {
    const loc: Location = { equation: m.name || `macro ${q + 1}` };
    const kind = toKind(m, `macro control ${m.name}`, loc);
    const flat: number[] = [];
    const coef: number[] = [];
    for (const c of m.cells) {
      if (!Number.isInteger(c.row) || !Number.isInteger(c.col) || c.row < 0 || c.row >= nRows || c.col < 0 || c.col >= nCols) {
        throw new InputError('BALANCE_MACRO_CELL', `macro control ${m.name} names cell (${c.row}, ${c.col}), outside the ${nRows} × ${nCols} matrix`, loc);
      }
      const a = c.coef ?? 1;
      if (!Number.isFinite(a)) throw new InputError('BALANCE_MACRO_CELL', `macro control ${m.name}: coefficient ${a} is not finite`, loc);
      flat.push(c.row * nCols + c.col);
      coef.push(a);
    }
    drafts.push({ name: `macro ${m.name}`, loc, flat, coef, kind });
  }

  // scale and tolerance
  let big = 1;
  for (const d of drafts) {
    const [lo, hi] = range(d.kind);
    for (const x of [lo, hi]) if (Number.isFinite(x)) big = Math.max(big, Math.abs(x));
  }
  const tol = options.tolerance ?? 1e-9 * big;
  if (!(tol >= 0)) throw new InputError('BALANCE_OPTION', `tolerance must be ≥ 0, got ${tol}`);

  checkGrandTotals(options, nRows, nCols, tol);

  // free cells: non-zero prior, not fixed
  const freeOf = new Int32Array(nRows * nCols).fill(-1);
  const freeFlat: number[] = [];
  for (let k = 0; k < prior.length; k++) {
    if (prior[k] > 0 && !fixedVal.has(k)) {
      freeOf[k] = freeFlat.length;
      freeFlat.push(k);
    }
  }
  // cells forced to zero: a constraint whose free cells all have coefficient > 0 (or all < 0) and
  // whose total leaves them no room; repeat until nothing changes
  const zeroed = new Set<number>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const d of drafts) {
      let b = 0;
      let pos = false;
      let neg = false;
      for (let t = 0; t < d.flat.length; t++) {
        const k = d.flat[t];
        const fv = fixedVal.get(k);
        if (fv !== undefined) b += d.coef[t] * fv;
        else if (prior[k] > 0 && !zeroed.has(k) && d.coef[t] !== 0) {
          if (d.coef[t] > 0) pos = true;
          else neg = true;
        }
      }
      const [lo, hi] = range(d.kind);
      const reachLo = neg ? -Infinity : b;
      const reachHi = pos ? Infinity : b;
      if (lo > reachHi + tol || hi < reachLo - tol) {
        const hasPrior = d.flat.some((k) => prior[k] > 0 || fixedVal.has(k));
        if (!hasPrior && d.zeroCode) {
          throw new NumericError(d.zeroCode, `${d.name} has no non-zero cell in the prior but its total must lie in [${lo}, ${hi}]: scaling cannot create a flow`, d.loc);
        }
        if (!pos && !neg && fixedVal.size === 0) {
          throw new NumericError(d.zeroCode ?? 'BALANCE_MACRO_INFEASIBLE', `${d.name} has no cell left to adjust and its value 0 lies outside [${lo}, ${hi}]`, d.loc);
        }
        throw new NumericError(
          d.zeroCode ? 'BALANCE_FIXED_EXCEEDS_TOTAL' : 'BALANCE_MACRO_INFEASIBLE',
          `${d.name}: the fixed cells give ${b} and the adjustable cells can only ${pos ? 'add to it' : neg ? 'subtract from it' : 'stay at zero'}, but the total must lie in [${lo}, ${hi}]`,
          d.loc,
        );
      }
      // no room at all: the free cells of one sign must be zero
      if ((pos && !neg && hi <= b + tol) || (neg && !pos && lo >= b - tol)) {
        for (const k of d.flat) {
          if (prior[k] > 0 && !fixedVal.has(k) && !zeroed.has(k)) {
            zeroed.add(k);
            changed = true;
          }
        }
      }
    }
  }
  for (const k of zeroed) freeOf[k] = -1;
  const free = freeFlat.filter((k) => !zeroed.has(k));
  free.forEach((k, c) => (freeOf[k] = c));
  const nFree = free.length;

  // weights η_c = 1/ω_c
  let t0 = 0;
  for (const k of free) t0 += prior[k];
  if (t0 === 0) t0 = 1;
  const eta = new Float64Array(nFree);
  if ((options.form ?? 'flow') === 'flow') {
    eta.fill(t0);
  } else {
    const xcol = new Float64Array(nCols);
    for (let k = 0; k < prior.length; k++) xcol[k % nCols] += fixedVal.get(k) ?? prior[k];
    options.colTotals?.forEach((s, j) => {
      if (typeof s === 'number') xcol[j] = s;
      else if (s && s.value !== undefined && !s.support && s.lower === undefined && s.upper === undefined) xcol[j] = s.value;
    });
    for (let c = 0; c < nFree; c++) {
      const x = xcol[free[c] % nCols];
      eta[c] = x > 0 ? x : t0;
    }
  }

  const x0 = new Float64Array(nFree);
  for (let c = 0; c < nFree; c++) x0[c] = prior[free[c]];
  const x = Float64Array.from(x0);
  const cons: Constraint[] = drafts.map((d) => {
    const cells: number[] = [];
    const a: number[] = [];
    let b = 0;
    for (let t = 0; t < d.flat.length; t++) {
      const k = d.flat[t];
      const fv = fixedVal.get(k);
      if (fv !== undefined) b += d.coef[t] * fv;
      else if (freeOf[k] >= 0 && d.coef[t] !== 0) {
        cells.push(freeOf[k]);
        a.push(d.coef[t]);
      }
    }
    const ci = Int32Array.from(cells);
    const af = Float64Array.from(a);
    const ae = Float64Array.from(a, (v, t) => v * eta[ci[t]]);
    const allUnit = af.every((v) => v === 1) && ae.every((v) => v === ae[0]);
    return { name: d.name, loc: d.loc, cells: ci, a: af, ae, b, kind: d.kind, lambda: 0, allUnit, nPrior: d.flat.length };
  });

  const constraintValue = (c: Constraint): number => {
    let s = c.b;
    for (let t = 0; t < c.cells.length; t++) s += c.a[t] * x[c.cells[t]];
    return s;
  };
  const violation = (c: Constraint): number => {
    const s = constraintValue(c);
    if (c.kind.type === 'band') return s < c.kind.lo ? c.kind.lo - s : s > c.kind.hi ? s - c.kind.hi : 0;
    return Math.abs(s - c.kind.t - errorMoments(c.kind, c.lambda)[0]);
  };
  const apply = (c: Constraint, delta: number) => {
    if (delta === 0) return;
    for (let t = 0; t < c.cells.length; t++) {
      const q = c.cells[t];
      x[q] *= Math.exp(c.ae[t] * delta);
    }
    c.lambda += delta;
  };

  let iterations = 0;
  let worst = Infinity;
  for (let it = 1; it <= maxIterations; it++) {
    for (const c of cons) step(c);
    iterations = it;
    worst = 0;
    for (const c of cons) worst = Math.max(worst, violation(c));
    if (!Number.isFinite(worst)) break;
    if (worst <= tol) break;
  }

  function step(c: Constraint): void {
    if (c.cells.length === 0) return;
    if (c.kind.type === 'band') {
      const { lo, hi } = c.kind;
      // the value with this constraint's multiplier removed
      const s0 = c.lambda === 0 ? constraintValue(c) : shifted(c, -c.lambda);
      let target: number;
      if (s0 < lo) target = lo;
      else if (s0 > hi) target = hi;
      else {
        apply(c, -c.lambda);
        return;
      }
      if (c.allUnit) {
        // closed form: b + S·e^{κΔ} = target
        const s = constraintValue(c) - c.b;
        const need = target - c.b;
        if (s > 0 && need > 0) {
          apply(c, Math.log(need / s) / c.ae[0]);
          return;
        }
      }
      apply(c, solve1d(c, () => target, () => 0));
      return;
    }
    const sup = c.kind;
    apply(
      c,
      solve1d(
        c,
        (d) => sup.t + errorMoments(sup, c.lambda + d)[0],
        (d) => errorMoments(sup, c.lambda + d)[1],
      ),
    );
  }

  /** The constraint's value if λ_k moved by d. */
  function shifted(c: Constraint, d: number): number {
    let s = c.b;
    for (let t = 0; t < c.cells.length; t++) s += c.a[t] * x[c.cells[t]] * Math.exp(c.ae[t] * d);
    return s;
  }

  /**
   * Solves `g(d) = value(d) − rhs(d) = 0` for the step d, g increasing (value increasing, rhs
   * non-increasing with derivative −rhsVar): bracket by doubling, then Newton kept in the bracket.
   */
  function solve1d(c: Constraint, rhs: (d: number) => number, rhsVar: (d: number) => number): number {
    let scale = 0;
    for (let t = 0; t < c.ae.length; t++) scale = Math.max(scale, Math.abs(c.ae[t]));
    const unit = 1 / scale; // a step of 1 unit moves no exponent by more than 1
    const g = (d: number) => shifted(c, d) - rhs(d);
    let lo = 0;
    let hi = 0;
    let glo = g(0);
    if (Math.abs(glo) <= tol * 1e-3) return 0;
    let ghi = glo;
    let stepLen = unit;
    if (glo < 0) {
      for (let k = 0; k < 60 && ghi < 0; k++) {
        lo = hi;
        glo = ghi;
        hi += stepLen;
        stepLen *= 2;
        ghi = g(hi);
        if (hi > 700 * unit) break;
      }
    } else {
      for (let k = 0; k < 60 && glo > 0; k++) {
        hi = lo;
        ghi = glo;
        lo -= stepLen;
        stepLen *= 2;
        glo = g(lo);
        if (lo < -700 * unit) break;
      }
    }
    if (!(glo <= 0 && ghi >= 0)) return glo > 0 ? lo : hi; // cannot be met: move as far as allowed
    let d = glo === 0 ? lo : ghi === 0 ? hi : (lo + hi) / 2;
    for (let k = 0; k < 100; k++) {
      let val = c.b;
      let der = 0;
      for (let t = 0; t < c.cells.length; t++) {
        const xe = x[c.cells[t]] * Math.exp(c.ae[t] * d);
        val += c.a[t] * xe;
        der += c.a[t] * c.ae[t] * xe;
      }
      const gd = val - rhs(d);
      der += rhsVar(d);
      if (Math.abs(gd) <= tol * 1e-3) return d;
      if (gd < 0) lo = d;
      else hi = d;
      let next = der > 0 ? d - gd / der : NaN;
      if (!(next > lo && next < hi)) next = (lo + hi) / 2;
      if (next === d || hi - lo <= 1e-15 * Math.max(1, Math.abs(d))) return next;
      d = next;
    }
    return d;
  }

  // result
  const matrix = new Float64Array(nRows * nCols);
  for (let c = 0; c < nFree; c++) matrix[free[c]] = x[c];
  for (const [k, v] of fixedVal) matrix[k] = v;
  for (let k = 0; k < matrix.length; k++) {
    if (!Number.isFinite(matrix[k])) {
      const i = Math.floor(k / nCols);
      throw new NumericError(
        'BALANCE_NOT_FINITE',
        'cross-entropy diverged (a cell overflowed): the constraints cannot be met together; check the totals, bands and macro controls',
        cellLoc(i, k - i * nCols, rowLabels, colLabels),
      );
    }
  }
  let divergence = 0;
  for (let c = 0; c < nFree; c++) {
    if (x[c] > 0) divergence += (x[c] * Math.log(x[c] / x0[c]) - x[c] + x0[c]) / eta[c];
    else divergence += x0[c] / eta[c];
  }
  let maxImbalance = 0;
  const report = cons.map((c) => {
    maxImbalance = Math.max(maxImbalance, violation(c));
    const value = constraintValue(c);
    return c.kind.type === 'support' ? { name: c.name, value, error: errorMoments(c.kind, c.lambda)[0] } : { name: c.name, value };
  });
  return { matrix, iterations, maxImbalance, converged: maxImbalance <= tol, tolerance: tol, divergence, constraints: report };
}

/** With every row and every column constrained, the two sets of totals must admit one grand total. */
function checkGrandTotals(options: CrossEntropyOptions, nRows: number, nCols: number, tol: number): void {
  const span = (totals: CrossEntropyOptions['rowTotals'], n: number): [number, number] | null => {
    if (!totals) return null;
    let lo = 0;
    let hi = 0;
    for (let i = 0; i < n; i++) {
      const s = totals[i];
      if (s === null || s === undefined) return null;
      const [a, b] = range(toKind(s, 'total', {}));
      if (Number.isNaN(a)) return null;
      lo += a;
      hi += b;
    }
    return [lo, hi];
  };
  const r = span(options.rowTotals, nRows);
  const c = span(options.colTotals, nCols);
  if (!r || !c) return;
  const allowed = Math.max(tol, 1e-12 * (Math.abs(r[0]) + Math.abs(c[0])));
  if (r[0] > c[1] + allowed || c[0] > r[1] + allowed) {
    throw new NumericError(
      'BALANCE_TOTALS_MISMATCH',
      `row totals allow a grand total in [${r[0]}, ${r[1]}] and column totals in [${c[0]}, ${c[1]}]: the ranges do not meet`,
    );
  }
}
