/**
 * Ordinary least squares of y on one regressor x with an intercept: y = α + β x + ε (pure kernel).
 * Classical (homoskedastic) standard errors: se(β) = sqrt(s² / Sxx), s² = RSS / (n − 2); the
 * two-sided p-value of β = 0 uses Student's t with n − 2 degrees of freedom.
 * @module
 */
import { NumericError } from '../errors.js';
import { studentTTwoSidedP } from './student-t.js';

/** An OLS fit with its inference on the slope. */
export interface OlsFit {
  /** Number of observations. */
  n: number;
  /** Intercept α. */
  intercept: number;
  /** Slope β. */
  slope: number;
  /** Standard error of α. */
  seIntercept: number;
  /** Standard error of β. */
  seSlope: number;
  /** t statistic of β = 0. */
  tSlope: number;
  /** Two-sided p-value of β = 0. */
  pSlope: number;
  /** Coefficient of determination. */
  r2: number;
  /** Residual sum of squares. */
  rss: number;
}

/**
 * Fits y = α + β x by OLS.
 * @throws NumericError `OLS_TOO_FEW` (n < 3), `OLS_LENGTH`, `OLS_BAD_VALUE`, `OLS_CONSTANT_X`
 */
export function olsSimple(x: ArrayLike<number>, y: ArrayLike<number>): OlsFit {
  const n = x.length;
  if (y.length !== n) throw new NumericError('OLS_LENGTH', `OLS: ${n} regressor values but ${y.length} responses`);
  if (n < 3) throw new NumericError('OLS_TOO_FEW', `OLS with a standard error needs at least 3 observations, got ${n}`);
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) {
      throw new NumericError('OLS_BAD_VALUE', `OLS: observation ${i} is not finite (x=${x[i]}, y=${y[i]})`);
    }
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i] - mx) ** 2;
    sxy += (x[i] - mx) * (y[i] - my);
    syy += (y[i] - my) ** 2;
  }
  if (!(sxx > 0)) throw new NumericError('OLS_CONSTANT_X', 'OLS: the regressor is constant, the slope is not identified');
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let rss = 0;
  for (let i = 0; i < n; i++) rss += (y[i] - intercept - slope * x[i]) ** 2;
  const s2 = rss / (n - 2);
  const seSlope = Math.sqrt(s2 / sxx);
  const seIntercept = Math.sqrt(s2 * (1 / n + (mx * mx) / sxx));
  const tSlope = seSlope > 0 ? slope / seSlope : slope === 0 ? 0 : Math.sign(slope) * Number.MAX_VALUE;
  return {
    n,
    intercept,
    slope,
    seIntercept,
    seSlope,
    tSlope,
    pSlope: seSlope > 0 ? studentTTwoSidedP(tSlope, n - 2) : 0,
    r2: syy > 0 ? 1 - rss / syy : 1,
    rss,
  };
}
