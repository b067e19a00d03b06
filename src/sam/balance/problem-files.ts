/**
 * Reading a balancing problem from files, for `digicge sam balance`: the whole problem as JSON
 * (validated against `guidelines/schemas/balance-problem.schema.json`), or its parts as small CSV
 * files — totals, fixed cells, cell error terms — and macro controls as JSON (validated against the
 * same schema's macro definition). Errors name the file, row and column, or the JSON path.
 *
 * Totals CSV: `account,total` and optionally `lower,upper` (a band) or an error term: `support`
 * (points separated by spaces or semicolons), or `sd` / `sd_relative` with `points`, and `weights`.
 * Fixed cells CSV: `row,column,value`. Cell errors CSV: `row,column` and the error columns, plus
 * `multiplicative` (true/false); `*` in row or column makes a rule for every non-zero cell.
 * @module
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { InputError } from '../../errors.js';
import type { CellError, Macro, Total } from '../../guidelines/generated/balance-problem.js';
import { readJsonFile } from '../../guidelines/json-file.js';
import { validateAgainstSchema } from '../../guidelines/validate.js';
import type { BalanceProblem } from './problem.js';

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
    return parse(text, {
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as string[][];
  } catch (err) {
    throw new InputError('CSV_MALFORMED', `not readable as CSV: ${(err as Error).message}`, { file: path }, { cause: err });
  }
}

/** A small CSV with named columns; a first row whose `numeric` columns hold numbers is data, not a header. */
function columns(rows: string[][], path: string, names: readonly string[], numeric: readonly number[]) {
  const head = rows[0] ?? [];
  const isHeader =
    numeric.length === 0
      ? head[0]?.toLowerCase() === names[0]
      : numeric.some((k) => head[k] !== undefined && head[k] !== '' && !NUMBER_RE.test(head[k]));
  const col = new Map<string, number>();
  if (isHeader) {
    head.forEach((h, k) => col.set(h.toLowerCase(), k));
    for (const h of col.keys()) {
      if (!names.includes(h))
        throw new InputError('CSV_UNKNOWN_COLUMN', `column '${h}' is not one of ${names.join(', ')}`, { file: path, row: 1, column: h });
    }
    if (!col.has(names[0]))
      throw new InputError('CSV_MISSING_COLUMN', `expected a column '${names[0]}' (columns: ${names.join(', ')})`, { file: path, row: 1 });
  } else names.slice(0, numeric.length + 1).forEach((n, k) => col.set(n, k));
  const first = isHeader ? 1 : 0;
  const get = (r: number, n: string) => {
    const k = col.get(n);
    const v = k === undefined ? undefined : rows[r][k];
    return v === '' ? undefined : v;
  };
  const num = (r: number, n: string) => {
    const v = get(r, n);
    if (v === undefined) return undefined;
    if (!NUMBER_RE.test(v)) throw new InputError('CSV_NOT_NUMERIC', `'${v}' is not a number`, { file: path, row: r + 1, column: n });
    return Number(v);
  };
  const list = (r: number, n: string) => {
    const v = get(r, n);
    if (v === undefined) return undefined;
    const parts = v.split(/[\s;]+/).filter((x) => x !== '');
    const bad = parts.find((x) => !NUMBER_RE.test(x));
    if (bad !== undefined)
      throw new InputError('CSV_NOT_NUMERIC', `'${bad}' in '${v}' is not a number (separate the points by spaces or semicolons)`, {
        file: path,
        row: r + 1,
        column: n,
      });
    return parts.map(Number);
  };
  return { rows, first, get, num, list };
}

const ERROR_COLUMNS = ['support', 'sd', 'sd_relative', 'points', 'weights'] as const;

/** The error-term fields of one CSV row (support, sd, sd_relative, points, weights), as in the schema. */
function errorFields(t: ReturnType<typeof columns>, r: number) {
  const support = t.list(r, 'support');
  const sd = t.num(r, 'sd');
  const sdRelative = t.num(r, 'sd_relative');
  const points = t.list(r, 'points');
  const weights = t.list(r, 'weights');
  return {
    ...(support ? { support } : {}),
    ...(sd !== undefined ? { sd } : {}),
    ...(sdRelative !== undefined ? { sdRelative } : {}),
    ...(points ? { points } : {}),
    ...(weights ? { weights } : {}),
  } as Partial<Record<'support' | 'points' | 'weights', [number, number, ...number[]]>> & { sd?: number; sdRelative?: number };
}

