import { flatColumns, type CellValue, type ReportColumn } from './document.js';
import { formatCsv } from '../util/csv.js';

/**
 * Writes rows as RFC 4180 CSV (LF line ends, header row of column keys) through the shared CSV
 * writer: every text cell neutralised against formula injection, numbers in shortest round-trip
 * form (a non-finite number is an empty cell), a pair column as two number columns
 * (`<key>_low,<key>_high` or `<key>_before,<key>_after`). Deterministic.
 */
export function toSafeCsv(columns: readonly Pick<ReportColumn, 'key'>[], rows: readonly Record<string, CellValue>[]): string {
  const flat = flatColumns({ columns: columns.map((c) => ({ key: c.key, header: c.key })), rows: [...rows] });
  return formatCsv(
    flat.map((c) => c.key),
    rows.map((row) => flat.map((c) => c.value(row))),
    (x) => (Number.isFinite(x) ? String(x) : ''),
  );
}
