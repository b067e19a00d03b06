/**
 * Newton's method for the square CGE system, globalised by a backtracking (Armijo) line search on
 * the merit function ½‖R·F‖², with:
 *
 * - **scaling**: rows by the size of their terms at the start point (R), columns by the variable
 *   magnitudes (C); the linear solves use R·J·C;
 * - **bounds**: every trial point is projected into [lower, upper], so prices stay positive;
 * - **safety**: a NaN or infinite residual at a trial point halves the step; no NaN leaves the solver;
 * - **stopping**: max_i |R_i·F_i| ≤ tolerance (default 1e-10).
 *
 * On failure it throws {@link ConvergenceError} naming the largest residuals by equation and index,
 * with the iteration history and the variables at their bounds.
 * @module
 */
import { NumericError, type Location } from '../../errors.js';
import type { CompiledModel } from '../compile/compile.js';
import { formatRef, type SymbolRef } from '../compile/instantiate.js';
import type { LinearSolver, LinearSolverFactory } from './linear.js';
import type { ReducedSystem } from './system.js';

/** One Newton iteration as recorded in the history. */
export interface NewtonIterate {
  readonly iteration: number;
  /** Largest scaled residual before the step. */
  readonly residual: number;
  /** Step length taken (1 = full Newton step). */
  readonly step: number;
}

/** Options of {@link newtonSolve}. */
export interface NewtonOptions {
  /** Stop when the largest scaled residual is at most this (default 1e-10). */
  tolerance?: number;
  /** Maximum Newton iterations (default 100). */
  maxIterations?: number;
  /** Factory of the linear solver (default: the sparse LU). */
  linearSolver: LinearSolverFactory;
  /** A linear solver already built for this system's pattern (its symbolic analysis reused); overrides the factory. */
  solver?: LinearSolver;
}

/** Result of a converged solve. */
export interface NewtonResult {
  readonly iterations: number;
  /** Largest scaled residual at the solution. */
  readonly scaledResidual: number;
  /** Largest absolute residual at the solution. */
  readonly maxResidual: number;
  readonly history: readonly NewtonIterate[];
  /** Residuals of every scalar equation at the solution (dropped ones included). */
  readonly residuals: Float64Array;
  /** Jacobian values at the solution, over every variable in the compiled model's CSC order. */
  readonly jacobian: Float64Array;
}

/** A residual with its equation name and index. */
export interface NamedResidual {
  readonly equation: string;
  readonly index: readonly string[];
  readonly residual: number;
}

/** A variable at (or pressed against) one of its bounds. */
export interface VariableAtBound {
  readonly variable: string;
  readonly index: readonly string[];
  readonly level: number;
  readonly bound: 'lower' | 'upper';
}

/** The solver did not converge (or met a singular Jacobian); carries what a modeller needs to look at. */
export class ConvergenceError extends NumericError {
  /** Largest residuals at the last iterate, by equation and index. */
  readonly largestResiduals: readonly NamedResidual[];
  /** Iteration history. */
  readonly history: readonly NewtonIterate[];
  /** Free variables at one of their bounds. */
  readonly atBounds: readonly VariableAtBound[];

  constructor(
    code: string,
    message: string,
    location: Location | undefined,
    detail: { largestResiduals: NamedResidual[]; history: NewtonIterate[]; atBounds: VariableAtBound[] },
  ) {
    super(code, message, location);
    this.largestResiduals = detail.largestResiduals;
    this.history = detail.history;
    this.atBounds = detail.atBounds;
  }
}

/**
 * Solves the reduced system for its free variables, starting from (and writing into) the full
 * variable vector `x`; fixed variables keep their values. `p` are the parameters and `q` the hoisted
 * values computed from them by `cm.prepare`. `lower`/`upper` are bounds over the full vector.
 */
