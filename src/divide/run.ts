/**
 * The divide stage end to end: read the harmonised observations, compute the gaps, dispersion,
 * convergence, distance to target and composite index with its rank intervals, and write the
 * tidy CSV tables, the provenance sidecar, the unused-observations list and the SVG charts.
 * @module
 */
import { join } from 'node:path';
import { writeFileAtomic } from '../util/atomic-write.js';
import { InputError, UsageError } from '../errors.js';
import { loadDivideObservations, type HarmonisedObservation } from './observations.js';
import { catalogueGapDimensions, computeGaps, gapIndicators as defaultGapIndicators, type GapRow } from './gaps.js';
import { balancedPanel, computeDispersion, type DispersionRow } from './dispersion.js';
import { betaConvergence, sigmaConvergence, type ConvergenceRow } from './convergence.js';
import { computeDistanceToTarget, computeTrendProjections, PERCENT_UNITS, type DistanceRow, type ProjectionRow } from './distance.js';
import { DEFAULT_INDEX_CONFIG_PATH, readIndexConfig, type CompositeIndexConfig } from './composite/config.js';
import { computeCompositeIndex, indexData, rankUncertainty, type IndexRow, type RankRow } from './composite/index-score.js';
import { provenanceSidecar } from './provenance.js';
import { tidyCsv, type TidyCell } from './csv.js';
import { dispersionChartSpec, gapChartSpec, indexRankChartSpec, renderVegaLiteSvg } from './charts.js';
import { annualYear } from './select.js';

/** Options of {@link runDivide}. */
export interface DivideOptions {
  /** Path of observations.csv. */
  observations: string;
  /** Output folder. */
  outDir: string;
  /** Composite-index configuration; default the shipped asean-digital-access.json (skipped, saying why, when the data lack its indicators). */
  config?: string;
  /** Indicator of the dispersion, convergence and distance tables (default `HH7`). */
  indicator?: string;
  /** Target level of the distance-to-target table, in the indicator's unit (default 95: near-universal use of a percentage, which a bounded trend can reach; 100 is its asymptote). */
  target?: number;
  /** First year of the dispersion and convergence tables and of the trend fits (default 2000). */
  from?: number;
  /** Last year of projections.csv (default 2030). */
  projectTo?: number;
  /** Monte Carlo draws of the rank intervals (default: the configuration's, else 1000). */
  draws?: number;
  /** Seed of the Monte Carlo (default: the configuration's, else 1). */
  seed?: number;
  /** Progress lines. */
  log?: (line: string) => void;
}

/** What {@link runDivide} computed and wrote. */
export interface DivideResult {
  /** Files written, relative to the output folder, sorted. */
  outputs: string[];
  /** One line for a person. */
  summary: string;
  gaps: GapRow[];
  dispersion: DispersionRow[];
  convergence: ConvergenceRow[];
  distance: DistanceRow[];
  /** The chosen trend of each area, fitted years and projection to `projectTo`. */
  projections: ProjectionRow[];
  index: IndexRow[];
  ranks: RankRow[];
  /** Remarks on what was not computed and why. */
  notes: string[];
}

const PROV = ['n_obs', 'provenance'];

/** Default target of the distance-to-target table: 95 % of individuals, near-universal use (a bounded trend reaches 100 % only asymptotically). */
export const DEFAULT_TARGET = 95;

