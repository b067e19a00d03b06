/**
 * Balancing a labelled matrix (a SAM, or a rectangular IO block) with totals, fixed cells and macro
 * controls given by account label; the method is chosen by name. This is what {@link balanceSam}
 * and the `digicge sam balance` command call. Rows receive, columns pay.
 *
 * Totals: when both row and column totals are given they are used as they are. For a square
 * matrix whose row and column labels agree (a SAM), one side alone is enough: the other side gets
 * the same totals (income = expenditure). With no totals at all on a SAM, RAS and GRAS balance to
 * {@link squareSamTargets} (`targetRule`, default the average of row and column totals), and
 * cross-entropy only imposes income = expenditure for each account. Cross-entropy imposes income =
 * expenditure on a SAM whenever at most one side's totals are given (`balanceAccounts`).
 * @module
 */
import { InputError, UsageError } from '../../errors.js';
import { balanceCrossEntropy, type MacroConstraint, type TotalSpec } from './cross-entropy.js';
import { balanceGras } from './gras.js';
import { balanceRas } from './ras.js';
import { squareSamTargets, type SquareTargetRule } from './targets.js';
import type { FixedCell } from './types.js';

/** The balancing methods by name. */
export type BalanceMethod = 'ras' | 'gras' | 'cross-entropy';

/** The method names, for option validation. */
export const BALANCE_METHODS: readonly BalanceMethod[] = ['ras', 'gras', 'cross-entropy'];

/** A matrix with row and column labels; values row-major, rows receive, columns pay. */
export interface LabelledMatrix {
  /** Row labels (accounts receiving). */
  readonly rowLabels: readonly string[];
  /** Column labels (accounts paying). */
  readonly colLabels: readonly string[];
  /** Row-major values, rowLabels.length × colLabels.length. */
  readonly values: Float64Array;
}

/** Options of {@link balanceLabelledMatrix}. */
export interface BalanceLabelledOptions {
  /** `ras` (default), `gras` or `cross-entropy`. */
  readonly method?: BalanceMethod;
  /** Row totals by label (a {@link TotalSpec} with a band or support points: cross-entropy only). */
  readonly rowTotals?: Readonly<Record<string, number | TotalSpec>>;
  /** Column totals by label. */
  readonly colTotals?: Readonly<Record<string, number | TotalSpec>>;
  /** Cells with known values, by row and column label. */
  readonly fixed?: readonly { readonly row: string; readonly col: string; readonly value: number }[];
  /** Macro controls (cross-entropy only), cells by row and column label. */
  readonly macro?: readonly (Omit<MacroConstraint, 'cells'> & {
    readonly cells: readonly { readonly row: string; readonly col: string; readonly coef?: number }[];
  })[];
  /** Targets of a SAM balanced without totals by RAS or GRAS; default `average`. */
  readonly targetRule?: SquareTargetRule;
  /**
   * Cross-entropy on a square matrix: also require income = expenditure for each account. Default:
   * true for a SAM unless both row and column totals are given (an IO block with its own totals).
   */
  readonly balanceAccounts?: boolean;
  /** Cross-entropy weighting, `flow` (default) or `coefficient`. */
  readonly form?: 'flow' | 'coefficient';
  /** Largest allowed imbalance, in the matrix's units. */
  readonly tolerance?: number;
  /** Largest number of iterations. */
  readonly maxIterations?: number;
}

/** The convergence report of a balancing. */
export interface BalanceReport {
  /** The method used. */
  readonly method: BalanceMethod;
  /** Iterations (sweeps for cross-entropy). */
  readonly iterations: number;
  /** Largest remaining |total − target| (or constraint violation), in the matrix's units. */
  readonly maxImbalance: number;
  /** The tolerance applied. */
  readonly tolerance: number;
  /** Whether the tolerance was met. */
  readonly converged: boolean;
  /** How the targets were set: `given`, `rows` / `columns` (mirrored to the other side) or a square-SAM rule. */
  readonly targets: string;
}

/** Whether the matrix is square with the same labels on rows and columns (a SAM). */
export function isSquareLabelled(m: LabelledMatrix): boolean {
  return m.rowLabels.length === m.colLabels.length && m.rowLabels.every((l, i) => l === m.colLabels[i]);
}

function indexOf(labels: readonly string[]): Map<string, number> {
  return new Map(labels.map((l, i) => [l, i]));
}

