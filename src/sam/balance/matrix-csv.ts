/**
 * Labelled rectangular matrices in CSV (for IO blocks that are not square SAMs): first row = column
 * labels, first column = row labels, corner ignored, empty cell = 0. Square SAMs are read and
 * written by the SAM readers of `src/sam/io/`; this covers only the rectangular case they reject.
 * @module
 */
import { parse } from 'csv-parse/sync';
import { InputError } from '../../errors.js';
import { roundTripNumber } from '../../util/number-text.js';
import { csvText } from '../../util/csv.js';
import { restoreFormula } from '../../util/neutralise.js';
import { columnLetter } from '../io/grid.js';
import type { LabelledMatrix } from './labelled.js';

const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Parses a labelled matrix from CSV text; errors name the file, row and column. */
export function parseLabelledMatrixCsv(text: string, file?: string): LabelledMatrix {
  const at = (row?: number, column?: string) => ({
    ...(file !== undefined ? { file } : {}),
    ...(row !== undefined ? { row } : {}),
    ...(column !== undefined ? { column } : {}),
  });
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let rows: string[][];
  try {
    rows = parse(body, { record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (err) {
    throw new InputError('CSV_MALFORMED', `not readable as CSV: ${(err as Error).message}`, at(), { cause: err });
  }
  if (rows.length < 2) throw new InputError('MATRIX_EMPTY', 'expected a header row of column labels and at least one data row', at());
  const colLabels = rows[0].slice(1).map((s) => restoreFormula(s.trim()));
  while (colLabels.length > 0 && colLabels[colLabels.length - 1] === '') colLabels.pop();
  if (colLabels.length === 0) throw new InputError('MATRIX_EMPTY', 'the header row has no column labels', at(1));
  colLabels.forEach((l, j) => {
    if (l === '') throw new InputError('MATRIX_EMPTY_LABEL', 'column has no label', at(1, columnLetter(j + 2)));
    if (colLabels.indexOf(l) !== j)
      throw new InputError('MATRIX_DUPLICATE_LABEL', `column label '${l}' appears twice`, at(1, columnLetter(j + 2)));
  });
  const rowLabels: string[] = [];
  const values = new Float64Array((rows.length - 1) * colLabels.length);
  for (let i = 1; i < rows.length; i++) {
    const label = restoreFormula((rows[i][0] ?? '').trim());
    if (label === '') throw new InputError('MATRIX_EMPTY_LABEL', 'row has no label', at(i + 1, 'A'));
    if (rowLabels.includes(label))
      throw new InputError('MATRIX_DUPLICATE_LABEL', `row label '${label}' appears twice`, { ...at(i + 1, 'A'), account: label });
    rowLabels.push(label);
    const extra = rows[i].slice(colLabels.length + 1).some((c) => c.trim() !== '');
    if (extra)
      throw new InputError('MATRIX_RAGGED', `row has more cells than the header has labels (${colLabels.length})`, {
        ...at(i + 1),
        account: label,
      });
    for (let j = 0; j < colLabels.length; j++) {
      const t = (rows[i][j + 1] ?? '').trim();
      if (t === '') continue;
      if (!NUMBER_RE.test(t)) {
        throw new InputError('MATRIX_NOT_NUMERIC', `cell '${t}' is not a number (column ${colLabels[j]})`, {
          ...at(i + 1, `${columnLetter(j + 2)} (${colLabels[j]})`),
          account: label,
        });
      }
      values[(i - 1) * colLabels.length + j] = Number(t);
    }
  }
  return { rowLabels, colLabels, values };
}

/** Formats a labelled matrix as CSV: LF line ends, shortest round-trip numbers, zero cells empty, labels neutralised against formula injection. */
export function formatLabelledMatrixCsv(m: LabelledMatrix): string {
  const nc = m.colLabels.length;
  const lines = [['', ...m.colLabels.map(csvText)].join(',')];
  m.rowLabels.forEach((l, i) => {
    const cells = [csvText(l)];
    for (let j = 0; j < nc; j++) {
      const v = m.values[i * nc + j];
      cells.push(v === 0 ? '' : roundTripNumber(v));
    }
    lines.push(cells.join(','));
  });
  return `${lines.join('\n')}\n`;
}
