/**
 * Totals and error terms of the cross-entropy balancing problem (Robinson, Cattaneo & El-Said 2001,
 * §3; Golan, Judge & Miller 1996).
 *
 * A constrained value — a row, column or account total, a macro aggregate, or a single cell — is
 * either exact, within a band, or measured with an error: `value + e` with `e = Σ_m w_m v_m`, the
 * support points v_m spanning the possible errors (RCE: ± 3 standard errors) and the probability
 * weights w_m estimated, starting from prior weights w̄_m. The weights' cross entropy
 * `Σ_m w_m ln(w_m / w̄_m)` enters the objective. With prior weights w̄ the prior mean of the error
 * is `Σ w̄ v` (0 for a symmetric support) and its prior variance `Σ w̄ v²`.
 * @module
 */
import { InputError, type Location } from '../../errors.js';

/**
 * A constrained value: exact (`value` alone, or a plain number), a band (`lower`/`upper`, with or
 * without `value`), or an error term on support points (`value` and `support`, optional `weights`).
 */
export interface TotalSpec {
  /** Central (target) value. Required with `support`; alone it makes the total exact. */
  readonly value?: number;
  /** Lower bound of a band (−∞ when absent and `upper` is given). */
  readonly lower?: number;
  /** Upper bound of a band (+∞ when absent and `lower` is given). */
  readonly upper?: number;
  /** Support points v_m of an error term `Σ w_m v_m` added to `value` (RCE), e.g. [−3σ, −σ, 0, σ, 3σ]. */
  readonly support?: readonly number[];
  /** Prior weights w̄_m of the support points (positive; normalised); default uniform. */
  readonly weights?: readonly number[];
}

/** Support points and normalised prior weights of one error term. */
export interface ErrorTerm {
  /** Support points v_m. */
  readonly v: Float64Array;
  /** Prior weights w̄_m, summing to 1. */
  readonly w: Float64Array;
}

/** A constrained value as the solvers see it: a band (exact when lo = hi), or a value with an error term. */
export type TotalKind =
  | { readonly type: 'band'; readonly lo: number; readonly hi: number }
  | { readonly type: 'support'; readonly t: number; readonly term: ErrorTerm };

/** Checks support points and prior weights and normalises the weights. */
export function errorTerm(support: readonly number[], weights: readonly number[] | undefined, what: string, loc: Location): ErrorTerm {
  const bad = (m: string) => new InputError('BALANCE_TOTAL_SPEC', `${what}: ${m}`, loc);
  const v = Float64Array.from(support);
  if (v.length < 2 || v.some((x) => !Number.isFinite(x))) throw bad('support needs at least two finite points');
  if (Math.min(...v) === Math.max(...v)) throw bad('the support points are all equal: the error cannot vary');
  const w = Float64Array.from(weights ?? Array.from(v, () => 1));
  if (w.length !== v.length || w.some((x) => !(x > 0) || !Number.isFinite(x))) {
    throw bad(`weights must be ${v.length} positive numbers, one per support point`);
  }
  const sw = w.reduce((p, q) => p + q, 0);
  for (let m = 0; m < w.length; m++) w[m] /= sw;
  return { v, w };
}

/**
 * The kind of a constrained value; `null` when the spec leaves it free (a band from −∞ to +∞).
 * Throws `BALANCE_TOTAL_SPEC` for a malformed spec.
 */
export function totalKind(spec: number | TotalSpec, what: string, loc: Location): TotalKind | null {
  const bad = (m: string) => new InputError('BALANCE_TOTAL_SPEC', `${what}: ${m}`, loc);
  if (typeof spec === 'number') {
    if (!Number.isFinite(spec)) throw bad(`total is ${spec}, expected a finite number`);
    return { type: 'band', lo: spec, hi: spec };
  }
  if (spec.support) {
    if (spec.value === undefined || !Number.isFinite(spec.value)) throw bad('an error term needs a finite central value');
    if (spec.lower !== undefined || spec.upper !== undefined) throw bad('give either a band (lower/upper) or support points, not both');
    return { type: 'support', t: spec.value, term: errorTerm(spec.support, spec.weights, what, loc) };
  }
  if (spec.weights) throw bad('weights need support points');
  const lo = spec.lower ?? (spec.upper !== undefined ? -Infinity : spec.value);
  const hi = spec.upper ?? (spec.lower !== undefined ? Infinity : spec.value);
  if (lo === undefined || hi === undefined) throw bad('give a value, a band (lower/upper) or support points');
  if (Number.isNaN(lo) || Number.isNaN(hi) || lo > hi) throw bad(`band [${lo}, ${hi}] is empty`);
  if (spec.value !== undefined && (spec.value < lo || spec.value > hi))
    throw bad(`value ${spec.value} lies outside its band [${lo}, ${hi}]`);
  if (lo === -Infinity && hi === Infinity) return null;
  return { type: 'band', lo, hi };
}

/** The interval a value may take: the band, or value + [min v, max v] for an error term. */
export function rangeOf(kind: TotalKind): [number, number] {
  if (kind.type === 'band') return [kind.lo, kind.hi];
  let mn = Infinity;
  let mx = -Infinity;
  for (const x of kind.term.v) {
    mn = Math.min(mn, x);
    mx = Math.max(mx, x);
  }
  return [kind.t + mn, kind.t + mx];
}

/**
 * The error term's mean `Σ v w̄ e^{−λv} / Σ w̄ e^{−λv}` and variance under the weights that minimise
 * `Σ w ln(w/w̄) + λ Σ w v` (the weights' answer to a multiplier λ).
 */
export function errorMoments(term: ErrorTerm, lambda: number): [number, number] {
  const { v, w } = term;
  let mx = -Infinity;
  for (let m = 0; m < v.length; m++) mx = Math.max(mx, -lambda * v[m]);
  let z = 0;
  let e1 = 0;
  let e2 = 0;
  for (let m = 0; m < v.length; m++) {
    const p = w[m] * Math.exp(-lambda * v[m] - mx);
    z += p;
    e1 += p * v[m];
    e2 += p * v[m] * v[m];
  }
  const mean = e1 / z;
  return [mean, Math.max(0, e2 / z - mean * mean)];
}

/** The weights of {@link errorMoments}: w̄ e^{−λv} normalised. */
export function tiltedWeights(term: ErrorTerm, lambda: number): Float64Array {
  const { v, w } = term;
  let mx = -Infinity;
  for (let m = 0; m < v.length; m++) mx = Math.max(mx, -lambda * v[m]);
  const out = Float64Array.from(v, (x, m) => w[m] * Math.exp(-lambda * x - mx));
  const z = out.reduce((a, b) => a + b, 0);
  for (let m = 0; m < out.length; m++) out[m] /= z;
  return out;
}

/** Cross entropy `Σ w ln((w + δ)/(w̄ + δ))` of estimated weights against their prior (δ ≥ 0, see RCE's programs). */
export function weightsEntropy(w: ArrayLike<number>, prior: ArrayLike<number>, delta = 0): number {
  let s = 0;
  for (let m = 0; m < w.length; m++) if (w[m] > 0 || delta > 0) s += w[m] * (Math.log(w[m] + delta) - Math.log(prior[m] + delta));
  return s;
}
