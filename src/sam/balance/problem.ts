/**
 * A balancing problem stated by account label — the `balance-problem` guideline schema
 * (`guidelines/schemas/balance-problem.schema.json`, its type generated from it) — resolved
 * against a labelled matrix into the index-based options of the kernels: totals by label (with
 * `*` for every other account), values derived from the prior (`average`, `rows`, `columns`,
 * `prior`), error terms given as support points or as a standard error times points, cell error
 * rules by rows and columns, macro controls.
 * @module
 */
import { InputError, type Location } from '../../errors.js';
import type { BalanceProblem, CellError, Macro, Total } from '../../guidelines/generated/balance-problem.js';
import type { CellErrorSpec, MacroConstraint } from './cross-entropy.js';
import type { TotalSpec } from './error-terms.js';
import type { FixedCell } from './types.js';

export type { BalanceProblem } from '../../guidelines/generated/balance-problem.js';

/** A matrix with row and column labels; values row-major, rows receive, columns pay. */
export interface LabelledMatrix {
  /** Row labels (accounts receiving). */
  readonly rowLabels: readonly string[];
  /** Column labels (accounts paying). */
  readonly colLabels: readonly string[];
  /** Row-major values, rowLabels.length × colLabels.length. */
  readonly values: Float64Array;
}

/** A total by index: a number, a {@link TotalSpec}, or none. */
export type IndexedTotal = number | TotalSpec | undefined;

/** The problem resolved against one matrix. */
export interface ResolvedProblem {
  readonly rowTotals?: IndexedTotal[];
  readonly colTotals?: IndexedTotal[];
  readonly accountTotals?: IndexedTotal[];
  readonly fixed: FixedCell[];
  readonly cellErrors: CellErrorSpec[];
  readonly macro: MacroConstraint[];
}

function indexOf(labels: readonly string[]): Map<string, number> {
  return new Map(labels.map((l, i) => [l, i]));
}

/** The index of `label` on one side, or a `BALANCE_UNKNOWN_ACCOUNT` error naming what referred to it. */
export function lookup(index: Map<string, number>, label: string, side: 'row' | 'column', what: string, loc?: Location): number {
  const i = index.get(label);
  if (i === undefined) {
    throw new InputError('BALANCE_UNKNOWN_ACCOUNT', `${what} names ${side} account '${label}', which is not in the matrix`, {
      ...loc,
      account: label,
    });
  }
  return i;
}

/** Whether the matrix is square with the same labels on rows and columns (a SAM). */
export function isSquareLabelled(m: LabelledMatrix): boolean {
  return m.rowLabels.length === m.colLabels.length && m.rowLabels.every((l, i) => l === m.colLabels[i]);
}

/** Prior row and column sums. */
function sums(m: LabelledMatrix): { rows: Float64Array; cols: Float64Array } {
  const nr = m.rowLabels.length;
  const nc = m.colLabels.length;
  const rows = new Float64Array(nr);
  const cols = new Float64Array(nc);
  for (let i = 0; i < nr; i++)
    for (let j = 0; j < nc; j++) {
      rows[i] += m.values[i * nc + j];
      cols[j] += m.values[i * nc + j];
    }
  return { rows, cols };
}

type ErrorFields = {
  support?: readonly number[];
  sd?: number;
  sdRelative?: number;
  points?: readonly number[];
  weights?: readonly number[];
};

/** Support points from `support`, or `points × sd` (or `points × sdRelative × |scale|`). */
function supportOf(e: ErrorFields, scale: number, what: string, loc: Location): number[] | undefined {
  const bad = (msg: string) => new InputError('BALANCE_TOTAL_SPEC', `${what}: ${msg}`, loc);
  const viaSd = e.sd !== undefined || e.sdRelative !== undefined;
  if (e.support && (viaSd || e.points)) throw bad('give either support points or a standard error with points, not both');
  if (e.support) return [...e.support];
  if (!viaSd) {
    if (e.points) throw bad('points need a standard error (sd or sdRelative)');
    return undefined;
  }
  if (e.sd !== undefined && e.sdRelative !== undefined) throw bad('give sd or sdRelative, not both');
  if (!e.points) throw bad('a standard error needs points, e.g. [-3, 0, 3]');
  const sd = e.sd ?? (e.sdRelative as number) * Math.abs(scale);
  if (!(sd > 0)) throw bad(`the standard error is ${sd}: an error term needs a positive spread (sdRelative of a zero value?)`);
  return e.points.map((p) => p * sd);
}

