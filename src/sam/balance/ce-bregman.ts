/**
 * The coordinate solver of cross-entropy balancing: exact cyclic coordinate descent on the dual
 * (Bregman's balancing with corrections for inequalities), for problems whose cells all carry the
 * divergence term with fixed weights — large tables, bands on totals.
 *
 * The dual of `min Σ_c ω_c |X⁰_c| h(X_c/X⁰_c) + Σ_k φ_k(y_k)` (h(z) = z ln z − z + 1, so a cell
 * keeps the sign of its prior) is `min_λ Σ_c ω_c |X⁰_c| (e^{η_c s_c θ_c} − 1) + Σ_k φ*_k(−λ_k)`
 * with η_c = 1/ω_c, s_c = sign X⁰_c, θ_c = Σ_k a_kc λ_k and `X_c(λ) = X⁰_c exp(η_c s_c θ_c)`;
 * φ*_k is `−λt` (exact), `−min(λ·lower, λ·upper)` (band) or `−λt + ln Σ_m w̄_m e^{−λ v_m}`
 * (error term). Each constraint in turn gets the λ_k that meets it given the others — a closed form
 * for a row or column total of positive cells in the flow form (the RAS step), a safeguarded
 * Newton–bisection on the increasing function `Σ_c a_kc X_c(λ)` otherwise; a band constraint whose
 * value with λ_k = 0 already lies in its band sets λ_k = 0 (inactive). Coordinate descent on a
 * smooth convex function plus separable non-smooth terms converges (Tseng 2001, JOTA 109(3)).
 * Sweeps stop when the largest constraint violation is at most the tolerance.
 *
 * Weights: `flow` ω_c = 1/T⁰ (T⁰ = Σ|X⁰| of the adjustable cells); `coefficient` ω_c = 1/x_j with
 * x_j the column's exact total, else its prior total.
 * @module
 */
import type { CeProblem } from './ce-problem.js';
import { forcedZeros } from './ce-presolve.js';
import { errorMoments, type TotalKind } from './error-terms.js';

interface Row {
  cells: Int32Array; // indices into the free-cell arrays
  a: Float64Array; // coefficients
  ae: Float64Array; // a_c · η_c · s_c (exponent factors)
  b: number; // contribution of fixed cells
  kind: TotalKind;
  lambda: number;
  allUnit: boolean; // all a = 1, positive priors and equal η: closed-form step
}

/** What the coordinate solver returns. */
export interface BregmanSolution {
  /** The balanced matrix (fixed cells included). */
  readonly matrix: Float64Array;
  /** Sweeps performed. */
  readonly iterations: number;
  /** The multiplier λ_k of each constraint (its error term's weights are w̄ e^{−λv} normalised). */
  readonly lambdas: Float64Array;
  /** The weights η_c = 1/ω_c per flat cell (0 for cells not adjusted), for the report. */
  readonly eta: Float64Array;
}

