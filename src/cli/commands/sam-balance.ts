/**
 * `digicge sam balance`: balance a SAM or a labelled rectangular matrix with RAS, GRAS or
 * cross-entropy, print the convergence report and write the result atomically.
 * @module
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Command } from 'commander';
import { DigicgeError, InputError, NumericError, UsageError } from '../../errors.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { checkOutFile } from '../out-path.js';
import { readSam } from '../../sam/io/read.js';
import { writeSam } from '../../sam/io/write.js';
import {
  BALANCE_METHODS,
  type BalanceLabelledOptions,
  type BalanceMethod,
  type BalanceReport,
  balanceLabelledMatrix,
  formatBalanceReport,
} from '../../sam/balance/labelled.js';
import { balanceSam } from '../../sam/balance/balance-sam.js';
import { formatLabelledMatrixCsv, parseLabelledMatrixCsv } from '../../sam/balance/matrix-csv.js';
import { SQUARE_TARGET_RULES, type SquareTargetRule } from '../../sam/balance/targets.js';
import type { TotalSpec } from '../../sam/balance/cross-entropy.js';

/** Options of {@link runSamBalance}, as the command line gives them (strings). */
export interface SamBalanceCliOptions {
  /** `ras`, `gras` or `cross-entropy`. */
  method: string;
  /** CSV `account,total[,lower,upper]`. */
  rowTotals?: string;
  /** CSV `account,total[,lower,upper]`. */
  colTotals?: string;
  /** CSV `row,column,value`. */
  fixed?: string;
  /** JSON file of macro controls (cross-entropy). */
  macro?: string;
  /** `average`, `rows` or `columns`. */
  target?: string;
  /** `flow` or `coefficient`. */
  form?: string;
  /** Cross-entropy: require income = expenditure per account (commander's --balance-accounts / --no-balance-accounts). */
  balanceAccounts?: boolean;
  /** Tolerance, in the matrix's units. */
  tolerance?: string;
  /** Largest number of iterations. */
  maxIterations?: string;
  /** Output file. */
  out: string;
}

const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

async function readCsv(path: string): Promise<string[][]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new InputError('FILE_UNREADABLE', `cannot read the file: ${(err as Error).message}`, { file: path }, { cause: err });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return (parse(text, { record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][]);
  } catch (err) {
    throw new InputError('CSV_MALFORMED', `not readable as CSV: ${(err as Error).message}`, { file: path }, { cause: err });
  }
}

/** Splits a small CSV into header-named columns; a first row whose cells in `numeric` columns are numbers is data, not a header. */
function columns(rows: string[][], path: string, names: readonly string[], numeric: readonly number[]): { rows: string[][]; first: number; col: Map<string, number> } {
  const head = rows[0] ?? [];
  const isHeader = numeric.some((k) => head[k] !== undefined && head[k] !== '' && !NUMBER_RE.test(head[k]));
  const col = new Map<string, number>();
  if (isHeader) {
    head.forEach((h, k) => col.set(h.toLowerCase(), k));
    for (const n of names.slice(0, 1)) {
      if (!col.has(n)) throw new InputError('CSV_MISSING_COLUMN', `expected a column '${n}' (columns: ${names.join(', ')})`, { file: path, row: 1 });
    }
  } else {
    names.forEach((n, k) => col.set(n, k));
  }
  return { rows, first: isHeader ? 1 : 0, col };
}

function numberAt(text: string | undefined, path: string, row: number, column: string): number | undefined {
  if (text === undefined || text === '') return undefined;
  if (!NUMBER_RE.test(text)) throw new InputError('CSV_NOT_NUMERIC', `'${text}' is not a number`, { file: path, row, column });
  return Number(text);
}

/** Reads a totals CSV: `account,total` and optional `lower,upper` (a band, cross-entropy only). */
export async function readTotalsCsv(path: string): Promise<Record<string, number | TotalSpec>> {
  const { rows, first, col } = columns(await readCsv(path), path, ['account', 'total', 'lower', 'upper'], [1]);
  const out: Record<string, number | TotalSpec> = {};
  for (let r = first; r < rows.length; r++) {
    const line = r + 1;
    const account = rows[r][col.get('account') ?? 0] ?? '';
    if (account === '') throw new InputError('CSV_EMPTY_CELL', 'account is empty', { file: path, row: line, column: 'account' });
    if (Object.hasOwn(out, account)) throw new InputError('CSV_DUPLICATE', `account '${account}' appears twice`, { file: path, row: line, account });
    const get = (n: string) => (col.has(n) ? numberAt(rows[r][col.get(n) ?? -1], path, line, n) : undefined);
    const total = get('total');
    const lower = get('lower');
    const upper = get('upper');
    if (total === undefined && lower === undefined && upper === undefined) {
      throw new InputError('CSV_EMPTY_CELL', `account '${account}' has neither a total nor a band`, { file: path, row: line, account });
    }
    out[account] =
      lower === undefined && upper === undefined
        ? (total as number)
        : { ...(total !== undefined ? { value: total } : {}), ...(lower !== undefined ? { lower } : {}), ...(upper !== undefined ? { upper } : {}) };
  }
  return out;
}

