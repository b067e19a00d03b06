/**
 * Validation and drafting of a cross-entropy balancing problem: the options of
 * {@link balanceCrossEntropy} become one {@link CeProblem} — fixed cells, error terms on cells, the
 * constrained values ("totals": rows, columns, accounts, macro aggregates, account balances) and
 * the linear constraints that tie cells to them — read by both solvers.
 * @module
 */
import { InputError, NumericError, type Location } from '../../errors.js';
import { cellLoc, checkMatrix, labelOf, locOf, type Side } from './checks.js';
import type { CrossEntropyOptions } from './cross-entropy.js';
import { errorTerm, rangeOf, totalKind, type ErrorTerm, type TotalKind, type TotalSpec } from './error-terms.js';

/** A constrained value: a row, column or account total, a macro aggregate or an account balance. */
export interface CeTotal {
  /** Name for reports and messages, e.g. `account HOU` or `macro GDP`. */
  readonly name: string;
  /** Where it is. */
  readonly loc: Location;
  /** Exact, band or error term. */
  readonly kind: TotalKind;
  /** An account total: one value for the row and the column of an account. */
  readonly account?: boolean;
}

/** A linear constraint Σ coef·X[flat] = the value of `totals[total]`. */
export interface CeConstraint {
  /** Name for reports, e.g. `row HOU`. */
  readonly name: string;
  /** Where it is. */
  readonly loc: Location;
  /** Flat cell indices (row-major). */
  readonly flat: readonly number[];
  /** Coefficients, one per cell. */
  readonly coef: readonly number[];
  /** Index of the constrained value in {@link CeProblem.totals}. */
  readonly total: number;
  /** Row or column total: the error code when no cell can carry its flow. */
  readonly zeroCode?: 'BALANCE_ZERO_ROW' | 'BALANCE_ZERO_COLUMN';
  /** The SAM balance of an account (income − expenditure = 0). */
  readonly balance?: boolean;
}

/** An error term on one cell: additive `X = X⁰ + e`, or multiplicative on its coefficient `A = Ā eᵉ`. */
export interface CeCellError {
  /** Support and prior weights. */
  readonly term: ErrorTerm;
  /** Multiplicative error on the column coefficient X/x_j (RCE's CESAM2 `icoeff` cells). */
  readonly multiplicative: boolean;
}

/** The drafted problem. */
export interface CeProblem {
  readonly prior: Float64Array;
  readonly nRows: number;
  readonly nCols: number;
  readonly rowLabels?: readonly string[];
  readonly colLabels?: readonly string[];
  /** Fixed cells: flat index → value. */
  readonly fixed: ReadonlyMap<number, number>;
  /** Cells with an error term: flat index → term. */
  readonly cellErrors: ReadonlyMap<number, CeCellError>;
  readonly totals: readonly CeTotal[];
  readonly constraints: readonly CeConstraint[];
  /** For each column, the index of the total its column constraint meets (column or account total), −1 for none. */
  readonly columnTotal: Int32Array;
  readonly form: 'flow' | 'coefficient';
  readonly cellDivergence: boolean;
  readonly delta: number;
  readonly tol: number;
  readonly maxIterations: number;
}

type Spec = number | TotalSpec | null | undefined;

