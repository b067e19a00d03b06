/**
 * Cross-entropy balancing of a SAM or IO table in the form of Robinson, Cattaneo & El-Said (2001),
 * "Updating and estimating a social accounting matrix using cross entropy methods", Economic
 * Systems Research 13(1), 47–64, and of IFPRI's GAMS programs (GAMS Model Library CESAM, CESAM2).
 *
 * ## The problem
 * Cells keep their prior's sign (negative prior cells allowed) or are fixed (at any value); zero
 * prior cells stay zero unless they carry an additive error term. The estimate minimises
 *
 * ```
 * [cell divergence]  +  Σ_error terms Σ_m w_m ln((w_m + δ)/(w̄_m + δ))
 * ```
 *
 * where the cell divergence (optional: `cellDivergence: false` leaves only the error terms, as in
 * CESAM2) is, over the adjustable cells without an error term,
 * - `form: 'flow'` (default): `Σ ω |X⁰| h(X/X⁰)`, h(z) = z ln z − z + 1, ω = 1/Σ|X⁰| — the
 *   divergence of the matrix as a distribution; with exact row and column totals only its
 *   minimiser is the RAS (for negative cells, GRAS) solution (Bacharach 1970), as the tests check;
 * - `form: 'coefficient'`: `Σ |A_ij| ln((|A_ij| + δ)/(|Ā_ij| + δ))` with A_ij = X_ij / x_j, x_j the
 *   *estimated* column total (its target plus its estimated error) and Ā the prior's coefficients —
 *   RCE's objective (their eq. 6).
 *
 * Constraints, each `Σ a X = value`, tie cells to constrained values: row, column and account
 * totals (an account total is one value for both the row and the column of an account), the SAM
 * balance of each account (income = expenditure), and macro controls (any linear combination of
 * cells: GDP, a block's sum …). A value is exact, within a band, or measured with an error
 * `value + Σ w v` on support points v with prior weights w̄ (see `error-terms.ts`). A cell may carry
 * an error term itself: additive `X = X⁰ + Σ w v` or multiplicative on its coefficient
 * `A = Ā exp(Σ w v)`. δ ≥ 0 is the small constant RCE's programs add inside the logarithms
 * (default 0; the GAMS programs use 1e-5 or 1e-8).
 *
 * ## Solvers
 * `ce-bregman.ts` — coordinate descent on the dual, scales to full MRIO tables, takes bands; it
 * needs every adjustable cell to carry the divergence term with fixed weights. `ce-newton.ts` —
 * Newton's method on the KKT conditions, takes everything above except bands, for SAM-sized
 * problems. `solver: 'auto'` (default) picks the coordinate solver unless the problem needs Newton.
 * @module
 */
import { UsageError } from '../../errors.js';
import { solveBregman } from './ce-bregman.js';
import { solveNewton } from './ce-newton.js';
import { bandedTotals, draftProblem, newtonOnlyFeatures, type CeProblem } from './ce-problem.js';
import { reportOf, type CeConstraintReport, type CeEstimate } from './ce-report.js';
import { errorMoments, tiltedWeights, type TotalSpec } from './error-terms.js';
import type { FixedCell } from './types.js';

export type { TotalSpec } from './error-terms.js';

/** A macro control: a linear combination of cells whose value is a {@link TotalSpec}. */
export interface MacroConstraint extends TotalSpec {
  /** Name used in reports and error messages, e.g. `GDP` or `household consumption`. */
  readonly name: string;
  /** The cells and their coefficients (default 1). */
  readonly cells: readonly { readonly row: number; readonly col: number; readonly coef?: number }[];
}

/** An error term on one cell (RCE 2001; CESAM2's ERR3). */
export interface CellErrorSpec {
  /** 0-based row. */
  readonly row: number;
  /** 0-based column. */
  readonly col: number;
  /** Support points, in the matrix's units (additive) or as log-deviations of the coefficient (multiplicative). */
  readonly support: readonly number[];
  /** Prior weights of the support points (normalised); default uniform. */
  readonly weights?: readonly number[];
  /** Multiplicative error on the cell's column coefficient, A = Ā exp(e), instead of X = X⁰ + e. */
  readonly multiplicative?: boolean;
}

