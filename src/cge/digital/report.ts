/**
 * Result tables of digital-divide simulations: CSV tables and `results.json`, written atomically
 * with fixed number formatting and sorted keys, so the same run gives the same bytes.
 * @module
 */
import { join } from 'node:path';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { formatCsv } from '../../util/csv.js';
import type { DigitalResults } from './simulate.js';

/** Fixed formatting of a number in the tables: 10 significant digits, no exponent below 1e21. */
export function formatResult(x: number): string {
  if (x === 0 || Object.is(x, -0)) return '0';
  return Number(x.toPrecision(10)).toString();
}

function csv(header: string[], rows: (string | number)[][]): string {
  return formatCsv(header, rows, formatResult);
}

/** Sorts object keys recursively (for byte-stable JSON). */
export function sortKeysDeep(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(sortKeysDeep);
  if (x && typeof x === 'object')
    return Object.fromEntries(
      Object.keys(x)
        .sort()
        .map((k) => [k, sortKeysDeep((x as Record<string, unknown>)[k])]),
    );
  return x;
}

/**
 * The result tables of a set of runs (one or more areas × scenarios), as file name → content:
 * `headline.csv` (database baseline year and data vintage, real GDP at market prices, EV, gaps,
 * digital shares of gross value added at basic prices, per run), `welfare.csv`, `sectors.csv`,
 * `factors.csv`, `trade.csv`, `shocks.csv`.
 */
export function digitalResultTables(results: readonly DigitalResults[]): Record<string, string> {
  const rs = [...results].sort((a, b) => a.area.localeCompare(b.area) || a.scenario.localeCompare(b.scenario));
  return {
    'headline.csv': csv(
      [
        'area',
        'scenario',
        'base_year',
        'data_vintage',
        'closure',
        'gdp_real_pct',
        'ev_aggregate',
        'ev_aggregate_per_capita',
        'ev_total',
        'ev_per_capita',
        'gap_connected_unconnected_base',
        'gap_connected_unconnected',
        'gap_urban_rural_base',
        'gap_urban_rural',
        'digital_va_share_base',
        'digital_va_share',
        'digital_induced_share_base',
        'digital_induced_share',
        'cpi',
        'iterations',
        'max_residual',
      ],
      rs.map((r) => [
        r.area,
        r.scenario,
        r.baseYear,
        r.vintage,
        r.closure,
        r.gdp.pct,
        r.evAggregate,
        r.evAggregatePerCapita,
        r.evTotal,
        r.evPerCapita,
        r.gaps.connectedUnconnected.ratioBase,
        r.gaps.connectedUnconnected.ratio,
        r.gaps.urbanRural?.ratioBase ?? '',
        r.gaps.urbanRural?.ratio ?? '',
        r.digitalShare.directBase,
        r.digitalShare.direct,
        r.digitalShare.inducedBase,
        r.digitalShare.induced,
        r.cpi,
        r.solve.iterations,
        r.solve.maxResidual,
      ]),
    ),
    'welfare.csv': csv(
      [
        'area',
        'scenario',
        'household',
        'population_base',
        'population',
        'spending_per_capita_base',
        'spending_per_capita',
        'ev_per_capita',
        'cv_per_capita',
        'ev',
        'ev_pct_of_spending',
      ],
      rs.flatMap((r) =>
        r.welfare.map((g) => [
          r.area,
          r.scenario,
          g.household,
          g.populationBase,
          g.population,
          g.spendingPerCapitaBase,
          g.spendingPerCapita,
          g.evPerCapita,
          g.cvPerCapita,
          g.ev,
          g.evPctOfSpending,
        ]),
      ),
    ),
    'sectors.csv': csv(
      ['area', 'scenario', 'good', 'output_base', 'output_pct', 'price_pct', 'value_added_base', 'value_added'],
      rs.flatMap((r) =>
        r.sectors.map((s) => [r.area, r.scenario, s.good, s.outputBase, s.outputPct, s.pricePct, s.valueAddedBase, s.valueAdded]),
      ),
    ),
    'factors.csv': csv(
      ['area', 'scenario', 'factor', 'employment_base', 'employment', 'wage_pct', 'real_wage_pct'],
      rs.flatMap((r) => r.factors.map((f) => [r.area, r.scenario, f.factor, f.employmentBase, f.employment, f.wagePct, f.realWagePct])),
    ),
    'trade.csv': csv(
      ['area', 'scenario', 'good', 'exports_base', 'exports_pct', 'imports_base', 'imports_pct'],
      rs.flatMap((r) => [
        ...r.sectors.map((s) => [r.area, r.scenario, s.good, s.exportsBase, s.exportsPct, s.importsBase, s.importsPct]),
        [
          r.area,
          r.scenario,
          'TOTAL',
          r.trade.exportsBase,
          100 * (r.trade.exports / r.trade.exportsBase - 1),
          r.trade.importsBase,
          100 * (r.trade.imports / r.trade.importsBase - 1),
        ],
      ]),
    ),
    'shocks.csv': csv(
      ['area', 'scenario', 'parameter', 'index', 'operation', 'value'],
      rs.flatMap((r) =>
        r.shocks.map((s) => {
          const op = s.set !== undefined ? 'set' : s.scale !== undefined ? 'scale' : 'add';
          return [r.area, r.scenario, s.parameter, (s.index ?? []).join('|'), op, (s.set ?? s.scale ?? s.add)!];
        }),
      ),
    ),
  };
}

