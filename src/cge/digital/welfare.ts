import type { CgeSolution, PreparedModel } from '../run.js';
import { levelReader } from '../run.js';
import { lesEquivalentVariation, lesCompensatingVariation, type LesParameters } from './les.js';

/** Welfare of one ddcge household group between the benchmark and a scenario. */
export interface GroupWelfare {
  household: string;
  populationBase: number;
  population: number;
  /** Per-capita consumption spending before and after. */
  spendingPerCapitaBase: number;
  spendingPerCapita: number;
  /** Hicksian equivalent variation per person, at benchmark prices (the SAM's money unit). */
  evPerCapita: number;
  /** Hicksian compensating variation per person. */
  cvPerCapita: number;
  /** EV per person times the group's population after the scenario. */
  ev: number;
}

/**
 * LES welfare of each ddcge household group, per person: the group's per-capita utility function
 * U = Π (q − γ)^β at effective prices pq·(1 − dpo), with the benchmark's subsistence quantities γ
 * (telecom bought for access, `acc`, counts as consumption in it). When a scenario moves people between
 * groups, a group's "person" after is not the same person as before: per-capita EV compares the
 * average member of the group, and the total EV over all groups is the economy-wide measure.
 * @param pAfter the scenario's parameter vector (populations after the moves)
 */
export function ddcgeWelfare(prep: PreparedModel, benchmark: CgeSolution, solution: CgeSolution, pAfter: Float64Array): GroupWelfare[] {
  const m = prep.calibrated.model;
  const cm = prep.compiled;
  const goods = m.getSet('i').elements;
  const par = (p: Float64Array, name: string, index: readonly string[]) =>
    p[cm.params.offset.get(name)! + m.flatIndex(m.getParameter(name), index)]!;
  const L0 = levelReader(cm, benchmark.x);
  const L1 = levelReader(cm, solution.x);
  return m.getSet('hh').elements.map((h) => {
    const les: LesParameters = {
      beta: Float64Array.from(goods, (i) => par(prep.p0, 'bet', [i, h])),
      gamma: Float64Array.from(goods, (i) => par(prep.p0, 'gam', [i, h]) + par(prep.p0, 'acc', [i, h])),
    };
    const price = (L: typeof L0, p: Float64Array) => goods.map((i) => L('pq', [i]) * (1 - par(p, 'dpo', [i, h])));
    const n0 = par(prep.p0, 'POP', [h]);
    const n1 = par(pAfter, 'POP', [h]);
    const e0 = L0('EH', [h]) / n0;
    const e1 = n1 > 0 ? L1('EH', [h]) / n1 : e0;
    const ev = n1 > 0 ? lesEquivalentVariation(les, price(L0, prep.p0), e0, price(L1, pAfter), e1) : 0;
    const cv = n1 > 0 ? lesCompensatingVariation(les, price(L0, prep.p0), e0, price(L1, pAfter), e1) : 0;
    return {
      household: h,
      populationBase: n0,
      population: n1,
      spendingPerCapitaBase: e0,
      spendingPerCapita: e1,
      evPerCapita: ev,
      cvPerCapita: cv,
      ev: ev * n1,
    };
  });
}
