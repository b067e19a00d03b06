/**
 * A rectangular labelled table read from CSV: first row = column labels, first column = row labels,
 * empty cell = 0. Input-output tables are rectangular (Z plus final-demand columns, value-added and
 * satellite rows, an output column or row), which the square SAM reader (`readSamCsv`) does not take.
 * @module
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { InputError } from '../../errors.js';
import type { Matrix } from '../../linalg/dense/index.js';
import { restoreFormula } from '../../util/neutralise.js';

/** A labelled rows × cols table of numbers. */
export interface LabelledTable {
  /** Row labels, in file order. */
  readonly rowLabels: readonly string[];
  /** Column labels, in file order. */
  readonly colLabels: readonly string[];
  /** Values, row-major. */
  readonly values: Matrix;
  /** File the table was read from, for error locations. */
  readonly file?: string;
}

function columnName(j: number): string {
  let s = '';
  let c = j + 1;
  while (c > 0) {
    const r = (c - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    c = Math.floor((c - 1) / 26);
  }
  return s;
}

/**
 * Parses labelled CSV text (optional UTF-8 BOM, LF/CRLF/CR line ends; blank trailing lines ignored).
 * Errors name file, row and column: `CSV_MALFORMED`, `TABLE_EMPTY`, `TABLE_RAGGED`,
 * `TABLE_DUPLICATE_LABEL`, `TABLE_NOT_NUMERIC`.
 */
export function parseLabelledTable(text: string, file?: string): LabelledTable {
  const where = file !== undefined ? { file } : {};
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let rows: string[][];
  try {
    rows = parse(body, { record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (err) {
    throw new InputError('CSV_MALFORMED', `not readable as CSV: ${(err as Error).message}`, where, { cause: err });
  }
  if (rows.length < 2 || rows[0].length < 2) {
    throw new InputError('TABLE_EMPTY', 'expected a header row of column labels and at least one labelled row', where);
  }
  const colLabels = rows[0].slice(1).map((s) => restoreFormula(s.trim()));
  const m = colLabels.length;
  const seen = new Set<string>();
  colLabels.forEach((l, j) => {
    if (l === '' || seen.has(l)) {
      throw new InputError('TABLE_DUPLICATE_LABEL', l === '' ? 'empty column label' : `column label '${l}' appears twice`, {
        ...where,
        row: 1,
        column: columnName(j + 1),
      });
    }
    seen.add(l);
  });
  const rowLabels: string[] = [];
  const data = new Float64Array((rows.length - 1) * m);
  seen.clear();
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    const label = restoreFormula((row[0] ?? '').trim());
    if (label === '' || seen.has(label)) {
      throw new InputError('TABLE_DUPLICATE_LABEL', label === '' ? 'empty row label' : `row label '${label}' appears twice`, {
        ...where,
        row: r + 1,
        column: 'A',
      });
    }
    seen.add(label);
    if (row.length !== m + 1) {
      throw new InputError('TABLE_RAGGED', `row has ${row.length} cells, expected ${m + 1} as in the header`, { ...where, row: r + 1 });
    }
    rowLabels.push(label);
    for (let j = 0; j < m; j++) {
      const s = row[j + 1].trim();
      const v = s === '' ? 0 : Number(s);
      if (!Number.isFinite(v)) {
        throw new InputError('TABLE_NOT_NUMERIC', `cell '${s}' is not a finite number`, {
          ...where,
          row: r + 1,
          column: colLabels[j],
          account: label,
        });
      }
      data[(r - 1) * m + j] = v;
    }
  }
  return { rowLabels, colLabels, values: { rows: rowLabels.length, cols: m, data }, ...where };
}

/** Reads a labelled table from a CSV file; see {@link parseLabelledTable}. */
export async function readLabelledTable(path: string): Promise<LabelledTable> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new InputError('FILE_UNREADABLE', `cannot read the file: ${(err as Error).message}`, { file: path }, { cause: err });
  }
  return parseLabelledTable(text, path);
}
