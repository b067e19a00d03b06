import type { CellValue, ReportColumn } from './document.js';
import { formatCsv } from '../util/csv.js';

/**
 * Writes rows as RFC 4180 CSV (LF line ends, header row of column keys) through the shared CSV
 * writer: every text cell neutralised against formula injection, numbers in shortest round-trip
 * form (a non-finite number is an empty cell). Deterministic.
 */
export function toSafeCsv(columns: readonly Pick<ReportColumn, 'key'>[], rows: readonly Record<string, CellValue>[]): string {
  return formatCsv(
    columns.map((c) => c.key),
    rows.map((row) => columns.map((c) => row[c.key])),
    (x) => (Number.isFinite(x) ? String(x) : ''),
  );
}