/** Column order of gaps.csv. */
export const GAP_COLUMNS = [
  'indicator',
  'ref_area',
  'time_period',
  'dimension',
  'comparison',
  'unit',
  'value_a',
  'value_b',
  'abs_gap',
  'ratio',
  'prev_period',
  'abs_gap_change',
  'ratio_change',
  'abs_gap_change_per_year',
  'status',
  'missing',
  'note',
  ...PROV,
];
/** Column order of dispersion.csv. */
export const DISPERSION_COLUMNS = [
  'indicator',
  'time_period',
  'n_areas',
  'n_expected',
  'areas_missing',
  'coverage',
  'min',
  'max',
  'range',
  'mean',
  'sd',
  'cv',
  'gini',
  'theil',
  'mean_pw',
  'sd_pw',
  'cv_pw',
  'gini_pw',
  'theil_pw',
  'weight_periods',
  'theil_subnational',
  'theil_within',
  'theil_between',
  'note',
  ...PROV,
];
/** Column order of convergence.csv. */
export const CONVERGENCE_COLUMNS = [
  'indicator',
  'test',
  'measure',
  'start_period',
  'end_period',
  'n',
  'slope',
  'se_slope',
  't_slope',
  'p_slope',
  'intercept',
  'r2',
  'speed',
  'half_life',
  'verdict',
  'excluded',
  ...PROV,
];
/** Column order of distance-to-target.csv. */
export const DISTANCE_COLUMNS = [
  'indicator',
  'ref_area',
  'target',
  'unit',
  'first_period',
  'latest_period',
  'latest_value',
  'model',
  'params',
  'criterion',
  'aicc',
  'rmse',
  'alternatives',
  'trend_at_latest',
  'year_reached',
  'years_to_target',
  'method',
  'status',
  ...PROV,
];
/** Column order of projections.csv. */
export const PROJECTION_COLUMNS = ['indicator', 'ref_area', 'time_period', 'trend', 'capped', 'model', 'kind', ...PROV];
/** Column order of provenance.csv. */
export const PROVENANCE_COLUMNS = [
  'PROV_KEY',
  'REF_AREA',
  'INDICATOR',
  'SEX',
  'AGE',
  'URBANISATION',
  'INCOME_WEALTH_QUANTILE',
  'TIME_PERIOD',
  'value',
  'UNIT_MEASURE',
  'SOURCE_ID',
  'PROV_FILE',
  'PROV_ROW',
  'PROV_COLUMN',
  'OBS_ROW',
];
/** Column order of index-ranks.csv. */
export const RANK_COLUMNS = [
  'index_id',
  'ref_area',
  'time_period',
  'nominal_rank',
  'median_rank',
  'p05_rank',
  'p95_rank',
  'best_rank',
  'worst_rank',
  'mean_rank',
  'draws',
  'seed',
  ...PROV,
];

function withCount<T extends { provenance: string[] }>(rows: readonly T[]): Record<string, TidyCell>[] {
  return rows.map((r) => ({ ...(r as unknown as Record<string, TidyCell>), n_obs: r.provenance.length }));
}

function f3(x: number | null | undefined): string {
  return x === null || x === undefined ? 'n/a' : x.toFixed(3);
}

/** Why an observation was used by no metric. */
function unusedReason(o: HarmonisedObservation, usedIndicators: ReadonlySet<string>, from: number): string {
  if (o.value === null) return 'OBS_VALUE missing';
  const y = annualYear(o);
  if (y === null) return 'not annual (FREQ/TIME_PERIOD): the divide metrics are annual';
  if (!usedIndicators.has(o.INDICATOR)) return 'indicator not used by any divide metric computed';
  if (y < from) return `before the first year of the dispersion and trend tables (${from})`;
  return 'breakdown, area or period not needed by any divide metric computed';
}

/** A year of the annual tables: an integer of at most four digits, as SDMX writes an annual TIME_PERIOD. */
function calendarYear(y: number, option: string): number {
  if (!Number.isInteger(y) || y < 1 || y > 9999)
    throw new UsageError('DIVIDE_BAD_YEAR', `--${option} must be a calendar year (an integer from 1 to 9999), got ${y}`);
  return y;
}

/**
 * Computes every divide table and writes them under `outDir`: gaps.csv, dispersion.csv,
 * convergence.csv, distance-to-target.csv, projections.csv, index.csv, index-ranks.csv, provenance.csv,
 * unused-observations.csv, and charts/*.svg.
 */
