/**
 * Convergence across countries.
 *
 * - Sigma-convergence: dispersion falls over time. OLS of a dispersion measure (CV, SD, Gini, …)
 *   on the year, over the years whose coverage is complete (the same set of countries every year),
 *   with the slope's standard error, t and two-sided p-value (n − 2 df; the residuals of a yearly
 *   series are serially correlated, so read the p-value as indicative).
 * - Beta-convergence (Barro & Sala-i-Martin): countries starting lower grow faster. Across
 *   countries, g_i = (ln x_i,T − ln x_i,0) / T on ln x_i,0; β < 0 is convergence; implied speed
 *   λ = −ln(1 + βT) / T and half-life ln 2 / λ. For a bounded indicator (a percentage) part of the
 *   convergence is mechanical: leaders cannot pass 100.
 * @module
 */
import { olsSimple } from './regression.js';
import { mergeProvenance, provenanceOf } from './provenance.js';
import { sortedKeys, totalsByAreaYear } from './select.js';
import type { DispersionRow } from './dispersion.js';
import { asRecords, type HarmonisedObservation, type ObservationsInput } from './observations.js';

/** One row of convergence.csv. */
export interface ConvergenceRow {
  indicator: string;
  /** `sigma` or `beta`. */
  test: 'sigma' | 'beta';
  /** Dispersion measure (sigma) or `log-growth-on-log-initial` (beta). */
  measure: string;
  start_period: number;
  end_period: number;
  /** Number of years (sigma) or countries (beta) in the regression. */
  n: number;
  slope: number;
  se_slope: number;
  t_slope: number;
  p_slope: number;
  intercept: number;
  r2: number;
  /** Beta only: implied convergence speed per year. */
  speed: number | null;
  /** Beta only: years to close half the gap. */
  half_life: number | null;
  /** `convergence`, `divergence` or `no significant trend` at the 5% level. */
  verdict: string;
  /** Years (sigma) or countries (beta) left out, and why. */
  excluded: string;
  provenance: string[];
}

function verdict(slope: number, p: number): string {
  if (p < 0.05) return slope < 0 ? 'convergence' : 'divergence';
  return 'no significant trend';
}

/**
 * Sigma-convergence of each measure over the complete-coverage years of a dispersion table.
 * @param rows the output of computeDispersion for one indicator
 * @param measures columns to test (default cv, sd, gini, cv_pw, gini_pw)
 */
export function sigmaConvergence(
  rows: readonly DispersionRow[],
  measures: readonly (keyof DispersionRow)[] = ['cv', 'sd', 'gini', 'cv_pw', 'gini_pw'],
): ConvergenceRow[] {
  const out: ConvergenceRow[] = [];
  const used = rows.filter((r) => r.coverage === 'complete');
  const dropped = rows.filter((r) => r.coverage !== 'complete').map((r) => `${r.time_period} (missing ${r.areas_missing})`);
  for (const measure of measures) {
    const pts = used.filter((r) => typeof r[measure] === 'number');
    if (pts.length < 3) continue;
    const fit = olsSimple(
      pts.map((r) => r.time_period),
      pts.map((r) => r[measure] as number),
    );
    out.push({
      indicator: rows[0].indicator,
      test: 'sigma',
      measure: String(measure),
      start_period: pts[0].time_period,
      end_period: pts[pts.length - 1].time_period,
      n: fit.n,
      slope: fit.slope,
      se_slope: fit.seSlope,
      t_slope: fit.tSlope,
      p_slope: fit.pSlope,
      intercept: fit.intercept,
      r2: fit.r2,
      speed: null,
      half_life: null,
      verdict: verdict(fit.slope, fit.pSlope),
      excluded: dropped.join('; '),
      provenance: mergeProvenance(...pts.map((r) => r.provenance)),
    });
  }
  return out;
}

/**
 * Beta-convergence of `indicator` between two years across countries with a positive value in both.
 * @throws NumericError from the regression when fewer than 3 countries qualify
 */
export function betaConvergence(
  observations: ObservationsInput,
  indicator: string,
  start: number,
  end: number,
  areas?: readonly string[],
): ConvergenceRow {
  const records = asRecords(observations);
  const data = totalsByAreaYear(records, indicator);
  const all = [...(areas ?? sortedKeys(data))].sort();
  const used: string[] = [];
  const excluded: string[] = [];
  const x: number[] = [];
  const g: number[] = [];
  const obs: HarmonisedObservation[] = [];
  const T = end - start;
  for (const a of all) {
    const o0 = data.get(a)?.get(start);
    const o1 = data.get(a)?.get(end);
    if (!o0 || !o1) {
      excluded.push(`${a} (no value in ${[o0 ? '' : start, o1 ? '' : end].filter(Boolean).join(' and ')})`);
      continue;
    }
    if (!((o0.value as number) > 0 && (o1.value as number) > 0)) {
      excluded.push(`${a} (value not positive)`);
      continue;
    }
    used.push(a);
    obs.push(o0, o1);
    x.push(Math.log(o0.value as number));
    g.push((Math.log(o1.value as number) - Math.log(o0.value as number)) / T);
  }
  const fit = olsSimple(x, g);
  const speed = 1 + fit.slope * T > 0 ? -Math.log(1 + fit.slope * T) / T : null;
  return {
    indicator,
    test: 'beta',
    measure: 'log-growth-on-log-initial',
    start_period: start,
    end_period: end,
    n: fit.n,
    slope: fit.slope,
    se_slope: fit.seSlope,
    t_slope: fit.tSlope,
    p_slope: fit.pSlope,
    intercept: fit.intercept,
    r2: fit.r2,
    speed,
    half_life: speed !== null && speed > 0 ? Math.log(2) / speed : null,
    verdict: verdict(fit.slope, fit.pSlope),
    excluded: excluded.join('; '),
    provenance: provenanceOf(obs),
  };
}