/** Which solver to use; `auto` picks the coordinate solver unless the problem needs Newton's. */
export type CrossEntropySolver = 'auto' | 'bregman' | 'newton';

/** Options of {@link balanceCrossEntropy}. */
export interface CrossEntropyOptions {
  /** Row totals, one per row; `null`/`undefined` leaves a row free. A number is an exact total. */
  readonly rowTotals?: readonly (number | TotalSpec | null | undefined)[];
  /** Column totals, one per column; as {@link CrossEntropyOptions.rowTotals}. */
  readonly colTotals?: readonly (number | TotalSpec | null | undefined)[];
  /** Account totals of a square SAM: the row and the column of account i both equal one value. */
  readonly accountTotals?: readonly (number | TotalSpec | null | undefined)[];
  /** Square SAM: make each account's row total equal its column total. Default false. */
  readonly balanceAccounts?: boolean;
  /** Cells with known values (any sign). */
  readonly fixed?: readonly FixedCell[];
  /** Macro controls on sets of cells. */
  readonly macro?: readonly MacroConstraint[];
  /** Error terms on cells. */
  readonly cellErrors?: readonly CellErrorSpec[];
  /** `flow` (default) or `coefficient` form of the cell divergence (see the module text). */
  readonly form?: 'flow' | 'coefficient';
  /** Include the cell-divergence term (default true); without it every adjustable cell needs an error term. */
  readonly cellDivergence?: boolean;
  /** δ ≥ 0 inside the logarithms of coefficients and weights, as in RCE's GAMS programs. Default 0. */
  readonly delta?: number;
  /** Solver; default `auto`. */
  readonly solver?: CrossEntropySolver;
  /** Largest allowed constraint violation, in the matrix's units. Default 1e-9 × max(1, largest total). */
  readonly tolerance?: number;
  /** Largest number of sweeps (coordinate solver) or Newton steps (at most 200). Default 10 000. */
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
  /** The solver used. */
  readonly solver: 'bregman' | 'newton';
  /** Sweeps (coordinate solver) or Newton steps. */
  readonly iterations: number;
  /** Largest constraint violation of the returned matrix, in the matrix's units. */
  readonly maxImbalance: number;
  /** Whether `maxImbalance ≤ tolerance` was reached (and, for Newton, the optimality conditions). */
  readonly converged: boolean;
  /** The tolerance applied. */
  readonly tolerance: number;
  /** The cell-divergence term of the objective (see the module text; 0 when off). */
  readonly divergence: number;
  /** The error terms' part of the objective: Σ w ln((w + δ)/(w̄ + δ)). */
  readonly weightsEntropy: number;
  /** The objective: divergence + weightsEntropy. */
  readonly objective: number;
  /** Each constraint: its name, the value reached and, for error terms, the estimated error. */
  readonly constraints: readonly CeConstraintReport[];
  /** The estimated error of each cell with an error term: flat index → error (additive: in units; multiplicative: log-deviation). */
  readonly cellErrors: ReadonlyMap<number, number>;
}

/**
 * Balances a matrix by minimum cross-entropy (see the module text).
 *
 * Throws {@link InputError} for malformed options (`BALANCE_TOTAL_SPEC`, `BALANCE_FIXED_CELL`,
 * `BALANCE_CELL_ERROR`, `BALANCE_CELL_NO_TERM`, `BALANCE_MACRO_CELL`, `BALANCE_SHAPE`,
 * `BALANCE_OPTION`), {@link UsageError} `USAGE_BAD_OPTION` for a combination no solver takes, and
 * {@link NumericError} when the constraints cannot be met: `BALANCE_ZERO_ROW` /
 * `BALANCE_ZERO_COLUMN`, `BALANCE_FIXED_EXCEEDS_TOTAL`, `BALANCE_MACRO_INFEASIBLE`,
 * `BALANCE_TOTALS_MISMATCH`, `BALANCE_NOT_FINITE`, `BALANCE_NEWTON_SINGULAR`,
 * `BALANCE_COEFFICIENT_NO_TOTAL`, `BALANCE_PROBLEM_TOO_LARGE`.
 * @param prior row-major nRows × nCols prior (not modified)
 */
