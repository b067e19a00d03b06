/**
 * Trend models of an indicator over time and the time they take to reach a target (pure kernels).
 *
 * - `linear`:           y = a + b·t
 * - `log-linear`:       ln y = a + b·t (constant growth rate; needs y > 0)
 * - `logistic`:         y = K / (1 + exp(−r (t − t0))), ceiling K fitted (S-shaped diffusion); for a
 *                       bounded indicator K is bounded too (K ≤ 100 for a percentage)
 * - `logistic-bounded`: the same with K fixed at the indicator's bound (100 for a percentage):
 *                       the logit ln(y / (B − y)) is linear in t
 *
 * A bounded indicator (a percentage) gets only the bounded models, the logistic ones: an unbounded
 * trend of a percentage passes 100 % and says nothing about when use becomes near-universal.
 *
 * Fitting: least squares on the levels y. The logistic with a fitted ceiling is fitted by profiling
 * the ceiling: for each K the rate r and midpoint t0 are fitted by Levenberg–Marquardt (started from
 * the OLS of the logit), and K is chosen on (max y, bound] by a grid then a golden-section search of
 * the profile RSS, so a ceiling at the bound is found as such (not by clipping the steps).
 *
 * Model choice: the smallest corrected Akaike criterion AICc = n ln(RSS/n) + 2k + 2k(k+1)/(n−k−1),
 * with RSS on the levels for every model and k the number of parameters (2, 2, 3, 2).
 *
 * Time to a target ({@link yearsFromLast}) is measured from the latest observation, not from the
 * fitted curve: the trend's shape (slope, growth rate, or rate and ceiling) is carried forward from
 * the last observed value. A target at or above a logistic ceiling is never reached: the ceiling is
 * an asymptote, reached in no finite time.
 * @module
 */
import { NumericError } from '../errors.js';
import { olsSimple } from './regression.js';

/** Name of a trend model. */
export type TrendModelName = 'linear' | 'log-linear' | 'logistic' | 'logistic-bounded';

/** A fitted trend model. */
export interface TrendFit {
  /** Model name. */
  model: TrendModelName;
  /** Parameters: linear/log-linear {a, b}; logistic and logistic-bounded {K, r, t0}. */
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
    case 'logistic-bounded':
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

/** RSS of the logistic with ceiling K at (r, c), t measured from s0 (c = t0 − s0). */
function rssAt(t: ArrayLike<number>, y: ArrayLike<number>, K: number, r: number, c: number, s0: number): number {
  let rss = 0;
  for (let i = 0; i < t.length; i++) rss += (y[i] - K / (1 + Math.exp(-r * (t[i] - s0 - c)))) ** 2;
  return rss;
}

/**
 * Least squares of (r, c) for a fixed ceiling K by Levenberg–Marquardt, started from the OLS of the
 * logit ln(y / (K − y)) on t − s0.
 */
function fitRateAndMidpoint(t: ArrayLike<number>, y: ArrayLike<number>, K: number, s0: number): { r: number; c: number; rss: number } {
  const n = t.length;
  const z = new Float64Array(n);
  const ts = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    z[i] = Math.log(y[i] / (K - y[i]));
    ts[i] = t[i] - s0;
  }
  let r = 0.1;
  let c = 0;
  try {
    const o = olsSimple(ts, z);
    if (o.slope !== 0) {
      r = o.slope;
      c = -o.intercept / o.slope;
    }
  } catch {
    // a constant series: keep the default start, the steps take it from there
  }
  let rss = rssAt(t, y, K, r, c, s0);
  let lambda = 1e-3;
  for (let iter = 0; iter < 200; iter++) {
    let a11 = 0,
      a12 = 0,
      a22 = 0,
      g1 = 0,
      g2 = 0;
    for (let i = 0; i < n; i++) {
      const d = ts[i] - c;
      const E = Math.exp(-r * d);
      const f = K / (1 + E);
      const q = (K * E) / (1 + E) ** 2;
      const jr = q * d;
      const jc = -q * r;
      const e = y[i] - f;
      a11 += jr * jr;
      a12 += jr * jc;
      a22 += jc * jc;
      g1 += jr * e;
      g2 += jc * e;
    }
    let improved = false;
    while (lambda < 1e12) {
      const b11 = a11 * (1 + lambda) + 1e-300;
      const b22 = a22 * (1 + lambda) + 1e-300;
      const det = b11 * b22 - a12 * a12;
      if (!(Math.abs(det) > 0)) {
        lambda *= 10;
        continue;
      }
      const dr = (g1 * b22 - a12 * g2) / det;
      const dc = (b11 * g2 - a12 * g1) / det;
      const r2 = rssAt(t, y, K, r + dr, c + dc, s0);
      if (Number.isFinite(r2) && r2 < rss) {
        const rel = (rss - r2) / Math.max(rss, 1e-300);
        r += dr;
        c += dc;
        rss = r2;
        lambda = Math.max(lambda / 10, 1e-15);
        improved = true;
        if (rel < 1e-15) return { r, c, rss };
        break;
      }
      lambda *= 10;
    }
    if (!improved) break;
  }
  return { r, c, rss };
}

