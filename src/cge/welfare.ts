/**
 * Hicksian welfare measures from each household's expenditure function e(p, U):
 * EV = e(p⁰,U¹) − e(p⁰,U⁰), CV = e(p¹,U¹) − e(p¹,U⁰), in the units of the SAM (money at benchmark
 * prices for EV, at new prices for CV). Demand systems: Cobb–Douglas (U = Π X^α,
 * e = U·Π (p/α)^α), LES (U = Π (X − γ)^β, e = Σ p·γ + U·Π (p/β)^β) and CES
 * (U = (Σ δ·X^ρ)^(1/ρ), e = U·(Σ δ^σ·p^(1−σ))^(1/(1−σ))).
 * @module
 */
import { ModelError } from '../errors.js';
import type { CobbDouglasHousehold, Household, LevelReader } from './definition.js';
import type { CgeModel } from './model/model.js';

/** Welfare of one household between the benchmark and a solution. */
export interface HouseholdWelfare {
  readonly household: string;
  readonly utilityBase: number;
  readonly utility: number;
  /** Equivalent variation. */
  readonly ev: number;
  /** Compensating variation. */
  readonly cv: number;
}

/** Cobb-Douglas utility Π_i X_i^α_i. */
export function cobbDouglasUtility(model: CgeModel, h: CobbDouglasHousehold, level: LevelReader): number {
  let u = 1;
  for (const g of model.getSet(h.goods).elements) u *= Math.pow(level(h.consumption, [g]), model.param(h.share, [g]));
  return u;
}

/** Expenditure needed for utility `u` at prices read from `level`: u · Π_i (p_i/α_i)^α_i. */
export function cobbDouglasExpenditure(model: CgeModel, h: CobbDouglasHousehold, level: LevelReader, u: number): number {
  let e = u;
  for (const g of model.getSet(h.goods).elements) {
    const a = model.param(h.share, [g]);
    e *= Math.pow(level(h.price, [g]) / a, a);
  }
  return e;
}

function cesSigma(model: CgeModel, h: Extract<Household, { kind: 'ces' }>): number {
  const sigma = model.param(h.elasticity, []);
  if (!(sigma > 0) || sigma === 1)
    throw new ModelError(
      'WELFARE_BAD_ELASTICITY',
      `household ${h.household}: CES elasticity ${h.elasticity} = ${sigma} (needs σ > 0, σ ≠ 1; σ = 1 is Cobb–Douglas)`,
      {
        equation: h.elasticity,
      },
    );
  return sigma;
}

/** The household's utility at the consumption levels read from `level`. */
export function householdUtility(model: CgeModel, h: Household, level: LevelReader): number {
  const goods = model.getSet(h.goods).elements;
  switch (h.kind) {
    case 'les': {
      let u = 1;
      for (const g of goods) {
        const above = level(h.consumption, [g]) - model.param(h.subsistence, [g]);
        if (!(above > 0))
          throw new ModelError(
            'WELFARE_BELOW_SUBSISTENCE',
            `household ${h.household}: consumption of ${g} is not above its subsistence quantity`,
            {
              equation: h.consumption,
              index: [g],
            },
          );
        u *= Math.pow(above, model.param(h.share, [g]));
      }
      return u;
    }
    case 'ces': {
      const rho = (cesSigma(model, h) - 1) / cesSigma(model, h);
      let s = 0;
      for (const g of goods) s += model.param(h.share, [g]) * Math.pow(level(h.consumption, [g]), rho);
      return Math.pow(s, 1 / rho);
    }
    default:
      return cobbDouglasUtility(model, h, level);
  }
}

/** The household's expenditure function e(p, u) at the prices read from `level`. */
export function householdExpenditure(model: CgeModel, h: Household, level: LevelReader, u: number): number {
  const goods = model.getSet(h.goods).elements;
  switch (h.kind) {
    case 'les': {
      let sub = 0;
      let e = u;
      for (const g of goods) {
        const p = level(h.price, [g]);
        const b = model.param(h.share, [g]);
        sub += p * model.param(h.subsistence, [g]);
        if (b > 0) e *= Math.pow(p / b, b);
      }
      return sub + e;
    }
    case 'ces': {
      const sigma = cesSigma(model, h);
      let s = 0;
      for (const g of goods) s += Math.pow(model.param(h.share, [g]), sigma) * Math.pow(level(h.price, [g]), 1 - sigma);
      return u * Math.pow(s, 1 / (1 - sigma));
    }
    default:
      return cobbDouglasExpenditure(model, h, level, u);
  }
}

/** Hicksian equivalent variation: e(p⁰, U¹) − e(p⁰, U⁰). */
export function equivalentVariation(model: CgeModel, h: Household, base: LevelReader, after: LevelReader): number {
  const u0 = householdUtility(model, h, base);
  const u1 = householdUtility(model, h, after);
  return householdExpenditure(model, h, base, u1) - householdExpenditure(model, h, base, u0);
}

/** Hicksian compensating variation: e(p¹, U¹) − e(p¹, U⁰). */
export function compensatingVariation(model: CgeModel, h: Household, base: LevelReader, after: LevelReader): number {
  const u0 = householdUtility(model, h, base);
  const u1 = householdUtility(model, h, after);
  return householdExpenditure(model, h, after, u1) - householdExpenditure(model, h, after, u0);
}

/** Utility, EV and CV of a household (Cobb–Douglas, LES or CES). */
export function householdWelfare(model: CgeModel, h: Household, base: LevelReader, after: LevelReader): HouseholdWelfare {
  return {
    household: h.household,
    utilityBase: householdUtility(model, h, base),
    utility: householdUtility(model, h, after),
    ev: equivalentVariation(model, h, base, after),
    cv: compensatingVariation(model, h, base, after),
  };
}
