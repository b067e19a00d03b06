/**
 * Hicksian welfare measures for Cobb-Douglas households: utility U = Π_i X_i^α_i, expenditure
 * e(p, U) = U · Π_i (p_i/α_i)^α_i; EV = e(p⁰,U¹) − e(p⁰,U⁰), CV = e(p¹,U¹) − e(p¹,U⁰), in the units
 * of the SAM (money at benchmark prices for EV, at new prices for CV).
 * @module
 */
import type { CobbDouglasHousehold, LevelReader } from './definition.js';
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

/** Hicksian equivalent variation: e(p⁰, U¹) − e(p⁰, U⁰). */
export function equivalentVariation(model: CgeModel, h: CobbDouglasHousehold, base: LevelReader, after: LevelReader): number {
  const u0 = cobbDouglasUtility(model, h, base);
  const u1 = cobbDouglasUtility(model, h, after);
  return cobbDouglasExpenditure(model, h, base, u1) - cobbDouglasExpenditure(model, h, base, u0);
}

/** Hicksian compensating variation: e(p¹, U¹) − e(p¹, U⁰). */
export function compensatingVariation(model: CgeModel, h: CobbDouglasHousehold, base: LevelReader, after: LevelReader): number {
  const u0 = cobbDouglasUtility(model, h, base);
  const u1 = cobbDouglasUtility(model, h, after);
  return cobbDouglasExpenditure(model, h, after, u1) - cobbDouglasExpenditure(model, h, after, u0);
}

/** Utility, EV and CV of a household. */
export function householdWelfare(model: CgeModel, h: CobbDouglasHousehold, base: LevelReader, after: LevelReader): HouseholdWelfare {
  return {
    household: h.household,
    utilityBase: cobbDouglasUtility(model, h, base),
    utility: cobbDouglasUtility(model, h, after),
    ev: equivalentVariation(model, h, base, after),
    cv: compensatingVariation(model, h, base, after),
  };
}
