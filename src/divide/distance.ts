/**
 * Distance to target: years until each country reaches a target level of an indicator (e.g.
 * near-universal Internet use, 95 % of individuals) if it follows the trend fitted to its own series.
 *
 * The trend is the best of the candidate models by the corrected Akaike criterion (AICc, residuals
 * on the levels; see trend.ts) and is named in every row with its parameters, the criterion values
 * of the alternatives and its method in words. A percentage (unit `PT`, `PERCENT`, `PC` or `PCT`) is
 * bounded by 100: only bounded (logistic) trends are fitted, and the target must lie below 100,
 * since a bounded trend reaches its bound only asymptotically. Years are counted from the latest
 * observation along the trend's shape (see `yearsFromLast`), never from the fitted curve's own
 * value at that year. Status: `already-reached` (latest observation ≥ target), `projected` (the
 * trend reaches the target after the latest year), `never-reached` (flat or falling trend, or a
 * ceiling at or below the target), `no-trend` (a percentage with a value at 100: no bounded trend
 * below it), `insufficient-data` (fewer than 4 positive observations: AICc needs n > k + 1).
 * @module
 */
import { InputError } from '../errors.js';
import { fitTrends, trendMethod, trendValue, yearsFromLast, type TrendFit } from './trend.js';
import { provenanceOf } from './provenance.js';
import { sortedKeys, totalsByAreaYear } from './select.js';
import { asRecords, type ObservationsInput } from './observations.js';

/** Options of {@link computeDistanceToTarget}. */
export interface DistanceOptions {
  /** Target level in the indicator's unit (e.g. 100). */
  target: number;
  /** First year of the fitted series (default: the first observed; zeros are not used). */
  from?: number;
  /** Expected areas (default: every country with the indicator). */
  areas?: readonly string[];
}

/** Unit codes read as a percentage (logistic ceiling capped at 100): SDMX `PT`, SDG `PERCENT`, `PC`. */
export const PERCENT_UNITS: ReadonlySet<string> = new Set(['PT', 'PERCENT', 'PC', 'PCT']);

/** The criterion used to choose the trend model, as stated in the output. */
export const TREND_CRITERION = 'min AICc on levels';

/** One row of distance-to-target.csv. */
export interface DistanceRow {
  indicator: string;
  ref_area: string;
  target: number;
  unit: string;
  first_period: number | null;
  latest_period: number | null;
  latest_value: number | null;
  n_obs: number;
  model: string;
  /** Parameters of the chosen model, e.g. `K=98.1 r=0.31 t0=2014.2`. */
  params: string;
  criterion: string;
  aicc: number | null;
  rmse: number | null;
  /** Every model tried with its AICc, best first. */
  alternatives: string;
  /** Fitted value of the trend at the latest year. */
  trend_at_latest: number | null;
  /** Fractional calendar year the target is reached: the latest year plus `years_to_target`. */
  year_reached: number | null;
  /** Years from the latest observation to the target along the trend (0 when already reached). */
  years_to_target: number | null;
  /** The trend and how the years are counted, in words. */
  method: string;
  status: 'already-reached' | 'projected' | 'never-reached' | 'no-trend' | 'insufficient-data';
  provenance: string[];
}

function fmt(v: number): string {
  return Number(v.toPrecision(6)).toString();
}

/**
 * Years to `target` for every country.
 * @param records harmonised observations
 * @param indicator indicator code, e.g. `HH7`
 */
