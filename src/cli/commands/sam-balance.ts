/**
 * `digicge sam balance`: balance a SAM or a labelled rectangular matrix with RAS, GRAS or
 * cross-entropy, print the convergence report and write the result atomically.
 * @module
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { DigicgeError, NumericError, UsageError } from '../../errors.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { checkOutFile } from '../out-path.js';
import { readSam } from '../../sam/io/read.js';
import { writeSam } from '../../sam/io/write.js';
import {
  BALANCE_METHODS,
  type BalanceLabelledOptions,
  type BalanceReport,
  balanceLabelledMatrix,
  formatBalanceReport,
} from '../../sam/balance/labelled.js';
import { readCellErrorsCsv, readFixedCsv, readMacroJson, readProblemJson, readTotalsCsv } from '../../sam/balance/problem-files.js';
import { balanceSam } from '../../sam/balance/balance-sam.js';
import { formatLabelledMatrixCsv, parseLabelledMatrixCsv } from '../../sam/balance/matrix-csv.js';
import { SQUARE_TARGET_RULES } from '../../sam/balance/targets.js';

/** Options of {@link runSamBalance}, as the command line gives them (strings). */
export interface SamBalanceCliOptions {
  /** `ras`, `gras` or `cross-entropy` (default: the problem file's, else ras). */
  method?: string;
  /** JSON balancing problem (schema balance-problem); the options below add to it or replace its parts. */
  problem?: string;
  /** CSV `account,total[,lower,upper][,support | sd | sd_relative, points, weights]`. */
  rowTotals?: string;
  /** As rowTotals, for columns. */
  colTotals?: string;
  /** As rowTotals, for accounts of a SAM (row and column at once). */
  accountTotals?: string;
  /** CSV `row,column,value`. */
  fixed?: string;
  /** CSV of cell error terms. */
  cellErrors?: string;
  /** JSON file of macro controls. */
  macro?: string;
  /** `average`, `rows` or `columns`. */
  target?: string;
  /** `flow` or `coefficient`. */
  form?: string;
  /** Cross-entropy: the cell-divergence term (commander's --no-cell-divergence sets false). */
  cellDivergence?: boolean;
  /** Cross-entropy δ. */
  delta?: string;
  /** Cross-entropy solver. */
  solver?: string;
  /** `keep` or `transpose`. */
  negatives?: string;
  /** Cross-entropy: require income = expenditure per account (commander's --balance-accounts / --no-balance-accounts). */
  balanceAccounts?: boolean;
  /** Tolerance, in the matrix's units. */
  tolerance?: string;
  /** Largest number of iterations. */
  maxIterations?: string;
  /** Output file. */
  out: string;
}

const choice = <T extends string>(name: string, v: string | undefined, allowed: readonly T[]): T | undefined => {
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v))
    throw new UsageError('USAGE_BAD_OPTION', `${name} must be one of ${allowed.join(', ')}, got '${v}'`);
  return v as T;
};

