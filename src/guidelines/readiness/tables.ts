/**
 * The readiness tables, defined once: each column's CSV name, its header in the workbook and its
 * value, so that readiness-*.csv and the workbook's sheets cannot disagree.
 * @module
 */
import type { Readiness } from './run.js';

/** A cell of a readiness table. */
export type ReadinessCell = string | number | null;

/** One readiness table: CSV file, workbook sheet, and per column its two headers. */
export interface ReadinessTable {
  /** File name in the output folder. */
  file: string;
  /** Worksheet name. */
  sheet: string;
  /** `[csv name, workbook header]` per column. */
  columns: [string, string][];
  /** The rows, one value per column. */
  rows: (r: Readiness) => ReadinessCell[][];
}

const yesNo = (v: boolean | null): string => (v === null ? '' : v ? 'yes' : 'no');

/** The matrix, the blocks and the gaps, in the order the workbook shows them. */
export const READINESS_TABLES: readonly ReadinessTable[] = [
  {
    file: 'readiness-matrix.csv',
    sheet: 'Readiness',
    columns: [
      ['area', 'Member State'],
      ['indicator', 'Indicator'],
      ['breakdown', 'Breakdown'],
      ['status', 'Status'],
      ['first_year', 'First year'],
      ['latest_year', 'Latest year'],
      ['years', 'Years'],
      ['coverage_10y', 'Coverage (10 y)'],
      ['vintages', 'Vintages'],
      ['source_class', 'Source class'],
      ['sources', 'Sources'],
    ],
    rows: (r) =>
      r.matrix.map((c) => [
        c.area,
        c.indicator,
        c.breakdown,
        c.status,
        c.firstYear,
        c.latestYear,
        c.years,
        c.coverage,
        c.vintages,
        c.sourceClasses.join(' '),
        c.sources.join(' '),
      ]),
  },
  {
    file: 'readiness-blocks.csv',
    sheet: 'Blocks',
    columns: [
      ['area', 'Member State'],
      ['block', 'Block'],
      ['status', 'Status'],
      ['own_bases', 'Own bases'],
      ['bases', 'Bases'],
      ['note', 'Note'],
    ],
    rows: (r) => r.blocks.map((b) => [b.area, b.block, b.status, b.own, b.bases, b.note]),
  },
  {
    file: 'readiness-gaps.csv',
    sheet: 'Gaps',
    columns: [
      ['rank', 'Rank'],
      ['area', 'Member State'],
      ['block', 'Block'],
      ['gap', 'Gap'],
      ['status', 'Status'],
      ['indicator_cells', 'Indicator cells'],
      ['data_available', 'Data available'],
      ['gdp_swing', 'GDP swing'],
      ['sensitivity_source', 'Sensitivity source'],
      ['recommended_source', 'Recommended source'],
    ],
    rows: (r) =>
      r.gaps.map((g) => [
        g.rank,
        g.area,
        g.block,
        g.what,
        g.status,
        g.cells,
        yesNo(g.dataAvailable),
        g.gdpSwing,
        g.sensitivitySource,
        g.recommendedSource,
      ]),
  },
];
