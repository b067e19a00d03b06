/**
 * The workbook's own sheets beyond the report's tables, from a directory of stage outputs: the SAMs
 * the SAM stage checked (`sam/<ISO3>.csv`, with totals and unit) and the CGE results by sector,
 * factor and trade flow (`simulate/sectors.csv`, `factors.csv`, `trade.csv`), every money figure in
 * the SAM's unit and every change in per cent.
 * @module
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSamCsv } from '../sam/io/csv.js';
import type { CellValue, ReportColumn, ReportTable } from './document.js';
import { readStageCsv } from './read-csv.js';
import type { WorkbookSam } from './workbook.js';

/** Money unit of the ASEAN SAMs and of the ddcge databases built from them (datasets/ddcge/README.md). */
export const SAM_UNIT = 'US$ million';

/** The SAM unit of an area as `sam/checks.csv` states it, else {@link SAM_UNIT}. */
function samUnits(dir: string): Map<string, string> {
  const p = join(dir, 'sam', 'checks.csv');
  const units = new Map<string, string>();
  if (existsSync(p)) for (const r of readStageCsv(p)) if (r.area && r.unit) units.set(r.area, r.unit);
  return units;
}

/** One SAM sheet per `sam/<ISO3>.csv` in `dir`, in code order. */
export function samSheets(dir: string): WorkbookSam[] {
  const d = join(dir, 'sam');
  if (!existsSync(d)) return [];
  const units = samUnits(dir);
  return readdirSync(d)
    .filter((f) => /^[A-Z]{3}\.csv$/.test(f))
    .sort()
    .map((f) => {
      const area = f.slice(0, 3);
      const sam = parseSamCsv(readFileSync(join(d, f), 'utf8'), { file: join('sam', f) });
      return {
        id: `SAM_${area}`,
        caption: `Social accounting matrix of ${area}`,
        unit: units.get(area) ?? SAM_UNIT,
        labels: sam.labels,
        values: sam.values,
        notes: [
          `From sam/${f}, as the SAM stage checked it (sam/checks.csv). An account balances when its row and column totals are equal.`,
        ],
      };
    });
}

type ColumnSpec = ReportColumn & { text?: boolean };

/** A workbook table from a simulate CSV: text columns as text, every other column as numbers. */
function csvTable(path: string, id: string, caption: string, columns: readonly ColumnSpec[], notes: string[]): ReportTable | null {
  if (!existsSync(path)) return null;
  const rows = readStageCsv(path).map((r) =>
    Object.fromEntries(
      columns.map((c): [string, CellValue] => [
        c.key,
        c.text ? (r[c.key] ?? '') : r[c.key] === undefined || r[c.key] === '' ? null : Number(r[c.key]),
      ]),
    ),
  );
  return { kind: 'table', id, caption, columns: columns.map(({ text: _t, ...c }) => c), rows, notes };
}

const AREA: ColumnSpec[] = [
  { key: 'area', header: 'Area', text: true },
  { key: 'scenario', header: 'Scenario', text: true },
];

/** The CGE sheets: results by sector, by factor and by trade flow of every simulated scenario in `dir/simulate`. */
export function cgeSheets(dir: string): ReportTable[] {
  const sim = join(dir, 'simulate');
  const source = (f: string) =>
    `From simulate/${f}: money in the SAM's unit (${SAM_UNIT}) at benchmark prices, changes in per cent of the benchmark.`;
  return [
    csvTable(
      join(sim, 'sectors.csv'),
      'cge_sectors',
      'CGE results by sector: output, price and value added',
      [
        ...AREA,
        { key: 'good', header: 'Sector', text: true },
        { key: 'output_base', header: 'Output, benchmark', unit: SAM_UNIT, decimals: 1 },
        { key: 'output_pct', header: 'Output', unit: '% change', decimals: 3 },
        { key: 'price_pct', header: 'Price', unit: '% change', decimals: 3 },
        { key: 'value_added_base', header: 'Value added, benchmark', unit: SAM_UNIT, decimals: 1 },
        { key: 'value_added', header: 'Value added, scenario', unit: SAM_UNIT, decimals: 1 },
      ],
      [source('sectors.csv')],
    ),
    csvTable(
      join(sim, 'factors.csv'),
      'cge_factors',
      'CGE results by factor: employment and wages',
      [
        ...AREA,
        { key: 'factor', header: 'Factor', text: true },
        { key: 'employment_base', header: 'Employment, benchmark', unit: `${SAM_UNIT} at benchmark wages`, decimals: 1 },
        { key: 'employment', header: 'Employment, scenario', unit: `${SAM_UNIT} at benchmark wages`, decimals: 1 },
        { key: 'wage_pct', header: 'Wage', unit: '% change', decimals: 3 },
        { key: 'real_wage_pct', header: 'Real wage (deflated by the CPI)', unit: '% change', decimals: 3 },
      ],
      [source('factors.csv')],
    ),
    csvTable(
      join(sim, 'trade.csv'),
      'cge_trade',
      'CGE results by trade flow: exports and imports',
      [
        ...AREA,
        { key: 'good', header: 'Good', text: true },
        { key: 'exports_base', header: 'Exports, benchmark', unit: SAM_UNIT, decimals: 1 },
        { key: 'exports_pct', header: 'Exports', unit: '% change', decimals: 3 },
        { key: 'imports_base', header: 'Imports, benchmark', unit: SAM_UNIT, decimals: 1 },
        { key: 'imports_pct', header: 'Imports', unit: '% change', decimals: 3 },
      ],
      [source('trade.csv'), 'TOTAL is the sum over goods.'],
    ),
  ].filter((t): t is ReportTable => t !== null);
}
