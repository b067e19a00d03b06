/**
 * The report's document model: one structure rendered to the self-contained HTML report, the
 * Markdown summary and (its tables) the Excel workbook, so the three deliverables cannot disagree.
 * @module
 */

/**
 * Two numbers shown as one figure: a `band` (e.g. the 5th–95th percentile, shown `a – b`) or a
 * `change` (before and after, shown `a → b`). The workbook and CSV exports keep both as numbers.
 */
export interface ReportPair {
  pair: 'band' | 'change';
  a: number;
  b: number;
}

/** A cell of a report table: text, a number, a pair of numbers, or empty. */
export type CellValue = string | number | ReportPair | null;

/**
 * How a column's numbers are shown: `year` (an integer without thousands separator, e.g. 2023),
 * `scientific` (e.g. 3.2e-5, for p-values), or by `decimals` when absent.
 */
export type ReportNumberFormat = 'year' | 'scientific';

/** A column of a {@link ReportTable}. */
export interface ReportColumn {
  /** Key of the value in each row. */
  key: string;
  /** Header text shown to the reader. */
  header: string;
  /** Unit, shown in the header as `header (unit)`; also in the workbook. */
  unit?: string;
  /** Decimals to show for numbers (default: as computed, up to 6 significant digits; scientific: 1). */
  decimals?: number;
  /** How the numbers are shown, when not by `decimals` alone. */
  format?: ReportNumberFormat;
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
  /**
   * The data vintage, an ISO date (`2024-11-25`): the latest release of the data the report is
   * built from. The workbook is dated by it, so the same data give the same file.
   */
  vintage?: string;
  sections: ReportSection[];
}

/** Every table of a document, in order of appearance. */
export function reportTables(doc: ReportDocument): ReportTable[] {
  return doc.sections.flatMap((s) => s.blocks.filter((b): b is ReportTable => b.kind === 'table'));
}

/** True when a cell holds a {@link ReportPair}. */
export function isPair(v: CellValue | undefined): v is ReportPair {
  return typeof v === 'object' && v !== null;
}

/** Formats a number for display: as a year, in scientific notation, with fixed decimals when given, else up to 6 significant digits. */
export function formatDisplayNumber(value: number, decimals?: number, format?: ReportNumberFormat): string {
  if (!Number.isFinite(value)) return String(value);
  if (format === 'year') return String(Math.round(value));
  if (format === 'scientific') return value.toExponential(decimals ?? 1);
  if (decimals !== undefined) return value.toFixed(decimals);
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(6)));
}

/** The text of a cell as the HTML report and the Markdown summary show it (numbers by the column's format). */
export function formatCellText(v: CellValue | undefined, c: Pick<ReportColumn, 'decimals' | 'format'>): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return formatDisplayNumber(v, c.decimals, c.format);
  if (isPair(v)) {
    const sep = v.pair === 'change' ? ' → ' : c.format === 'year' ? '–' : ' – ';
    return `${formatDisplayNumber(v.a, c.decimals, c.format)}${sep}${formatDisplayNumber(v.b, c.decimals, c.format)}`;
  }
  return v;
}

/** A column of numbers or text as the workbook and CSV exports lay it out: a pair column becomes two. */
export interface FlatColumn {
  /** Key in the export (`<key>_low`/`_high` for a band, `_before`/`_after` for a change). */
  key: string;
  /** Header with the part named, e.g. `Real GDP band, 5th percentile`. */
  header: string;
  unit?: string;
  decimals?: number;
  format?: ReportNumberFormat;
  /** The value of this column in a row. */
  value: (row: Record<string, CellValue>) => string | number | null;
}

const PARTS = {
  band: [
    ['low', 'low'],
    ['high', 'high'],
  ],
  change: [
    ['before', 'before'],
    ['after', 'after'],
  ],
} as const;

/**
 * The columns of a table with every pair column split in two (low/high or before/after), so that
 * each cell of an export holds one number or one text.
 */
export function flatColumns(t: Pick<ReportTable, 'columns' | 'rows'>): FlatColumn[] {
  return t.columns.flatMap((c): FlatColumn[] => {
    const pair = t.rows.map((r) => r[c.key]).find(isPair);
    const base = {
      ...(c.unit !== undefined ? { unit: c.unit } : {}),
      ...(c.decimals !== undefined ? { decimals: c.decimals } : {}),
      ...(c.format !== undefined ? { format: c.format } : {}),
    };
    if (!pair) {
      return [
        {
          key: c.key,
          header: c.header,
          ...base,
          value: (r) => {
            const v = r[c.key];
            return isPair(v) ? null : (v ?? null);
          },
        },
      ];
    }
    return PARTS[pair.pair].map(([suffix, word], k) => ({
      key: `${c.key}_${suffix}`,
      header: `${c.header}, ${word}`,
      ...base,
      value: (r: Record<string, CellValue>) => {
        const v = r[c.key];
        return isPair(v) ? (k === 0 ? v.a : v.b) : typeof v === 'number' ? v : null;
      },
    }));
  });
}