/** Builds the problem from the options, with every check that does not need a solver. */
export function draftProblem(prior: Float64Array, nRows: number, nCols: number, options: CrossEntropyOptions): CeProblem {
  const { rowLabels, colLabels } = options;
  checkMatrix(prior, nRows, nCols, rowLabels, colLabels);
  const maxIterations = options.maxIterations ?? 10_000;
  if (!Number.isInteger(maxIterations) || maxIterations < 1) {
    throw new InputError('BALANCE_OPTION', `maxIterations must be a positive integer, got ${maxIterations}`);
  }
  const delta = options.delta ?? 0;
  if (!(delta >= 0) || !Number.isFinite(delta)) throw new InputError('BALANCE_OPTION', `delta must be a finite number ≥ 0, got ${delta}`);
  const square = nRows === nCols;
  if ((options.balanceAccounts || options.accountTotals) && !square) {
    throw new InputError('BALANCE_SHAPE', `account totals and balances need a square matrix, got ${nRows} × ${nCols}`);
  }
  for (const [side, totals, n] of [
    ['row', options.rowTotals, nRows],
    ['column', options.colTotals, nCols],
    ['account', options.accountTotals, nRows],
  ] as const) {
    if (totals && totals.length !== n) throw new InputError('BALANCE_SHAPE', `${totals.length} ${side} totals for ${n} ${side}s`);
  }
  const inside = (r: number, c: number) => Number.isInteger(r) && Number.isInteger(c) && r >= 0 && r < nRows && c >= 0 && c < nCols;
  const fixed = fixedCells(options, nRows, nCols, inside);
  const cellErrors = cellErrorTerms(options, prior, nCols, fixed, inside);
  const totals: CeTotal[] = [];
  const constraints: CeConstraint[] = [];
  const columnTotal = new Int32Array(nCols).fill(-1);
  const lineCells = (side: Side, i: number) =>
    Array.from({ length: side === 'row' ? nCols : nRows }, (_, t) => (side === 'row' ? i * nCols + t : t * nCols + i));
  const addTotal = (name: string, loc: Location, spec: Spec, account = false): number => {
    if (spec === null || spec === undefined) return -1;
    const kind = totalKind(spec, `${name} total`, loc);
    if (!kind) return -1;
    totals.push({ name, loc, kind, ...(account ? { account } : {}) });
    return totals.length - 1;
  };
  const addLine = (side: Side, i: number, total: number) => {
    const flat = lineCells(side, i);
    const labels = side === 'row' ? rowLabels : colLabels;
    constraints.push({
      name: `${side} ${labelOf(side, i, labels)}`,
      loc: locOf(side, i, labels),
      flat,
      coef: flat.map(() => 1),
      total,
      zeroCode: side === 'row' ? 'BALANCE_ZERO_ROW' : 'BALANCE_ZERO_COLUMN',
    });
    if (side === 'column') columnTotal[i] = total;
  };
  const hasAccount = (i: number) => options.accountTotals?.[i] !== null && options.accountTotals?.[i] !== undefined;
  for (let i = 0; i < nRows; i++) {
    if (hasAccount(i) && options.rowTotals?.[i] !== null && options.rowTotals?.[i] !== undefined) {
      throw new InputError(
        'BALANCE_TOTAL_SPEC',
        `account ${labelOf('row', i, rowLabels)} has both a row total and an account total; give one`,
        locOf('row', i, rowLabels),
      );
    }
    const t = addTotal(`row ${labelOf('row', i, rowLabels)}`, locOf('row', i, rowLabels), options.rowTotals?.[i]);
    if (t >= 0) addLine('row', i, t);
  }
  for (let j = 0; j < nCols; j++) {
    if (hasAccount(j) && options.colTotals?.[j] !== null && options.colTotals?.[j] !== undefined) {
      throw new InputError(
        'BALANCE_TOTAL_SPEC',
        `account ${labelOf('column', j, colLabels)} has both a column total and an account total; give one`,
        locOf('column', j, colLabels),
      );
    }
    const t = addTotal(`column ${labelOf('column', j, colLabels)}`, locOf('column', j, colLabels), options.colTotals?.[j]);
    if (t >= 0) addLine('column', j, t);
  }
  const accountTotal = new Int32Array(nRows).fill(-1);
  options.accountTotals?.forEach((spec, i) => {
    const label = labelOf('row', i, rowLabels);
    const t = addTotal(`account ${label}`, { account: label }, spec, true);
    if (t < 0) return;
    accountTotal[i] = t;
    addLine('row', i, t);
    addLine('column', i, t);
  });
  if (options.balanceAccounts) {
    for (let i = 0; i < nRows; i++) {
      const at = accountTotal[i] >= 0 ? totals[accountTotal[i]].kind : undefined;
      if (at && !(at.type === 'band' && at.lo !== at.hi)) continue; // income = expenditure = the account's one value already
      const flat: number[] = [];
      const coef: number[] = [];
      for (let j = 0; j < nCols; j++) {
        if (j === i) continue;
        flat.push(i * nCols + j, j * nCols + i);
        coef.push(1, -1);
      }
      const label = labelOf('row', i, rowLabels);
      totals.push({ name: `balance of account ${label}`, loc: { account: label }, kind: { type: 'band', lo: 0, hi: 0 } });
      constraints.push({
        name: `balance of account ${label}`,
        loc: { account: label },
        flat,
        coef,
        total: totals.length - 1,
        balance: true,
      });
    }
  }
  for (const [q, m] of (options.macro ?? []).entries()) {
    const loc: Location = { equation: m.name || `macro ${q + 1}` };
    const flat: number[] = [];
    const coef: number[] = [];
    for (const c of m.cells) {
      if (!inside(c.row, c.col)) {
        throw new InputError(
          'BALANCE_MACRO_CELL',
          `macro control ${m.name} names cell (${c.row}, ${c.col}), outside the ${nRows} × ${nCols} matrix`,
          loc,
        );
      }
      const a = c.coef ?? 1;
      if (!Number.isFinite(a)) throw new InputError('BALANCE_MACRO_CELL', `macro control ${m.name}: coefficient ${a} is not finite`, loc);
      flat.push(c.row * nCols + c.col);
      coef.push(a);
    }
    const t = addTotal(`macro ${m.name}`, loc, m);
    if (t < 0) throw new InputError('BALANCE_TOTAL_SPEC', `macro control ${m.name} has neither a value, a band nor support points`, loc);
    constraints.push({ name: `macro ${m.name}`, loc, flat, coef, total: t });
  }
  let big = 1;
  for (const t of totals) for (const x of rangeOf(t.kind)) if (Number.isFinite(x)) big = Math.max(big, Math.abs(x));
  const tol = options.tolerance ?? 1e-9 * big;
  if (!(tol >= 0)) throw new InputError('BALANCE_OPTION', `tolerance must be ≥ 0, got ${tol}`);
  const problem: CeProblem = {
    prior,
    nRows,
    nCols,
    ...(rowLabels ? { rowLabels } : {}),
    ...(colLabels ? { colLabels } : {}),
    fixed,
    cellErrors,
    totals,
    constraints,
    columnTotal,
    form: options.form ?? 'flow',
    cellDivergence: options.cellDivergence ?? true,
    delta,
    tol,
    maxIterations,
  };
  checkGrandTotals(problem);
  checkCellTerms(problem);
  return problem;
}

