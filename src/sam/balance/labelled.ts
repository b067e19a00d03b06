/**
 * Balancing a labelled matrix (a SAM, or a rectangular IO block) stated as a balancing problem by
 * account label — the `balance-problem` guideline schema (see `problem.ts`) — with RAS, GRAS or
 * cross-entropy. This is what {@link balanceSam} and `digicge sam balance` call. Rows receive,
 * columns pay.
 *
 * Totals: row, column and account totals are used as given. For a square matrix whose row and
 * column labels agree (a SAM), row totals alone (or column totals alone) are account totals: the
 * other side gets the same value (income = expenditure). With no totals at all on a SAM, RAS and
 * GRAS balance to {@link squareSamTargets} (`targetRule`, default the average of row and column
 * totals), and cross-entropy only imposes income = expenditure for each account
 * (`balanceAccounts`, default true for a SAM unless row and column totals are both given).
 *
 * RAS and GRAS with bands on totals or macro controls minimise GRAS's information loss (the flow
 * form of the cross-entropy, which keeps each cell's sign) with the coordinate solver; with exact
 * totals they run the classic biproportional kernels. Error terms need `cross-entropy`.
 * `negatives: 'transpose'` moves negative cells to their transposed cell first and back after
 * (the IFPRI programs, see `negatives.ts`).
 * @module
 */
import { InputError, UsageError } from '../../errors.js';
import { balanceCrossEntropy, type CrossEntropyOptions } from './cross-entropy.js';
import type { TotalSpec } from './error-terms.js';
import { balanceGras } from './gras.js';
import { restoreNegativeCells, transposeNegativeCells } from './negatives.js';
import {
  isSquareLabelled,
  resolveProblem,
  type BalanceProblem,
  type IndexedTotal,
  type LabelledMatrix,
  type ResolvedProblem,
} from './problem.js';
import { balanceRas } from './ras.js';
import { squareSamTargets } from './targets.js';

export { isSquareLabelled, type LabelledMatrix } from './problem.js';

/** The balancing methods by name. */
export type BalanceMethod = 'ras' | 'gras' | 'cross-entropy';

/** The method names, for option validation. */
export const BALANCE_METHODS: readonly BalanceMethod[] = ['ras', 'gras', 'cross-entropy'];

/**
 * Options of {@link balanceLabelledMatrix}: a balancing problem by label (the `balance-problem`
 * schema), plus the earlier `rowTotals` / `colTotals` by label, which are the same as
 * `totals.rows` / `totals.columns`.
 */
export type BalanceLabelledOptions = Omit<BalanceProblem, '$schema' | 'description'> & {
  /** Row totals by label: the same as `totals.rows`. */
  readonly rowTotals?: Readonly<Record<string, number | TotalSpec>>;
  /** Column totals by label: the same as `totals.columns`. */
  readonly colTotals?: Readonly<Record<string, number | TotalSpec>>;
};

/** The problem with `rowTotals` / `colTotals` folded into `totals`. */
function problemOf(o: BalanceLabelledOptions): BalanceProblem {
  const { rowTotals, colTotals, ...p } = o;
  if (!rowTotals && !colTotals) return p;
  const asTotals = (r: Readonly<Record<string, number | TotalSpec>>) =>
    r as unknown as NonNullable<NonNullable<BalanceProblem['totals']>['rows']>;
  return {
    ...p,
    totals: { ...p.totals, ...(rowTotals ? { rows: asTotals(rowTotals) } : {}), ...(colTotals ? { columns: asTotals(colTotals) } : {}) },
  };
}

/** The convergence report of a balancing. */
export interface BalanceReport {
  /** The method used. */
  readonly method: BalanceMethod;
  /** Iterations (sweeps or Newton steps for cross-entropy). */
  readonly iterations: number;
  /** Largest remaining |total − target| (or constraint violation), in the matrix's units. */
  readonly maxImbalance: number;
  /** The tolerance applied. */
  readonly tolerance: number;
  /** Whether the tolerance was met. */
  readonly converged: boolean;
  /** How the targets were set: `given`, `rows` / `columns` (mirrored to the other side) or a square-SAM rule. */
  readonly targets: string;
  /** Cross-entropy (and GRAS with bands): the objective reached and the solver. */
  readonly objective?: number;
  /** The cross-entropy solver used. */
  readonly solver?: 'bregman' | 'newton';
}