/** Reads a totals CSV (see the module text) into totals by account label. */
export async function readTotalsCsv(path: string): Promise<Record<string, Total>> {
  const t = columns(await readCsv(path), path, ['account', 'total', 'lower', 'upper', ...ERROR_COLUMNS], [1]);
  const out: Record<string, Total> = {};
  for (let r = t.first; r < t.rows.length; r++) {
    const line = r + 1;
    const account = t.get(r, 'account') ?? '';
    if (account === '') throw new InputError('CSV_EMPTY_CELL', 'account is empty', { file: path, row: line, column: 'account' });
    if (Object.hasOwn(out, account))
      throw new InputError('CSV_DUPLICATE', `account '${account}' appears twice`, { file: path, row: line, account });
    const total = t.num(r, 'total');
    const lower = t.num(r, 'lower');
    const upper = t.num(r, 'upper');
    const err = errorFields(t, r);
    if (total === undefined && lower === undefined && upper === undefined) {
      throw new InputError('CSV_EMPTY_CELL', `account '${account}' has neither a total nor a band`, { file: path, row: line, account });
    }
    const plain = lower === undefined && upper === undefined && Object.keys(err).length === 0;
    out[account] = plain
      ? (total as number)
      : {
          ...(total !== undefined ? { value: total } : {}),
          ...(lower !== undefined ? { lower } : {}),
          ...(upper !== undefined ? { upper } : {}),
          ...err,
        };
  }
  return out;
}

/** Reads a fixed-cells CSV: `row,column,value`. */
export async function readFixedCsv(path: string): Promise<{ row: string; col: string; value: number }[]> {
  const t = columns(await readCsv(path), path, ['row', 'column', 'value'], [2]);
  const out: { row: string; col: string; value: number }[] = [];
  for (let r = t.first; r < t.rows.length; r++) {
    const row = t.get(r, 'row');
    const col = t.get(r, 'column');
    const value = t.num(r, 'value');
    if (row === undefined || col === undefined || value === undefined) {
      throw new InputError('CSV_EMPTY_CELL', 'a fixed cell needs row, column and value', { file: path, row: r + 1 });
    }
    out.push({ row, col, value });
  }
  return out;
}

/** Reads a cell-errors CSV (see the module text). */
export async function readCellErrorsCsv(path: string): Promise<CellError[]> {
  const rows = await readCsv(path);
  const t = columns(rows, path, ['row', 'column', 'multiplicative', ...ERROR_COLUMNS], []);
  if (t.first === 0)
    throw new InputError('CSV_MISSING_COLUMN', 'a cell-errors file needs a header row: row,column and the error columns', {
      file: path,
      row: 1,
    });
  const out: CellError[] = [];
  for (let r = t.first; r < rows.length; r++) {
    const row = t.get(r, 'row');
    const col = t.get(r, 'column');
    if (row === undefined || col === undefined)
      throw new InputError('CSV_EMPTY_CELL', "a cell error needs row and column ('*' for all)", { file: path, row: r + 1 });
    const m = (t.get(r, 'multiplicative') ?? 'false').toLowerCase();
    if (m !== 'true' && m !== 'false')
      throw new InputError('CSV_NOT_BOOLEAN', `multiplicative must be true or false, got '${m}'`, {
        file: path,
        row: r + 1,
        column: 'multiplicative',
      });
    const where = row === '*' && col === '*' ? {} : row === '*' ? { columns: [col] } : col === '*' ? { rows: [row] } : { row, col };
    out.push({ ...where, ...errorFields(t, r), ...(m === 'true' ? { multiplicative: true } : {}) });
  }
  return out;
}

/** Reads macro controls from JSON: an array validated as the `macro` of a balance problem. */
export function readMacroJson(path: string): Macro[] {
  const doc = readJsonFile(path);
  if (!Array.isArray(doc)) throw new InputError('MACRO_INVALID', 'expected an array of macro controls', { file: path, jsonPath: '' });
  return validateAgainstSchema<BalanceProblem>('balance-problem', { macro: doc }, path).macro ?? [];
}

/** Reads a whole balancing problem from JSON, validated against the `balance-problem` schema. */
export function readProblemJson(path: string): BalanceProblem {
  return validateAgainstSchema<BalanceProblem>('balance-problem', readJsonFile(path), path);
}
