/**
 * Shared types of the matrix-balancing kernels (RAS, GRAS, cross-entropy).
 *
 * Matrices are dense, row-major `Float64Array`s of `nRows × nCols` cells: cell (i, j) is at
 * `i * nCols + j`. For a SAM, rows receive and columns pay, so a row total is an account's income
 * and a column total its expenditure; a balanced SAM has equal row and column totals account by
 * account. Totals and cells are in the units of the matrix (for example billion baht).
 * @module
 */

/** A cell whose value is known and must not be changed by balancing. */
export interface FixedCell {
  /** 0-based row index. */
  readonly row: number;
  /** 0-based column index. */
  readonly col: number;
  /** The value the cell keeps in the balanced matrix. */
  readonly value: number;
}

/** Options shared by the biproportional kernels ({@link balanceRas}, {@link balanceGras}). */
export interface BalanceOptions {
  /**
   * Largest allowed absolute difference between a row or column sum and its target, in the
   * matrix's units. Default: `1e-9 × max(1, largest |target|)`.
   */
  readonly tolerance?: number;
  /** Largest number of iterations (one iteration = one row scaling and one column scaling). Default 10 000. */
  readonly maxIterations?: number;
  /** Row labels (account names), used to name accounts in error messages. */
  readonly rowLabels?: readonly string[];
  /** Column labels (account names), used to name accounts in error messages. */
  readonly colLabels?: readonly string[];
  /**
   * Cells that keep a known value. They are taken out of the prior, their values subtracted from
   * the row and column targets, the rest is balanced, and the fixed values are put back.
   */
  readonly fixed?: readonly FixedCell[];
}

/** The outcome of a biproportional balancing: `matrix = diag(r) · prior · diag(s)` (RAS). */
export interface BalanceResult {
  /** The balanced matrix, row-major `nRows × nCols`. */
  readonly matrix: Float64Array;
  /** Row multipliers r (length nRows). */
  readonly r: Float64Array;
  /** Column multipliers s (length nCols). */
  readonly s: Float64Array;
  /** Iterations performed. */
  readonly iterations: number;
  /** Largest |row or column sum − target| of the returned matrix, in the matrix's units. */
  readonly maxImbalance: number;
  /** Whether `maxImbalance ≤ tolerance` was reached within `maxIterations`. */
  readonly converged: boolean;
  /** The tolerance that was applied (after defaults). */
  readonly tolerance: number;
}
