import { describe, expect, it } from 'vitest';
import { prepareModel, runScenario, solveBenchmark, type ScenarioResult } from '../../../src/cge/run.js';
import { applyShocks } from '../../../src/cge/scenario.js';
import {
  connectivityScenario,
  connectivityShift,
  ddcge,
  ddcgeWelfare,
  type ConnectivityBaseline,
  type ConnectivityTarget,
} from '../../../src/cge/digital/index.js';
import { ddcgeTestParams, ddcgeTestSam } from './fixture.js';

const BASELINE: ConnectivityBaseline = {
  area: 'TEST',
  year: '2022',
  urbanPopulation: 3.0e6,
  ruralPopulation: 4.5e6,
  urbanShare: 2.2 / 3.0,
  ruralShare: 2.0 / 4.5,
  provenance: [],
  assumptions: [],
};
const RURAL_PUSH: ConnectivityTarget = { kind: 'use-reaches', urbanisation: 'R', percent: 70 };

function simulate(channels: Record<string, unknown>, target: ConnectivityTarget = RURAL_PUSH) {
  const prep = prepareModel(ddcge, ddcgeTestSam(), ddcgeTestParams(channels));
  const benchmark = solveBenchmark(prep);
  const scenario = connectivityScenario(prep, connectivityShift(BASELINE, target), 'rural push');
  const result = runScenario(prep, benchmark, scenario);
  const sol = { x: Float64Array.from(result.variables.map((v) => v.level)) };
  const welfare = ddcgeWelfare(prep, benchmark, { ...benchmark, ...sol }, applyShocks(prep.compiled, scenario, prep.p0).p);
  return { prep, scenario, result, welfare };
}

const level = (r: ScenarioResult, variable: string, index: string[] = []) =>
  r.variables.find((v) => v.variable === variable && v.index.join() === index.join())!;
const totalEv = (w: { ev: number }[]) => w.reduce((s, g) => s + g.ev, 0);

describe('ddcge connectivity scenarios', () => {
  const none = simulate({});

  it('solve with every channel off: people move, the economy stays in equilibrium', () => {
    expect(none.result.maxResidual).toBeLessThan(1e-8);
    expect(Math.abs(none.result.walrasResidual)).toBeLessThan(1e-8);
    const pop = (g: string) => none.welfare.find((w) => w.household === g)!;
    expect(pop('RUR_CON').population / 4.5e6).toBeCloseTo(0.7, 12);
    expect(none.welfare.reduce((s, w) => s + w.population, 0)).toBeCloseTo(7.5e6, 3);
  });

  it('access channel alone: telecom output rises more than without it', () => {
    const on = simulate({ access_quantity: 2e-6 });
    expect(level(on.result, 'Z', ['TEL']).pctChange!).toBeGreaterThan(level(none.result, 'Z', ['TEL']).pctChange! + 1);
  });

  it('price channel alone: cheaper digitally ordered goods raise total welfare', () => {
    const on = simulate({ price_discount: 0.05 });
    expect(totalEv(on.welfare)).toBeGreaterThan(totalEv(none.welfare));
  });

  it('productivity premium alone: real GDP and the real wage bill of the labour that connects rise', () => {
    const on = simulate({ productivity_premium: { LAB_DS: 0.15, LAB_OT: 0.1 } });
    expect(on.result.gdp.real).toBeGreaterThan(none.result.gdp.real);
    expect(totalEv(on.welfare)).toBeGreaterThan(totalEv(none.welfare));
  });

  it('spillover alone: GDP rises, and most in the most digital-intensive industry', () => {
    const on = simulate({ spillover: 0.1 });
    expect(on.result.gdp.real).toBeGreaterThan(none.result.gdp.real);
    const m = on.prep.calibrated.model;
    const goods = m.getSet('i').elements;
    const gain = (j: string) => level(on.result, 'Y', [j]).pctChange! - level(none.result, 'Y', [j]).pctChange!;
    const tfp = (j: string) => on.scenario.shocks!.find((s) => s.parameter === 'TFP' && s.index![0] === j)!.set!;
    const mostIntensive = goods.reduce((a, b) => (m.param('dint', [b]) > m.param('dint', [a]) ? b : a));
    expect(Math.max(...goods.map(tfp))).toBe(tfp(mostIntensive));
    expect(gain(mostIntensive)).toBeGreaterThan(0);
  });

  it('a target stated in indicators gives the same shocks and results as its explicit equivalent', () => {
    const gap = simulate({ spillover: 0.05, access_quantity: 1e-6 }, { kind: 'close-gap', fraction: 0.5 });
    // half the gap: rural 2/4.5 + ½(2.2/3 − 2/4.5)
    const rural = 2 / 4.5 + 0.5 * (2.2 / 3 - 2 / 4.5);
    const explicit = simulate({ spillover: 0.05, access_quantity: 1e-6 }, { kind: 'use-reaches', urbanisation: 'R', percent: 100 * rural });
    expect(gap.scenario.shocks!.length).toBe(explicit.scenario.shocks!.length);
    gap.scenario.shocks!.forEach((s, k) => {
      const e = explicit.scenario.shocks![k]!;
      expect([s.parameter, s.index]).toEqual([e.parameter, e.index]);
      expect(s.set!).toBeCloseTo(e.set!, 6);
    });
    expect(gap.result.gdp.real).toBeCloseTo(explicit.result.gdp.real, 8);
  });
});
