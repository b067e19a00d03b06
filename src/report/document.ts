/**
 * The report's document model: one structure rendered to the self-contained HTML report, the
 * Markdown summary and (its tables) the Excel workbook, so the three deliverables cannot disagree.
 * @module
 */

/** A cell of a report table: text, a number, or empty. */
export type CellValue = string | number | null;

/** A column of a {@link ReportTable}. */
export interface ReportColumn {
  /** Key of the value in each row. */
  key: string;
  /** Header text shown to the reader. */
  header: string;
  /** Unit, shown in the header as `header (unit)`; also in the workbook. */
  unit?: string;
  /** Decimals to show for numbers (default: as computed, up to 6 significant digits). */
  decimals?: number;
}

/** A table with a caption (required for accessibility), columns and rows. */
export interface ReportTable {
  kind: 'table';
  /** Short identifier, used as the workbook sheet name and CSV file name. */
  id: string;
  caption: string;
  columns: ReportColumn[];
  rows: Record<string, CellValue>[];
  /** Notes under the table: sources, provenance, caveats. */
  notes?: string[];
  /**
   * Key of the column holding the period, when the rows are in time order: a shortened rendering
   * (summary.md) keeps the most recent rows and names the periods left out.
   */
  timeKey?: string;
}

/** A chart: an inline SVG with alternative text and a caption. */
export interface ReportFigure {
  kind: 'figure';
  id: string;
  /** SVG markup (rendered in Node from a Vega-Lite specification). */
  svg: string;
  /** Alternative text for readers who cannot see the chart: what it shows, in one or two sentences. */
  alt: string;
  caption: string;
}

/** A paragraph of plain text. */
export interface ReportParagraph {
  kind: 'paragraph';
  text: string;
}

/** A bulleted list of plain-text items. */
export interface ReportList {
  kind: 'list';
  items: string[];
}

/** One block of a section. */
export type ReportBlock = ReportTable | ReportFigure | ReportParagraph | ReportList;

/** A titled section of the report; becomes an `<h2>` with an anchor and a table-of-contents entry. */
export interface ReportSection {
  id: string;
  title: string;
  blocks: ReportBlock[];
}

/** The whole report. */
export interface ReportDocument {
  title: string;
  subtitle?: string;
  /** Text stating what the report was built from (release, inputs); no clock time, so builds are reproducible. */
  provenance: string;
  sections: ReportSection[];
}

/** Every table of a document, in order of appearance. */
export function reportTables(doc: ReportDocument): ReportTable[] {
  return doc.sections.flatMap((s) => s.blocks.filter((b): b is ReportTable => b.kind === 'table'));
}

/** Formats a number for display: fixed decimals when given, else up to 6 significant digits. */
export function formatDisplayNumber(value: number, decimals?: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (decimals !== undefined) return value.toFixed(decimals);
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(6)));
}