/** Solves a problem without Newton-only features (see the module text). */
export function solveBregman(p: CeProblem): BregmanSolution {
  const { prior, fixed, tol } = p;
  const zeroed = forcedZeros(p);
  const free: number[] = [];
  const freeOf = new Int32Array(prior.length).fill(-1);
  for (let k = 0; k < prior.length; k++) {
    if (prior[k] !== 0 && !fixed.has(k) && !zeroed.has(k)) {
      freeOf[k] = free.length;
      free.push(k);
    }
  }
  const eta = weights(p, free);
  const x = Float64Array.from(free, (k) => prior[k]);
  const rows: Row[] = p.constraints.map((d) => {
    const cells: number[] = [];
    const a: number[] = [];
    let b = 0;
    for (let t = 0; t < d.flat.length; t++) {
      const k = d.flat[t];
      const fv = fixed.get(k);
      if (fv !== undefined) b += d.coef[t] * fv;
      else if (freeOf[k] >= 0 && d.coef[t] !== 0) {
        cells.push(freeOf[k]);
        a.push(d.coef[t]);
      }
    }
    const ci = Int32Array.from(cells);
    const af = Float64Array.from(a);
    const ae = Float64Array.from(a, (v, t) => v * eta[ci[t]] * Math.sign(x[ci[t]]));
    const allUnit = af.every((v) => v === 1) && ae.every((v) => v === ae[0]) && Array.from(ci).every((c) => x[c] > 0);
    return { cells: ci, a: af, ae, b, kind: p.totals[d.total].kind, lambda: 0, allUnit };
  });

  const rowValue = (c: Row): number => {
    let s = c.b;
    for (let t = 0; t < c.cells.length; t++) s += c.a[t] * x[c.cells[t]];
    return s;
  };
  const violation = (c: Row): number => {
    const s = rowValue(c);
    if (c.kind.type === 'band') return s < c.kind.lo ? c.kind.lo - s : s > c.kind.hi ? s - c.kind.hi : 0;
    return Math.abs(s - c.kind.t - errorMoments(c.kind.term, c.lambda)[0]);
  };
  const apply = (c: Row, d: number) => {
    if (d === 0) return;
    for (let t = 0; t < c.cells.length; t++) x[c.cells[t]] *= Math.exp(c.ae[t] * d);
    c.lambda += d;
  };
  /** The constraint's value if λ_k moved by d. */
  const shifted = (c: Row, d: number): number => {
    let s = c.b;
    for (let t = 0; t < c.cells.length; t++) s += c.a[t] * x[c.cells[t]] * Math.exp(c.ae[t] * d);
    return s;
  };

  /**
   * Solves `g(d) = value(d) − rhs(d) = 0` for the step d, g increasing (value increasing, rhs
   * non-increasing with derivative −rhsVar): bracket by doubling, then Newton kept in the bracket.
   */
  const solve1d = (c: Row, rhs: (d: number) => number, rhsVar: (d: number) => number): number => {
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
  };

  const step = (c: Row): void => {
    if (c.cells.length === 0) return;
    if (c.kind.type === 'band') {
      const { lo, hi } = c.kind;
      const s0 = c.lambda === 0 ? rowValue(c) : shifted(c, -c.lambda); // the value without this multiplier
      let target: number;
      if (s0 < lo) target = lo;
      else if (s0 > hi) target = hi;
      else {
        apply(c, -c.lambda);
        return;
      }
      if (c.allUnit) {
        const s = rowValue(c) - c.b; // closed form: b + S·e^{κΔ} = target
        const need = target - c.b;
        if (s > 0 && need > 0) {
          apply(c, Math.log(need / s) / c.ae[0]);
          return;
        }
      }
      apply(
        c,
        solve1d(
          c,
          () => target,
          () => 0,
        ),
      );
      return;
    }
    const { t, term } = c.kind;
    apply(
      c,
      solve1d(
        c,
        (d) => t + errorMoments(term, c.lambda + d)[0],
        (d) => errorMoments(term, c.lambda + d)[1],
      ),
    );
  };

  let iterations = 0;
  for (let it = 1; it <= p.maxIterations; it++) {
    for (const c of rows) step(c);
    iterations = it;
    let worst = 0;
    for (const c of rows) worst = Math.max(worst, violation(c));
    if (!Number.isFinite(worst) || worst <= tol) break;
  }
  const matrix = new Float64Array(prior.length);
  const etaFlat = new Float64Array(prior.length);
  free.forEach((k, c) => {
    matrix[k] = x[c];
    etaFlat[k] = eta[c];
  });
  for (const [k, v] of fixed) matrix[k] = v;
  return { matrix, iterations, lambdas: Float64Array.from(rows, (c) => c.lambda), eta: etaFlat };
}

/** η_c = 1/ω_c of the adjustable cells (see the module text). */
function weights(q: CeProblem, cells: readonly number[]): Float64Array {
  const nCols = q.nCols;
  let t0 = 0;
  for (const k of cells) t0 += Math.abs(q.prior[k]);
  if (t0 === 0) t0 = 1;
  const out = new Float64Array(cells.length);
  if (q.form === 'flow') return out.fill(t0);
  const xcol = new Float64Array(nCols);
  for (let k = 0; k < q.prior.length; k++) xcol[k % nCols] += q.fixed.get(k) ?? q.prior[k];
  for (let j = 0; j < nCols; j++) {
    const t = q.columnTotal[j];
    const kind = t >= 0 ? q.totals[t].kind : undefined;
    if (kind && kind.type === 'band' && kind.lo === kind.hi) xcol[j] = kind.lo;
  }
  cells.forEach((k, c) => {
    const xj = Math.abs(xcol[k % nCols]);
    out[c] = xj > 0 ? xj : t0;
  });
  return out;
}