function fixedCells(
  options: CrossEntropyOptions,
  nRows: number,
  nCols: number,
  inside: (r: number, c: number) => boolean,
): Map<number, number> {
  const fixed = new Map<number, number>();
  const { rowLabels, colLabels } = options;
  for (const f of options.fixed ?? []) {
    if (!inside(f.row, f.col)) {
      throw new InputError('BALANCE_FIXED_CELL', `fixed cell (${f.row}, ${f.col}) is outside the ${nRows} × ${nCols} matrix`);
    }
    const at = cellLoc(f.row, f.col, rowLabels, colLabels);
    if (!Number.isFinite(f.value)) throw new InputError('BALANCE_FIXED_CELL', `fixed value must be a finite number, got ${f.value}`, at);
    const k = f.row * nCols + f.col;
    if (fixed.has(k)) throw new InputError('BALANCE_FIXED_CELL', 'cell is fixed twice', at);
    fixed.set(k, f.value);
  }
  return fixed;
}

function cellErrorTerms(
  options: CrossEntropyOptions,
  prior: Float64Array,
  nCols: number,
  fixed: ReadonlyMap<number, number>,
  inside: (r: number, c: number) => boolean,
): Map<number, CeCellError> {
  const out = new Map<number, CeCellError>();
  const { rowLabels, colLabels } = options;
  for (const e of options.cellErrors ?? []) {
    if (!inside(e.row, e.col)) throw new InputError('BALANCE_CELL_ERROR', `cell error term on (${e.row}, ${e.col}) is outside the matrix`);
    const at = cellLoc(e.row, e.col, rowLabels, colLabels);
    const k = e.row * nCols + e.col;
    if (fixed.has(k)) throw new InputError('BALANCE_CELL_ERROR', 'a fixed cell cannot also have an error term', at);
    if (out.has(k)) throw new InputError('BALANCE_CELL_ERROR', 'cell has two error terms', at);
    if (e.multiplicative && prior[k] === 0) {
      throw new InputError(
        'BALANCE_CELL_ERROR',
        'a multiplicative error scales the prior coefficient, which is 0 here; use an additive error',
        at,
      );
    }
    out.set(k, { term: errorTerm(e.support, e.weights, 'cell error term', at), multiplicative: e.multiplicative ?? false });
  }
  return out;
}

