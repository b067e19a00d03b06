import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readStageCsv as readCsv } from './read-csv.js';
import type { CellValue, ReportBlock, ReportDocument, ReportSection } from './document.js';


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
        rows: [...sources].sort(([a], [b]) => a.localeCompare(b)).map(([source, s]) => ({ source, release: s.release, file: s.file, n: s.n, sha: s.sha.slice(0, 16) })),
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
  blocks.push({
    kind: 'paragraph',
    text: 'Between-country dispersion of Internet use (HH7, % of individuals) across the ten Member States, unweighted and population-weighted. Years in which a country has no observation are marked incomplete and left out of the convergence tests; nothing is imputed.',
  });
  blocks.push(...svgFigure(join(dir, 'charts', 'dispersion-HH7.svg'), 'fig-dispersion', 'Line chart of the Gini coefficient and coefficient of variation of Internet use across ASEAN Member States by year, falling steadily from 2000.', 'ASEAN dispersion of Internet use over time'));
  blocks.push({
    kind: 'table',
    id: 'dispersion',
    caption: 'Dispersion of Internet use (HH7) across Member States by year',
    columns: [
      { key: 'year', header: 'Year', format: 'year' },
      { key: 'n', header: 'Areas', decimals: 0 },
      { key: 'missing', header: 'Missing' },
      { key: 'gini', header: 'Gini', decimals: 3 },
      { key: 'cv', header: 'CV', decimals: 3 },
      { key: 'gini_pw', header: 'Gini (population-weighted)', decimals: 3 },
      { key: 'cv_pw', header: 'CV (population-weighted)', decimals: 3 },
      { key: 'obs', header: 'Observations used', decimals: 0 },
    ],
    rows: dispersion
      .filter((r) => r.indicator === 'HH7')
      .map((r) => ({ year: num(r.time_period), n: num(r.n_areas), missing: r.areas_missing ?? '', gini: num(r.gini), cv: num(r.cv), gini_pw: num(r.gini_pw), cv_pw: num(r.cv_pw), obs: provenanceSummary(r.provenance).n })),
    notes: ['Population weights: World Bank SP.POP.TOTL (2018 release), carried forward after its last year where stated in dispersion.csv.'],
  });
  if (existsSync(join(dir, 'convergence.csv'))) {
    blocks.push({
      kind: 'table',
      id: 'convergence',
      caption: 'Sigma- and beta-convergence of Internet use',
      columns: [
        { key: 'test', header: 'Test' },
        { key: 'measure', header: 'Measure' },
        { key: 'span', header: 'Span', format: 'year' },
        { key: 'slope', header: 'Slope', decimals: 4 },
        { key: 'se', header: 'Std. error', decimals: 4 },
        { key: 'p', header: 'p-value', format: 'scientific', decimals: 1 },
        { key: 'verdict', header: 'Verdict' },
      ],
      rows: readCsv(join(dir, 'convergence.csv')).map((r) => ({
        test: r.test!, measure: r.measure!, span: { pair: 'band' as const, a: Number(r.start_period), b: Number(r.end_period) }, slope: num(r.slope), se: num(r.se_slope),
        p: num(r.p_slope), verdict: r.verdict!,
      })),
    });
  }
  if (existsSync(join(dir, 'distance-to-target.csv'))) {
    blocks.push({
      kind: 'table',
      id: 'distance_to_target',
      caption: 'Years to universal Internet use (100 %) at the observed trend',
      columns: [
        { key: 'area', header: 'Area' },
        { key: 'latest', header: 'Latest', format: 'year' },
        { key: 'value', header: 'Latest value', unit: '%', decimals: 1 },
        { key: 'model', header: 'Trend (chosen by AICc)' },
        { key: 'years', header: 'Years to target', decimals: 1 },
        { key: 'status', header: 'Status' },
      ],
      rows: readCsv(join(dir, 'distance-to-target.csv'))
        .filter((r) => r.indicator === 'HH7')
        .map((r) => ({ area: r.ref_area!, latest: num(r.latest_period), value: num(r.latest_value), model: r.model!, years: num(r.years_to_target), status: r.status! })),
    });
  }
  if (existsSync(join(dir, 'index-ranks.csv'))) {
    const ranks = readCsv(join(dir, 'index-ranks.csv'));
    blocks.push(...svgFigure(join(dir, 'charts', `index-ranks-${ranks[0]?.index_id ?? ''}.svg`), 'fig-index', 'Chart of each Member State’s rank on the ASEAN digital-access index with its 5th–95th percentile interval from Monte Carlo over weights, normalisation and aggregation.', 'Composite index ranking with rank intervals'));
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
      rows: ranks.map((r) => ({ area: r.ref_area!, nominal: num(r.nominal_rank), median: num(r.median_rank), p05: num(r.p05_rank), p95: num(r.p95_rank) })),
      notes: [`${ranks[0]?.draws ?? ''} draws, seed ${ranks[0]?.seed ?? ''}: weights (Dirichlet), normalisation (min–max, z-score, goalposts) and aggregation (arithmetic, geometric) varied.`],
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
  if (existsSync(checks)) {
    blocks.push({
      kind: 'table',
      id: 'sam_checks',
      caption: 'ASEAN social accounting matrices, 2022: balance and GDP from production and from expenditure',
      columns: [
        { key: 'area', header: 'Area' },
        { key: 'accounts', header: 'Accounts', decimals: 0 },
        { key: 'balanced', header: 'Balanced' },
        { key: 'gdp_p', header: 'GDP (production)', unit: 'US$ million', decimals: 0 },
        { key: 'gdp_e', header: 'GDP (expenditure)', unit: 'US$ million', decimals: 0 },
        { key: 'note', header: 'Note' },
      ],
      rows: readCsv(checks).map((r) => ({ area: r.area!, accounts: num(r.accounts), balanced: r.balanced ? `${r.balanced_accounts}/${r.accounts}` : '', gdp_p: num(r.gdp_production), gdp_e: num(r.gdp_expenditure), note: r.note ?? '' })),
      notes: ['Control totals from ADB MRIO 2022; structure below the totals from the Thai SAM 2006; digital sectors split by the guideline classification (datasets/sam/asean/README.md).'],
    });
  }
  if (existsSync(lsum)) {
    const summary = JSON.parse(readFileSync(lsum, 'utf8')) as { digital?: { shareOfGdp: number; directValueAdded: number; inducedValueAdded: number; gdp: number }; keySectors?: string[] };
    if (summary.digital) {
      const d = summary.digital;
      blocks.push({
        kind: 'paragraph',
        text: `Digital economy of the demo member state (ADB measure): direct value added of the digital sectors ${Math.round(d.directValueAdded)} plus value added induced along their backward linkages ${Math.round(d.inducedValueAdded)}, together ${(100 * d.shareOfGdp).toFixed(2)} % of GDP (${Math.round(d.gdp)}, US$ million). Key sectors (backward and forward linkages above average): ${(summary.keySectors ?? []).join(', ')}.`,
      });
    }
    const mpath = join(dir, 'multipliers', 'leontief', 'multipliers.csv');
    if (existsSync(mpath)) {
      blocks.push({
        kind: 'table',
        id: 'leontief_multipliers',
        caption: 'Output multipliers and linkages of the activities (Leontief, Type I and Type II)',
        columns: [
          { key: 'sector', header: 'Activity' },
          { key: 'type1', header: 'Output multiplier, Type I', decimals: 3 },
          { key: 'type2', header: 'Output multiplier, Type II', decimals: 3 },
          { key: 'bl', header: 'Backward linkage', decimals: 3 },
          { key: 'fl', header: 'Forward linkage', decimals: 3 },
          { key: 'class', header: 'Class' },
        ],
        rows: readCsv(mpath)
          .filter((r) => r.sector!.startsWith('A-'))
          .map((r) => ({ sector: r.sector!, type1: num(r.output_type_i), type2: num(r.output_type_ii), bl: num(r.backward_linkage), fl: num(r.forward_linkage), class: r.linkage_class! })),
        notes: ['I − A factorised once; multipliers are solves. Type II closes the model with the household account. Full tables (A, L, SAM accounting multipliers and their Pyatt–Round decomposition) are in multipliers/.'],
      });
    }
  }
  return { id: 'sam', title: 'Social accounting matrices and multipliers', blocks };
}

