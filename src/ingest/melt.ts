import type { RawTable } from './types.js';

/** One cell of a wide table, in long form, with its location. */
export interface MeltedCell {
  /** Values of the identifier columns. */
  ids: string[];
  /** Name of the column the value came from (e.g. the year). */
  variable: string;
  /** The cell text. */
  value: string;
  /** 1-based row of the cell. */
  row: number;
  /** Column name of the cell. */
  column: string;
  /** 1-based column number of the cell. */
  columnIndex: number;
}

/**
 * Melts a wide table (one column per year, say) into long cells, keeping each cell's row and
 * column. Rows with a read error are left out (they belong in the rejects).
 * @param table wide table
 * @param idColumns identifier columns kept on every cell
 * @param isValueColumn which columns are melted (e.g. `(h) => /^\d{4}$/.test(h)`)
 */
export function meltWide(table: RawTable, idColumns: readonly string[], isValueColumn: (name: string) => boolean): MeltedCell[] {
  const idIx = idColumns.map((c) => table.header.indexOf(c));
  const valIx = table.header.map((h, i) => (isValueColumn(h) ? i : -1)).filter((i) => i >= 0);
  const out: MeltedCell[] = [];
  for (const r of table.rows) {
    if (r.error) continue;
    const ids = idIx.map((i) => (i >= 0 ? r.cells[i] : ''));
    for (const i of valIx)
      out.push({ ids, variable: table.header[i], value: r.cells[i], row: r.row, column: table.header[i], columnIndex: i + 1 });
  }
  return out;
}