/** One total resolved: derived values replaced, support built. */
function resolveTotal(t: Total, derived: (rule: string) => number, what: string, loc: Location): number | TotalSpec {
  if (typeof t === 'number') return t;
  const value = typeof t.value === 'string' ? derived(t.value) : t.value;
  const support = supportOf(t, value ?? 0, what, loc);
  return {
    ...(value !== undefined ? { value } : {}),
    ...(t.lower !== undefined ? { lower: t.lower } : {}),
    ...(t.upper !== undefined ? { upper: t.upper } : {}),
    ...(support ? { support } : {}),
    ...(t.weights ? { weights: [...t.weights] } : {}),
  };
}

function totalsFor(
  spec: Readonly<Record<string, Total>> | undefined,
  labels: readonly string[],
  side: 'row' | 'column' | 'account',
  derive: (rule: string, i: number) => number,
): IndexedTotal[] | undefined {
  if (!spec) return undefined;
  const idx = indexOf(labels);
  const out: IndexedTotal[] = labels.map(() => undefined);
  const at = (i: number): Location => (side === 'column' ? { column: labels[i] } : { account: labels[i] });
  for (const label of Object.keys(spec)) {
    if (label !== '*') lookup(idx, label, side === 'column' ? 'column' : 'row', `${side} totals`);
  }
  labels.forEach((l, i) => {
    const t = Object.hasOwn(spec, l) ? spec[l] : spec['*'];
    if (t === undefined) return;
    out[i] = resolveTotal(t, (rule) => derive(rule, i), `${side} ${l} total`, at(i));
  });
  return out;
}

function cellErrorsFor(rules: readonly CellError[], m: LabelledMatrix, fixed: readonly FixedCell[]): CellErrorSpec[] {
  const nc = m.colLabels.length;
  const rIdx = indexOf(m.rowLabels);
  const cIdx = indexOf(m.colLabels);
  const isFixed = new Set(fixed.map((f) => f.row * nc + f.col));
  const resolved = rules.map((r, q) => {
    const loc: Location = { jsonPath: `/cellErrors/${q}` };
    if ((r.row === undefined) !== (r.col === undefined))
      throw new InputError('BALANCE_CELL_ERROR', 'a cell error names both row and col, or neither (a rule over rows and columns)', loc);
    if (r.row !== undefined && (r.rows || r.columns))
      throw new InputError('BALANCE_CELL_ERROR', 'give one cell (row, col) or a rule (rows, columns), not both', loc);
    const rows =
      r.row !== undefined
        ? [lookup(rIdx, r.row, 'row', 'a cell error', loc)]
        : r.rows?.map((l) => lookup(rIdx, l, 'row', 'a cell error rule', loc));
    const cols =
      r.col !== undefined
        ? [lookup(cIdx, r.col, 'column', 'a cell error', loc)]
        : r.columns?.map((l) => lookup(cIdx, l, 'column', 'a cell error rule', loc));
    return { r, loc, rows: rows ? new Set(rows) : null, cols: cols ? new Set(cols) : null, single: r.row !== undefined };
  });
  const out: CellErrorSpec[] = [];
  for (let i = 0; i < m.rowLabels.length; i++) {
    for (let j = 0; j < nc; j++) {
      const x0 = m.values[i * nc + j];
      const rule = resolved.find(
        (e) => (!e.rows || e.rows.has(i)) && (!e.cols || e.cols.has(j)) && (e.single || (x0 !== 0 && !isFixed.has(i * nc + j))),
      );
      if (!rule) continue;
      const what = `cell error on ${m.rowLabels[i]}, ${m.colLabels[j]}`;
      if (rule.r.multiplicative && rule.r.sdRelative !== undefined)
        throw new InputError('BALANCE_CELL_ERROR', `${what}: a multiplicative error takes sd (a log-deviation), not sdRelative`, rule.loc);
      const support = supportOf(rule.r, x0, what, rule.loc);
      if (!support) throw new InputError('BALANCE_CELL_ERROR', `${what}: give support points or a standard error with points`, rule.loc);
      out.push({
        row: i,
        col: j,
        support,
        ...(rule.r.weights ? { weights: [...rule.r.weights] } : {}),
        ...(rule.r.multiplicative ? { multiplicative: true } : {}),
      });
    }
  }
  return out;
}

