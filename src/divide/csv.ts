/**
 * Writing the divide tables as tidy CSV with fixed number formatting, so that the same input gives
 * byte-identical files: numbers to 10 significant digits (integers as they are), null as an empty
 * cell, provenance key lists joined by a space, `\n` line ends, header first; text neutralised
 * against formula injection by the shared CSV writer (`src/util/csv.ts`).
 * @module
 */
import { formatCsv, type CsvCell } from '../util/csv.js';
import { NumericError } from '../errors.js';

/** A cell value of a divide table. */
export type TidyCell = string | number | null | undefined | readonly string[];

/** Formats a number for the CSV tables (10 significant digits, no `-0`). */
export function formatTableNumber(x: number): string {
  if (!Number.isFinite(x)) throw new NumericError('DIVIDE_NON_FINITE', `a result is ${x}; the divide tables never hold NaN or Infinity`);
  if (Number.isInteger(x)) return String(x === 0 ? 0 : x);
  const r = Number(x.toPrecision(10));
  return String(r === 0 ? 0 : r);
}

/**
 * Renders rows as CSV with the given columns in order.
 * @throws NumericError `DIVIDE_NON_FINITE` naming the column when a number is NaN or infinite
 */
export function tidyCsv(rows: readonly Record<string, TidyCell>[], columns: readonly string[]): string {
  const body = rows.map((r, i) =>
    columns.map((c): CsvCell => {
      const v = r[c];
      if (typeof v === 'number' && !Number.isFinite(v)) {
        throw new NumericError(
          'DIVIDE_NON_FINITE',
          `row ${i + 1}, column ${c}: a result is ${v}; the divide tables never hold NaN or Infinity`,
          { row: i + 2, column: c },
        );
      }
      return Array.isArray(v) ? v.join(' ') : (v as CsvCell);
    }),
  );
  return formatCsv(columns, body, formatTableNumber);
}

/** A divide row as {@link metricTable} flattens it: the provenance joined by spaces, its length in `n_obs`. */
export type MetricTableRow<R> = Omit<R, 'provenance'> & { provenance: string; n_obs: number };

/**
 * A divide table (rows with a `provenance` key list) as flat records, the provenance joined by
 * spaces and its length in `n_obs`, ready for a data-frame library or a CSV writer.
 */
export function metricTable<R extends { provenance: readonly string[] }>(rows: readonly R[]): MetricTableRow<R>[] {
  return rows.map((r) => ({ ...r, provenance: r.provenance.join(' '), n_obs: r.provenance.length }));
}
