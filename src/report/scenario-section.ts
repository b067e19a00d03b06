import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readStageCsv as readCsv, type CsvRecords as Records } from './read-csv.js';
import { renderChartSvg } from './chart.js';
import type { ReportBlock, ReportSection } from './document.js';
import { whySignsDisagree } from '../cge/digital/signs.js';

/**
 * One note per scenario whose real GDP and households' gain have opposite signs, saying why from
 * the run's welfare.csv and factors.csv (see {@link whySignsDisagree}).
 */
function signNotes(dir: string, headline: Records): string[] {
  const welfare = existsSync(join(dir, 'welfare.csv')) ? readCsv(join(dir, 'welfare.csv')) : [];
  const factors = existsSync(join(dir, 'factors.csv')) ? readCsv(join(dir, 'factors.csv')) : [];
  const notes: string[] = [];
  for (const h of headline) {
    const mine = (r: Records[number]) => r.area === h.area && r.scenario === h.scenario;
    const why = whySignsDisagree({
      gdpPct: Number(h.gdp_real_pct),
      evAggregate: Number(h.ev_aggregate),
      groups: welfare.filter(mine).map((w) => ({
        household: w.household!,
        gain:
          Number(w.population) * (Number(w.spending_per_capita_base) + Number(w.ev_per_capita)) -
          Number(w.population_base) * Number(w.spending_per_capita_base),
      })),
      factors: factors.filter(mine).map((f) => ({
        factor: f.factor!,
        employmentBase: Number(f.employment_base),
        employment: Number(f.employment),
        realWagePct: Number(f.real_wage_pct),
      })),
    });
    if (why) notes.push(`${h.area} ${h.scenario}: ${why}`);
  }
  return notes;
}

/**
 * The scenario section of the pipeline report, from the simulate stage's outputs in `dir`
 * (`headline.csv`, `welfare.csv`, `ssa-<area>-<scenario>.csv`): headline results with their Monte
 * Carlo bands, a chart of the real GDP change with its 5–95 % band, and EV per household group.
 * Money is the SAM's unit (US$ million); per-person figures in US$.
 */
