/**
 * What calibration needs from a social accounting matrix: its account labels and its values,
 * row-major, rows receive and columns pay (the shape of the `sam` stage's `Sam`).
 * @module
 */
import { InputError } from '../errors.js';

/** A SAM as calibration reads it: rows receive, columns pay; `values` row-major, n×n. */
export interface SamInput {
  readonly accounts: readonly { readonly label: string }[];
  readonly values: Float64Array;
  /** File the SAM was read from, for messages. */
  readonly file?: string;
}

/** Reads SAM cells by account label, with located errors for a missing account. */
export class SamCells {
  private readonly pos = new Map<string, number>();
  readonly n: number;
  constructor(readonly sam: SamInput) {
    this.n = sam.accounts.length;
    if (sam.values.length !== this.n * this.n) {
      throw new InputError(
        'SAM_SHAPE',
        `a SAM with ${this.n} accounts needs ${this.n * this.n} values, found ${sam.values.length}`,
        sam.file ? { file: sam.file } : undefined,
      );
    }
    sam.accounts.forEach((a, k) => this.pos.set(a.label, k));
  }
  /** Account labels in order. */
  get labels(): string[] {
    return this.sam.accounts.map((a) => a.label);
  }
  /** Whether the SAM has this account. */
  has(label: string): boolean {
    return this.pos.has(label);
  }
  /** Position of an account; InputError SAM_MISSING_ACCOUNT when absent. */
  index(label: string): number {
    const k = this.pos.get(label);
    if (k === undefined) {
      throw new InputError('SAM_MISSING_ACCOUNT', `the SAM has no account "${label}", which the model needs`, {
        ...(this.sam.file ? { file: this.sam.file } : {}),
        account: label,
      });
    }
    return k;
  }
  /** Payment from account `col` to account `row`. */
  get(row: string, col: string): number {
    return this.sam.values[this.index(row) * this.n + this.index(col)];
  }
  /** Row total (receipts) of an account. */
  rowSum(label: string): number {
    const r = this.index(label);
    let s = 0;
    for (let c = 0; c < this.n; c++) s += this.sam.values[r * this.n + c];
    return s;
  }
  /** Column total (payments) of an account. */
  colSum(label: string): number {
    const c = this.index(label);
    let s = 0;
    for (let r = 0; r < this.n; r++) s += this.sam.values[r * this.n + c];
    return s;
  }
}

/**
 * Checks that every account's receipts equal its payments (relative tolerance `tol` of the larger),
 * and that no cell is NaN. Throws InputError SAM_UNBALANCED naming the account and both totals.
 */
export function assertSamBalanced(sam: SamInput, tol = 1e-9): void {
  const cells = new SamCells(sam);
  for (let k = 0; k < sam.values.length; k++) {
    if (!Number.isFinite(sam.values[k])) {
      const acc = sam.accounts[Math.floor(k / cells.n)].label;
      throw new InputError('SAM_NOT_FINITE', `SAM cell (${acc}, ${sam.accounts[k % cells.n].label}) is ${sam.values[k]}`, {
        ...(sam.file ? { file: sam.file } : {}),
        account: acc,
      });
    }
  }
  for (const label of cells.labels) {
    const r = cells.rowSum(label);
    const c = cells.colSum(label);
    if (Math.abs(r - c) > tol * Math.max(1, Math.abs(r), Math.abs(c))) {
      throw new InputError(
        'SAM_UNBALANCED',
        `account ${label} receives ${r} (row total) but pays ${c} (column total); a SAM must balance before calibration`,
        {
          ...(sam.file ? { file: sam.file } : {}),
          account: label,
        },
      );
    }
  }
}

/**
 * Accumulates the cells of a SAM a model solution implies (rows receive, columns pay): `put` adds
 * a payment of column `c` to row `r`; `result` gives the accounts and row-major values.
 */
export function samAccumulator(accounts: readonly string[]): {
  put(r: string, c: string, x: number): void;
  result(): { accounts: readonly string[]; values: Float64Array };
} {
  const n = accounts.length;
  const pos = new Map(accounts.map((a, k) => [a, k]));
  const values = new Float64Array(n * n);
  const at = (a: string) => {
    const k = pos.get(a);
    if (k === undefined)
      throw new InputError('SAM_MISSING_ACCOUNT', `the SAM has no account "${a}", which the model writes to`, { account: a });
    return k;
  };
  return {
    put: (r, c, x) => {
      values[at(r) * n + at(c)] += x;
    },
    result: () => ({ accounts, values }),
  };
}
