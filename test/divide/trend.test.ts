import { describe, expect, it } from 'vitest';
import { fitLinear, fitLogLinear, fitLogistic, fitTrends, yearReaching, computeDistanceToTarget } from '../../src/divide/index.js';
import { obsRecords } from './helpers.js';

const years = Array.from({ length: 24 }, (_, i) => 2000 + i);
const logistic = (K: number, r: number, t0: number) => (t: number) => K / (1 + Math.exp(-r * (t - t0)));

describe('trend fits', () => {
  it('the logistic fit recovers known parameters from noise-free data', () => {
    for (const [K, r, t0] of [[90, 0.35, 2012], [60, 0.6, 2015.5], [99, 0.2, 2008]]) {
      const y = years.map(logistic(K, r, t0));
      const f = fitLogistic(years, y, 100);
      expect(f.params.K).toBeCloseTo(K, 5);
      expect(f.params.r).toBeCloseTo(r, 6);
      expect(f.params.t0).toBeCloseTo(t0, 4);
      expect(f.rmse).toBeLessThan(1e-6);
    }
  });
  it('the linear and log-linear fits are exact on their own data', () => {
    const l = fitLinear(years, years.map((t) => 3 + 2 * (t - 2000)));
    expect(l.params.b).toBeCloseTo(2, 12);
    expect(yearReaching(l, 43)).toBeCloseTo(2020, 9);
    const g = fitLogLinear(years, years.map((t) => 2 * Math.exp(0.1 * (t - 2000))));
    expect(g.params.b).toBeCloseTo(0.1, 12);
    expect(yearReaching(g, 2 * Math.exp(2))).toBeCloseTo(2020, 8);
  });
  it('AICc picks the generating model; a logistic with ceiling K never reaches a target above K', () => {
    const y = years.map(logistic(80, 0.4, 2010));
    const [best] = fitTrends(years, y, 100);
    expect(best.model).toBe('logistic');
    expect(yearReaching(best, 95)).toBeNull();
    // t where K/(1+e^{-r(t−t0)}) = 60: t = t0 − ln(K/60 − 1)/r
    expect(yearReaching(best, 60)).toBeCloseTo(2010 - Math.log(80 / 60 - 1) / 0.4, 5);
  });
});

describe('computeDistanceToTarget', () => {
  it('states already-reached, projected, never-reached and insufficient-data', () => {
    const rec = obsRecords([
      ...years.map((t) => ({ area: 'AAA', ind: 'HH7', year: t, value: logistic(99.5, 0.5, 2008)(t) })),
      ...years.map((t) => ({ area: 'BBB', ind: 'HH7', year: t, value: 10 + 1.5 * (t - 2000) })),
      ...years.map((t) => ({ area: 'CCC', ind: 'HH7', year: t, value: logistic(50, 0.5, 2010)(t) })),
      { area: 'DDD', ind: 'HH7', year: 2020, value: 40 },
      { area: 'DDD', ind: 'HH7', year: 2021, value: 45 },
    ]);
    const rows = computeDistanceToTarget(rec, 'HH7', { target: 95 });
    const by = Object.fromEntries(rows.map((r) => [r.ref_area, r]));
    expect(by.AAA.status).toBe('already-reached');
    expect(by.AAA.years_to_target).toBe(0);
    expect(by.BBB.status).toBe('projected');
    expect(by.BBB.model).toBe('linear');
    // 10 + 1.5 (t − 2000) = 95 → t = 2056.67, latest 2023
    expect(by.BBB.year_reached).toBeCloseTo(2000 + 85 / 1.5, 8);
    expect(by.BBB.years_to_target).toBeCloseTo(2000 + 85 / 1.5 - 2023, 8);
    expect(by.CCC.status).toBe('never-reached');
    expect(by.CCC.model).toBe('logistic');
    expect(by.CCC.criterion).toBe('min AICc on levels');
    expect(by.DDD.status).toBe('insufficient-data');
    expect(by.DDD.provenance).toHaveLength(2);
  });
});

describe('computeTrendProjections', () => {
  it('extends the chosen trend to the horizon and marks fitted and projected years', async () => {
    const { computeTrendProjections } = await import('../../src/divide/index.js');
    const rec = obsRecords(years.map((t) => ({ area: 'BBB', ind: 'HH7', year: t, value: 10 + 1.5 * (t - 2000) })));
    const rows = computeTrendProjections(rec, 'HH7', { to: 2030 });
    expect(rows).toHaveLength(2030 - 2000 + 1);
    const y2030 = rows.find((r) => r.time_period === 2030)!;
    expect(y2030).toMatchObject({ model: 'linear', kind: 'projected' });
    expect(y2030.trend).toBeCloseTo(10 + 1.5 * 30, 9);
    expect(rows.find((r) => r.time_period === 2023)!.kind).toBe('fitted');
    // a percentage growing 0.3 points a year from 60 passes 100 long before 2300: set to 100 and flagged
    const fast = computeTrendProjections(obsRecords(years.map((t) => ({ area: 'CCC', ind: 'HH7', year: t, value: Math.min(60 + 0.3 * (t - 2000), 99) }))), 'HH7', { to: 2300 });
    const end = fast[fast.length - 1];
    expect(end).toMatchObject({ time_period: 2300, trend: 100, capped: 'yes' });
  });
});
