import { InputError, NumericError } from '../errors.js';
import { type AccountGroup, inferAccountGroup, isAccountGroup } from './groups.js';

/** One account of a SAM: its label (unique in the SAM) and its group. */
export interface Account {
  /** Account label as written in the source, e.g. `A-Crops`, `HH1`, `ROW`. */
  readonly label: string;
  /** Institutional role of the account. */
  readonly group: AccountGroup;
}

/**
 * One step in a SAM's history: a split, an aggregation, a build or a balancing, with the numbers
 * used (shares, mapping) and where they came from.
 */
export interface SamProvenanceEntry {
  /** What was done: `read`, `split`, `aggregate`, `build`, `balance`, or a stage's own verb. */
  readonly operation: string;
  /** One sentence for a person. */
  readonly description: string;
  /** Source of the numbers used (survey, table, publication), when any. */
  readonly source?: string;
  /** The numbers used (shares, mapping, control totals), as plain JSON. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Options of the {@link Sam} constructor. */
export interface SamOptions {
  /** Explicit group of some or all accounts by label; overrides the inference from labels. */
  groups?: Readonly<Record<string, AccountGroup>>;
  /** Unit of the values, e.g. `billion THB`, `US$ million`. */
  unit?: string;
  /** History of the SAM (splits, aggregations, builds). */
  provenance?: readonly SamProvenanceEntry[];
  /** Where the SAM was read from, used in error locations. */
  file?: string;
}

/**
 * A social accounting matrix: a square matrix of flows between accounts, labelled the same way on
 * rows and columns. **Rows receive, columns pay**: `get(r, c)` is the payment by account `c` to
 * account `r`, so a row total is an account's income and a column total its expenditure; a balanced
 * SAM has equal row and column totals for every account. Values are in {@link Sam.unit} (not
 * converted by digicge). `values` is row-major n×n; a Sam is immutable by convention — operations
 * return a new Sam and never write into `values`.
 */
export class Sam {
  /** Accounts in row (and column) order. */
  readonly accounts: readonly Account[];
  /** Flows, row-major n×n: `values[r * n + c]` is paid by account c to account r. */
  readonly values: Float64Array;
  /** Number of accounts. */
  readonly n: number;
  /** Unit of the values, when known. */
  readonly unit: string | undefined;
  /** History of the SAM (splits with their shares and sources, aggregations, builds). */
  readonly provenance: readonly SamProvenanceEntry[];
  /** Accounts whose group could not be inferred from the label and were put in `other`. */
  readonly warnings: readonly string[];
  readonly #index: ReadonlyMap<string, number>;