export async function scenarioSection(dir: string): Promise<ReportSection | null> {
  const headlinePath = join(dir, 'headline.csv');
  if (!existsSync(headlinePath)) return null;
  const headline = readCsv(headlinePath);
  const ssa = new Map<string, Records>();
  for (const f of readdirSync(dir)
    .filter((x) => x.startsWith('ssa-') && x.endsWith('.csv'))
    .sort()) {
    const rows = readCsv(join(dir, f));
    if (rows[0]) ssa.set(`${rows[0].area}|${rows[0].scenario}`, rows);
  }
  const band = (area: string, scenario: string, outcome: string) => ssa.get(`${area}|${scenario}`)?.find((r) => r.outcome === outcome);
  const vintages = [...new Set(headline.map((h) => `${h.area}: baseline ${h.base_year}; ${h.data_vintage}`))];
  const blocks: ReportBlock[] = [
    {
      kind: 'paragraph',
      text: `Database: ${vintages.join(' | ')}.`,
    },
    {
      kind: 'paragraph',
      text: 'Scenarios of the digital-divide model (ddcge) on the default database (the one `digicge simulate` uses without options), each translated from targets stated in the guideline’s indicators into model shocks (simulate/shocks.csv lists them with the observations and assumptions used). The benchmark replicates the SAM before any scenario is run. Bands are the 5th–95th percentiles of 200 Latin-hypercube draws of the elasticities and channel parameters.',
    },
  ];
  const gdpRows = headline.map((h) => {
    const b = band(h.area!, h.scenario!, 'gdp_real_pct');
    return { scenario: h.scenario!, gdp: Number(h.gdp_real_pct), p5: b ? Number(b.p5) : null, p95: b ? Number(b.p95) : null };
  });
  const svg = await renderChartSvg({
    width: 420,
    height: 160,
    title: 'Real GDP change by scenario, with the 5–95 % band',
    data: { values: gdpRows.map((r) => ({ ...r, p5: r.p5 ?? r.gdp, p95: r.p95 ?? r.gdp })) },
    layer: [
      {
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: {
          y: { field: 'scenario', type: 'nominal', title: null },
          x: { field: 'p5', type: 'quantitative', title: 'real GDP change (%)' },
          x2: { field: 'p95' },
        },
      },
      {
        mark: { type: 'point', filled: true, size: 60, color: '#b22222' },
        encoding: { y: { field: 'scenario', type: 'nominal' }, x: { field: 'gdp', type: 'quantitative' } },
      },
    ],
  });
  blocks.push({
    kind: 'figure',
    id: 'fig-scenario-gdp',
    svg,
    alt: 'Dot chart of the real GDP change of each scenario with a horizontal line for its 5th–95th percentile band from the sensitivity analysis.',
    caption: 'Real GDP change by scenario with its sensitivity band',
  });
  blocks.push({
    kind: 'table',
    id: 'scenarios',
    caption: 'Headline results by scenario (bands: 5th–95th percentile of the sensitivity analysis)',
    columns: [
      { key: 'area', header: 'Area' },
      { key: 'scenario', header: 'Scenario' },
      { key: 'year', header: 'Baseline year', format: 'year' },
      { key: 'gdp', header: 'Real GDP at market prices', unit: '% change', decimals: 3 },
      { key: 'gdp_band', header: 'Real GDP band', unit: '% change', decimals: 3 },
      { key: 'gain', header: 'Households’ money-metric gain', unit: 'US$ million', decimals: 1 },
      { key: 'gain_band', header: 'Gain band', unit: 'US$ million', decimals: 1 },
      { key: 'gain_pc', header: 'Gain per person', unit: 'US$', decimals: 2 },
      { key: 'gap_cu', header: 'Connected/unconnected per-capita income', unit: 'ratio', decimals: 3 },
      { key: 'gap_ur', header: 'Urban/rural per-capita income', unit: 'ratio', decimals: 3 },
      { key: 'digital', header: 'Digital industries’ value added, direct', unit: '% of GVA at basic prices', decimals: 2 },
      { key: 'induced', header: 'Digital value added induced in other industries', unit: '% of GVA at basic prices', decimals: 2 },
    ],
    rows: headline.map((h) => {
      const g = band(h.area!, h.scenario!, 'gdp_real_pct');
      const e = band(h.area!, h.scenario!, 'ev_aggregate');
      return {
        area: h.area!,
        scenario: h.scenario!,
        year: h.base_year ? Number(h.base_year) : null,
        gdp: Number(h.gdp_real_pct),
        gdp_band: g ? { pair: 'band' as const, a: Number(g.p5), b: Number(g.p95) } : null,
        gain: Number(h.ev_aggregate),
        gain_band: e ? { pair: 'band' as const, a: Number(e.p5), b: Number(e.p95) } : null,
        gain_pc: 1e6 * Number(h.ev_aggregate_per_capita),
        gap_cu: { pair: 'change' as const, a: Number(h.gap_connected_unconnected_base), b: Number(h.gap_connected_unconnected) },
        gap_ur: { pair: 'change' as const, a: Number(h.gap_urban_rural_base), b: Number(h.gap_urban_rural) },
        digital: { pair: 'change' as const, a: 100 * Number(h.digital_va_share_base), b: 100 * Number(h.digital_va_share) },
        induced: { pair: 'change' as const, a: 100 * Number(h.digital_induced_share_base), b: 100 * Number(h.digital_induced_share) },
      };
    }),
    notes: [
      'Real GDP at market prices: final expenditure (C + G + I + E − M) at benchmark prices. Digital value added: the ADB (2021) measure of the multipliers section on the model’s flows, direct and induced along domestic backward linkages, as shares of gross value added at basic prices.',
      ...signNotes(dir, headline),
      'The households’ money-metric gain counts each person who connects at the group left and the group joined; the sum of per-capita group EVs (simulate/headline.csv, ev_total) is lowered by the changed make-up of the groups and is not a welfare measure when people move.',
    ],
  });
  const welfarePath = join(dir, 'welfare.csv');
  if (existsSync(welfarePath)) {
    blocks.push({
      kind: 'table',
      id: 'scenario_welfare',
      caption: 'Equivalent variation per person by household group (average member of the group after the scenario)',
      columns: [
        { key: 'scenario', header: 'Scenario' },
        { key: 'household', header: 'Household group' },
        { key: 'pop0', header: 'Population before', unit: 'persons', decimals: 0 },
        { key: 'pop1', header: 'Population after', unit: 'persons', decimals: 0 },
        { key: 'ev', header: 'EV per person', unit: 'US$', decimals: 2 },
        { key: 'evpct', header: 'EV', unit: '% of spending', decimals: 3 },
      ],
      rows: readCsv(welfarePath).map((w) => ({
        scenario: w.scenario!,
        household: w.household!,
        pop0: Number(w.population_base),
        pop1: Number(w.population),
        ev: 1e6 * Number(w.ev_per_capita),
        evpct: Number(w.ev_pct_of_spending),
      })),
    });
  }
  return { id: 'scenarios', title: 'Digital-divide scenarios', blocks };
}