/** The balancing problem of the command line: the --problem file with the other options laid over it. */
async function problemOf(opts: SamBalanceCliOptions): Promise<BalanceLabelledOptions> {
  const base = opts.problem ? readProblemJson(opts.problem) : {};
  const { $schema: _s, description: _d, ...p } = base;
  const totals = {
    ...p.totals,
    ...(opts.rowTotals ? { rows: await readTotalsCsv(opts.rowTotals) } : {}),
    ...(opts.colTotals ? { columns: await readTotalsCsv(opts.colTotals) } : {}),
    ...(opts.accountTotals ? { accounts: await readTotalsCsv(opts.accountTotals) } : {}),
  };
  const method = choice('--method', opts.method, BALANCE_METHODS);
  const target = choice('--target', opts.target, SQUARE_TARGET_RULES);
  const form = choice('--form', opts.form, ['flow', 'coefficient'] as const);
  const solver = choice('--solver', opts.solver, ['auto', 'bregman', 'newton'] as const);
  const negatives = choice('--negatives', opts.negatives, ['keep', 'transpose'] as const);
  const tolerance = positiveNumber('--tolerance', opts.tolerance, false);
  const maxIterations = positiveNumber('--max-iterations', opts.maxIterations, true);
  const delta = positiveNumber('--delta', opts.delta, false);
  return {
    ...p,
    ...(Object.keys(totals).length ? { totals } : {}),
    ...(opts.fixed ? { fixed: await readFixedCsv(opts.fixed) } : {}),
    ...(opts.cellErrors ? { cellErrors: await readCellErrorsCsv(opts.cellErrors) } : {}),
    ...(opts.macro ? { macro: readMacroJson(opts.macro) } : {}),
    ...(method ? { method } : {}),
    ...(target ? { targetRule: target } : {}),
    ...(form ? { form } : {}),
    ...(solver ? { solver } : {}),
    ...(negatives ? { negatives } : {}),
    ...(opts.cellDivergence === false ? { cellDivergence: false } : {}),
    ...(opts.balanceAccounts !== undefined ? { balanceAccounts: opts.balanceAccounts } : {}),
    ...(delta !== undefined ? { delta } : {}),
    ...(tolerance !== undefined ? { tolerance } : {}),
    ...(maxIterations !== undefined ? { maxIterations } : {}),
  };
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
  const options = await problemOf(opts);
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
    .description(
      'balance a SAM or a labelled IO matrix by RAS, GRAS (negative cells) or cross-entropy (Robinson, Cattaneo & El-Said 2001): ' +
        'exact, banded or error-term totals, fixed cells, error terms on cells, macro controls',
    )
    .argument('<prior>', 'prior matrix: a SAM (.csv, .xlsx, .json, .gms) or a labelled rectangular CSV')
    .requiredOption('--out <file>', 'where to write the balanced matrix (format from the extension)')
    .option(
      '--problem <json>',
      'the whole balancing problem as JSON (schema guidelines/schemas/balance-problem.schema.json); the options below add to it',
    )
    .option('--method <name>', `balancing method: ${BALANCE_METHODS.join(', ')} (default ras)`)
    .option(
      '--row-totals <csv>',
      'row totals: CSV account,total with optional lower,upper (a band) or an error term: support, or sd | sd_relative with points, and weights',
    )
    .option('--col-totals <csv>', 'column totals, as --row-totals')
    .option('--account-totals <csv>', 'SAM account totals (row and column at once), as --row-totals')
    .option('--fixed <csv>', 'cells that keep their values (any sign), CSV row,column,value')
    .option(
      '--cell-errors <csv>',
      'cross-entropy: error terms on cells, CSV row,column (* for all),support | sd | sd_relative,points,weights,multiplicative',
    )
    .option(
      '--macro <json>',
      'macro controls (GDP and its components): [{name, cells: [{row, col, coef?}], value | lower, upper | support | sd, points, weights}] (the macro part of the balance-problem schema)',
    )
    .option('--target <rule>', 'square SAM without totals (RAS, GRAS): average (default), rows or columns')
    .option('--form <form>', 'cross-entropy: flow (default) or coefficient (weighted by the estimated column totals)')
    .option('--no-cell-divergence', 'cross-entropy: leave out the cell-divergence term (every adjustable cell then needs an error term)')
    .option('--delta <x>', 'cross-entropy: δ inside the logarithms, as in the IFPRI GAMS programs (default 0)')
    .option(
      '--solver <name>',
      'cross-entropy solver: auto (default), bregman (coordinate; large tables, bands) or newton (error terms on cells and accounts, coefficient form)',
    )
    .option(
      '--negatives <how>',
      'negative cells: keep (default; they keep their sign) or transpose (moved to the transposed cell and back, as the IFPRI programs)',
    )
    .option(
      '--balance-accounts',
      'cross-entropy: require income = expenditure per account (default for a SAM unless both row and column totals are given)',
    )
    .option('--no-balance-accounts', 'cross-entropy: do not require income = expenditure per account')
    .option('--tolerance <x>', 'largest allowed |total − target|, in the matrix units (default 1e-9 × largest total)')
    .option('--max-iterations <n>', 'largest number of iterations (default 10000)')
    .action(async (prior: string, opts: SamBalanceCliOptions) => {
      checkOutFile(opts.out);
      await runSamBalance(prior, opts);
    });
}