function logisticInputs(t: ArrayLike<number>, y: ArrayLike<number>, min: number): number {
  const n = t.length;
  if (n < min) throw new NumericError('TREND_TOO_FEW', `the logistic trend needs at least ${min} points, got ${n}`);
  let ymax = 0;
  for (let i = 0; i < n; i++) {
    if (!(y[i] > 0)) throw new NumericError('TREND_NON_POSITIVE', `the logistic trend needs positive values; value ${i} is ${y[i]}`);
    ymax = Math.max(ymax, y[i]);
  }
  return ymax;
}

/**
 * Logistic trend y = K / (1 + exp(−r (t − t0))) with the ceiling K fitted on (max y, cap] by
 * profiling (see the module note). With `cap` Infinity the ceiling is searched up to 20 × max y.
 * @param cap upper bound on K (e.g. 100 for a percentage); Infinity for none
 * @throws NumericError `TREND_TOO_FEW` (fewer than 4 points), `TREND_NON_POSITIVE`, `TREND_AT_BOUND`
 *   (a value at or above the cap: no ceiling above the data)
 */
export function fitLogistic(t: ArrayLike<number>, y: ArrayLike<number>, cap = Infinity): TrendFit {
  const ymax = logisticInputs(t, y, 4);
  if (!(cap > ymax))
    throw new NumericError('TREND_AT_BOUND', `the logistic trend needs values below its ceiling's bound ${cap}; the largest is ${ymax}`);
  const s0 = t[0];
  const lo = ymax * (1 + 1e-9);
  const hi = Number.isFinite(cap) ? cap : 20 * ymax;
  // the profile is searched on u = ln(K − ymax), which spreads the ceilings near the data
  const u0 = Math.log(lo - ymax);
  const u1 = Math.log(hi - ymax);
  const profile = (u: number) => fitRateAndMidpoint(t, y, ymax + Math.exp(u), s0).rss;
  const steps = 48;
  let best = 0;
  const grid: number[] = [];
  for (let k = 0; k <= steps; k++) {
    grid.push(profile(u0 + ((u1 - u0) * k) / steps));
    if (grid[k] < grid[best]) best = k;
  }
  let a = u0 + ((u1 - u0) * Math.max(0, best - 1)) / steps;
  let b = u0 + ((u1 - u0) * Math.min(steps, best + 1)) / steps;
  const g = (Math.sqrt(5) - 1) / 2;
  let x1 = b - g * (b - a);
  let x2 = a + g * (b - a);
  let f1 = profile(x1);
  let f2 = profile(x2);
  for (let k = 0; k < 100 && b - a > 1e-12; k++) {
    if (f1 < f2) {
      b = x2;
      x2 = x1;
      f2 = f1;
      x1 = b - g * (b - a);
      f1 = profile(x1);
    } else {
      a = x1;
      x1 = x2;
      f1 = f2;
      x2 = a + g * (b - a);
      f2 = profile(x2);
    }
  }
  const candidates = [{ u: (a + b) / 2 }, { u: u1 }, { u: u0 + ((u1 - u0) * best) / steps }].map(({ u }) => {
    const K = Math.min(ymax + Math.exp(u), hi);
    return { K, ...fitRateAndMidpoint(t, y, K, s0) };
  });
  const c = candidates.sort((p, q) => p.rss - q.rss)[0];
  return finish('logistic', { K: c.K, r: c.r, t0: c.c + s0 }, t, y, 3);
}

/**
 * Logistic trend with its ceiling fixed at the indicator's bound B (100 for a percentage): two
 * parameters (r, t0) by least squares on the levels.
 * @throws NumericError `TREND_TOO_FEW` (fewer than 3 points), `TREND_NON_POSITIVE`, `TREND_AT_BOUND`
 */