/** Reads a fixed-cells CSV: `row,column,value`. */
export async function readFixedCsv(path: string): Promise<{ row: string; col: string; value: number }[]> {
  const { rows, first, col } = columns(await readCsv(path), path, ['row', 'column', 'value'], [2]);
  const out: { row: string; col: string; value: number }[] = [];
  for (let r = first; r < rows.length; r++) {
    const line = r + 1;
    const row = rows[r][col.get('row') ?? 0] ?? '';
    const c = rows[r][col.get('column') ?? 1] ?? '';
    const value = numberAt(rows[r][col.get('value') ?? 2], path, line, 'value');
    if (row === '' || c === '' || value === undefined) {
      throw new InputError('CSV_EMPTY_CELL', 'a fixed cell needs row, column and value', { file: path, row: line });
    }
    out.push({ row, col: c, value });
  }
  return out;
}

/** Reads macro controls from JSON: `[{name, cells: [{row, col, coef?}], value | lower/upper | support}]`. */
async function readMacroJson(path: string): Promise<NonNullable<BalanceLabelledOptions['macro']>> {
  let doc: unknown;
  try {
    doc = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new InputError('JSON_MALFORMED', `not readable as JSON: ${(err as Error).message}`, { file: path }, { cause: err });
  }
  if (!Array.isArray(doc)) throw new InputError('MACRO_INVALID', 'expected an array of macro controls', { file: path, jsonPath: '/' });
  doc.forEach((q: unknown, k) => {
    const o = q as { name?: unknown; cells?: unknown };
    if (!o || typeof o.name !== 'string' || !Array.isArray(o.cells)) {
      throw new InputError('MACRO_INVALID', 'a macro control needs a name and an array of cells {row, col, coef?}', { file: path, jsonPath: `/${k}` });
    }
    (o.cells as unknown[]).forEach((c, t) => {
      const cc = c as { row?: unknown; col?: unknown; coef?: unknown };
      if (!cc || typeof cc.row !== 'string' || typeof cc.col !== 'string' || (cc.coef !== undefined && typeof cc.coef !== 'number')) {
        throw new InputError('MACRO_INVALID', 'a cell needs row and col labels (strings) and an optional numeric coef', { file: path, jsonPath: `/${k}/cells/${t}` });
      }
    });
  });
  return doc as NonNullable<BalanceLabelledOptions['macro']>;
}

function positiveNumber(name: string, v: string | undefined, integer: boolean): number | undefined {
  if (v === undefined) return undefined;
  const x = Number(v);
  if (v.trim() === '' || !Number.isFinite(x) || x < 0 || (integer && (!Number.isInteger(x) || x < 1))) {
    throw new UsageError('USAGE_BAD_OPTION', `${name} must be ${integer ? 'a positive integer' : 'a number ≥ 0'}, got '${v}'`);
  }
  return x;
}

/**
 * What `digicge sam balance` does: read the prior (a SAM in any format digicge reads, or a
 * labelled rectangular CSV matrix), balance it, write the result atomically, and return the report.
 * Throws {@link NumericError} `BALANCE_NOT_CONVERGED` (nothing written) when the tolerance is not met.
 */