/** Writes the tables and `results.json` (every result, keys sorted) into `outDir`; returns the paths written. */
export async function writeDigitalResults(
  outDir: string,
  results: readonly DigitalResults[],
  extra: Record<string, string> = {},
): Promise<string[]> {
  const files = { ...digitalResultTables(results), ...extra };
  const written: string[] = [];
  for (const name of Object.keys(files).sort()) {
    const p = join(outDir, name);
    await writeFileAtomic(p, files[name]!);
    written.push(p);
  }
  const json = join(outDir, 'results.json');
  const sorted = [...results].sort((a, b) => a.area.localeCompare(b.area) || a.scenario.localeCompare(b.scenario));
  await writeFileAtomic(
    json,
    JSON.stringify(sortKeysDeep(sorted), (_k, v) => (typeof v === 'number' ? Number(formatResult(v)) : v), 2) + '\n',
  );
  written.push(json);
  return written;
}

/**
 * Regional comparison table: one row per member state and scenario (real GDP at market prices, %;
 * gains per person in US$; the digital industries' value added in % of gross value added at basic
 * prices; each database's baseline year and vintage), with the states not covered listed.
 */
export function regionalTable(results: readonly DigitalResults[], notCovered: readonly { area: string; reason: string }[]): string {
  const rows: (string | number)[][] = [...results]
    .sort((a, b) => a.scenario.localeCompare(b.scenario) || a.area.localeCompare(b.area))
    .map((r) => [
      r.area,
      r.scenario,
      'simulated',
      r.gdp.pct,
      r.evAggregatePerCapita * 1e6,
      r.evPerCapita * 1e6,
      r.gaps.connectedUnconnected.ratioBase,
      r.gaps.connectedUnconnected.ratio,
      r.gaps.urbanRural?.ratioBase ?? '',
      r.gaps.urbanRural?.ratio ?? '',
      100 * r.digitalShare.directBase,
      100 * r.digitalShare.direct,
      '',
      r.baseYear,
      r.vintage,
    ]);
  for (const n of [...notCovered].sort((a, b) => a.area.localeCompare(b.area)))
    rows.push([n.area, '', 'not covered', '', '', '', '', '', '', '', '', '', n.reason, '', '']);
  return csv(
    [
      'area',
      'scenario',
      'status',
      'gdp_real_pct',
      'ev_aggregate_per_capita_usd',
      'ev_groups_per_capita_usd',
      'gap_con_unc_base',
      'gap_con_unc',
      'gap_urb_rur_base',
      'gap_urb_rur',
      'digital_va_pct_gva_base',
      'digital_va_pct_gva',
      'reason',
      'base_year',
      'data_vintage',
    ],
    rows,
  );
}
