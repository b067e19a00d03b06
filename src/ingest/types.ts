/**
 * What every reader of the ingest stage returns: a header and rows of text cells, each row with the
 * place a person finds it (file, sheet, 1-based row as shown by an editor or a spreadsheet).
 * Cells are kept as text; numbers are parsed by the harmonise stage with the source's own decimal
 * and thousands marks.
 * @module
 */

/** One data row of a table, with its location and original text. */
export interface RawRow {
  /** 1-based row as a person sees it: physical line in a text file, row number in a sheet, record number in JSON. */
  row: number;
  /** Cell texts, one per header column (a ragged row has another count, and `error` set). */
  cells: string[];
  /** The row's original text (for the rejects file). */
  text: string;
  /** JSON path of the record, for JSON sources. */
  jsonPath?: string;
  /** Set when the row cannot be read as it is (unbalanced quote, ragged row): it goes to the rejects. */
  error?: { code: string; message: string };
}

/** A table read from one file (or one sheet / dataset of it). */
export interface RawTable {
  /** File path as the user gave it. */
  file: string;
  /** Worksheet or dataset name, when the format has one. */
  sheet?: string;
  /** Column names (stacked header rows joined with ` / `; merged cells filled). */
  header: string[];
  /** 1-based row of the (last) header row. */
  headerRow: number;
  /** Data rows in file order. */
  rows: RawRow[];
}

/** Streaming form of a table: rows are handed to `onRow` one at a time and not kept. */
export interface RowSink {
  /** Called once with the header before any row. */
  onHeader(header: string[], headerRow: number): void;
  /** Called for each data row in file order. */
  onRow(row: RawRow): void;
}