export async function runSamBalance(prior: string, opts: SamBalanceCliOptions): Promise<BalanceReport> {
  const method = opts.method as BalanceMethod;
  if (!(BALANCE_METHODS as readonly string[]).includes(method)) {
    throw new UsageError('USAGE_BAD_OPTION', `--method must be one of ${BALANCE_METHODS.join(', ')}, got '${opts.method}'`);
  }
  if (opts.target !== undefined && !(SQUARE_TARGET_RULES as readonly string[]).includes(opts.target)) {
    throw new UsageError('USAGE_BAD_OPTION', `--target must be one of ${SQUARE_TARGET_RULES.join(', ')}, got '${opts.target}'`);
  }
  if (opts.form !== undefined && opts.form !== 'flow' && opts.form !== 'coefficient') {
    throw new UsageError('USAGE_BAD_OPTION', `--form must be flow or coefficient, got '${opts.form}'`);
  }
  const tolerance = positiveNumber('--tolerance', opts.tolerance, false);
  const maxIterations = positiveNumber('--max-iterations', opts.maxIterations, true);
  const options: BalanceLabelledOptions = {
    method,
    ...(opts.rowTotals ? { rowTotals: await readTotalsCsv(opts.rowTotals) } : {}),
    ...(opts.colTotals ? { colTotals: await readTotalsCsv(opts.colTotals) } : {}),
    ...(opts.fixed ? { fixed: await readFixedCsv(opts.fixed) } : {}),
    ...(opts.macro ? { macro: await readMacroJson(opts.macro) } : {}),
    ...(opts.target ? { targetRule: opts.target as SquareTargetRule } : {}),
    ...(opts.form ? { form: opts.form as 'flow' | 'coefficient' } : {}),
    ...(opts.balanceAccounts !== undefined ? { balanceAccounts: opts.balanceAccounts } : {}),
    ...(tolerance !== undefined ? { tolerance } : {}),
    ...(maxIterations !== undefined ? { maxIterations } : {}),
  };
  // a square SAM through the SAM readers; a rectangular CSV matrix otherwise
  let square = true;
  let sam: Awaited<ReturnType<typeof readSam>> | undefined;
  try {
    sam = await readSam(prior);
  } catch (err) {
    const rect = err instanceof DigicgeError && (err.code === 'SAM_NOT_SQUARE' || err.code === 'SAM_LABEL_MISMATCH');
    if (!rect || !['.csv', '.txt'].includes(extname(prior).toLowerCase())) throw err;
    square = false;
  }
  let report: BalanceReport;
  let write: () => Promise<void>;
  if (square && sam) {
    const res = balanceSam(sam, options);
    report = res.report;
    write = () => writeSam(opts.out, res.sam);
  } else {
    if (extname(opts.out).toLowerCase() !== '.csv') {
      throw new UsageError('USAGE_BAD_OPTION', `a rectangular matrix is written as CSV: --out must end in .csv, got '${opts.out}'`);
    }
    const m = parseLabelledMatrixCsv(await readFile(prior, 'utf8'), prior);
    const res = balanceLabelledMatrix(m, options);
    report = res.report;
    write = () => writeFileAtomic(opts.out, formatLabelledMatrixCsv({ ...m, values: res.values }));
  }
  process.stdout.write(`${formatBalanceReport(report)}\n`);
  if (!report.converged) {
    throw new NumericError(
      'BALANCE_NOT_CONVERGED',
      `balancing stopped after ${report.iterations} iterations with an imbalance of ${report.maxImbalance} above the tolerance ${report.tolerance}; nothing written (raise --max-iterations or --tolerance, or check that the totals can be met)`,
      { file: prior },
    );
  }
  await write();
  process.stdout.write(`wrote ${opts.out}\n`);
  return report;
}

/** Adds `balance` to the `digicge sam` command group. */
export function addBalanceCommand(sam: Command): void {
  sam
    .command('balance')
    .description('balance a SAM or a labelled IO matrix to row and column totals by RAS, GRAS (negative cells) or cross-entropy')
    .argument('<prior>', 'prior matrix: a SAM (.csv, .xlsx, .json, .gms) or a labelled rectangular CSV')
    .requiredOption('--out <file>', 'where to write the balanced matrix (format from the extension)')
    .option('--method <name>', `balancing method: ${BALANCE_METHODS.join(', ')}`, 'ras')
    .option('--row-totals <csv>', 'row totals, CSV account,total (cross-entropy also lower,upper for a band)')
    .option('--col-totals <csv>', 'column totals, CSV account,total (cross-entropy also lower,upper)')
    .option('--fixed <csv>', 'cells that keep their values, CSV row,column,value')
    .option('--macro <json>', 'macro controls (cross-entropy): [{name, cells: [{row, col, coef?}], value | lower, upper}]')
    .option('--target <rule>', 'square SAM without totals (RAS, GRAS): average, rows or columns', 'average')
    .option('--form <form>', 'cross-entropy weighting: flow or coefficient', 'flow')
    .option('--balance-accounts', 'cross-entropy: require income = expenditure per account (default for a SAM unless both row and column totals are given)')
    .option('--no-balance-accounts', 'cross-entropy: do not require income = expenditure per account')
    .option('--tolerance <x>', 'largest allowed |total − target|, in the matrix units (default 1e-9 × largest total)')
    .option('--max-iterations <n>', 'largest number of iterations', '10000')
    .action(async (prior: string, opts: SamBalanceCliOptions) => {
      checkOutFile(opts.out);
      await runSamBalance(prior, opts);
    });
}