export function fitBoundedLogistic(t: ArrayLike<number>, y: ArrayLike<number>, bound: number): TrendFit {
  const ymax = logisticInputs(t, y, 3);
  if (!(bound > ymax))
    throw new NumericError('TREND_AT_BOUND', `the bounded logistic needs values below its bound ${bound}; the largest is ${ymax}`);
  const f = fitRateAndMidpoint(t, y, bound, t[0]);
  return finish('logistic-bounded', { K: bound, r: f.r, t0: f.c + t[0] }, t, y, 2);
}

/**
 * Fits every applicable model and returns them sorted best first by AICc (ties: the simpler model).
 * With a finite `cap` (a bounded indicator) only the two logistic models are fitted (both need the
 * values below the cap; when one is not, no bounded trend exists and the list is empty); otherwise
 * linear, log-linear (values > 0) and logistic (values > 0, at least 5 points: AICc needs n > k + 1).
 */
export function fitTrends(t: ArrayLike<number>, y: ArrayLike<number>, cap = Infinity): TrendFit[] {
  const values = Array.from(y);
  const positive = values.every((v) => v > 0);
  if (Number.isFinite(cap)) {
    if (!positive || values.some((v) => v >= cap)) return [];
    const fits = [fitBoundedLogistic(t, y, cap)];
    if (t.length >= 5) fits.push(fitLogistic(t, y, cap));
    return fits.sort((a, b) => a.aicc - b.aicc || a.k - b.k);
  }
  const fits: TrendFit[] = [fitLinear(t, y)];
  if (positive) fits.push(fitLogLinear(t, y));
  if (positive && t.length >= 5) fits.push(fitLogistic(t, y, cap));
  return fits.sort((a, b) => a.aicc - b.aicc || a.k - b.k);
}

/**
 * The (fractional) year at which the fitted curve itself reaches `target`, or null when it never
 * does (flat or falling trend, or a logistic ceiling K at or below the target).
 */
export function yearReaching(fit: TrendFit, target: number): number | null {
  const p = fit.params;
  switch (fit.model) {
    case 'linear':
      return p.b > 0 ? (target - p.a) / p.b : null;
    case 'log-linear':
      return p.b > 0 && target > 0 ? (Math.log(target) - p.a) / p.b : null;
    case 'logistic':
    case 'logistic-bounded':
      return p.r > 0 && p.K > target && target > 0 ? p.t0 - Math.log(p.K / target - 1) / p.r : null;
  }
}

/**
 * Years from the latest observation (value `yLast`) to `target` along the trend's shape carried
 * forward from that observation: linear (target − yLast)/b; log-linear ln(target/yLast)/b;
 * logistic [logit_K(target) − logit_K(yLast)]/r with logit_K(y) = ln(y / (K − y)). 0 when
 * yLast ≥ target; null when the trend never gets there (b or r ≤ 0, or target ≥ K; and for a
 * logistic, yLast ≥ K).
 */
export function yearsFromLast(fit: TrendFit, yLast: number, target: number): number | null {
  if (yLast >= target) return 0;
  const p = fit.params;
  switch (fit.model) {
    case 'linear':
      return p.b > 0 ? (target - yLast) / p.b : null;
    case 'log-linear':
      return p.b > 0 && yLast > 0 ? Math.log(target / yLast) / p.b : null;
    case 'logistic':
    case 'logistic-bounded': {
      if (!(p.r > 0) || !(target < p.K) || !(yLast < p.K) || !(yLast > 0)) return null;
      const logit = (v: number) => Math.log(v / (p.K - v));
      return (logit(target) - logit(yLast)) / p.r;
    }
  }
}

/** The method of a fitted trend in words, as printed beside each figure that uses it. */
export function trendMethod(fit: TrendFit, from: number, to: number): string {
  const p = fit.params;
  const n = (v: number, d = 3) => Number(v.toPrecision(d + 1)).toString();
  switch (fit.model) {
    case 'linear':
      return `linear trend ${from}–${to} (slope ${n(p.b)} a year), least squares`;
    case 'log-linear':
      return `log-linear trend ${from}–${to} (growth ${n(100 * p.b)} % a year), OLS of ln y`;
    case 'logistic':
      return `logistic trend ${from}–${to} (ceiling ${n(p.K)} fitted, rate ${n(p.r)} a year), least squares`;
    case 'logistic-bounded':
      return `logistic trend ${from}–${to} (ceiling at the bound ${n(p.K)}, rate ${n(p.r)} a year), least squares`;
  }
}