export async function runDivide(options: DivideOptions): Promise<DivideResult> {
  const log = options.log ?? (() => {});
  const indicator = options.indicator ?? 'HH7';
  const target = options.target ?? DEFAULT_TARGET;
  const from = calendarYear(options.from ?? 2000, 'from');
  if (options.projectTo !== undefined) calendarYear(options.projectTo, 'project-to');
  const records = await loadDivideObservations(options.observations);
  const notes: string[] = [];
  const outputs: string[] = [];
  const write = async (name: string, text: string): Promise<void> => {
    await writeFileAtomic(join(options.outDir, name), text);
    outputs.push(name);
  };
  if (!records.some((o) => o.INDICATOR === indicator && o.value !== null)) {
    throw new InputError(
      'DIVIDE_NO_INDICATOR',
      `the observations hold no value of indicator ${indicator}; choose another with --indicator`,
      { file: options.observations, column: 'INDICATOR' },
    );
  }

  log('divide: gaps');
  const gapIndicators = [...new Set([indicator, ...defaultGapIndicators(records)])].sort();
  const gaps = computeGaps(records, gapIndicators, catalogueGapDimensions);

  log('divide: dispersion and convergence');
  const dispersion = computeDispersion(records, indicator, { from });
  const convergence = sigmaConvergence(dispersion);
  const complete = dispersion.filter((r) => r.coverage === 'complete').map((r) => r.time_period);
  if (!convergence.some((c) => c.test === 'sigma')) {
    notes.push(`sigma-convergence not computed: fewer than three years with every country's ${indicator}`);
  }
  if (complete.length >= 2 && dispersion[0].n_expected >= 3) {
    convergence.push(betaConvergence(records, indicator, complete[0], complete[complete.length - 1]));
  } else {
    notes.push(`beta-convergence not computed: it needs two years with every country's ${indicator} and at least three countries`);
  }

  log('divide: distance to target');
  const distance = computeDistanceToTarget(records, indicator, { target, from });
  const projections = computeTrendProjections(records, indicator, { from, to: options.projectTo });

  let index: IndexRow[] = [];
  let ranks: RankRow[] = [];
  let cfg: CompositeIndexConfig | null = await readIndexConfig(options.config ?? DEFAULT_INDEX_CONFIG_PATH);
  let data: ReturnType<typeof indexData> | undefined;
  try {
    data = indexData(records, cfg);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    if (options.config) throw new InputError(err.code, err.message, { ...err.location, file: options.config }, { cause: err });
    notes.push(`composite index ${cfg.id} not computed on these data: ${err.message}`);
    cfg = null;
  }
  if (cfg && data) {
    log(`divide: composite index ${cfg.id} (${data.period}) and rank intervals`);
    index = computeCompositeIndex(records, cfg, data);
    ranks = rankUncertainty(records, cfg, { draws: options.draws, seed: options.seed }, data);
  }

  await write('gaps.csv', tidyCsv(withCount(gaps), GAP_COLUMNS));
  await write('dispersion.csv', tidyCsv(withCount(dispersion), DISPERSION_COLUMNS));
  await write('convergence.csv', tidyCsv(withCount(convergence), CONVERGENCE_COLUMNS));
  await write('distance-to-target.csv', tidyCsv(withCount(distance), DISTANCE_COLUMNS));
  await write('projections.csv', tidyCsv(withCount(projections), PROJECTION_COLUMNS));
  const pillarIds = cfg ? cfg.pillars.map((p) => p.id) : [];
  const indexColumns = [
    'index_id',
    'ref_area',
    'time_period',
    'normalisation',
    'aggregation',
    'index',
    'rank',
    ...pillarIds.map((p) => `pillar_${p}`),
    'status',
    'missing',
    ...PROV,
  ];
  const indexRows = index.map((r) => ({
    ...r,
    ...Object.fromEntries(pillarIds.map((p) => [`pillar_${p}`, r.pillars[p]])),
    n_obs: r.provenance.length,
  }));
  await write('index.csv', tidyCsv(indexRows as unknown as Record<string, TidyCell>[], indexColumns));
  await write('index-ranks.csv', tidyCsv(withCount(ranks), RANK_COLUMNS));

  const used = new Set<string>();
  for (const rows of [gaps, dispersion, convergence, distance, index, ranks] as { provenance: string[] }[][])
    for (const r of rows) for (const k of r.provenance) used.add(k);
  const provRows = provenanceSidecar(used, records);
  await write('provenance.csv', tidyCsv(provRows as unknown as Record<string, TidyCell>[], PROVENANCE_COLUMNS));
  const usedIndicators = new Set([
    indicator,
    'POP',
    ...gapIndicators,
    ...(cfg ? cfg.pillars.flatMap((p) => p.indicators.map((i) => i.code)) : []),
  ]);
  const unused = records
    .filter((o) => !used.has(o.PROV_KEY))
    .map((o) => ({
      OBS_ROW: o.OBS_ROW,
      REF_AREA: o.REF_AREA,
      INDICATOR: o.INDICATOR,
      TIME_PERIOD: o.TIME_PERIOD,
      PROV_KEY: o.PROV_KEY,
      reason: unusedReason(o, usedIndicators, from),
    }));
  await write('unused-observations.csv', tidyCsv(unused, ['OBS_ROW', 'REF_AREA', 'INDICATOR', 'TIME_PERIOD', 'PROV_KEY', 'reason']));

  log('divide: charts');
  const gapAreas = [...new Set(gaps.filter((g) => g.status === 'ok').map((g) => g.ref_area))].sort();
  if (gapAreas.length === 0)
    notes.push(
      `no gap chart: the observations hold no urban/rural, sex or income-quintile breakdown of ${gapIndicators.join(', ')} (gaps.csv lists each area and year as missing-breakdown)`,
    );
  for (const a of gapAreas) await write(`charts/gaps-${a}.svg`, await renderVegaLiteSvg(gapChartSpec(gaps, a)));
  if (dispersion.length) await write(`charts/dispersion-${indicator}.svg`, await renderVegaLiteSvg(dispersionChartSpec(dispersion)));
  if (ranks.length) await write(`charts/index-ranks-${ranks[0].index_id}.svg`, await renderVegaLiteSvg(indexRankChartSpec(ranks)));
  await write('notes.txt', notes.length ? `${notes.join('\n')}\n` : 'every table and chart was computed\n');

  const panel = balancedPanel(dispersion);
  const first = panel[0];
  const last = panel[panel.length - 1];
  const incomplete = dispersion.filter((r) => r.coverage !== 'complete');
  const sigma = convergence.find((c) => c.test === 'sigma' && c.measure === 'cv');
  const reached = distance.filter((d) => d.status === 'projected' || d.status === 'already-reached').length;
  const parts = [
    first && last
      ? `${indicator} Gini ${f3(first.gini)} (${first.time_period}) → ${f3(last.gini)} (${last.time_period}), balanced panel of ${first.n_areas} areas` +
        (incomplete.length
          ? ` (${incomplete.length} years with missing areas shown apart: ${incomplete.map((r) => r.time_period).join(', ')})`
          : '')
      : `${indicator}: no year with every area`,
    sigma ? `sigma ${sigma.verdict} (CV slope ${sigma.slope.toFixed(4)}/yr, p=${sigma.p_slope.toPrecision(2)})` : '',
    `${reached}/${distance.length} areas reach ${target} ${PERCENT_UNITS.has(distance[0]?.unit ?? '') ? '% ' : ''}on trend`,
    ranks.length
      ? `index ${ranks[0].index_id} ${ranks[0].time_period}: ${ranks.map((r) => `${r.ref_area} ${r.median_rank}[${r.p05_rank}–${r.p95_rank}]`).join(' ')}`
      : 'index not computed',
  ].filter(Boolean);
  return { outputs: outputs.sort(), summary: parts.join('; '), gaps, dispersion, convergence, distance, projections, index, ranks, notes };
}

/**
 * The demo's divide step: every table and chart of {@link runDivide} with its defaults (HH7,
 * target 95 %, shipped index configuration) for the observations at `observationsPath`.
 * @returns the files written (relative to `outDir`) and a one-line summary (its Gini figures are
 *   those of the balanced panel: the years in which every area has a value)
 */
export async function divideDefault(observationsPath: string, outDir: string): Promise<{ outputs: string[]; summary: string }> {
  const r = await runDivide({ observations: observationsPath, outDir });
  return { outputs: r.outputs, summary: r.summary };
}