/** Mirrors one side's totals of a SAM to account totals; describes what was done. */
function accountsOf(r: ResolvedProblem, square: boolean): { r: ResolvedProblem; targets: string } {
  if (!square || r.accountTotals) return { r, targets: 'given' };
  if (r.rowTotals && !r.colTotals) {
    const { rowTotals, ...rest } = r;
    return { r: { ...rest, accountTotals: rowTotals }, targets: 'row totals, mirrored to columns' };
  }
  if (r.colTotals && !r.rowTotals) {
    const { colTotals, ...rest } = r;
    return { r: { ...rest, accountTotals: colTotals }, targets: 'column totals, mirrored to rows' };
  }
  return { r, targets: 'given' };
}

const isBand = (t: IndexedTotal) =>
  typeof t === 'object' && t.support === undefined && !(t.value !== undefined && t.lower === undefined && t.upper === undefined);
const hasSupport = (t: IndexedTotal) => typeof t === 'object' && t.support !== undefined;

/**
 * Balances a labelled matrix with the chosen method (see the module text for how totals are set).
 * Returns the balanced values and the convergence report; non-convergence is in the report.
 */
export function balanceLabelledMatrix(
  m: LabelledMatrix,
  options: BalanceLabelledOptions = {},
): { values: Float64Array; report: BalanceReport } {
  const method = options.method ?? 'ras';
  if (!(BALANCE_METHODS as readonly string[]).includes(method)) {
    throw new UsageError('USAGE_BAD_OPTION', `unknown balancing method '${method}', expected ${BALANCE_METHODS.join(', ')}`);
  }
  const square = isSquareLabelled(m);
  const n = m.rowLabels.length;
  if (options.negatives === 'transpose' && !square)
    throw new UsageError('USAGE_BAD_OPTION', 'moving negative cells to their transposed cell needs a square SAM');
  const moved = options.negatives === 'transpose' ? transposeNegativeCells(m.values, n) : undefined;
  const prior = moved ? { ...m, values: moved.prior } : m;
  const { r, targets } = accountsOf(resolveProblem(problemOf(options), prior), square);
  const all = [...(r.rowTotals ?? []), ...(r.colTotals ?? []), ...(r.accountTotals ?? [])];
  const general = method === 'cross-entropy' || all.some(isBand) || r.macro.length > 0;
  if (method !== 'cross-entropy' && (all.some(hasSupport) || r.cellErrors.length)) {
    throw new UsageError('USAGE_BAD_OPTION', `error terms (support points) need --method cross-entropy, not ${method}`);
  }
  const out = general
    ? generalised(prior, r, options, method, square, targets)
    : biproportional(prior, r, options, method, square, targets);
  return { values: moved ? restoreNegativeCells(out.values, n, moved.moved) : out.values, report: out.report };
}

function common(m: LabelledMatrix, o: BalanceLabelledOptions) {
  return {
    rowLabels: m.rowLabels,
    colLabels: m.colLabels,
    ...(o.tolerance !== undefined ? { tolerance: o.tolerance } : {}),
    ...(o.maxIterations !== undefined ? { maxIterations: o.maxIterations } : {}),
  };
}