/** With the cell-divergence term off, every adjustable cell needs an error term. */
function checkCellTerms(p: CeProblem): void {
  if (p.cellDivergence) return;
  for (let k = 0; k < p.prior.length; k++) {
    if (p.prior[k] !== 0 && !p.fixed.has(k) && !p.cellErrors.has(k)) {
      const i = Math.floor(k / p.nCols);
      throw new InputError(
        'BALANCE_CELL_NO_TERM',
        'without the cell-divergence term, every adjustable cell needs an error term (support points) or a fixed value; this one has neither',
        cellLoc(i, k - i * p.nCols, p.rowLabels, p.colLabels),
      );
    }
  }
}

/** With every row and every column constrained, the two sets of totals must admit one grand total. */
function checkGrandTotals(p: CeProblem): void {
  const span = (side: 'row' | 'column', n: number): [number, number] | null => {
    let lo = 0;
    let hi = 0;
    let count = 0;
    for (const c of p.constraints) {
      if (c.zeroCode !== (side === 'row' ? 'BALANCE_ZERO_ROW' : 'BALANCE_ZERO_COLUMN')) continue;
      const [a, b] = rangeOf(p.totals[c.total].kind);
      lo += a;
      hi += b;
      count++;
    }
    return count === n ? [lo, hi] : null;
  };
  const r = span('row', p.nRows);
  const c = span('column', p.nCols);
  if (!r || !c) return;
  const allowed = Math.max(p.tol, 1e-12 * (Math.abs(r[0]) + Math.abs(c[0])));
  if (r[0] > c[1] + allowed || c[0] > r[1] + allowed) {
    throw new NumericError(
      'BALANCE_TOTALS_MISMATCH',
      `row totals allow a grand total in [${r[0]}, ${r[1]}] and column totals in [${c[0]}, ${c[1]}]: the ranges do not meet`,
    );
  }
}

/** What only the Newton solver can do in this problem (empty when the coordinate solver can take it). */
export function newtonOnlyFeatures(p: CeProblem): string[] {
  const out: string[] = [];
  if (p.cellErrors.size) out.push('error terms on cells');
  if (!p.cellDivergence) out.push('no cell-divergence term');
  if (p.delta > 0) out.push('delta > 0');
  const uses = new Map<number, number>();
  for (const c of p.constraints) uses.set(c.total, (uses.get(c.total) ?? 0) + 1);
  if (p.totals.some((t, i) => t.kind.type === 'support' && (uses.get(i) ?? 0) > 1)) out.push('error terms on account totals');
  if (p.form === 'coefficient' && Array.from(p.columnTotal).some((t) => t >= 0 && p.totals[t].kind.type === 'support')) {
    out.push('coefficient form weighted by estimated column totals');
  }
  return out;
}

/** Bands anywhere in the problem (the Newton solver takes exact values and error terms only). */
export function bandedTotals(p: CeProblem): string[] {
  return p.totals.filter((t) => t.kind.type === 'band' && t.kind.lo !== t.kind.hi).map((t) => t.name);
}
