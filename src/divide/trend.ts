/**
 * Trend models of an indicator over time and the year they reach a target (pure kernels).
 *
 * - `linear`:     y = a + b·t
 * - `log-linear`: ln y = a + b·t (constant growth rate; needs y > 0)
 * - `logistic`:   y = K / (1 + exp(−r (t − t0))) (S-shaped diffusion with ceiling K; Levenberg–
 *                 Marquardt least squares on levels, K optionally capped, e.g. at 100 for a percentage)
 *
 * Model choice: the smallest corrected Akaike criterion AICc = n ln(RSS/n) + 2k + 2k(k+1)/(n−k−1),
 * with RSS measured on the levels y for every model (so that the three are comparable) and k the
 * number of parameters (2, 2, 3). t is the calendar year.
 * @module
 */
import { NumericError } from '../errors.js';
import { olsSimple } from './regression.js';

/** Name of a trend model. */
export type TrendModelName = 'linear' | 'log-linear' | 'logistic';

/** A fitted trend model. */
export interface TrendFit {
  /** Model name. */
  model: TrendModelName;
  /** Parameters: linear/log-linear {a, b}; logistic {K, r, t0}. */
  params: Record<string, number>;
  /** Residual sum of squares on the levels. */
  rss: number;
  /** Root mean squared error on the levels. */
  rmse: number;
  /** Corrected Akaike information criterion on the levels. */
  aicc: number;
  /** Number of observations. */
  n: number;
  /** Number of parameters. */
  k: number;
}

/** Value of a fitted trend at year t. */
export function trendValue(fit: TrendFit, t: number): number {
  const p = fit.params;
  switch (fit.model) {
    case 'linear':
      return p.a + p.b * t;
    case 'log-linear':
      return Math.exp(p.a + p.b * t);
    case 'logistic':
      return p.K / (1 + Math.exp(-p.r * (t - p.t0)));
  }
}

function aicc(rss: number, n: number, k: number): number {
  const r = Math.max(rss, 1e-300 * n);
  const base = n * Math.log(r / n) + 2 * k;
  return n - k - 1 > 0 ? base + (2 * k * (k + 1)) / (n - k - 1) : Number.MAX_VALUE;
}

function finish(model: TrendModelName, params: Record<string, number>, t: ArrayLike<number>, y: ArrayLike<number>, k: number): TrendFit {
  const fit: TrendFit = { model, params, rss: 0, rmse: 0, aicc: 0, n: t.length, k };
  let rss = 0;
  for (let i = 0; i < t.length; i++) rss += (y[i] - trendValue(fit, t[i])) ** 2;
  fit.rss = rss;
  fit.rmse = Math.sqrt(rss / t.length);
  fit.aicc = aicc(rss, t.length, k);
  return fit;
}

/** Least-squares straight line y = a + b t. */
export function fitLinear(t: ArrayLike<number>, y: ArrayLike<number>): TrendFit {
  const o = olsSimple(t, y);
  return finish('linear', { a: o.intercept, b: o.slope }, t, y, 2);
}

/**
 * Constant-growth trend: OLS of ln y on t.
 * @throws NumericError `TREND_NON_POSITIVE` when a value is ≤ 0
 */
export function fitLogLinear(t: ArrayLike<number>, y: ArrayLike<number>): TrendFit {
  const ly = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) {
    if (!(y[i] > 0)) throw new NumericError('TREND_NON_POSITIVE', `the log-linear trend needs positive values; value ${i} is ${y[i]}`);
    ly[i] = Math.log(y[i]);
  }
  const o = olsSimple(t, ly);
  return finish('log-linear', { a: o.intercept, b: o.slope }, t, y, 2);
}

function solve3(A: number[][], b: number[]): number[] | null {
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < 3; c++) {
    let piv = c;
    for (let r = c + 1; r < 3; r++) if (Math.abs(M[r][c]) > Math.abs(M[piv][c])) piv = r;
    if (Math.abs(M[piv][c]) < 1e-300) return null;
    [M[c], M[piv]] = [M[piv], M[c]];
    for (let r = c + 1; r < 3; r++) {
      const f = M[r][c] / M[c][c];
      for (let k = c; k < 4; k++) M[r][k] -= f * M[c][k];
    }
  }
  const x = [0, 0, 0];
  for (let r = 2; r >= 0; r--) {
    let s = M[r][3];
    for (let k = r + 1; k < 3; k++) s -= M[r][k] * x[k];
    x[r] = s / M[r][r];
  }
  return x;
}

function logisticRss(t: ArrayLike<number>, y: ArrayLike<number>, p: number[], s0: number): number {
  let rss = 0;
  for (let i = 0; i < t.length; i++) rss += (y[i] - p[0] / (1 + Math.exp(-p[1] * (t[i] - s0 - p[2])))) ** 2;
  return rss;
}

