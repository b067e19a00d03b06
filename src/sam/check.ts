import type { AccountGroup } from './groups.js';
import { ACCOUNT_GROUPS } from './groups.js';
import { type MacroIdentities, macroIdentities } from './macro.js';
import type { Sam } from './sam.js';

/** Options of {@link checkSam}. */
export interface SamCheckOptions {
  /**
   * Tolerance on |row total − column total|. Relative by default: multiplied by the largest account
   * total (at least 1), so that rounding of the published cells in small accounts is not flagged.
   * Default 1e-6.
   */
  tolerance?: number;
  /** Use `tolerance` as an absolute difference in the SAM's unit. */
  absolute?: boolean;
}

/** Balance of one account. */
export interface AccountBalance {
  /** Account label. */
  label: string;
  /** Account group. */
  group: AccountGroup;
  /** Receipts (row total). */
  rowTotal: number;
  /** Payments (column total). */
  colTotal: number;
  /** rowTotal − colTotal. */
  difference: number;
  /** |difference| within the tolerance. */
  balanced: boolean;
  /** The account's row and column are both all zero. */
  empty: boolean;
}

/** Result of {@link checkSam}. */
export interface SamCheckReport {
  /** Number of accounts. */
  n: number;
  /** Tolerance as given. */
  tolerance: number;
  /** Largest absolute difference allowed, in the SAM's unit. */
  allowedDifference: number;
  /** Every account balances within the tolerance. */
  balanced: boolean;
  /** Number of balanced accounts. */
  balancedCount: number;
  /** Per account, in SAM order. */
  accounts: AccountBalance[];
  /** Accounts of each group (groups with no account left out), in the usual SAM order. */
  groups: { group: AccountGroup; accounts: string[]; balanced: number }[];
  /** Negative cells (row receives from column), in SAM order. */
  negatives: { row: string; column: string; value: number }[];
  /** Accounts with an all-zero row and column. */
  emptyAccounts: string[];
  /** GDP three ways, where computable. */
  macro: MacroIdentities;
  /** Whether the GDP measures that could be computed agree within the allowed difference. */
  macroConsistent: boolean;
  /** Group-inference warnings carried by the SAM. */
  warnings: readonly string[];
}

/**
 * Checks a SAM: row/column balance of every account within a tolerance, negative cells, empty
 * accounts, and GDP at market prices from production, income and expenditure (see
 * {@link MacroIdentities}); accounts are reported in their groups.
 */
export function checkSam(sam: Sam, options: SamCheckOptions = {}): SamCheckReport {
  const tolerance = options.tolerance ?? 1e-6;
  const rt = sam.rowTotals();
  const ct = sam.colTotals();
  const n = sam.n;
  let scale = 1;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(rt[i]), Math.abs(ct[i]));
  const allowed = options.absolute ? tolerance : tolerance * scale;
  const accounts: AccountBalance[] = [];
  const emptyAccounts: string[] = [];
  for (let i = 0; i < n; i++) {
    let empty = true;
    for (let j = 0; j < n && empty; j++) if (sam.values[i * n + j] !== 0 || sam.values[j * n + i] !== 0) empty = false;
    const difference = rt[i] - ct[i];
    const a = sam.accounts[i];
    accounts.push({
      label: a.label,
      group: a.group,
      rowTotal: rt[i],
      colTotal: ct[i],
      difference,
      balanced: Math.abs(difference) <= allowed,
      empty,
    });
    if (empty) emptyAccounts.push(a.label);
  }
  const negatives: SamCheckReport['negatives'] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = sam.values[i * n + j];
      if (v < 0) negatives.push({ row: sam.accounts[i].label, column: sam.accounts[j].label, value: v });
    }
  }
  const groups: SamCheckReport['groups'] = [];
  for (const g of ACCOUNT_GROUPS) {
    const members = accounts.filter((a) => a.group === g);
    if (members.length > 0) {
      groups.push({ group: g, accounts: members.map((a) => a.label), balanced: members.filter((a) => a.balanced).length });
    }
  }
  const macro = macroIdentities(sam);
  const gdps = [macro.production?.gdp, macro.income?.gdp, macro.expenditure?.gdp].filter((v): v is number => v !== undefined);
  const macroConsistent = gdps.every((g) => Math.abs(g - gdps[0]) <= Math.max(allowed, tolerance * Math.abs(gdps[0])));
  const balancedCount = accounts.filter((a) => a.balanced).length;
  return {
    n,
    tolerance,
    allowedDifference: allowed,
    balanced: balancedCount === n,
    balancedCount,
    accounts,
    groups,
    negatives,
    emptyAccounts,
    macro,
    macroConsistent,
    warnings: sam.warnings,
  };
}
