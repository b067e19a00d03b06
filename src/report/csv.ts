import type { CellValue, ReportColumn } from './document.js';
import { neutraliseFormula } from '../util/neutralise.js';

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/**
 * Writes rows as RFC 4180 CSV (LF line ends, header row of column keys), with every text cell
 * neutralised against formula injection and numbers in shortest round-trip form. Deterministic.
 */
export function toSafeCsv(columns: readonly Pick<ReportColumn, 'key'>[], rows: readonly Record<string, CellValue>[]): string {
  const lines = [columns.map((c) => quote(neutraliseFormula(c.key))).join(',')];
  for (const row of rows) {
    lines.push(
      columns
        .map((c) => {
          const v = row[c.key];
          if (v === null || v === undefined) return '';
          if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
          return quote(neutraliseFormula(v));
        })
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
