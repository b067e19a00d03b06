/**
 * Probability distributions of uncertain model parameters (elasticities, channel parameters) for
 * systematic sensitivity analysis. Each has a mean and a standard deviation (used by the quadrature)
 * and an inverse cumulative distribution function (used by Monte Carlo sampling).
 * @module
 */
import { UsageError } from '../../errors.js';

/** A distribution of one uncertain parameter, as stated in a scenario file. */
export type Distribution =
  | { kind: 'normal'; mean: number; sd: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'triangular'; min: number; mode: number; max: number }
  | { kind: 'lognormal'; meanLog: number; sdLog: number };

/** Mean of a distribution. */
export function distributionMean(d: Distribution): number {
  switch (d.kind) {
    case 'normal':
      return d.mean;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'triangular':
      return (d.min + d.mode + d.max) / 3;
    case 'lognormal':
      return Math.exp(d.meanLog + (d.sdLog * d.sdLog) / 2);
  }
}

/** Standard deviation of a distribution. */
export function distributionSd(d: Distribution): number {
  switch (d.kind) {
    case 'normal':
      return d.sd;
    case 'uniform':
      return (d.max - d.min) / Math.sqrt(12);
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      return Math.sqrt((a * a + b * b + c * c - a * b - a * c - b * c) / 18);
    }
    case 'lognormal': {
      const s2 = d.sdLog * d.sdLog;
      return Math.sqrt((Math.exp(s2) - 1) * Math.exp(2 * d.meanLog + s2));
    }
  }
}

/**
 * Inverse of the standard normal CDF: P. J. Acklam's rational approximation (relative error below
 * 1.15e-9 over (0, 1)), ample for sampling.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new UsageError('SSA_BAD_PROBABILITY', `a normal quantile needs 0 < p < 1, got ${p}`);
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const pl = 0.02425;
  let x: number;
  if (p < pl) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  } else if (p <= 1 - pl) {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
      (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x =
      -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  return x;
}

/** The quantile (inverse CDF) of a distribution at probability `p` in (0, 1). */
export function distributionQuantile(dist: Distribution, p: number): number {
  switch (dist.kind) {
    case 'normal':
      return dist.mean + dist.sd * normalQuantile(p);
    case 'uniform':
      return dist.min + p * (dist.max - dist.min);
    case 'triangular': {
      const { min: a, mode: c, max: b } = dist;
      const fc = (c - a) / (b - a);
      return p < fc ? a + Math.sqrt(p * (b - a) * (c - a)) : b - Math.sqrt((1 - p) * (b - a) * (b - c));
    }
    case 'lognormal':
      return Math.exp(dist.meanLog + dist.sdLog * normalQuantile(p));
  }
}

/** Checks a distribution's parameters; returns a sentence naming the problem, or null when valid. */
export function distributionProblem(d: Distribution): string | null {
  const finite = (...xs: number[]) => xs.every(Number.isFinite);
  switch (d.kind) {
    case 'normal':
      return finite(d.mean, d.sd) && d.sd >= 0 ? null : 'a normal distribution needs a finite mean and sd ≥ 0';
    case 'uniform':
      return finite(d.min, d.max) && d.min <= d.max ? null : 'a uniform distribution needs finite min ≤ max';
    case 'triangular':
      return finite(d.min, d.mode, d.max) && d.min <= d.mode && d.mode <= d.max && d.min < d.max
        ? null
        : 'a triangular distribution needs finite min ≤ mode ≤ max with min < max';
    case 'lognormal':
      return finite(d.meanLog, d.sdLog) && d.sdLog >= 0 ? null : 'a lognormal distribution needs finite meanLog and sdLog ≥ 0';
  }
}
