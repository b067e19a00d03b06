/**
 * Input checks shared by the balancing kernels: shapes, finite numbers, consistent totals and
 * fixed cells. Every failure is a typed error naming the account (row or column label) involved.
 * Internal to `src/sam/balance/`.
 * @module
 */
import { InputError, NumericError, type Location } from '../../errors.js';
import type { BalanceOptions, FixedCell } from './types.js';

/** Which side of the matrix an index refers to. */
export type Side = 'row' | 'column';

/** The label of row or column `i` (its account name), or `row 3` / `column 3` (1-based) without labels. */
export function labelOf(side: Side, i: number, labels: readonly string[] | undefined): string {
  const l = labels?.[i];
  return l !== undefined && l !== '' ? l : `${side} ${i + 1}`;
}

/** The location of row or column `i`. */
export function locOf(side: Side, i: number, labels: readonly string[] | undefined): Location {
  return side === 'row' ? { account: labelOf('row', i, labels) } : { column: labelOf('column', i, labels) };
}

/** The location of cell (i, j): its row account and its column. */
export function cellLoc(
  i: number,
  j: number,
  rowLabels: readonly string[] | undefined,
  colLabels: readonly string[] | undefined,
): Location {
  return { account: labelOf('row', i, rowLabels), column: labelOf('column', j, colLabels) };
}

/** Checks the matrix size and that every cell is a finite number. */
export function checkMatrix(
  prior: Float64Array,
  nRows: number,
  nCols: number,
  rowLabels?: readonly string[],
  colLabels?: readonly string[],
): void {
  if (!Number.isInteger(nRows) || !Number.isInteger(nCols) || nRows < 1 || nCols < 1) {
    throw new InputError('BALANCE_SHAPE', `matrix dimensions must be positive integers, got ${nRows} × ${nCols}`);
  }
  if (prior.length !== nRows * nCols) {
    throw new InputError('BALANCE_SHAPE', `matrix has ${prior.length} cells, expected ${nRows} × ${nCols} = ${nRows * nCols}`);
  }
  for (let k = 0; k < prior.length; k++) {
    if (!Number.isFinite(prior[k])) {
      const i = Math.floor(k / nCols);
      throw new InputError(
        'BALANCE_NOT_FINITE',
        `prior cell is ${prior[k]}, expected a finite number`,
        cellLoc(i, k - i * nCols, rowLabels, colLabels),
      );
    }
  }
  if (rowLabels && rowLabels.length !== nRows) {
    throw new InputError('BALANCE_SHAPE', `${rowLabels.length} row labels for ${nRows} rows`);
  }
  if (colLabels && colLabels.length !== nCols) {
    throw new InputError('BALANCE_SHAPE', `${colLabels.length} column labels for ${nCols} columns`);
  }
}

/** Checks a target vector's length and that it is finite. */
export function checkTargets(targets: ArrayLike<number>, n: number, side: Side, labels: readonly string[] | undefined): void {
  if (targets.length !== n) {
    throw new InputError('BALANCE_SHAPE', `${targets.length} ${side} targets for ${n} ${side}s`);
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(targets[i])) {
      throw new InputError('BALANCE_NOT_FINITE', `${side} target is ${targets[i]}, expected a finite number`, locOf(side, i, labels));
    }
  }
}

/** The default tolerance: `1e-9 × max(1, largest |target|)`. */
export function defaultTolerance(u: ArrayLike<number>, v: ArrayLike<number>): number {
  let m = 1;
  for (let i = 0; i < u.length; i++) m = Math.max(m, Math.abs(u[i]));
  for (let j = 0; j < v.length; j++) m = Math.max(m, Math.abs(v[j]));
  return 1e-9 * m;
}

/** Sum of a vector. */
export function sum(x: ArrayLike<number>): number {
  let t = 0;
  for (let i = 0; i < x.length; i++) t += x[i];
  return t;
}

/**
 * Row and column targets must share one grand total: otherwise no matrix has both. The allowed gap
 * is the tolerance, or rounding (1e-12 of the totals) when that is larger.
 */
export function checkTotalsAgree(u: ArrayLike<number>, v: ArrayLike<number>, tolerance: number): void {
  const su = sum(u);
  const sv = sum(v);
  let mag = 0;
  for (let i = 0; i < u.length; i++) mag += Math.abs(u[i]);
  for (let j = 0; j < v.length; j++) mag += Math.abs(v[j]);
  const allowed = Math.max(tolerance, 1e-12 * mag);
  if (Math.abs(su - sv) > allowed) {
    throw new NumericError(
      'BALANCE_TOTALS_MISMATCH',
      `row targets sum to ${su} but column targets sum to ${sv} (difference ${su - sv}, allowed ${allowed}): ` +
        'no matrix can meet both; make the grand totals equal',
    );
  }
}

