import { ModelError } from '../../errors.js';

/**
 * Linear expenditure system (Stone–Geary) for one household:
 *   p_c·q_c = p_c·γ_c + β_c·(E − Σ_c' p_c'·γ_c')
 * with marginal budget shares β (Σβ = 1) and subsistence quantities γ. Utility
 * U = Π_c (q_c − γ_c)^β_c; expenditure function E(p, U) = Σ p·γ + U·Π (p_c/β_c)^β_c.
 *
 * Calibration (Dervis, de Melo & Robinson 1982; the IFPRI standard model): from base budget
 * shares w_c, income elasticities η_c and the Frisch parameter φ (= −E/(E − Σpγ), negative):
 *   β_c = η_c·w_c, rescaled so that Σβ = 1;   γ_c = q_c + β_c·E/(p_c·φ).
 * @module
 */

/** Calibrated LES parameters of one household. */
export interface LesParameters {
  /** Marginal budget shares, summing to 1. */
  beta: Float64Array;
  /** Subsistence quantities (same units as the quantities). */
  gamma: Float64Array;
}

/**
 * Calibrates the LES to base quantities and prices, income elasticities and the Frisch parameter.
 * @param quantities base consumption q_c (all > 0 where η > 0)
 * @param prices base prices p_c
 * @param incomeElasticities η_c (> 0)
 * @param frisch φ < −1 (e.g. −2: supernumerary income is half of spending)
 * @param labels commodity labels for error messages
 */
export function calibrateLes(
  quantities: ArrayLike<number>,
  prices: ArrayLike<number>,
  incomeElasticities: ArrayLike<number>,
  frisch: number,
  labels?: readonly string[],
): LesParameters {
  const n = quantities.length;
  if (!(frisch < -1)) {
    throw new ModelError('LES_BAD_FRISCH', `the Frisch parameter must be below −1 (spending exceeds its subsistence part), got ${frisch}`);
  }
  let spend = 0;
  for (let c = 0; c < n; c++) spend += prices[c]! * quantities[c]!;
  if (!(spend > 0)) throw new ModelError('LES_NO_SPENDING', 'the household has no consumption to calibrate from');
  const beta = new Float64Array(n);
  let sum = 0;
  for (let c = 0; c < n; c++) {
    const eta = incomeElasticities[c]!;
    if (!(eta > 0) && quantities[c]! > 0) {
      throw new ModelError(
        'LES_BAD_ELASTICITY',
        `the income elasticity of ${labels?.[c] ?? `commodity ${c}`} must be positive, got ${eta}`,
        {
          ...(labels ? { index: [labels[c]!] } : {}),
        },
      );
    }
    beta[c] = eta * ((prices[c]! * quantities[c]!) / spend);
    sum += beta[c]!;
  }
  const gamma = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    beta[c] = beta[c]! / sum;
    gamma[c] = quantities[c]! + (beta[c]! * spend) / (prices[c]! * frisch);
  }
  return { beta, gamma };
}

/** LES demand at prices and total spending. */
export function lesDemand(params: LesParameters, prices: ArrayLike<number>, spending: number): Float64Array {
  const n = params.beta.length;
  let subsistence = 0;
  for (let c = 0; c < n; c++) subsistence += prices[c]! * params.gamma[c]!;
  const q = new Float64Array(n);
  for (let c = 0; c < n; c++) q[c] = params.gamma[c]! + (params.beta[c]! * (spending - subsistence)) / prices[c]!;
  return q;
}

function priceIndex(beta: Float64Array, prices: ArrayLike<number>): number {
  let log = 0;
  for (let c = 0; c < beta.length; c++) if (beta[c]! > 0) log += beta[c]! * Math.log(prices[c]!);
  return Math.exp(log);
}

/**
 * Hicksian equivalent variation of a change from (p0, E0) to (p1, E1) under the LES: the change in
 * spending at base prices that gives the new utility,
 *   EV = (E1 − Σp1·γ)·Π(p0/p1)^β + Σp0·γ − E0.
 */
export function lesEquivalentVariation(
  params: LesParameters,
  p0: ArrayLike<number>,
  e0: number,
  p1: ArrayLike<number>,
  e1: number,
): number {
  let s0 = 0;
  let s1 = 0;
  for (let c = 0; c < params.beta.length; c++) {
    s0 += p0[c]! * params.gamma[c]!;
    s1 += p1[c]! * params.gamma[c]!;
  }
  return (e1 - s1) * (priceIndex(params.beta, p0) / priceIndex(params.beta, p1)) + s0 - e0;
}

/**
 * Hicksian compensating variation: the change in spending at new prices that keeps base utility,
 *   CV = E1 − [Σp1·γ + (E0 − Σp0·γ)·Π(p1/p0)^β].
 */
export function lesCompensatingVariation(
  params: LesParameters,
  p0: ArrayLike<number>,
  e0: number,
  p1: ArrayLike<number>,
  e1: number,
): number {
  let s0 = 0;
  let s1 = 0;
  for (let c = 0; c < params.beta.length; c++) {
    s0 += p0[c]! * params.gamma[c]!;
    s1 += p1[c]! * params.gamma[c]!;
  }
  return e1 - (s1 + (e0 - s0) * (priceIndex(params.beta, p1) / priceIndex(params.beta, p0)));
}

/** LES utility Π (q_c − γ_c)^β_c (NaN-free: throws when consumption is below subsistence). */
export function lesUtility(params: LesParameters, q: ArrayLike<number>): number {
  let log = 0;
  for (let c = 0; c < params.beta.length; c++) {
    if (params.beta[c]! === 0) continue;
    const s = q[c]! - params.gamma[c]!;
    if (!(s > 0)) throw new ModelError('LES_BELOW_SUBSISTENCE', `consumption of commodity ${c} is at or below its subsistence quantity`);
    log += params.beta[c]! * Math.log(s);
  }
  return Math.exp(log);
}
