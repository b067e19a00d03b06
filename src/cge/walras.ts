/**
 * Walras' law, enforced at every solution. A square CGE system drops one market-clearing equation
 * (the numeraire's market) as redundant: if the model's accounts close — every payment is somebody's
 * receipt — that equation holds by itself at any solution of the others. When an equation misses a
 * term (a wedge, a tax, a transfer), the system still solves but the dropped market does not clear
 * and the SAM the solution implies does not balance. Two checks catch it:
 *
 * - **Walras' law**: the residual of every dropped equation, scaled like Newton's rows (by the size
 *   of its terms, |∂F/∂x|·|x|), is at most the tolerance;
 * - **the solution's SAM balances**: in the SAM rebuilt from the solution (the model's `samOf`),
 *   every account's receipts (row total) equal its payments (column total) within the tolerance,
 *   relative to the larger of the two.
 *
 * Both fail with an {@link AccountingError} naming the equation and its index, or the account, with
 * the residual.
 * @module
 */
import { ModelError, type Location } from '../errors.js';
import type { CompiledModel } from './compile/compile.js';
import { formatRef } from './compile/instantiate.js';

/** Default tolerance of the accounting checks (scaled or relative residual). */
export const ACCOUNTING_TOLERANCE = 1e-8;

/** A solution's accounts do not close: Walras' law fails, or the SAM it implies does not balance. */
export class AccountingError extends ModelError {
  /** Absolute residual: the dropped equation's, or an account's receipts − payments. */
  readonly residual: number;
  /** The residual as judged: scaled (Walras) or relative to the account's total (SAM). */
  readonly scaled: number;
  readonly tolerance: number;

  constructor(
    code: 'WALRAS_LAW_VIOLATED' | 'SOLUTION_SAM_UNBALANCED',
    message: string,
    location: Location,
    detail: { residual: number; scaled: number; tolerance: number },
  ) {
    super(code, message, location);
    this.residual = detail.residual;
    this.scaled = detail.scaled;
    this.tolerance = detail.tolerance;
  }
}

/** The largest residual among the dropped equations, absolute and scaled by the size of each one's terms. */
export interface WalrasResidual {
  /** Absolute residual of the worst dropped equation (0 when none is dropped). */
  readonly residual: number;
  /** That residual divided by max_j |∂F/∂x_j|·max(|x_j|, 0.01) of its row. */
  readonly scaled: number;
  /** Row (scalar equation number) of the worst, −1 when none is dropped. */
  readonly row: number;
}

/**
 * Residuals of the dropped rows at `x`, absolute and scaled (see {@link WalrasResidual}); `at` gives
 * the residuals and Jacobian already evaluated at `x` (a Newton solution's), else they are computed.
 */
export function walrasResidual(
  cm: CompiledModel,
  x: Float64Array,
  p: Float64Array,
  q: Float64Array,
  droppedRows: readonly number[],
  at?: { residuals: Float64Array; jacobian: Float64Array },
): WalrasResidual {
  if (!droppedRows.length) return { residual: 0, scaled: 0, row: -1 };
  let F = at?.residuals;
  let J = at?.jacobian;
  if (!F || !J) {
    F = new Float64Array(cm.rows.length);
    J = new Float64Array(cm.nnz);
    cm.jacobian(x, p, q, F, J);
  }
  const size = new Map<number, number>(droppedRows.map((r) => [r, 0]));
  for (let j = 0; j < cm.vars.size; j++) {
    const xs = Math.max(Math.abs(x[j]!), 1e-2);
    for (let k = cm.colPtr[j]!; k < cm.colPtr[j + 1]!; k++) {
      const r = cm.rowIdx[k]!;
      const s = size.get(r);
      if (s !== undefined) size.set(r, Math.max(s, Math.abs(J[k]!) * xs));
    }
  }
  let worst = { residual: 0, scaled: 0, row: droppedRows[0]! };
  for (const r of droppedRows) {
    const residual = Math.abs(F[r]!);
    const scaled = residual / Math.max(size.get(r)!, 1e-300);
    if (!(scaled <= worst.scaled)) worst = { residual, scaled, row: r };
  }
  return worst;
}

/** The account whose receipts and payments differ most, relative to the larger of the two. */
export interface SamImbalance {
  readonly account: string;
  readonly receipts: number;
  readonly payments: number;
  /** |receipts − payments| / max(|receipts|, |payments|) (0 for an empty account). */
  readonly relative: number;
}

/** The worst-balanced account of a SAM (rows receive, columns pay); `null` for a SAM without accounts. */
export function samImbalance(sam: { accounts: readonly string[]; values: Float64Array }): SamImbalance | null {
  const n = sam.accounts.length;
  let worst: SamImbalance | null = null;
  for (let a = 0; a < n; a++) {
    let receipts = 0;
    let payments = 0;
    for (let k = 0; k < n; k++) {
      receipts += sam.values[a * n + k]!;
      payments += sam.values[k * n + a]!;
    }
    const scale = Math.max(Math.abs(receipts), Math.abs(payments));
    const relative = scale === 0 ? 0 : Math.abs(receipts - payments) / scale;
    if (!worst || !(relative <= worst.relative)) worst = { account: sam.accounts[a]!, receipts, payments, relative };
  }
  return worst;
}

/**
 * Throws {@link AccountingError} when Walras' law fails at a solution (code WALRAS_LAW_VIOLATED,
 * located at the dropped equation, and at the worst account of the SAM when it is off too) or when
 * the SAM the solution implies does not balance (SOLUTION_SAM_UNBALANCED, located at the account).
 */
export function assertAccountsClose(
  cm: CompiledModel,
  walras: WalrasResidual,
  sam: SamImbalance | null,
  tolerance = ACCOUNTING_TOLERANCE,
  closure = '',
): void {
  const samOff = sam !== null && !(sam.relative <= tolerance);
  const samText = sam
    ? `account ${sam.account} receives ${sam.receipts.toPrecision(10)} but pays ${sam.payments.toPrecision(10)} (relative difference ${sam.relative.toExponential(2)})`
    : '';
  if (!(walras.scaled <= tolerance)) {
    const ref = cm.rows[walras.row]!;
    throw new AccountingError(
      'WALRAS_LAW_VIOLATED',
      `Walras' law fails in model ${cm.model.name}${closure ? ` under closure ${closure}` : ''}: ${formatRef(ref)}, dropped as redundant, is off by ${walras.residual.toPrecision(4)} ` +
        `(scaled ${walras.scaled.toExponential(2)}, tolerance ${tolerance.toExponential(0)}) at the solution, so the model's accounts do not close (an equation misses a term)` +
        (samOff ? `; in the SAM of the solution ${samText}` : ''),
      { equation: ref.name, index: ref.index, ...(samOff ? { account: sam.account } : {}) },
      { residual: walras.residual, scaled: walras.scaled, tolerance },
    );
  }
  if (samOff) {
    throw new AccountingError(
      'SOLUTION_SAM_UNBALANCED',
      `the SAM rebuilt from the solution of model ${cm.model.name}${closure ? ` under closure ${closure}` : ''} does not balance: ${samText}, tolerance ${tolerance.toExponential(0)}`,
      { account: sam.account },
      { residual: sam.receipts - sam.payments, scaled: sam.relative, tolerance },
    );
  }
}