function lookup(index: Map<string, number>, label: string, side: 'row' | 'column', what: string): number {
  const i = index.get(label);
  if (i === undefined) {
    throw new InputError('BALANCE_UNKNOWN_ACCOUNT', `${what} names ${side} account '${label}', which is not in the matrix`, {
      account: label,
    });
  }
  return i;
}

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
  const nRows = m.rowLabels.length;
  const nCols = m.colLabels.length;
  const square = isSquareLabelled(m);
  const rIdx = indexOf(m.rowLabels);
  const cIdx = indexOf(m.colLabels);
  const toArray = (
    map: Readonly<Record<string, number | TotalSpec>> | undefined,
    side: 'row' | 'column',
  ): (number | TotalSpec | undefined)[] | undefined => {
    if (!map) return undefined;
    const labels = side === 'row' ? m.rowLabels : m.colLabels;
    const idx = side === 'row' ? rIdx : cIdx;
    const out: (number | TotalSpec | undefined)[] = labels.map(() => undefined);
    for (const [label, spec] of Object.entries(map)) out[lookup(idx, label, side, `${side} totals`)] = spec;
    return out;
  };
  let rowT = toArray(options.rowTotals, 'row');
  let colT = toArray(options.colTotals, 'column');
  const balanceAccounts = options.balanceAccounts ?? (square && !(rowT && colT));
  if (balanceAccounts && !square) {
    throw new UsageError('USAGE_BAD_OPTION', 'income = expenditure per account needs a square matrix with the same labels on rows and columns');
  }
  let targets = 'given';
  if (square && rowT && !colT) {
    colT = rowT;
    targets = 'row totals, mirrored to columns';
  } else if (square && colT && !rowT) {
    rowT = colT;
    targets = 'column totals, mirrored to rows';
  }
  const fixed: FixedCell[] = (options.fixed ?? []).map((f) => ({
    row: lookup(rIdx, f.row, 'row', 'fixed cell'),
    col: lookup(cIdx, f.col, 'column', 'fixed cell'),
    value: f.value,
  }));
  const common = {
    rowLabels: m.rowLabels,
    colLabels: m.colLabels,
    ...(options.tolerance !== undefined ? { tolerance: options.tolerance } : {}),
    ...(options.maxIterations !== undefined ? { maxIterations: options.maxIterations } : {}),
  };

  if (method === 'cross-entropy') {
    const macro = (options.macro ?? []).map((q) => ({
      ...q,
      cells: q.cells.map((c) => ({
        row: lookup(rIdx, c.row, 'row', `macro control ${q.name}`),
        col: lookup(cIdx, c.col, 'column', `macro control ${q.name}`),
        ...(c.coef !== undefined ? { coef: c.coef } : {}),
      })),
    }));
    if (!square && !rowT && !colT && macro.length === 0) {
      throw new UsageError('USAGE_MISSING_TOTALS', 'a rectangular matrix needs row totals, column totals or macro controls to balance to');
    }
    const res = balanceCrossEntropy(m.values, nRows, nCols, {
      ...common,
      ...(rowT ? { rowTotals: rowT } : {}),
      ...(colT ? { colTotals: colT } : {}),
      balanceAccounts,
      fixed,
      macro,
      ...(options.form ? { form: options.form } : {}),
    });
    if (!rowT && !colT) targets = 'income = expenditure for each account';
    else if (balanceAccounts) targets += '; income = expenditure for each account';
    return {
      values: res.matrix,
      report: { method, iterations: res.iterations, maxImbalance: res.maxImbalance, tolerance: res.tolerance, converged: res.converged, targets },
    };
  }

  if (options.macro && options.macro.length > 0) {
    throw new UsageError('USAGE_BAD_OPTION', `macro controls need --method cross-entropy, not ${method}`);
  }
  const exact = (t: (number | TotalSpec | undefined)[], side: 'row' | 'column'): Float64Array =>
    Float64Array.from(t, (s, i) => {
      const label = side === 'row' ? m.rowLabels[i] : m.colLabels[i];
      if (s === undefined) {
        throw new InputError('BALANCE_TOTAL_MISSING', `${method.toUpperCase()} needs a total for every ${side}; ${side} ${label} has none`, { account: label });
      }
      if (typeof s === 'number') return s;
      if (s.value !== undefined && s.lower === undefined && s.upper === undefined && !s.support) return s.value;
      throw new UsageError('USAGE_BAD_OPTION', `${side} ${label}: bands and error terms need --method cross-entropy; ${method.toUpperCase()} takes exact totals`);
    });
  let u: Float64Array;
  let v: Float64Array;
  if (rowT && colT) {
    u = exact(rowT, 'row');
    v = exact(colT, 'column');
  } else if (square && !rowT && !colT) {
    const rule = options.targetRule ?? 'average';
    u = squareSamTargets(m.values, nRows, rule);
    v = u;
    targets = `square SAM, ${rule === 'average' ? 'average of row and column totals' : `prior ${rule === 'rows' ? 'row' : 'column'} totals`}`;
  } else {
    throw new UsageError('USAGE_MISSING_TOTALS', `${method.toUpperCase()} on a rectangular matrix needs both row and column totals`);
  }
  const kernel = method === 'ras' ? balanceRas : balanceGras;
  const res = kernel(m.values, nRows, nCols, u, v, { ...common, fixed });
  return {
    values: res.matrix,
    report: { method, iterations: res.iterations, maxImbalance: res.maxImbalance, tolerance: res.tolerance, converged: res.converged, targets },
  };
}

/** One line for a person: `RAS converged in 12 iterations; largest remaining imbalance 3.1e-10 (tolerance 1e-9); targets: given`. */
export function formatBalanceReport(r: BalanceReport): string {
  const name = r.method === 'cross-entropy' ? 'cross-entropy' : r.method.toUpperCase();
  const what = r.converged ? `converged in ${r.iterations} iterations` : `did NOT converge in ${r.iterations} iterations`;
  return `${name} ${what}; largest remaining imbalance ${r.maxImbalance.toExponential(2)} (tolerance ${r.tolerance.toExponential(2)}); targets: ${r.targets}`;
}
