import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readStageCsv as readCsv } from './read-csv.js';
import { readinessSection } from './readiness-section.js';
import type { CellValue, ReportBlock, ReportColumn, ReportDocument, ReportSection } from './document.js';

const num = (s: string | undefined): number | null => (s === undefined || s === '' ? null : Number(s));

/** Counts the `file:row…` provenance keys of a row and names the distinct files they come from. */
function provenanceSummary(keys: string | undefined): { n: number; files: string[] } {
  const list = (keys ?? '').split(' ').filter(Boolean);
  const files = [...new Set(list.map((k) => k.split(':')[0]!.replace(/^.*\//, '')))].sort();
  return { n: list.length, files };
}

/** A figure block from an SVG file written by a stage, when it exists. */
function svgFigure(path: string, id: string, alt: string, caption: string): ReportBlock[] {
  if (!existsSync(path)) return [];
  return [{ kind: 'figure', id, svg: readFileSync(path, 'utf8').replace(/^<\?xml[^>]*>\s*/, ''), alt, caption }];
}

/** The data coverage and quality section, from the harmonisation outputs in `dir`. */
export function coverageSection(dir: string): ReportSection | null {
  const obsPath = join(dir, 'observations.csv');
  if (!existsSync(obsPath)) return null;
  const obs = readCsv(obsPath);
  const quality = existsSync(join(dir, 'quality.md')) ? readFileSync(join(dir, 'quality.md'), 'utf8') : '';
  const invariant = quality.split('\n').find((l) => l.startsWith('Every input data cell')) ?? '';
  const indicators = [...new Set(obs.map((o) => o.INDICATOR!))].sort();
  const areas = [...new Set(obs.map((o) => o.REF_AREA!))].sort();
  const cov = new Map<string, { first: string; last: string; n: number }>();
  for (const o of obs) {
    const k = `${o.REF_AREA}|${o.INDICATOR}`;
    const c = cov.get(k);
    const t = o.TIME_PERIOD!;
    if (!c) cov.set(k, { first: t, last: t, n: 1 });
    else {
      if (t < c.first) c.first = t;
      if (t > c.last) c.last = t;
      c.n++;
    }
  }
  const coverageRows = areas.map((a) => {
    const row: Record<string, CellValue> = { area: a };
    for (const i of indicators) {
      const c = cov.get(`${a}|${i}`);
      row[i] = c ? `${c.first}–${c.last} (${c.n})` : '—';
    }
    return row;
  });
  const sources = new Map<string, { release: string; file: string; sha: string; n: number }>();
  for (const o of obs) {
    const s = sources.get(o.SOURCE_ID!) ?? { release: o.RELEASE_DATE!, file: o.PROV_FILE!, sha: o.PROV_SHA256!, n: 0 };
    s.n++;
    sources.set(o.SOURCE_ID!, s);
  }
  const rejects = existsSync(join(dir, 'rejects.csv')) ? readCsv(join(dir, 'rejects.csv')) : [];
  return {
    id: 'coverage',
    title: 'Data coverage and quality',
    blocks: [
      {
        kind: 'paragraph',
        text: `The harmonised dataset holds ${obs.length} observations of ${indicators.length} guideline indicators for ${areas.length} areas. ${invariant}`.trim(),
      },
      {
        kind: 'table',
        id: 'sources',
        caption: 'Sources harmonised, with their release and file fingerprint',
        columns: [
          { key: 'source', header: 'Source' },
          { key: 'release', header: 'Release' },
          { key: 'file', header: 'File' },
          { key: 'n', header: 'Observations', decimals: 0 },
          { key: 'sha', header: 'SHA-256 (first 16)' },
        ],
        rows: [...sources]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([source, s]) => ({ source, release: s.release, file: s.file, n: s.n, sha: s.sha.slice(0, 16) })),
        notes: [`${rejects.length} input rows were rejected (see rejects.csv with the reason of each).`],
      },
      {
        kind: 'table',
        id: 'coverage',
        caption: 'Coverage by area and indicator: first–last period (number of observations)',
        columns: [{ key: 'area', header: 'Area' }, ...indicators.map((i) => ({ key: i, header: i }))],
        rows: coverageRows,
      },
    ],
  };
}

/** The digital-divide section, from the divide stage's outputs in `dir` (tables and charts). */
export function divideSection(dir: string): ReportSection | null {
  if (!existsSync(join(dir, 'dispersion.csv'))) return null;
  const blocks: ReportBlock[] = [];
  const dispersion = readCsv(join(dir, 'dispersion.csv'));
  const hh7 = dispersion.filter((r) => r.indicator === 'HH7');
  const complete = hh7.filter((r) => r.coverage === 'complete');
  const incomplete = hh7.filter((r) => r.coverage !== 'complete');
  const expected = hh7[0]?.n_expected ?? '';
  blocks.push({
    kind: 'paragraph',
    text: `Between-country dispersion of Internet use (HH7, % of individuals) across the Member States, unweighted and population-weighted, over the balanced panel: the ${complete.length} years (${complete[0]?.time_period ?? '–'}–${complete[complete.length - 1]?.time_period ?? '–'}) in which all ${expected} Member States with the indicator are observed. Dispersion over a changing set of countries is not comparable, so the ${incomplete.length} years with missing countries are shown apart below and left out of the convergence tests; nothing is imputed.`,
  });
  blocks.push(
    ...svgFigure(
      join(dir, 'charts', 'dispersion-HH7.svg'),
      'fig-dispersion',
      'Line chart of the Gini coefficient and coefficient of variation of Internet use across ASEAN Member States by year over the balanced panel, falling steadily; years with missing countries are hollow marks apart from the lines.',
      'ASEAN dispersion of Internet use over time (lines: balanced panel; hollow marks: years with missing countries)',
    ),
  );
  const dispersionColumns: ReportColumn[] = [
    { key: 'year', header: 'Year', format: 'year' },
    { key: 'n', header: 'Areas', decimals: 0 },
    { key: 'gini', header: 'Gini', unit: '0–1', decimals: 3 },
    { key: 'cv', header: 'CV', unit: 'SD ÷ mean', decimals: 3 },
    { key: 'gini_pw', header: 'Gini (population-weighted)', unit: '0–1', decimals: 3 },
    { key: 'cv_pw', header: 'CV (population-weighted)', unit: 'SD ÷ mean', decimals: 3 },
    { key: 'obs', header: 'Observations used', decimals: 0 },
  ];
  const dispersionRow = (r: Record<string, string>) => ({
    year: num(r.time_period),
    n: num(r.n_areas),
    missing: (r.areas_missing ?? '').trim(),
    gini: num(r.gini),
    cv: num(r.cv),
    gini_pw: num(r.gini_pw),
    cv_pw: num(r.cv_pw),
    obs: provenanceSummary(r.provenance).n,
  });
  blocks.push({
    kind: 'table',
    id: 'dispersion',
    caption: `Dispersion of Internet use (HH7) across Member States by year: balanced panel of ${expected} Member States`,
    columns: dispersionColumns,
    rows: complete.map(dispersionRow),
    timeKey: 'year',
    notes: [
      'Population weights: World Bank SP.POP.TOTL (2018 release), carried forward after its last year where stated in dispersion.csv.',
    ],
  });
  if (incomplete.length) {
    blocks.push({
      kind: 'table',
      id: 'dispersion_incomplete',
      caption: 'Years with missing Member States: dispersion over fewer countries, not comparable with the balanced panel',
      columns: [...dispersionColumns.slice(0, 2), { key: 'missing', header: 'Missing' }, ...dispersionColumns.slice(2)],
      rows: incomplete.map(dispersionRow),
      timeKey: 'year',
      notes: ['Shown for completeness only: a year that lacks a country measures the dispersion of another group of countries.'],
    });
  }
  if (existsSync(join(dir, 'convergence.csv'))) {
    blocks.push({
      kind: 'table',
      id: 'convergence',
      caption: 'Sigma- and beta-convergence of Internet use',
      columns: [
        { key: 'test', header: 'Test' },
        { key: 'measure', header: 'Measure' },
        { key: 'span', header: 'Span', format: 'year' },
        { key: 'slope', header: 'Slope', unit: 'measure per year', decimals: 4 },
        { key: 'se', header: 'Std. error', unit: 'measure per year', decimals: 4 },
        { key: 'p', header: 'p-value', format: 'scientific', decimals: 1 },
        { key: 'verdict', header: 'Verdict' },
      ],
      rows: readCsv(join(dir, 'convergence.csv')).map((r) => ({
        test: r.test!,
        measure: r.measure!,
        span: { pair: 'band' as const, a: Number(r.start_period), b: Number(r.end_period) },
        slope: num(r.slope),
        se: num(r.se_slope),
        p: num(r.p_slope),
        verdict: r.verdict!,
      })),
    });
  }
  if (existsSync(join(dir, 'distance-to-target.csv'))) {
    const rows = readCsv(join(dir, 'distance-to-target.csv')).filter((r) => r.indicator === 'HH7');
    const target = rows[0]?.target ?? '';
    blocks.push({
      kind: 'table',
      id: 'distance_to_target',
      caption: `Years to near-universal Internet use (${target} % of individuals), counted from the latest observation along each country’s trend`,
      columns: [
        { key: 'area', header: 'Area' },
        { key: 'latest', header: 'Latest year', format: 'year' },
        { key: 'value', header: 'Latest value', unit: '% of individuals', decimals: 1 },
        { key: 'years', header: 'Years to target', unit: 'years', decimals: 1 },
        { key: 'reached', header: 'Year reached', decimals: 1 },
        { key: 'status', header: 'Status' },
        { key: 'method', header: 'Method' },
      ],
      rows: rows.map((r) => ({
        area: r.ref_area!,
        latest: num(r.latest_period),
        value: num(r.latest_value),
        years: num(r.years_to_target),
        reached: num(r.year_reached),
        status: r.status!,
        method: r.method ?? '',
      })),
      notes: [
        `A percentage is bounded by 100, so only bounded (logistic) trends are fitted and the target is ${target} %: a bounded trend reaches 100 % only asymptotically. The trend of each country is chosen by the smallest AICc; the years start from the latest observation, carrying the trend’s rate and ceiling forward.`,
      ],
    });
  }
  if (existsSync(join(dir, 'index-ranks.csv'))) {
    const ranks = readCsv(join(dir, 'index-ranks.csv'));
    blocks.push(
      ...svgFigure(
        join(dir, 'charts', `index-ranks-${ranks[0]?.index_id ?? ''}.svg`),
        'fig-index',
        'Chart of each Member State’s rank on the ASEAN digital-access index with its 5th–95th percentile interval from Monte Carlo over weights, normalisation and aggregation.',
        'Composite index ranking with rank intervals',
      ),
    );
    blocks.push({
      kind: 'table',
      id: 'index_ranks',
      caption: `Composite index ${ranks[0]?.index_id ?? ''} (${ranks[0]?.time_period ?? ''}): rank and its Monte Carlo interval`,
      columns: [
        { key: 'area', header: 'Area' },
        { key: 'nominal', header: 'Nominal rank', decimals: 0 },
        { key: 'median', header: 'Median rank', decimals: 0 },
        { key: 'p05', header: '5th percentile', decimals: 0 },
        { key: 'p95', header: '95th percentile', decimals: 0 },
      ],
      rows: ranks.map((r) => ({
        area: r.ref_area!,
        nominal: num(r.nominal_rank),
        median: num(r.median_rank),
        p05: num(r.p05_rank),
        p95: num(r.p95_rank),
      })),
      notes: [
        `${ranks[0]?.draws ?? ''} draws, seed ${ranks[0]?.seed ?? ''}: weights (Dirichlet), normalisation (min–max, z-score, goalposts) and aggregation (arithmetic, geometric) varied.`,
      ],
    });
  }
  return { id: 'divide', title: 'The digital divide', blocks };
}

/** The SAM and multipliers section, from `sam/checks.csv` and the multiplier outputs in `dir`. */
export function samSection(dir: string): ReportSection | null {
  const checks = join(dir, 'sam', 'checks.csv');
  const lsum = join(dir, 'multipliers', 'leontief', 'summary.json');
  if (!existsSync(checks) && !existsSync(lsum)) return null;
  const blocks: ReportBlock[] = [];
  if (existsSync(checks)) blocks.push(...samCheckTables(readCsv(checks)));
  const prov = join(dir, 'sam', 'provenance.csv');
  if (existsSync(prov)) blocks.push(samProvenanceTable(readCsv(prov)));
  if (existsSync(lsum)) blocks.push(...multiplierBlocks(dir, JSON.parse(readFileSync(lsum, 'utf8')) as LeontiefSummary));
  return { id: 'sam', title: 'Social accounting matrices and multipliers', blocks };
}

const SAM_SOURCE_NOTE =
  'Control totals from ADB MRIO 2022; structure below the totals from their own SAMs (IFPRI 2018) for IDN and PHL and from the Thai SAM 2006 for every other economy (table of block provenance below); digital sectors split by the guideline classification (datasets/sam/asean/README.md).';

/** The two SAM tables: balance and GDP at market prices three ways; from factor income to GDP at market prices. */
function samCheckTables(rows: ReturnType<typeof readCsv>): ReportBlock[] {
  const usd = { unit: 'US$ million', decimals: 0 } as const;
  return [
    {
      kind: 'table',
      id: 'sam_checks',
      caption: 'ASEAN social accounting matrices, 2022: balance, and GDP at market prices measured from production, income and expenditure',
      columns: [
        { key: 'area', header: 'Area' },
        { key: 'accounts', header: 'Accounts', decimals: 0 },
        { key: 'balanced', header: 'Balanced accounts' },
        { key: 'gdp_p', header: 'GDP at market prices, from production', ...usd },
        { key: 'gdp_i', header: 'GDP at market prices, from income', ...usd },
        { key: 'gdp_e', header: 'GDP at market prices, from expenditure', ...usd },
        { key: 'note', header: 'Note' },
      ],
      rows: rows.map((r) => ({
        area: r.area!,
        accounts: num(r.accounts),
        balanced: r.balanced ? `${r.balanced_accounts}/${r.accounts}` : '',
        gdp_p: num(r.gdp_market_production),
        gdp_i: num(r.gdp_market_income),
        gdp_e: num(r.gdp_market_expenditure),
        note: r.note ?? '',
      })),
      notes: [SAM_SOURCE_NOTE],
    },
    {
      kind: 'table',
      id: 'sam_value_added',
      caption:
        'From factor income to GDP at market prices, 2022: factor income plus taxes on production is gross value added at basic prices; plus taxes on products, GDP at market prices',
      columns: [
        { key: 'area', header: 'Area' },
        { key: 'factor', header: 'Factor income (GDP at factor cost)', ...usd },
        { key: 'tprod', header: 'Taxes on production', ...usd },
        { key: 'gva', header: 'Gross value added at basic prices', ...usd },
        { key: 'tproducts', header: 'Taxes on products', ...usd },
        { key: 'gdp', header: 'GDP at market prices', ...usd },
      ],
      rows: rows
        .filter((r) => r.factor_income)
        .map((r) => ({
          area: r.area!,
          factor: num(r.factor_income),
          tprod: num(r.taxes_on_production),
          gva: num(r.gva_basic_prices),
          tproducts: num(r.taxes_on_products),
          gdp: num(r.gdp_market_production),
        })),
      notes: [
        'Taxes on production: tax and government rows × activity columns (Itax); taxes on products: × commodity columns (here taxes on imports, Ttax).',
      ],
    },
  ];
}

/** Where each block of each SAM comes from, with a closing note per economy on its own-data blocks. */
function samProvenanceTable(rows: ReturnType<typeof readCsv>): ReportBlock {
  const areas = [...new Set(rows.map((r) => r.iso3!))];
  const notes = areas.map((a) => {
    const mine = rows.filter((r) => r.iso3 === a);
    const own = mine.filter((r) => r.origin === 'own').map((r) => r.block);
    const borrowed = mine.filter((r) => r.origin === 'borrowed').map((r) => r.block);
    return `${a}: own data for ${own.join(', ') || 'no block'}${borrowed.length > 0 ? `; borrowed: ${borrowed.join(', ')}` : ''}.`;
  });
  return {
    kind: 'table',
    id: 'sam_provenance',
    caption: 'Where each block of the ASEAN SAMs comes from: whose data, which year, which assumption',
    columns: [
      { key: 'area', header: 'Area' },
      { key: 'block', header: 'Block' },
      { key: 'origin', header: 'Origin' },
      { key: 'data', header: 'Data' },
      { key: 'year', header: 'Year' },
      { key: 'assumption', header: 'Assumption' },
    ],
    rows: rows.map((r) => ({
      area: r.iso3!,
      block: r.block ?? '',
      origin: r.origin ?? '',
      data: r.data ?? '',
      year: r.year ?? '',
      assumption: r.assumption ?? '',
    })),
    notes: [
      'Origin: own = the economy’s own data; borrowed = another economy’s data assumed to hold; assumption = neither (stated values).',
      ...notes,
    ],
  };
}

interface LeontiefSummary {
  digital?: { shareOfGdp: number; directValueAdded: number; inducedValueAdded: number; gdp: number; denominator?: string };
  keySectors?: string[];
  notes?: string[];
  valueAddedConcept?: string;
}

/** The digital-economy paragraph and the industry multipliers table. */
function multiplierBlocks(dir: string, summary: LeontiefSummary): ReportBlock[] {
  const blocks: ReportBlock[] = [];
  const technology = (summary.notes ?? []).find((n) => n.startsWith('industry-by-industry table'));
  const concept = summary.digital?.denominator ?? summary.valueAddedConcept ?? 'total value added';
  if (summary.digital) {
    const d = summary.digital;
    blocks.push({
      kind: 'paragraph',
      text: `Digital economy of the demo member state (ADB 2021 measure): value added of the digital industries ${Math.round(d.directValueAdded)} US$ million plus value added induced in the other industries along their domestic backward linkages ${Math.round(d.inducedValueAdded)} US$ million, together ${(100 * d.shareOfGdp).toFixed(2)} % of ${concept} (${Math.round(d.gdp)} US$ million). Key sectors among the industries (backward and forward linkages above the average of the industries): ${(summary.keySectors ?? []).join(', ') || 'none'}.`,
    });
  }
  const mpath = join(dir, 'multipliers', 'leontief', 'multipliers.csv');
  if (existsSync(mpath)) {
    blocks.push({
      kind: 'table',
      id: 'leontief_multipliers',
      caption: 'Output multipliers and linkages of the industries (industry-by-industry Leontief, Type I and Type II)',
      columns: [
        { key: 'sector', header: 'Industry' },
        { key: 'type1', header: 'Output multiplier, Type I', unit: 'US$ of output per US$ of final demand', decimals: 3 },
        { key: 'type2', header: 'Output multiplier, Type II', unit: 'US$ of output per US$ of final demand', decimals: 3 },
        { key: 'bl', header: 'Backward linkage', unit: 'index, average = 1', decimals: 3 },
        { key: 'fl', header: 'Forward linkage', unit: 'index, average = 1', decimals: 3 },
        { key: 'class', header: 'Class' },
      ],
      rows: readCsv(mpath).map((r) => ({
        sector: r.sector!,
        type1: num(r.output_type_i),
        type2: num(r.output_type_ii),
        bl: num(r.backward_linkage),
        fl: num(r.forward_linkage),
        class: r.linkage_class!,
      })),
      notes: [
        ...(technology
          ? [`Table: ${technology}. Where each industry makes one commodity, as here, product and industry technology give the same table.`]
          : []),
        'Type I: column sums of L = (I − A)⁻¹ (I − A factorised once; multipliers are solves). Type II closes the model with the households (labour income row, domestic consumption column). Backward linkage: column sums of L; forward linkage: row sums of the Ghosh inverse; each divided by its average over the industries. Full tables (A, L, SAM accounting multipliers and their Pyatt–Round decomposition) are in multipliers/.',
      ],
    });
  }
  return blocks;
}

/** The provenance section: how every figure traces back to the national files. */
export function provenanceSection(dir: string): ReportSection {
  const items = [
    'Every harmonised observation carries its source, release date, file, sheet, row and column, the mapping that read it and the SHA-256 of the file (observations.csv, columns PROV_*).',
    'Every metric row lists the observations it used as file:row:column keys; divide/provenance.csv maps each key to its observation and national file, and divide/unused-observations.csv gives the reason for every observation no metric used.',
    'Rejected input rows are in rejects.csv with their location and reason; filtered cells (aggregates, out-of-scope areas, missing-value markers) are counted by reason in quality.md.',
  ];
  if (existsSync(join(dir, 'simulate')))
    items.push(
      'Scenario results record the harmonised observations and the assumptions (with their sources) that their shocks were translated from.',
    );
  return { id: 'provenance', title: 'Provenance', blocks: [{ kind: 'list', items }] };
}

/** Options of {@link buildPipelineReport}. */
export interface PipelineReportOptions {
  /** Extra sections (e.g. SAM, multipliers, scenarios) placed after the divide section. */
  sections?: ReportSection[];
  /** Method notes and assumptions, one item each. */
  methodNotes?: string[];
}

/**
 * Builds the report document of a pipeline run from the outputs in `dir` (the demo's output
 * folder): data coverage and quality, the digital divide, the sections given, method notes and
 * provenance. Sections whose stage wrote nothing are left out, and the report says which.
 */
export function buildPipelineReport(dir: string, options: PipelineReportOptions = {}): ReportDocument {
  const coverage = coverageSection(dir);
  const divide = divideSection(join(dir, 'divide'));
  const sections = [coverage, divide, readinessSection(dir), samSection(dir), ...(options.sections ?? [])].filter(
    (s): s is ReportSection => s !== null,
  );
  const notes = options.methodNotes ?? [];
  sections.push({
    id: 'methods',
    title: 'Method notes and assumptions',
    blocks: [
      { kind: 'list', items: notes.length ? notes : ['No method notes were given.'] },
      ...(coverage
        ? []
        : [{ kind: 'paragraph' as const, text: 'The harmonisation outputs were not found: the coverage section is left out.' }]),
      ...(divide ? [] : [{ kind: 'paragraph' as const, text: 'The digital-divide metrics were not found: that section is left out.' }]),
    ],
  });
  sections.push(provenanceSection(dir));
  return {
    title: 'Bridging the digital divide in ASEAN',
    subtitle: 'Harmonised digital-economy statistics, digital-divide metrics, social accounting matrices and economy-wide scenarios',
    provenance:
      'Built by digicge from the embedded default data (datasets/): World Bank WDI and UN WUP releases harmonised under the ASEAN guideline.',
    sections,
  };
}
