import { InputError, NumericError } from '../errors.js';
import type { AccountGroup } from './groups.js';
import { Sam } from './sam.js';

/**
 * Shares of one part in the cells of the split account's row or column: one number for every cell,
 * or a share per counterpart account label (counterparts not named take the part's `share`).
 */
export type SplitShares = number | Readonly<Record<string, number>>;

/** One of the new accounts of {@link splitAccount}. */
export interface SplitPart {
  /** Label of the new account (unique in the SAM). */
  label: string;
  /** Group of the new account (default: the split account's group). */
  group?: AccountGroup;
  /** The part's share of the account total; the parts' shares sum to 1. */
  share?: number;
  /** Shares in the account's receipts (its row), by paying account. */
  rowShares?: SplitShares;
  /** Shares in the account's payments (its column), by receiving account. */
  colShares?: SplitShares;
}

/** Options of {@link splitAccount}. */
export interface SplitOptions {
  /** Largest allowed |Σ shares − 1| (default 1e-9). */
  tolerance?: number;
  /** Iteration limit of the share fitting (default 10 000). */
  maxIterations?: number;
}

const TOL_FIT = 1e-12;

/**
 * Biproportional fit (RAS) of a small cells × parts table: rows must sum to `rowSums` (the original
 * cells, kept exactly), columns to `colSums` (the parts' totals). Returns the fitted table.
 */
function fitTable(
  prior: Float64Array,
  rows: number,
  cols: number,
  rowSums: Float64Array,
  colSums: Float64Array,
  maxIter: number,
  what: string,
): Float64Array {
  const t = Float64Array.from(prior);
  let scale = 1;
  for (const v of colSums) scale = Math.max(scale, Math.abs(v));
  for (let it = 0; it < maxIter; it++) {
    for (let r = 0; r < rows; r++) {
      let s = 0;
      for (let c = 0; c < cols; c++) s += t[r * cols + c];
      const f = s === 0 ? (rowSums[r] === 0 ? 1 : Number.NaN) : rowSums[r] / s;
      if (!Number.isFinite(f)) throw new NumericError('SPLIT_NOT_FEASIBLE', `${what}: a non-zero cell has zero shares in every part`);
      for (let c = 0; c < cols; c++) t[r * cols + c] *= f;
    }
    let worst = 0;
    for (let c = 0; c < cols; c++) {
      let s = 0;
      for (let r = 0; r < rows; r++) s += t[r * cols + c];
      worst = Math.max(worst, Math.abs(s - colSums[c]));
      const f = s === 0 ? (colSums[c] === 0 ? 1 : Number.NaN) : colSums[c] / s;
      if (!Number.isFinite(f)) throw new NumericError('SPLIT_NOT_FEASIBLE', `${what}: part ${c + 1} has a non-zero total but no cells`);
      for (let r = 0; r < rows; r++) t[r * cols + c] *= f;
    }
    if (worst <= TOL_FIT * scale) return t;
  }
  throw new NumericError('SPLIT_NOT_FEASIBLE', `${what}: the shares cannot be made consistent with the parts' totals`);
}

/**
 * Splits one account of a SAM into several (rows receive, columns pay), keeping every other cell,
 * the grand total and the balance of every account.
 *
 * Each part has a total share `share` (of the account total X) and, optionally, shares by
 * counterpart in the account's row (`rowShares`: who pays it) and column (`colShares`: whom it
 * pays); shares of the parts in each non-zero cell must sum to 1. The part's total is `share × X`,
 * or, without `share`, what its row shares give. When the given row or column shares do not add up
 * to the part totals, they are adjusted biproportionally (RAS on the cells × parts table), so each
 * part stays balanced and each original cell is exactly the sum of its parts; the diagonal cell is
 * split as sᵖ·s^q·x. The given and the fitted shares, the source and the part totals go in the
 * provenance entry of the result.
 * @param sam SAM to split
 * @param label account to split
 * @param parts the new accounts, in order; they take the place of the old one
 * @param source where the shares come from (survey, table, publication)
 */