/** Cross-entropy, or RAS/GRAS with bands or macro controls (GRAS's information loss, coordinate solver). */
function generalised(
  m: LabelledMatrix,
  r: ResolvedProblem,
  o: BalanceLabelledOptions,
  method: BalanceMethod,
  square: boolean,
  given: string,
) {
  if (!square && !r.rowTotals && !r.colTotals && r.macro.length === 0) {
    throw new UsageError('USAGE_MISSING_TOTALS', 'a rectangular matrix needs row totals, column totals or macro controls to balance to');
  }
  const balanceAccounts = o.balanceAccounts ?? (square && !(r.rowTotals && r.colTotals));
  if (balanceAccounts && !square) {
    throw new UsageError(
      'USAGE_BAD_OPTION',
      'income = expenditure per account needs a square matrix with the same labels on rows and columns',
    );
  }
  const ce = method === 'cross-entropy';
  const opts: CrossEntropyOptions = {
    ...common(m, o),
    ...(r.rowTotals ? { rowTotals: r.rowTotals } : {}),
    ...(r.colTotals ? { colTotals: r.colTotals } : {}),
    ...(r.accountTotals ? { accountTotals: r.accountTotals } : {}),
    balanceAccounts,
    fixed: r.fixed,
    macro: r.macro,
    cellErrors: r.cellErrors,
    ...(ce && o.form ? { form: o.form } : {}),
    ...(ce && o.cellDivergence !== undefined ? { cellDivergence: o.cellDivergence } : {}),
    ...(ce && o.delta !== undefined ? { delta: o.delta } : {}),
    solver: ce ? (o.solver ?? 'auto') : 'bregman',
  };
  const res = balanceCrossEntropy(m.values, m.rowLabels.length, m.colLabels.length, opts);
  let targets = given;
  if (!r.rowTotals && !r.colTotals && !r.accountTotals) targets = 'income = expenditure for each account';
  else if (balanceAccounts) targets += '; income = expenditure for each account';
  if (!ce) targets += `; bands or macro controls: ${method.toUpperCase()}'s information loss minimised by the coordinate solver`;
  return {
    values: res.matrix,
    report: {
      method,
      iterations: res.iterations,
      maxImbalance: res.maxImbalance,
      tolerance: res.tolerance,
      converged: res.converged,
      targets,
      objective: res.objective,
      solver: res.solver,
    },
  };
}

/** RAS or GRAS with exact totals: the classic kernels. */
function biproportional(
  m: LabelledMatrix,
  r: ResolvedProblem,
  o: BalanceLabelledOptions,
  method: BalanceMethod,
  square: boolean,
  given: string,
) {
  const exact = (t: readonly IndexedTotal[], labels: readonly string[], side: string): Float64Array =>
    Float64Array.from(t, (s, i) => {
      if (s === undefined) {
        throw new InputError(
          'BALANCE_TOTAL_MISSING',
          `${method.toUpperCase()} needs a total for every ${side}; ${side} ${labels[i]} has none`,
          { account: labels[i] },
        );
      }
      return typeof s === 'number' ? s : (s as TotalSpec).value!;
    });
  let u: Float64Array;
  let v: Float64Array;
  let targets = given;
  if (r.accountTotals) {
    if (r.rowTotals || r.colTotals)
      throw new UsageError('USAGE_BAD_OPTION', `${method.toUpperCase()} takes account totals or row and column totals, not both`);
    u = exact(r.accountTotals, m.rowLabels, 'account');
    v = u;
  } else if (r.rowTotals && r.colTotals) {
    u = exact(r.rowTotals, m.rowLabels, 'row');
    v = exact(r.colTotals, m.colLabels, 'column');
  } else if (square && !r.rowTotals && !r.colTotals) {
    const rule = o.targetRule ?? 'average';
    u = squareSamTargets(m.values, m.rowLabels.length, rule);
    v = u;
    targets = `square SAM, ${rule === 'average' ? 'average of row and column totals' : `prior ${rule === 'rows' ? 'row' : 'column'} totals`}`;
  } else {
    throw new UsageError('USAGE_MISSING_TOTALS', `${method.toUpperCase()} on a rectangular matrix needs both row and column totals`);
  }
  const kernel = method === 'ras' ? balanceRas : balanceGras;
  const res = kernel(m.values, m.rowLabels.length, m.colLabels.length, u, v, { ...common(m, o), fixed: r.fixed });
  return {
    values: res.matrix,
    report: {
      method,
      iterations: res.iterations,
      maxImbalance: res.maxImbalance,
      tolerance: res.tolerance,
      converged: res.converged,
      targets,
    },
  };
}

/** One line for a person: `RAS converged in 12 iterations; largest remaining imbalance 3.1e-10 (tolerance 1e-9); targets: given`. */
export function formatBalanceReport(r: BalanceReport): string {
  const name = r.method === 'cross-entropy' ? 'cross-entropy' : r.method.toUpperCase();
  const what = r.converged ? `converged in ${r.iterations} iterations` : `did NOT converge in ${r.iterations} iterations`;
  const obj = r.objective !== undefined ? `; objective ${r.objective.toPrecision(10)} (${r.solver} solver)` : '';
  return `${name} ${what}; largest remaining imbalance ${r.maxImbalance.toExponential(2)} (tolerance ${r.tolerance.toExponential(2)})${obj}; targets: ${r.targets}`;
}
