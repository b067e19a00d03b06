/**
 * Computing a composite index for one reference year, and the Monte Carlo rank intervals.
 *
 * Scores: each indicator is normalised across the ranked areas (normalise.ts), indicators are
 * aggregated into pillar scores with their within-pillar weights, pillars into the index with the
 * pillar weights (aggregate.ts, same method at both levels). Rank 1 = highest index.
 *
 * Uncertainty (OECD/JRC Handbook, 2008): each draw takes pillar weights ~ Dirichlet(c · w_pillars)
 * and, per pillar with more than one indicator, indicator weights ~ Dirichlet(c · w_indicators);
 * one normalisation and one aggregation uniformly from the configured lists. The ranks across
 * draws give the median, the 5th and 95th percentiles (type 7), the best and worst rank.
 * @module
 */
import { InputError, UsageError } from '../../errors.js';
import { createRng } from '../../util/random.js';
import type { CompositeIndexConfig, Normalisation, Aggregation } from '../../guidelines/generated/composite-index.js';
import { asRecords, type HarmonisedObservation, type ObservationsInput } from '../observations.js';
import { provenanceOf } from '../provenance.js';
import { sortedKeys, totalsByAreaYear } from '../select.js';
import { normaliseIndicator } from './normalise.js';
import { aggregateScores, quantileSorted, rankDescending } from './aggregate.js';

/** The data an index is computed on: one value per indicator and area in the reference year. */
export interface IndexData {
  /** Reference year. */
  period: number;
  /** Ranked areas, sorted. */
  areas: string[];
  /** Indicator code → values in the order of `areas`. */
  values: Map<string, Float64Array>;
  /** Area → observations used. */
  observations: Map<string, HarmonisedObservation[]>;
  /** Areas left out for a missing indicator: area → missing codes. */
  excluded: Map<string, string[]>;
}

/** One row of index.csv. */
export interface IndexRow {
  index_id: string;
  ref_area: string;
  time_period: number;
  normalisation: string;
  aggregation: string;
  /** Index value; null when the area is not ranked. */
  index: number | null;
  rank: number | null;
  /** Pillar id → pillar score. */
  pillars: Record<string, number | null>;
  status: 'ok' | 'missing-indicator';
  missing: string;
  provenance: string[];
}

/** One row of index-ranks.csv. */
export interface RankRow {
  index_id: string;
  ref_area: string;
  time_period: number;
  nominal_rank: number;
  median_rank: number;
  p05_rank: number;
  p95_rank: number;
  best_rank: number;
  worst_rank: number;
  mean_rank: number;
  draws: number;
  seed: number;
  provenance: string[];
}

function indicatorCodes(cfg: CompositeIndexConfig): string[] {
  return cfg.pillars.flatMap((p) => p.indicators.map((i) => i.code));
}

/**
 * Picks the reference year and the areas with every indicator in it.
 * @throws InputError `INDEX_NO_COMPLETE_YEAR` (period latest-complete and no such year), `INDEX_TOO_FEW_AREAS`
 */
export function indexData(input: ObservationsInput, cfg: CompositeIndexConfig): IndexData {
  const records = asRecords(input);
  const codes = indicatorCodes(cfg);
  const data = new Map(codes.map((c) => [c, totalsByAreaYear(records, c)]));
  const candidates = cfg.areas ? [...cfg.areas].sort() : [...new Set(codes.flatMap((c) => sortedKeys(data.get(c)!)))].sort();
  const has = (a: string, y: number, c: string): boolean => !!data.get(c)!.get(a)?.has(y);
  let period: number;
  if (cfg.period === 'latest-complete') {
    const years = new Set<number>();
    for (const c of codes) for (const m of data.get(c)!.values()) for (const y of m.keys()) years.add(y);
    const count = (y: number): number => candidates.filter((a) => codes.every((c) => has(a, y, c))).length;
    // the latest year with every area complete; failing that, the latest with the most areas complete
    const best = [...years].sort((a, b) => count(b) - count(a) || b - a)[0];
    if (best === undefined || count(best) < 2) {
      throw new InputError(
        'INDEX_NO_COMPLETE_YEAR',
        `no year has every indicator of index ${cfg.id} (${codes.join(', ')}) for at least two areas (of ${candidates.join(' ')})`,
        { jsonPath: '/period' },
      );
    }
    period = best;
  } else {
    period = cfg.period;
  }
  const areas: string[] = [];
  const excluded = new Map<string, string[]>();
  for (const a of candidates) {
    const missing = codes.filter((c) => !has(a, period, c));
    if (missing.length) excluded.set(a, missing);
    else areas.push(a);
  }
  if (areas.length < 2) {
    throw new InputError(
      'INDEX_TOO_FEW_AREAS',
      `index ${cfg.id}: only ${areas.length} area(s) have every indicator in ${period}; at least 2 are needed to rank`,
      { jsonPath: '/period' },
    );
  }
  const values = new Map(codes.map((c) => [c, Float64Array.from(areas, (a) => data.get(c)!.get(a)!.get(period)!.value as number)]));
  const observations = new Map(areas.map((a) => [a, codes.map((c) => data.get(c)!.get(a)!.get(period)!)]));
  for (const [a] of excluded)
    observations.set(
      a,
      codes.map((c) => data.get(c)!.get(a)?.get(period)).filter((o): o is HarmonisedObservation => !!o),
    );
  return { period, areas, values, observations, excluded };
}