export function balanceCrossEntropy(
  prior: Float64Array,
  nRows: number,
  nCols: number,
  options: CrossEntropyOptions = {},
): CrossEntropyResult {
  const p = draftProblem(prior, nRows, nCols, options);
  const solver = chooseSolver(p, options.solver ?? 'auto');
  const { est, iterations, solved } = solver === 'newton' ? newton(p) : bregman(p);
  const report = reportOf(p, est);
  const cellErrors = new Map<number, number>();
  for (const [k, w] of est.cellWeights) {
    const v = p.cellErrors.get(k)!.term.v;
    cellErrors.set(
      k,
      w.reduce((s, x, m) => s + x * v[m], 0),
    );
  }
  return {
    matrix: est.matrix,
    solver,
    iterations,
    maxImbalance: report.maxImbalance,
    converged: solved && report.maxImbalance <= p.tol,
    tolerance: p.tol,
    divergence: report.divergence,
    weightsEntropy: report.weightsEntropy,
    objective: report.objective,
    constraints: report.constraints,
    cellErrors,
  };
}

function chooseSolver(p: CeProblem, asked: CrossEntropySolver): 'bregman' | 'newton' {
  if (!['auto', 'bregman', 'newton'].includes(asked)) {
    throw new UsageError('USAGE_BAD_OPTION', `unknown cross-entropy solver '${asked}', expected auto, bregman or newton`);
  }
  const needNewton = newtonOnlyFeatures(p);
  const bands = bandedTotals(p);
  if (needNewton.length && bands.length) {
    throw new UsageError(
      'USAGE_BAD_OPTION',
      `this problem has bands (${bands.slice(0, 3).join(', ')}${bands.length > 3 ? ', …' : ''}), which only the coordinate solver takes, and ${needNewton.join(', ')}, which only the Newton solver takes; replace the bands by error terms (support points) or drop those features`,
    );
  }
  if (asked === 'bregman' && needNewton.length)
    throw new UsageError('USAGE_BAD_OPTION', `the coordinate solver cannot take ${needNewton.join(', ')}; use the Newton solver`);
  if (asked === 'newton' && bands.length)
    throw new UsageError(
      'USAGE_BAD_OPTION',
      `the Newton solver takes no bands (${bands.join(', ')}); use the coordinate solver or error terms`,
    );
  if (asked !== 'auto') return asked;
  return needNewton.length ? 'newton' : 'bregman';
}

function newton(p: CeProblem): { est: CeEstimate; iterations: number; solved: boolean } {
  const s = solveNewton(p);
  return { est: s, iterations: s.iterations, solved: s.converged };
}

function bregman(p: CeProblem): { est: CeEstimate; iterations: number; solved: boolean } {
  const s = solveBregman(p);
  const totalErrors = new Float64Array(p.totals.length);
  const totalWeights: (Float64Array | null)[] = p.totals.map(() => null);
  p.constraints.forEach((c, k) => {
    const kind = p.totals[c.total].kind;
    if (kind.type !== 'support') return;
    totalErrors[c.total] = errorMoments(kind.term, s.lambdas[k])[0];
    totalWeights[c.total] = tiltedWeights(kind.term, s.lambdas[k]);
  });
  return { est: { matrix: s.matrix, totalErrors, totalWeights, cellWeights: new Map() }, iterations: s.iterations, solved: true };
}
