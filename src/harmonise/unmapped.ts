/** A column of a source that no part of its mapping reads, with what it holds. */
export interface UnmappedColumn {
  /** Column name as in the header ('' when the header cell is empty). */
  column: string;
  /** 1-based position in the header. */
  position: number;
  /** Non-empty cells in the data rows. */
  cells: number;
  /** Of those, cells that read as a number (`.` or `,` decimals, thousands marks, a sign). */
  numeric: number;
}

const NUMBERISH = /^[+-]?(?:\d[\d.,\s\u00a0\u202f']*\d|\d)(?:[eE][+-]?\d+)?%?$/;

/**
 * Counts, row by row, what the columns nothing reads hold: the quality report lists them so that
 * a table with unused numeric columns says so. Cells of these columns are not data cells of the
 * ledger (they are neither observations, nor rejects, nor filters): they are only reported.
 */
export class UnmappedTally {
  /** One entry per unmapped column, in header order; updated as rows are counted. */
  readonly columns: UnmappedColumn[];
  private readonly index: number[];

  /** @param header column names @param unmapped indexes of the unmapped columns */
  constructor(header: readonly string[], unmapped: readonly number[]) {
    this.index = [...unmapped];
    this.columns = unmapped.map((i) => ({ column: header[i], position: i + 1, cells: 0, numeric: 0 }));
  }

  /** Counts one data row. */
  count(cells: readonly string[]): void {
    for (let k = 0; k < this.index.length; k++) {
      const t = cells[this.index[k]];
      if (t === undefined) continue;
      const s = t.trim();
      if (s === '') continue;
      const c = this.columns[k];
      c.cells++;
      if (NUMBERISH.test(s)) c.numeric++;
    }
  }
}
