/**
 * The report of a cross-entropy balancing, computed from the balanced matrix and the estimated
 * error weights alone (the same for both solvers): each constraint's value and error, the largest
 * violation, the cell divergence, the weights' cross entropy and the objective.
 * @module
 */
import { NumericError } from '../../errors.js';
import { cellLoc } from './checks.js';
import type { CeProblem } from './ce-problem.js';
import { weightsEntropy } from './error-terms.js';

/** The estimates a solver hands to the report. */
export interface CeEstimate {
  /** The balanced matrix (fixed cells included). */
  readonly matrix: Float64Array;
  /** Estimated error of each total (0 where it has none). */
  readonly totalErrors: Float64Array;
  /** Estimated weights of each total's error term (null where it has none). */
  readonly totalWeights: readonly (Float64Array | null)[];
  /** Estimated weights of each cell error term, by flat index. */
  readonly cellWeights: ReadonlyMap<number, Float64Array>;
}

/** One constraint in the report. */
export interface CeConstraintReport {
  /** e.g. `row HOU`, `account HOU`, `macro GDP`. */
  readonly name: string;
  /** The value reached, Σ a X. */
  readonly value: number;
  /** The estimated error, for a value with an error term. */
  readonly error?: number;
}

/** Everything the report says. */
export interface CeReport {
  readonly constraints: readonly CeConstraintReport[];
  /** Largest violation of a constraint (outside its band, or away from value + error). */
  readonly maxImbalance: number;
  /** The cell-divergence term (see {@link cellDivergence}); 0 when the term is off. */
  readonly divergence: number;
  /** Σ over error terms of the weights' cross entropy Σ w ln((w + δ)/(w̄ + δ)). */
  readonly weightsEntropy: number;
  /** divergence + weightsEntropy: the objective the problem minimises. */
  readonly objective: number;
}

/**
 * The cell-divergence term of the matrix: flow form `Σ ω|X⁰| h(X/X⁰)` (h(z) = z ln z − z + 1,
 * ω = 1/Σ|X⁰|); coefficient form `Σ |A| ln((|A| + δ)/(|Ā| + δ))` with A = X/x_j, x_j the estimated
 * column total (its value plus its error, or the column sum when the column has no total) and
 * Ā = X⁰/(prior column total) — RCE's objective. Over the adjustable cells without error terms.
 */
export function cellDivergence(p: CeProblem, matrix: Float64Array, totalErrors: Float64Array): number {
  const { prior, nCols } = p;
  const adjustable = (k: number) => prior[k] !== 0 && !p.fixed.has(k) && !p.cellErrors.has(k);
  if (!p.cellDivergence) return 0;
  if (p.form === 'flow') {
    let t0 = 0;
    for (let k = 0; k < prior.length; k++) if (adjustable(k)) t0 += Math.abs(prior[k]);
    let d = 0;
    for (let k = 0; k < prior.length; k++) {
      if (!adjustable(k)) continue;
      const z = matrix[k] / prior[k];
      d += Math.abs(prior[k]) * (z > 0 ? z * Math.log(z) - z + 1 : 1);
    }
    return t0 > 0 ? d / t0 : 0;
  }
  const x = new Float64Array(nCols);
  const x0 = new Float64Array(nCols);
  for (let k = 0; k < prior.length; k++) {
    x[k % nCols] += matrix[k];
    x0[k % nCols] += p.fixed.get(k) ?? prior[k];
  }
  for (let j = 0; j < nCols; j++) {
    const t = p.columnTotal[j];
    if (t < 0) continue;
    const kind = p.totals[t].kind;
    if (kind.type === 'support') x[j] = kind.t + totalErrors[t];
    else if (kind.lo === kind.hi) x[j] = kind.lo;
  }
  let d = 0;
  for (let k = 0; k < prior.length; k++) {
    if (!adjustable(k)) continue;
    const j = k % nCols;
    const a = Math.abs(matrix[k] / x[j]);
    const a0 = Math.abs(prior[k] / x0[j]);
    if (a > 0 || p.delta > 0) d += a * (Math.log(a + p.delta) - Math.log(a0 + p.delta));
  }
  return d;
}

/** Builds the report; throws `BALANCE_NOT_FINITE` at a cell that overflowed. */
export function reportOf(p: CeProblem, est: CeEstimate): CeReport {
  const { matrix } = est;
  for (let k = 0; k < matrix.length; k++) {
    if (!Number.isFinite(matrix[k])) {
      const i = Math.floor(k / p.nCols);
      throw new NumericError(
        'BALANCE_NOT_FINITE',
        'cross-entropy diverged (a cell overflowed): the constraints cannot be met together; check the totals, bands and macro controls',
        cellLoc(i, k - i * p.nCols, p.rowLabels, p.colLabels),
      );
    }
  }
  let maxImbalance = 0;
  const constraints = p.constraints.map((c) => {
    let value = 0;
    for (let t = 0; t < c.flat.length; t++) value += c.coef[t] * matrix[c.flat[t]];
    const kind = p.totals[c.total].kind;
    if (kind.type === 'band') {
      maxImbalance = Math.max(maxImbalance, value < kind.lo ? kind.lo - value : value > kind.hi ? value - kind.hi : 0);
      return { name: c.name, value };
    }
    const error = est.totalErrors[c.total];
    maxImbalance = Math.max(maxImbalance, Math.abs(value - kind.t - error));
    return { name: c.name, value, error };
  });
  let entropy = 0;
  p.totals.forEach((t, i) => {
    const w = est.totalWeights[i];
    if (w && t.kind.type === 'support') entropy += weightsEntropy(w, t.kind.term.w, p.delta);
  });
  for (const [k, w] of est.cellWeights) entropy += weightsEntropy(w, p.cellErrors.get(k)!.term.w, p.delta);
  const divergence = cellDivergence(p, matrix, est.totalErrors);
  return { constraints, maxImbalance, divergence, weightsEntropy: entropy, objective: divergence + entropy };
}