/** Index and pillar scores for given weights and methods. */
export function scoreIndex(
  data: IndexData,
  cfg: CompositeIndexConfig,
  normalisation: Normalisation,
  aggregation: Aggregation,
  pillarWeights: ArrayLike<number> = cfg.pillars.map((p) => p.weight),
  indicatorWeights: readonly ArrayLike<number>[] = cfg.pillars.map((p) => p.indicators.map((i) => i.weight)),
): { index: Float64Array; pillars: Float64Array[] } {
  const pillars = cfg.pillars.map((p, k) => {
    const scores = p.indicators.map((ind) => normaliseIndicator(data.values.get(ind.code)!, normalisation, ind));
    return scores.length === 1 ? scores[0] : aggregateScores(scores, indicatorWeights[k], aggregation);
  });
  return { index: aggregateScores(pillars, pillarWeights, aggregation), pillars };
}

/** The index table at nominal weights and methods: ranked areas, then the excluded ones. */
export function computeCompositeIndex(
  observations: ObservationsInput,
  cfg: CompositeIndexConfig,
  data: IndexData = indexData(observations, cfg),
): IndexRow[] {
  const { index, pillars } = scoreIndex(data, cfg, cfg.normalisation, cfg.aggregation);
  const rank = rankDescending(index);
  const rows: IndexRow[] = data.areas.map((a, i) => ({
    index_id: cfg.id,
    ref_area: a,
    time_period: data.period,
    normalisation: cfg.normalisation,
    aggregation: cfg.aggregation,
    index: index[i],
    rank: rank[i],
    pillars: Object.fromEntries(cfg.pillars.map((p, k) => [p.id, pillars[k][i]])),
    status: 'ok',
    missing: '',
    provenance: provenanceOf(data.observations.get(a)!),
  }));
  for (const [a, missing] of [...data.excluded].sort()) {
    rows.push({
      index_id: cfg.id,
      ref_area: a,
      time_period: data.period,
      normalisation: cfg.normalisation,
      aggregation: cfg.aggregation,
      index: null,
      rank: null,
      pillars: Object.fromEntries(cfg.pillars.map((p) => [p.id, null])),
      status: 'missing-indicator',
      missing: missing.join(' '),
      provenance: provenanceOf(data.observations.get(a) ?? []),
    });
  }
  return rows.sort((x, y) => (x.rank ?? Infinity) - (y.rank ?? Infinity) || (x.ref_area < y.ref_area ? -1 : 1));
}

/** The largest number of rank draws, as composite-index.schema.json states (`uncertainty.draws`). */
export const MAX_RANK_DRAWS = 1_000_000;

/** Options of {@link rankUncertainty}; defaults from the configuration's `uncertainty` block. */
export interface RankUncertaintyOptions {
  draws?: number;
  seed?: number;
  /** Called every 100 draws with the number done (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Monte Carlo rank intervals of every ranked area. Same seed, same result.
 * @throws UsageError `DIVIDE_BAD_DRAWS` when the draws are not an integer from 1 to {@link MAX_RANK_DRAWS}
 */
export function rankUncertainty(
  observations: ObservationsInput,
  cfg: CompositeIndexConfig,
  options: RankUncertaintyOptions = {},
  data: IndexData = indexData(observations, cfg),
): RankRow[] {
  const u = cfg.uncertainty ?? {};
  const draws = options.draws ?? u.draws ?? 1000;
  if (!Number.isInteger(draws) || draws < 1 || draws > MAX_RANK_DRAWS) {
    throw new UsageError('DIVIDE_BAD_DRAWS', `the rank draws must be an integer from 1 to ${MAX_RANK_DRAWS}, got ${draws}`);
  }
  const seed = options.seed ?? u.seed ?? 1;
  const c = u.weightConcentration ?? 20;
  const norms: Normalisation[] = u.normalisations ?? [cfg.normalisation];
  const aggs: Aggregation[] = u.aggregations ?? [cfg.aggregation];
  const rng = createRng(seed);
  const n = data.areas.length;
  const ranks = data.areas.map(() => new Float64Array(draws));
  const pw = cfg.pillars.map((p) => p.weight);
  const pwSum = pw.reduce((a, b) => a + b, 0);
  for (let d = 0; d < draws; d++) {
    const wp = rng.dirichlet(pw.map((w) => (c * w) / pwSum));
    const wi = cfg.pillars.map((p) => {
      if (p.indicators.length === 1) return [1];
      const s = p.indicators.reduce((a, i) => a + i.weight, 0);
      return Array.from(rng.dirichlet(p.indicators.map((i) => (c * i.weight) / s)));
    });
    const norm = norms[rng.integer(norms.length)];
    const agg = aggs[rng.integer(aggs.length)];
    const r = rankDescending(scoreIndex(data, cfg, norm, agg, wp, wi).index);
    for (let i = 0; i < n; i++) ranks[i][d] = r[i];
    if (options.onProgress && (d + 1) % 100 === 0) options.onProgress(d + 1, draws);
  }
  const nominal = rankDescending(scoreIndex(data, cfg, cfg.normalisation, cfg.aggregation).index);
  const rows: RankRow[] = data.areas.map((a, i) => {
    const s = ranks[i].slice().sort();
    return {
      index_id: cfg.id,
      ref_area: a,
      time_period: data.period,
      nominal_rank: nominal[i],
      median_rank: quantileSorted(s, 0.5),
      p05_rank: quantileSorted(s, 0.05),
      p95_rank: quantileSorted(s, 0.95),
      best_rank: s[0],
      worst_rank: s[s.length - 1],
      mean_rank: s.reduce((x, y) => x + y, 0) / draws,
      draws,
      seed,
      provenance: provenanceOf(data.observations.get(a)!),
    };
  });
  return rows.sort((x, y) => x.median_rank - y.median_rank || x.nominal_rank - y.nominal_rank || (x.ref_area < y.ref_area ? -1 : 1));
}