/** The provenance section: how every figure traces back to the national files. */
export function provenanceSection(dir: string): ReportSection {
  const items = [
    'Every harmonised observation carries its source, release date, file, sheet, row and column, the mapping that read it and the SHA-256 of the file (observations.csv, columns PROV_*).',
    'Every metric row lists the observations it used as file:row:column keys; divide/provenance.csv maps each key to its observation and national file, and divide/unused-observations.csv gives the reason for every observation no metric used.',
    'Rejected input rows are in rejects.csv with their location and reason; filtered cells (aggregates, out-of-scope areas, missing-value markers) are counted by reason in quality.md.',
  ];
  if (existsSync(join(dir, 'simulate'))) items.push('Scenario results record the harmonised observations and the assumptions (with their sources) that their shocks were translated from.');
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
  const sections = [coverage, divide, samSection(dir), ...(options.sections ?? [])].filter((s): s is ReportSection => s !== null);
  const notes = options.methodNotes ?? [];
  sections.push({
    id: 'methods',
    title: 'Method notes and assumptions',
    blocks: [
      { kind: 'list', items: notes.length ? notes : ['No method notes were given.'] },
      ...(coverage ? [] : [{ kind: 'paragraph' as const, text: 'The harmonisation outputs were not found: the coverage section is left out.' }]),
      ...(divide ? [] : [{ kind: 'paragraph' as const, text: 'The digital-divide metrics were not found: that section is left out.' }]),
    ],
  });
  sections.push(provenanceSection(dir));
  return {
    title: 'Bridging the digital divide in ASEAN',
    subtitle: 'Harmonised digital-economy statistics, digital-divide metrics, social accounting matrices and economy-wide scenarios',
    provenance: 'Built by digicge from the embedded default data (datasets/): World Bank WDI and UN WUP releases harmonised under the ASEAN guideline.',
    sections,
  };
}