export function splitAccount(sam: Sam, label: string, parts: readonly SplitPart[], source: string, options: SplitOptions = {}): Sam {
  const k = sam.index(label);
  const n = sam.n;
  const m = parts.length;
  const tol = options.tolerance ?? 1e-9;
  const maxIter = options.maxIterations ?? 10_000;
  const loc = { account: label };
  if (m < 2) throw new InputError('SPLIT_TOO_FEW_PARTS', `split '${label}' into at least 2 parts, got ${m}`, loc);
  const seen = new Set<string>();
  for (const p of parts) {
    if (p.label.trim() === '') throw new InputError('SAM_EMPTY_LABEL', 'a part has an empty label', loc);
    if (seen.has(p.label) || (p.label !== label && sam.has(p.label))) {
      throw new InputError('SAM_DUPLICATE_LABEL', `part label '${p.label}' is already used`, { account: p.label });
    }
    seen.add(p.label);
  }
  const rt = sam.rowTotals();
  const ct = sam.colTotals();
  const X = (rt[k] + ct[k]) / 2;
  const vkk = sam.values[k * n + k];
  const others = sam.labels.map((_, i) => i).filter((i) => i !== k);
  const shareOf = (p: SplitPart, s: SplitShares | undefined, counterpart: string, side: string): number => {
    let v: number | undefined;
    if (typeof s === 'number') v = s;
    else if (s && Object.hasOwn(s, counterpart)) v = s[counterpart];
    else v = p.share;
    if (v === undefined) {
      throw new InputError('SPLIT_SHARE_MISSING', `part '${p.label}' has no ${side} share for '${counterpart}' and no overall share`, {
        account: p.label,
      });
    }
    if (!Number.isFinite(v) || v < 0) {
      throw new InputError('SPLIT_BAD_SHARE', `part '${p.label}' has ${side} share ${v} for '${counterpart}'; shares are numbers ≥ 0`, {
        account: p.label,
      });
    }
    return v;
  };
  for (const p of parts) {
    for (const [side, s] of [
      ['row', p.rowShares],
      ['column', p.colShares],
    ] as const) {
      if (s && typeof s === 'object') {
        for (const c of Object.keys(s)) {
          if (!sam.has(c) || c === label)
            throw new InputError(
              'SPLIT_UNKNOWN_COUNTERPART',
              `part '${p.label}' has a ${side} share for '${c}', which is not another account of the SAM`,
              { account: c },
            );
        }
      }
    }
  }
  // row side: cells (k, j), j ≠ k; column side: cells (i, k), i ≠ k
  const rowPrior = new Float64Array(others.length * m);
  const colPrior = new Float64Array(others.length * m);
  const rowCells = new Float64Array(others.length);
  const colCells = new Float64Array(others.length);
  others.forEach((j, r) => {
    rowCells[r] = sam.values[k * n + j];
    colCells[r] = sam.values[j * n + k];
    for (const [side, cell, prior, key] of [
      ['row', rowCells[r], rowPrior, 'rowShares'],
      ['column', colCells[r], colPrior, 'colShares'],
    ] as const) {
      if (cell === 0) continue;
      let sum = 0;
      parts.forEach((p, q) => {
        const s = shareOf(p, p[key], sam.labels[j], side);
        prior[r * m + q] = s * cell;
        sum += s;
      });
      if (Math.abs(sum - 1) > tol) {
        throw new InputError('SPLIT_SHARES_NOT_ONE', `the parts' ${side} shares for '${sam.labels[j]}' sum to ${sum}, not 1`, {
          account: sam.labels[j],
        });
      }
    }
  });
  // part totals
  const given = parts.every((p) => p.share !== undefined);
  const totals = new Float64Array(m);
  if (given) {
    let sum = 0;
    parts.forEach((p, q) => {
      const s = shareOf(p, p.share, label, 'total');
      totals[q] = s * X;
      sum += s;
    });
    if (Math.abs(sum - 1) > tol) throw new InputError('SPLIT_SHARES_NOT_ONE', `the parts' total shares sum to ${sum}, not 1`, loc);
  } else {
    // from the row side as given, plus the diagonal split in proportion
    const off = new Float64Array(m);
    for (let r = 0; r < others.length; r++) for (let q = 0; q < m; q++) off[q] += rowPrior[r * m + q];
    const offSum = off.reduce((a, b) => a + b, 0);
    for (let q = 0; q < m; q++) totals[q] = offSum === 0 ? X / m : (off[q] / offSum) * X;
  }
  const s = Float64Array.from(totals, (t) => (X === 0 ? 1 / m : t / X));
  const hasNegative = [...rowCells, ...colCells].some((v) => v < 0);
  const fitSide = (prior: Float64Array, cells: Float64Array, side: string, own: number) => {
    const target = Float64Array.from(s, (sq) => sq * (own - vkk));
    // already consistent?
    let worst = 0;
    for (let q = 0; q < m; q++) {
      let sum = 0;
      for (let r = 0; r < others.length; r++) sum += prior[r * m + q];
      worst = Math.max(worst, Math.abs(sum - target[q]));
    }
    if (worst <= 1e-12 * Math.max(1, Math.abs(own))) return prior;
    if (hasNegative) {
      throw new NumericError(
        'SPLIT_NEGATIVE_CELLS',
        `the ${side} of '${label}' has negative cells and its shares do not match the parts' totals; give uniform shares`,
        loc,
      );
    }
    return fitTable(prior, others.length, m, cells, target, maxIter, `splitting the ${side} of '${label}'`);
  };
  const rowFit = fitSide(rowPrior, rowCells, 'row', rt[k]);
  const colFit = fitSide(colPrior, colCells, 'column', ct[k]);
  // assemble
  const N = n - 1 + m;
  const newPos = (i: number) => (i < k ? i : i + m - 1);
  const values = new Float64Array(N * N);
  for (let i = 0; i < n; i++) {
    if (i === k) continue;
    for (let j = 0; j < n; j++) if (j !== k) values[newPos(i) * N + newPos(j)] = sam.values[i * n + j];
  }
  others.forEach((j, r) => {
    for (let q = 0; q < m; q++) {
      values[(k + q) * N + newPos(j)] = rowFit[r * m + q];
      values[newPos(j) * N + (k + q)] = colFit[r * m + q];
    }
  });
  for (let p = 0; p < m; p++) for (let q = 0; q < m; q++) values[(k + p) * N + (k + q)] = s[p] * s[q] * vkk;
  const labels = [...sam.labels.slice(0, k), ...parts.map((p) => p.label), ...sam.labels.slice(k + 1)];
  const groupOf = sam.accounts[k].group;
  const accounts = labels.map((l, i) => {
    if (i >= k && i < k + m) return { label: l, group: parts[i - k].group ?? groupOf };
    return sam.accounts[i < k ? i : i - m + 1];
  });
  const fitted = (fit: Float64Array, cells: Float64Array) =>
    parts.map((_, q) => {
      const o: Record<string, number> = {};
      others.forEach((j, r) => {
        if (cells[r] !== 0) o[sam.labels[j]] = fit[r * m + q] / cells[r];
      });
      return o;
    });
  const rowShares = fitted(rowFit, rowCells);
  const colShares = fitted(colFit, colCells);
  return new Sam(accounts, values, {
    ...(sam.unit !== undefined ? { unit: sam.unit } : {}),
    provenance: [
      ...sam.provenance,
      {
        operation: 'split',
        description: `split '${label}' into ${parts.map((p) => p.label).join(', ')}`,
        source,
        details: {
          account: label,
          accountTotal: X,
          parts: parts.map((p, q) => ({
            label: p.label,
            group: accounts[k + q].group,
            given: {
              ...(p.share !== undefined ? { share: p.share } : {}),
              ...(p.rowShares !== undefined ? { rowShares: p.rowShares } : {}),
              ...(p.colShares !== undefined ? { colShares: p.colShares } : {}),
            },
            share: s[q],
            total: totals[q],
            rowShares: rowShares[q],
            colShares: colShares[q],
          })),
        },
      },
    ],
  });
}

/** One account to split in {@link disaggregateSam}. */
export interface SplitSpec {
  /** Account to split. */
  account: string;
  /** Its parts. */
  parts: readonly SplitPart[];
  /** Where the shares come from. */
  source: string;
}

/** Splits several accounts in turn (see {@link splitAccount}); each split is logged in the provenance. */
export function disaggregateSam(sam: Sam, splits: readonly SplitSpec[], options: SplitOptions = {}): Sam {
  let out = sam;
  for (const sp of splits) out = splitAccount(out, sp.account, sp.parts, sp.source, options);
  return out;
}