/** A prior with its fixed cells taken out and the targets reduced by them. */
export interface WithoutFixed {
  /** Copy of the prior with fixed cells set to 0 (the prior itself when nothing is fixed). */
  readonly prior: Float64Array;
  /** Row targets minus the fixed cells of each row. */
  readonly u: Float64Array;
  /** Column targets minus the fixed cells of each column. */
  readonly v: Float64Array;
  /** The fixed cells as (flat index, value), in input order, or empty. */
  readonly cells: readonly { readonly k: number; readonly value: number }[];
}

/** Validates the fixed cells and takes them out of the problem (see {@link BalanceOptions.fixed}). */
export function removeFixed(
  prior: Float64Array,
  nRows: number,
  nCols: number,
  u: ArrayLike<number>,
  v: ArrayLike<number>,
  fixed: readonly FixedCell[] | undefined,
  rowLabels: readonly string[] | undefined,
  colLabels: readonly string[] | undefined,
): WithoutFixed {
  const uu = Float64Array.from(u);
  const vv = Float64Array.from(v);
  if (!fixed || fixed.length === 0) return { prior, u: uu, v: vv, cells: [] };
  const p = Float64Array.from(prior);
  const seen = new Set<number>();
  const cells: { k: number; value: number }[] = [];
  for (const f of fixed) {
    if (!Number.isInteger(f.row) || !Number.isInteger(f.col) || f.row < 0 || f.row >= nRows || f.col < 0 || f.col >= nCols) {
      throw new InputError('BALANCE_FIXED_CELL', `fixed cell (${f.row}, ${f.col}) is outside the ${nRows} × ${nCols} matrix`);
    }
    if (!Number.isFinite(f.value)) {
      throw new InputError(
        'BALANCE_NOT_FINITE',
        `fixed cell value is ${f.value}, expected a finite number`,
        cellLoc(f.row, f.col, rowLabels, colLabels),
      );
    }
    const k = f.row * nCols + f.col;
    if (seen.has(k)) {
      throw new InputError('BALANCE_FIXED_CELL', 'cell is fixed twice', cellLoc(f.row, f.col, rowLabels, colLabels));
    }
    seen.add(k);
    p[k] = 0;
    uu[f.row] -= f.value;
    vv[f.col] -= f.value;
    cells.push({ k, value: f.value });
  }
  return { prior: p, u: uu, v: vv, cells };
}

/** Throws when a result holds NaN or ±Infinity (overflow in the iterations). */
export function checkFinite(m: Float64Array, nCols: number, method: string): void {
  for (let k = 0; k < m.length; k++) {
    if (!Number.isFinite(m[k])) {
      const i = Math.floor(k / nCols);
      throw new NumericError(
        'BALANCE_NOT_FINITE',
        `${method} produced a non-finite cell (${m[k]}) at row ${i + 1}, column ${k - i * nCols + 1}: the problem is badly scaled or infeasible`,
      );
    }
  }
}

/**
 * The checks and option defaults every biproportional method starts with: the prior's shape and
 * values, both target vectors, the tolerance (default {@link defaultTolerance}) and the iteration
 * limit (default 10,000), and that row and column targets share one grand total.
 */
export function checkBalanceProblem(
  prior: Float64Array,
  nRows: number,
  nCols: number,
  rowTargets: ArrayLike<number>,
  colTargets: ArrayLike<number>,
  options: BalanceOptions,
): { tol: number; maxIterations: number } {
  const { rowLabels, colLabels } = options;
  checkMatrix(prior, nRows, nCols, rowLabels, colLabels);
  checkTargets(rowTargets, nRows, 'row', rowLabels);
  checkTargets(colTargets, nCols, 'column', colLabels);
  const tol = options.tolerance ?? defaultTolerance(rowTargets, colTargets);
  if (!(tol >= 0)) throw new InputError('BALANCE_OPTION', `tolerance must be ≥ 0, got ${tol}`);
  const maxIterations = options.maxIterations ?? 10_000;
  if (!Number.isInteger(maxIterations) || maxIterations < 1) {
    throw new InputError('BALANCE_OPTION', `maxIterations must be a positive integer, got ${maxIterations}`);
  }
  checkTotalsAgree(rowTargets, colTargets, tol);
  return { tol, maxIterations };
}