function levenbergMarquardt(t: ArrayLike<number>, y: ArrayLike<number>, start: number[], s0: number, cap: number): { p: number[]; rss: number } {
  let p = start.slice();
  let rss = logisticRss(t, y, p, s0);
  let lambda = 1e-3;
  for (let iter = 0; iter < 500; iter++) {
    const JtJ = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
    const Jte = [0, 0, 0];
    for (let i = 0; i < t.length; i++) {
      const d = t[i] - s0 - p[2];
      const E = Math.exp(-p[1] * d);
      const f = p[0] / (1 + E);
      const g = [1 / (1 + E), (p[0] * E * d) / (1 + E) ** 2, (-p[0] * E * p[1]) / (1 + E) ** 2];
      const e = y[i] - f;
      for (let a = 0; a < 3; a++) {
        Jte[a] += g[a] * e;
        for (let b = 0; b < 3; b++) JtJ[a][b] += g[a] * g[b];
      }
    }
    let improved = false;
    while (lambda < 1e12) {
      const A = JtJ.map((row, a) => row.map((v, b) => (a === b ? v * (1 + lambda) + 1e-12 : v)));
      const step = solve3(A, Jte);
      if (!step) {
        lambda *= 10;
        continue;
      }
      const q = [Math.min(p[0] + step[0], cap), p[1] + step[1], p[2] + step[2]];
      const r2 = Number.isFinite(q[0] + q[1] + q[2]) ? logisticRss(t, y, q, s0) : Infinity;
      if (r2 < rss) {
        const rel = (rss - r2) / Math.max(rss, 1e-300);
        p = q;
        rss = r2;
        lambda = Math.max(lambda / 10, 1e-15);
        improved = true;
        if (rel < 1e-14) return { p, rss };
        break;
      }
      lambda *= 10;
    }
    if (!improved) break;
  }
  return { p, rss };
}

/**
 * Logistic trend y = K / (1 + exp(−r (t − t0))) by Levenberg–Marquardt from several starting
 * ceilings (each start: K fixed, r and t0 from the OLS of the logit ln(y / (K − y)) on t).
 * @param cap upper bound on K (e.g. 100 for a percentage); Infinity for none
 * @throws NumericError `TREND_TOO_FEW` (fewer than 4 points), `TREND_NON_POSITIVE`
 */
export function fitLogistic(t: ArrayLike<number>, y: ArrayLike<number>, cap = Infinity): TrendFit {
  const n = t.length;
  if (n < 4) throw new NumericError('TREND_TOO_FEW', `the logistic trend needs at least 4 points, got ${n}`);
  let ymax = 0;
  for (let i = 0; i < n; i++) {
    if (!(y[i] > 0)) throw new NumericError('TREND_NON_POSITIVE', `the logistic trend needs positive values; value ${i} is ${y[i]}`);
    ymax = Math.max(ymax, y[i]);
  }
  const s0 = t[0];
  const starts = [1.02, 1.1, 1.3, 1.6, 2.5, 5].map((m) => Math.min(ymax * m, cap)).filter((k) => k > ymax);
  if (cap < Infinity && cap > ymax) starts.push(cap);
  let best: { p: number[]; rss: number } | null = null;
  for (const K of starts) {
    const z = new Float64Array(n);
    for (let i = 0; i < n; i++) z[i] = Math.log(y[i] / (K - y[i]));
    let r = 0.1;
    let c = 0;
    try {
      const o = olsSimple(Array.from(t, (v) => v - s0), z);
      r = o.slope;
      c = -o.intercept / (o.slope || 1);
    } catch {
      // a constant series: keep the default start, the LM steps take it from there
    }
    const fit = levenbergMarquardt(t, y, [K, r, c], s0, cap);
    if (!best || fit.rss < best.rss) best = fit;
  }
  if (!best) throw new NumericError('TREND_NO_START', 'the logistic trend found no starting ceiling above the data and below the cap');
  const [K, r, c] = best.p;
  return finish('logistic', { K, r, t0: c + s0 }, t, y, 3);
}

/**
 * Fits every applicable model and returns them sorted best first by AICc (ties: the simpler model).
 * The log-linear and logistic models are skipped when a value is ≤ 0; the logistic one also when
 * there are fewer than 5 points (AICc needs n > k + 1).
 */
export function fitTrends(t: ArrayLike<number>, y: ArrayLike<number>, cap = Infinity): TrendFit[] {
  const fits: TrendFit[] = [fitLinear(t, y)];
  const positive = Array.from(y).every((v) => v > 0);
  if (positive) fits.push(fitLogLinear(t, y));
  if (positive && t.length >= 5) fits.push(fitLogistic(t, y, cap));
  return fits.sort((a, b) => a.aicc - b.aicc || a.k - b.k);
}

/**
 * The (fractional) year at which a fitted trend reaches `target`, or null when it never does
 * (flat or falling trend, or a logistic ceiling K at or below the target).
 */
export function yearReaching(fit: TrendFit, target: number): number | null {
  const p = fit.params;
  switch (fit.model) {
    case 'linear':
      return p.b > 0 ? (target - p.a) / p.b : null;
    case 'log-linear':
      return p.b > 0 && target > 0 ? (Math.log(target) - p.a) / p.b : null;
    case 'logistic':
      return p.r > 0 && p.K > target && target > 0 ? p.t0 - Math.log(p.K / target - 1) / p.r : null;
  }
}
