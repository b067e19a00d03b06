/**
 * Normalisation of one indicator across areas to a common scale where higher is better (pure kernel).
 * - `min-max`:   100 (x − min) / (max − min)
 * - `z-score`:   (x − mean) / sd (population sd)
 * - `goalposts`: 100 (clamp(x, lower, upper) − lower) / (upper − lower)
 * Direction `-` reverses the score (100 − s, or −z). Transform `log` takes ln x first (goalposts too).
 * @module
 */
import { NumericError } from '../../errors.js';
import type { Normalisation } from '../../guidelines/generated/composite-index.js';

/** How to normalise one indicator. */
export interface NormaliseSpec {
  /** Indicator code, for error messages. */
  code: string;
  direction: '+' | '-';
  transform?: 'none' | 'log';
  goalposts?: { lower: number; upper: number };
}

/**
 * Normalised scores of `x` (one value per area).
 * @throws NumericError `INDEX_CONSTANT_INDICATOR` (min-max or z-score of a constant), `INDEX_LOG_NON_POSITIVE`, `INDEX_NO_GOALPOSTS`
 */
export function normaliseIndicator(x: ArrayLike<number>, method: Normalisation, spec: NormaliseSpec): Float64Array {
  const n = x.length;
  const log = spec.transform === 'log';
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (log && !(x[i] > 0))
      throw new NumericError('INDEX_LOG_NON_POSITIVE', `indicator ${spec.code}: a log transform needs positive values, got ${x[i]}`);
    v[i] = log ? Math.log(x[i]) : x[i];
  }
  const s = new Float64Array(n);
  if (method === 'goalposts') {
    if (!spec.goalposts) throw new NumericError('INDEX_NO_GOALPOSTS', `indicator ${spec.code} has no goalposts`);
    const lo = log ? Math.log(spec.goalposts.lower) : spec.goalposts.lower;
    const hi = log ? Math.log(spec.goalposts.upper) : spec.goalposts.upper;
    for (let i = 0; i < n; i++) s[i] = (100 * (Math.min(Math.max(v[i], lo), hi) - lo)) / (hi - lo);
  } else if (method === 'min-max') {
    let lo = Infinity;
    let hi = -Infinity;
    for (const a of v) {
      lo = Math.min(lo, a);
      hi = Math.max(hi, a);
    }
    if (!(hi > lo))
      throw new NumericError(
        'INDEX_CONSTANT_INDICATOR',
        `indicator ${spec.code} is the same for every area: min-max normalisation is undefined`,
      );
    for (let i = 0; i < n; i++) s[i] = (100 * (v[i] - lo)) / (hi - lo);
  } else {
    let m = 0;
    for (const a of v) m += a;
    m /= n;
    let sd = 0;
    for (const a of v) sd += (a - m) ** 2;
    sd = Math.sqrt(sd / n);
    if (!(sd > 0))
      throw new NumericError('INDEX_CONSTANT_INDICATOR', `indicator ${spec.code} is the same for every area: z-scores are undefined`);
    for (let i = 0; i < n; i++) s[i] = (v[i] - m) / sd;
  }
  if (spec.direction === '-') for (let i = 0; i < n; i++) s[i] = method === 'z-score' ? -s[i] : 100 - s[i];
  return s;
}
