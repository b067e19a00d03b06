/**
 * SAM accounting multipliers (Pyatt & Round 1979): with a chosen set of endogenous accounts, the
 * column-share matrix An (a_ij = t_ij / y_j, payments by endogenous account j to endogenous account
 * i per unit of j's total outlay) gives y_n = An y_n + x, so y_n = Ma x with Ma = (I − An)⁻¹.
 * Column totals of the full SAM are each account's total outlay (rows receive, columns pay).
 * @module
 */
import { InputError, NumericError } from '../errors.js';
import { assertFinite, luFactor, luInverse, type Matrix } from '../linalg/dense/index.js';
import { identityMinus } from './leontief.js';

/** The endogenous column-share matrix and the accounting multipliers. */
export interface AccountingMultipliers {
  /** Labels of the endogenous accounts, in the order of the matrices. */
  readonly labels: readonly string[];
  /** Positions of the endogenous accounts in the SAM. */
  readonly positions: readonly number[];
  /** Column shares of the endogenous block, An = T_nn diag(y_n)⁻¹. */
  readonly An: Matrix;
  /** Accounting multipliers Ma = (I − An)⁻¹. */
  readonly Ma: Matrix;
}

/**
 * Column shares An of the endogenous accounts: An = T_nn diag(y_n)⁻¹ with y the column totals of
 * the whole SAM T. A zero column total is an error naming the account.
 * @param T the SAM values (n×n, rows receive, columns pay)
 * @param endogenous positions of the endogenous accounts
 * @param labels account labels of T (for messages)
 */
export function endogenousShares(T: Matrix, endogenous: readonly number[], labels?: readonly string[]): Matrix {
  const n = T.rows;
  if (T.cols !== n) throw new InputError('MATRIX_NOT_SQUARE', `a SAM must be square, got ${T.rows}×${T.cols}`);
  assertFinite(T, 'SAM', labels ? { rows: labels, cols: labels } : undefined);
  if (new Set(endogenous).size !== endogenous.length || endogenous.length === 0) {
    throw new InputError('SAM_BAD_ENDOGENOUS', 'the endogenous accounts must be a non-empty list without repeats');
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) y[j] += T.data[i * n + j];
  const m = endogenous.length;
  const An = new Float64Array(m * m);
  for (let b = 0; b < m; b++) {
    const j = endogenous[b];
    if (j < 0 || j >= n) throw new InputError('SAM_BAD_ENDOGENOUS', `account position ${j} is outside 0…${n - 1}`);
    if (!(y[j] > 0)) {
      const l = labels?.[j];
      throw new NumericError(
        'ZERO_OUTPUT',
        `endogenous account ${l ?? j + 1} has total outlay ${y[j]}; its column shares need a positive total`,
        { column: l ?? j + 1, ...(l !== undefined ? { account: l } : {}) },
      );
    }
    for (let a = 0; a < m; a++) An[a * m + b] = T.data[endogenous[a] * n + j] / y[j];
  }
  return { rows: m, cols: m, data: An };
}

/**
 * Accounting multipliers Ma = (I − An)⁻¹ for the endogenous accounts at `endogenous`. The full
 * matrix is the output here, so it is formed explicitly (the endogenous block of a SAM is small).
 */
export function accountingMultipliers(T: Matrix, endogenous: readonly number[], labels?: readonly string[]): AccountingMultipliers {
  const An = endogenousShares(T, endogenous, labels);
  const endoLabels = endogenous.map((i) => labels?.[i] ?? String(i + 1));
  const Ma = luInverse(luFactor(identityMinus(An), { what: 'I − An', labels: endoLabels, inPlace: true }));
  return { labels: endoLabels, positions: [...endogenous], An, Ma };
}