  /**
   * @param labels account labels, or accounts with their groups; labels must be unique and non-empty
   * @param values n×n flows, row-major (not copied: do not write into it afterwards)
   * @param options explicit groups (override inference), unit, provenance, file for error locations
   */
  constructor(labels: readonly (string | Account)[], values: Float64Array, options: SamOptions = {}) {
    const n = labels.length;
    if (values.length !== n * n) {
      throw new InputError(
        'SAM_NOT_SQUARE',
        `a SAM of ${n} accounts needs ${n * n} values, got ${values.length}`,
        options.file !== undefined ? { file: options.file } : undefined,
      );
    }
    const index = new Map<string, number>();
    const accounts: Account[] = [];
    const warnings: string[] = [];
    const groups = options.groups ?? {};
    for (const [k, g] of Object.entries(groups)) {
      if (!isAccountGroup(g)) {
        throw new InputError('SAM_UNKNOWN_GROUP', `unknown account group '${g}' for account '${k}'`, {
          account: k,
          ...(options.file !== undefined ? { file: options.file } : {}),
        });
      }
    }
    for (let i = 0; i < n; i++) {
      const item = labels[i];
      const label = typeof item === 'string' ? item : item.label;
      if (label.trim() === '') {
        throw new InputError('SAM_EMPTY_LABEL', `account ${i + 1} has an empty label`, {
          ...(options.file !== undefined ? { file: options.file } : {}),
          row: i + 2,
        });
      }
      if (index.has(label)) {
        throw new InputError('SAM_DUPLICATE_LABEL', `account label '${label}' appears more than once`, {
          ...(options.file !== undefined ? { file: options.file } : {}),
          account: label,
          row: i + 2,
        });
      }
      index.set(label, i);
      let group: AccountGroup | undefined = Object.hasOwn(groups, label) ? groups[label] : undefined;
      if (group === undefined && typeof item !== 'string') group = item.group;
      if (group === undefined) group = inferAccountGroup(label);
      if (group === undefined) {
        group = 'other';
        warnings.push(`account '${label}': group not recognised from its label, put in 'other'`);
      }
      accounts.push({ label, group });
    }
    for (const k of Object.keys(groups)) {
      if (!index.has(k)) {
        throw new InputError('SAM_UNKNOWN_ACCOUNT', `groups option names account '${k}', which is not in the SAM`, {
          account: k,
        });
      }
    }
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i])) {
        const r = Math.floor(i / n);
        const c = i % n;
        throw new NumericError('SAM_NOT_FINITE', `cell is ${values[i]}; SAM values must be finite numbers`, {
          ...(options.file !== undefined ? { file: options.file } : {}),
          row: r + 2,
          column: accounts[c].label,
          account: accounts[r].label,
        });
      }
    }
    this.accounts = accounts;
    this.values = values;
    this.n = n;
    this.unit = options.unit;
    this.provenance = options.provenance ?? [];
    this.warnings = warnings;
    this.#index = index;
  }

  /** Account labels in order. */
  get labels(): readonly string[] {
    return this.accounts.map((a) => a.label);
  }

  /** True when the SAM has an account with this label. */
  has(label: string): boolean {
    return this.#index.has(label);
  }

  /** Position of an account; throws `SAM_UNKNOWN_ACCOUNT` naming the label when absent. */
  index(label: string): number {
    const i = this.#index.get(label);
    if (i === undefined) {
      throw new InputError('SAM_UNKNOWN_ACCOUNT', `no account '${label}' in the SAM`, { account: label });
    }
    return i;
  }

  /** Positions of the accounts of a group, in order. */
  indicesOf(group: AccountGroup): number[] {
    const out: number[] = [];
    this.accounts.forEach((a, i) => {
      if (a.group === group) out.push(i);
    });
    return out;
  }

  /** Payment by account `col` to account `row` (labels or 0-based positions). */
  get(row: string | number, col: string | number): number {
    const r = typeof row === 'number' ? this.#checkPos(row) : this.index(row);
    const c = typeof col === 'number' ? this.#checkPos(col) : this.index(col);
    return this.values[r * this.n + c];
  }

  /** Row totals (each account's receipts). */
  rowTotals(): Float64Array {
    const n = this.n;
    const out = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      let s = 0;
      for (let c = 0; c < n; c++) s += this.values[r * n + c];
      out[r] = s;
    }
    return out;
  }

  /** Column totals (each account's payments). */
  colTotals(): Float64Array {
    const n = this.n;
    const out = new Float64Array(n);
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) out[c] += this.values[r * n + c];
    return out;
  }

  /** Sum of all cells. */
  total(): number {
    let s = 0;
    for (let i = 0; i < this.values.length; i++) s += this.values[i];
    return s;
  }

  /** Same accounts, unit and history, new values (n×n row-major); optionally one more history entry. */
  withValues(values: Float64Array, entry?: SamProvenanceEntry): Sam {
    return new Sam(this.accounts, values, {
      ...(this.unit !== undefined ? { unit: this.unit } : {}),
      provenance: entry ? [...this.provenance, entry] : this.provenance,
    });
  }

  /** Same SAM with one more history entry. */
  withProvenance(entry: SamProvenanceEntry): Sam {
    return this.withValues(this.values, entry);
  }

  /** Same SAM with some groups changed. */
  withGroups(groups: Readonly<Record<string, AccountGroup>>): Sam {
    return new Sam(this.accounts, this.values, {
      groups,
      ...(this.unit !== undefined ? { unit: this.unit } : {}),
      provenance: this.provenance,
    });
  }

  #checkPos(i: number): number {
    if (!Number.isInteger(i) || i < 0 || i >= this.n) {
      throw new InputError('SAM_INDEX_OUT_OF_RANGE', `account position ${i} is outside 0…${this.n - 1}`);
    }
    return i;
  }
}