function macroFor(list: readonly Macro[], m: LabelledMatrix): MacroConstraint[] {
  const nc = m.colLabels.length;
  const rIdx = indexOf(m.rowLabels);
  const cIdx = indexOf(m.colLabels);
  return list.map((q, k) => {
    const loc: Location = { jsonPath: `/macro/${k}`, equation: q.name };
    const cells = q.cells.map((c) => ({
      row: lookup(rIdx, c.row, 'row', `macro control ${q.name}`, loc),
      col: lookup(cIdx, c.col, 'column', `macro control ${q.name}`, loc),
      ...(c.coef !== undefined ? { coef: c.coef } : {}),
    }));
    const prior = cells.reduce((s, c) => s + (c.coef ?? 1) * m.values[c.row * nc + c.col], 0);
    const { name: _n, cells: _c, ...total } = q;
    const spec = resolveTotal(total, () => prior, `macro control ${q.name}`, loc);
    return { name: q.name, cells, ...(typeof spec === 'number' ? { value: spec } : spec) };
  });
}

/**
 * Resolves the label-based problem against the (possibly already transformed) prior. Throws
 * `BALANCE_UNKNOWN_ACCOUNT` naming a label not in the matrix, `BALANCE_TOTAL_SPEC` /
 * `BALANCE_CELL_ERROR` for malformed error terms.
 */
export function resolveProblem(p: BalanceProblem, m: LabelledMatrix): ResolvedProblem {
  const square = isSquareLabelled(m);
  const { rows, cols } = sums(m);
  const rIdx = indexOf(m.rowLabels);
  const cIdx = indexOf(m.colLabels);
  const derive = (side: 'row' | 'column' | 'account') => (rule: string, i: number) => {
    if (rule === 'prior')
      throw new InputError('BALANCE_TOTAL_SPEC', `'prior' is a value for macro controls; ${side} totals take average, rows or columns`);
    const mine = side === 'column' ? cols[i] : rows[i];
    if (rule === (side === 'column' ? 'columns' : 'rows')) return mine;
    if (!square)
      throw new InputError(
        'BALANCE_TOTAL_SPEC',
        `'${rule}' as a ${side} total needs a square SAM with the same labels on rows and columns`,
      );
    if (rule === 'average') return (rows[i] + cols[i]) / 2;
    return side === 'column' ? rows[i] : cols[i];
  };
  if (p.totals?.accounts && !square)
    throw new InputError('BALANCE_TOTAL_SPEC', 'account totals need a square SAM with the same labels on rows and columns', {
      jsonPath: '/totals/accounts',
    });
  const fixed = (p.fixed ?? []).map((f, q) => ({
    row: lookup(rIdx, f.row, 'row', 'fixed cell', { jsonPath: `/fixed/${q}` }),
    col: lookup(cIdx, f.col, 'column', 'fixed cell', { jsonPath: `/fixed/${q}` }),
    value: f.value,
  }));
  const rowTotals = totalsFor(p.totals?.rows, m.rowLabels, 'row', derive('row'));
  const colTotals = totalsFor(p.totals?.columns, m.colLabels, 'column', derive('column'));
  const accountTotals = totalsFor(p.totals?.accounts, m.rowLabels, 'account', derive('account'));
  return {
    ...(rowTotals ? { rowTotals } : {}),
    ...(colTotals ? { colTotals } : {}),
    ...(accountTotals ? { accountTotals } : {}),
    fixed,
    cellErrors: cellErrorsFor(p.cellErrors ?? [], m, fixed),
    macro: macroFor(p.macro ?? [], m),
  };
}