export function computeDistanceToTarget(observations: ObservationsInput, indicator: string, options: DistanceOptions): DistanceRow[] {
  const records = asRecords(observations);
  const data = totalsByAreaYear(records, indicator);
  const rows: DistanceRow[] = [];
  for (const area of [...(options.areas ?? sortedKeys(data))].sort()) {
    const series = data.get(area);
    const years = series
      ? sortedKeys(series).filter((y) => (options.from === undefined || y >= options.from) && (series.get(y)!.value as number) > 0)
      : [];
    const obs = years.map((y) => series!.get(y)!);
    const unit = obs[0]?.UNIT_MEASURE ?? '';
    const cap = PERCENT_UNITS.has(unit) ? 100 : Infinity;
    if (options.target >= cap) {
      throw new InputError(
        'DIVIDE_TARGET_AT_BOUND',
        `the target ${options.target} of ${indicator} (unit ${unit}) is at or above its bound ${cap}: a bounded trend reaches its bound only asymptotically; give a target below ${cap} (e.g. --target 95)`,
        { account: area, column: 'UNIT_MEASURE' },
      );
    }
    const latest = obs[obs.length - 1];
    const base: DistanceRow = {
      indicator,
      ref_area: area,
      target: options.target,
      unit,
      first_period: years[0] ?? null,
      latest_period: latest ? years[years.length - 1] : null,
      latest_value: latest ? (latest.value as number) : null,
      n_obs: obs.length,
      model: '',
      params: '',
      criterion: TREND_CRITERION,
      aicc: null,
      rmse: null,
      alternatives: '',
      trend_at_latest: null,
      year_reached: null,
      years_to_target: null,
      method: '',
      status: 'insufficient-data',
      provenance: provenanceOf(obs),
    };
    if (obs.length < 4) {
      rows.push(base);
      continue;
    }
    const yLast = latest.value as number;
    const tLast = years[years.length - 1];
    const fits: TrendFit[] = fitTrends(
      Float64Array.from(years),
      Float64Array.from(obs, (o) => o.value as number),
      cap,
    );
    const best = fits[0];
    if (!best) {
      rows.push({
        ...base,
        status: yLast >= options.target ? 'already-reached' : 'no-trend',
        years_to_target: yLast >= options.target ? 0 : null,
        method: `no bounded trend: a value at the bound ${cap}`,
      });
      continue;
    }
    const years_to_target = yearsFromLast(best, yLast, options.target);
    rows.push({
      ...base,
      model: best.model,
      params: Object.entries(best.params)
        .map(([k, v]) => `${k}=${fmt(v)}`)
        .join(' '),
      aicc: best.aicc,
      rmse: best.rmse,
      alternatives: fits.map((f) => `${f.model}:${fmt(f.aicc)}`).join(' '),
      trend_at_latest: trendValue(best, tLast),
      years_to_target,
      year_reached: years_to_target === null ? null : tLast + years_to_target,
      method: `${trendMethod(best, years[0]!, tLast)}, chosen by ${TREND_CRITERION}; years counted from the ${tLast} observation (${fmt(yLast)}) along the trend`,
      status: yLast >= options.target ? 'already-reached' : years_to_target === null ? 'never-reached' : 'projected',
    });
  }
  return rows;
}

/** One row of projections.csv: the chosen trend of an area extended year by year. */
export interface ProjectionRow {
  indicator: string;
  ref_area: string;
  time_period: number;
  /** Value of the chosen trend in that year; for a percentage at most 100 (see `capped`). */
  trend: number;
  /** `yes` when the trend of a percentage passed 100 and the value was set to 100. */
  capped: 'yes' | 'no';
  model: string;
  /** `fitted` for years of the fitted series, `projected` after the latest observation. */
  kind: 'fitted' | 'projected';
  provenance: string[];
}

/**
 * The trend chosen for each area (as in {@link computeDistanceToTarget}), evaluated from its first
 * fitted year to `to` (default 2030): a path the CGE scenarios can take as a target trajectory.
 * A percentage's linear or log-linear trend can pass 100: such values are set to 100 and flagged.
 * Areas with fewer than 4 positive observations get no rows.
 */
export function computeTrendProjections(
  observations: ObservationsInput,
  indicator: string,
  options: { from?: number; to?: number } = {},
): ProjectionRow[] {
  const records = asRecords(observations);
  const data = totalsByAreaYear(records, indicator);
  const to = options.to ?? 2030;
  const rows: ProjectionRow[] = [];
  for (const area of sortedKeys(data)) {
    const series = data.get(area)!;
    const years = sortedKeys(series).filter(
      (y) => (options.from === undefined || y >= options.from) && (series.get(y)!.value as number) > 0,
    );
    if (years.length < 4) continue;
    const obs = years.map((y) => series.get(y)!);
    const cap = PERCENT_UNITS.has(obs[0].UNIT_MEASURE) ? 100 : Infinity;
    const [best] = fitTrends(
      Float64Array.from(years),
      Float64Array.from(obs, (o) => o.value as number),
      cap,
    );
    const provenance = provenanceOf(obs);
    const last = years[years.length - 1];
    for (let y = years[0]; y <= Math.max(to, last); y++) {
      const v = trendValue(best, y);
      rows.push({
        indicator,
        ref_area: area,
        time_period: y,
        trend: Math.min(v, cap),
        capped: v > cap ? 'yes' : 'no',
        model: best.model,
        kind: y <= last ? 'fitted' : 'projected',
        provenance,
      });
    }
  }
  return rows;
}