export function newtonSolve(
  cm: CompiledModel,
  sys: ReducedSystem,
  x: Float64Array,
  p: Float64Array,
  q: Float64Array,
  lower: Float64Array,
  upper: Float64Array,
  opts: NewtonOptions,
): NewtonResult {
  const tol = opts.tolerance ?? 1e-10;
  const maxIt = opts.maxIterations ?? 100;
  const m = cm.rows.length;
  const n = sys.cols.length;
  const Ffull = new Float64Array(m);
  const Jfull = new Float64Array(cm.nnz);
  const Jr = new Float64Array(sys.gather.length);
  const rs = new Float64Array(n); // row scales
  const cs = new Float64Array(n); // column scales
  const b = new Float64Array(n);
  const dx = new Float64Array(n);
  const xTrial = new Float64Array(x.length);
  const history: NewtonIterate[] = [];
  const lu = opts.solver ?? opts.linearSolver(sys.pattern);
  const { cols, rows, gather, pattern } = sys;

  // project the start into the bounds
  for (let c = 0; c < n; c++) {
    const j = cols[c];
    x[j] = Math.min(Math.max(x[j], lower[j]), upper[j]);
  }

  const merit = (F: Float64Array): number => {
    let s = 0;
    for (let k = 0; k < n; k++) {
      const v = F[rows[k]] * rs[k];
      s += v * v;
    }
    return 0.5 * s;
  };
  const maxScaled = (F: Float64Array): number => {
    let s = 0;
    for (let k = 0; k < n; k++) {
      const v = Math.abs(F[rows[k]] * rs[k]);
      if (!(v <= s)) s = v; // NaN propagates
    }
    return s;
  };
  const fail = (code: string, message: string, F: Float64Array, loc?: Location): never => {
    const largest: NamedResidual[] = [];
    const order = [...rows.keys()].sort((a, b2) => Math.abs(F[rows[b2]] * rs[b2]) - Math.abs(F[rows[a]] * rs[a]) || a - b2);
    for (const k of order.slice(0, 10)) {
      const ref = sys.rowRefs[k];
      largest.push({ equation: ref.name, index: ref.index, residual: F[rows[k]] });
    }
    const atBounds: VariableAtBound[] = [];
    for (let c = 0; c < n; c++) {
      const j = cols[c];
      const ref: SymbolRef = sys.colRefs[c];
      if (x[j] <= lower[j]) atBounds.push({ variable: ref.name, index: ref.index, level: x[j], bound: 'lower' });
      else if (x[j] >= upper[j]) atBounds.push({ variable: ref.name, index: ref.index, level: x[j], bound: 'upper' });
    }
    const named = largest
      .slice(0, 5)
      .map((r) => `${formatRef({ name: r.equation, index: r.index })} = ${r.residual.toPrecision(4)}`)
      .join(', ');
    const bounds = atBounds.length
      ? `; at bounds: ${atBounds
          .slice(0, 8)
          .map((a) => `${formatRef({ name: a.variable, index: a.index })}=${a.bound}`)
          .join(', ')}`
      : '';
    throw new ConvergenceError(
      code,
      `${message}; largest residuals: ${named}${bounds}`,
      loc ?? (largest[0] ? { equation: largest[0].equation, index: largest[0].index } : undefined),
      {
        largestResiduals: largest,
        history,
        atBounds,
      },
    );
  };

  cm.jacobian(x, p, q, Ffull, Jfull);
  // column scales from the variable magnitudes, row scales from the size of the terms
  for (let c = 0; c < n; c++) cs[c] = Math.max(Math.abs(x[cols[c]]), 1e-2);
  rs.fill(0);
  for (let c = 0; c < n; c++) {
    for (let k = pattern.colPtr[c]; k < pattern.colPtr[c + 1]; k++) {
      const v = Math.abs(Jfull[gather[k]] * cs[c]);
      const r = pattern.rowIdx[k];
      if (v > rs[r]) rs[r] = v;
    }
  }
  for (let r = 0; r < n; r++) rs[r] = Number.isFinite(rs[r]) && rs[r] > 0 ? 1 / Math.max(rs[r], 1e-8) : 1;

  let res = maxScaled(Ffull);
  if (!Number.isFinite(res)) {
    const bad = [...rows.keys()].find((k) => !Number.isFinite(Ffull[rows[k]]))!;
    const ref = sys.rowRefs[bad];
    fail('NONFINITE_RESIDUAL', `the residual of ${formatRef(ref)} is ${Ffull[rows[bad]]} at the starting point`, Ffull, {
      equation: ref.name,
      index: ref.index,
    });
  }
  let f = merit(Ffull);
  let it = 0;
  for (;;) {
    if (res <= tol) break;
    if (it >= maxIt)
      fail('NOT_CONVERGED', `Newton's method did not converge in ${maxIt} iterations (scaled residual ${res.toExponential(3)})`, Ffull);
    it++;
    for (let k = 0; k < Jr.length; k++) Jr[k] = Jfull[gather[k]];
    for (let c = 0; c < n; c++) {
      const s = cs[c];
      for (let k = pattern.colPtr[c]; k < pattern.colPtr[c + 1]; k++) {
        const v = Jr[k] * rs[pattern.rowIdx[k]] * s;
        Jr[k] = v;
      }
    }
    for (let k = 0; k < Jr.length; k++) {
      if (!Number.isFinite(Jr[k])) {
        let c = 0;
        while (pattern.colPtr[c + 1] <= k) c++;
        const rr = sys.rowRefs[pattern.rowIdx[k]];
        const cr = sys.colRefs[c];
        fail('NONFINITE_JACOBIAN', `the derivative of ${formatRef(rr)} with respect to ${formatRef(cr)} is ${Jr[k]}`, Ffull, {
          equation: rr.name,
          index: rr.index,
        });
      }
    }
    try {
      lu.factor(Jr);
    } catch (err) {
      if (err instanceof NumericError) {
        const col = typeof err.location?.column === 'number' ? err.location.column - 1 : -1;
        const cr = col >= 0 && col < n ? sys.colRefs[col] : undefined;
        fail(
          'SINGULAR_JACOBIAN',
          `the Jacobian is numerically singular${cr ? ` at variable ${formatRef(cr)}` : ''} (iteration ${it})`,
          Ffull,
        );
      }
      throw err;
    }
    for (let k = 0; k < n; k++) b[k] = -Ffull[rows[k]] * rs[k];
    lu.solve(b, dx);
    for (let c = 0; c < n; c++) dx[c] *= cs[c];
    // backtracking line search with projection onto the bounds
    let alpha = 1;
    let accepted = false;
    let fTrial = Infinity;
    xTrial.set(x);
    for (let bt = 0; bt < 60; bt++) {
      for (let c = 0; c < n; c++) {
        const j = cols[c];
        const v = x[j] + alpha * dx[c];
        xTrial[j] = v < lower[j] ? lower[j] : v > upper[j] ? upper[j] : v;
      }
      cm.residual(xTrial, p, q, Ffull);
      fTrial = merit(Ffull);
      if (Number.isFinite(fTrial) && fTrial <= (1 - 2e-4 * alpha) * f) {
        accepted = true;
        break;
      }
      if (Number.isFinite(fTrial) && fTrial > 0) {
        // safeguarded quadratic interpolation of the merit along the step
        const a2 = (f * alpha * alpha) / (fTrial + f * (2 * alpha - 1));
        alpha = Math.min(0.5 * alpha, Math.max(0.1 * alpha, a2));
      } else alpha *= 0.5;
    }
    history.push({ iteration: it, residual: res, step: accepted ? alpha : 0 });
    if (!accepted) {
      cm.residual(x, p, q, Ffull);
      fail(
        'LINE_SEARCH_FAILED',
        `no step along the Newton direction reduces the residuals (iteration ${it}, scaled residual ${res.toExponential(3)})`,
        Ffull,
      );
    }
    x.set(xTrial);
    cm.jacobian(x, p, q, Ffull, Jfull);
    f = fTrial;
    res = maxScaled(Ffull);
    if (!Number.isFinite(res)) fail('NONFINITE_RESIDUAL', 'a residual became NaN or infinite', Ffull);
  }
  let maxAbs = 0;
  for (let k = 0; k < n; k++) maxAbs = Math.max(maxAbs, Math.abs(Ffull[rows[k]]));
  for (let c = 0; c < n; c++)
    if (!Number.isFinite(x[cols[c]])) fail('NONFINITE_SOLUTION', `variable ${formatRef(sys.colRefs[c])} is not finite`, Ffull);
  return { iterations: it, scaledResidual: res, maxResidual: maxAbs, history, residuals: Ffull, jacobian: Jfull };
}
