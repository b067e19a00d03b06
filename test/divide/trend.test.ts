import { describe, expect, it } from 'vitest';
import {
  fitBoundedLogistic,
  fitLinear,
  fitLogLinear,
  fitLogistic,
  fitTrends,
  yearReaching,
  yearsFromLast,
  computeDistanceToTarget,
} from '../../src/divide/index.js';
import { obsRecords } from './helpers.js';

const years = Array.from({ length: 24 }, (_, i) => 2000 + i);
const logistic = (K: number, r: number, t0: number) => (t: number) => K / (1 + Math.exp(-r * (t - t0)));

describe('trend fits', () => {
  it('the logistic fit recovers known parameters from noise-free data', () => {
    for (const [K, r, t0] of [
      [90, 0.35, 2012],
      [60, 0.6, 2015.5],
      [99, 0.2, 2008],
    ]) {
      const y = years.map(logistic(K, r, t0));
      const f = fitLogistic(years, y, 100);
      expect(f.params.K).toBeCloseTo(K, 5);
      expect(f.params.r).toBeCloseTo(r, 6);
      expect(f.params.t0).toBeCloseTo(t0, 4);
      expect(f.rmse).toBeLessThan(1e-6);
    }
  });
  it('the linear and log-linear fits are exact on their own data', () => {
    const l = fitLinear(
      years,
      years.map((t) => 3 + 2 * (t - 2000)),
    );
    expect(l.params.b).toBeCloseTo(2, 12);
    expect(yearReaching(l, 43)).toBeCloseTo(2020, 9);
    const g = fitLogLinear(
      years,
      years.map((t) => 2 * Math.exp(0.1 * (t - 2000))),
    );
    expect(g.params.b).toBeCloseTo(0.1, 12);
    expect(yearReaching(g, 2 * Math.exp(2))).toBeCloseTo(2020, 8);
  });
  it('AICc picks the generating model; a logistic with ceiling K never reaches a target above K', () => {
    const y = years.map(logistic(80, 0.4, 2010));
    const [best] = fitTrends(years, y, 100);
    expect(best.model).toBe('logistic');
    expect(yearReaching(best, 95)).toBeNull();
    expect(yearsFromLast(best, y[y.length - 1], 95)).toBeNull();
    // t where K/(1+e^{-r(t−t0)}) = 60: t = t0 − ln(K/60 − 1)/r
    expect(yearReaching(best, 60)).toBeCloseTo(2010 - Math.log(80 / 60 - 1) / 0.4, 5);
  });
  it('a percentage gets only bounded trends: a series whose ceiling is the bound is fitted at exactly 100, not clipped', () => {
    const y = years.map(logistic(100, 0.3, 2012));
    const fits = fitTrends(years, y, 100);
    expect(fits.map((f) => f.model).sort()).toEqual(['logistic', 'logistic-bounded']);
    const free = fits.find((f) => f.model === 'logistic')!;
    expect(free.params.K).toBeCloseTo(100, 6);
    expect(free.params.r).toBeCloseTo(0.3, 6);
    // the two-parameter model wins: same fit, fewer parameters
    expect(fits[0]!.model).toBe('logistic-bounded');
    expect(fits[0]!.params.r).toBeCloseTo(0.3, 9);
    expect(fits[0]!.params.t0).toBeCloseTo(2012, 7);
  });
  it('years to target count from the latest observation along the trend, analytically', () => {
    // a series whose last value lies below its own fitted curve: the fitted curve would put it at
    // the target already; from the observation, ln(95/5 · (100 − y)/y) / r years remain
    const y = years.map(logistic(100, 0.3, 2012));
    y[y.length - 1] = 90;
    const f = fitBoundedLogistic(years, y, 100);
    const logit = (v: number) => Math.log(v / (100 - v));
    expect(yearsFromLast(f, 90, 95)).toBeCloseTo((logit(95) - logit(90)) / f.params.r, 12);
    expect(yearsFromLast(f, 96, 95)).toBe(0);
    const l = fitLinear(
      years,
      years.map((t) => 3 + 2 * (t - 2000)),
    );
    expect(yearsFromLast(l, 40, 50)).toBeCloseTo(5, 10);
    const g = fitLogLinear(
      years,
      years.map((t) => 2 * Math.exp(0.1 * (t - 2000))),
    );
    expect(yearsFromLast(g, 10, 10 * Math.E)).toBeCloseTo(10, 8);
  });
  it('matches scipy.optimize.curve_fit on Thailand’s and Cambodia’s Internet use (WDI 2024 release)', () => {
    // HH7 (IT.NET.USER.ZS, % of individuals), 2000–2023 for THA and 2000–2022 (no 2018) for KHM, from
    // datasets/wdi/figurefriday2024_API_IT.NET.USER.ZS_DS2_en_csv_v2_2160.csv as harmonised by the demo.
    // Reference figures computed once with SciPy 1.10.1 (Debian python3-scipy), curve_fit, on the same
    // values: f(t) = 100/(1+exp(−r(t−t0))), p0 = (0.2, 2010); and f(t) = K/(1+exp(−r(t−t0))) with
    // bounds K ∈ [max y, 100], p0 = (min(99.9, 1.05 max y), 0.2, 2010); AICc = n ln(RSS/n) + 2k + 2k(k+1)/(n−k−1).
    const tha = [
      3.68904, 5.55633, 7.53125, 9.29903, 10.6773, 15.026, 17.1607, 20.03, 18.2, 20.1, 22.4, 23.6699, 26.46, 28.94, 34.8861, 39.3161,
      47.505, 52.8919, 56.8175, 66.6524, 77.8437, 85.2696, 87.9772, 89.5352,
    ];
    const khm = [
      0.0470226, 0.0769561, 0.226983, 0.26057, 0.300437, 0.317322, 0.468357, 0.49, 0.51, 0.53, 1.26, 3.1, 4.94, 6, 14, 6.43319, 32.3985,
      32.9003, 52.3059, 53.6508, 55.6004, 56.7328,
    ];
    const tT = tha.map((_, i) => 2000 + i);
    const tK = [...Array.from({ length: 18 }, (_, i) => 2000 + i), 2019, 2020, 2021, 2022]; // no 2018 value
    const b = fitBoundedLogistic(tT, tha, 100);
    expect(b.params.r).toBeCloseTo(0.22426027218502448, 5);
    expect(b.params.t0).toBeCloseTo(2015.7890012406906, 3);
    expect(b.rss).toBeCloseTo(610.7765724428095, 4);
    expect(b.aicc).toBeCloseTo(82.25168585299208, 4);
    // free ceiling: scipy finds the bound, K = 100
    const free = fitLogistic(tT, tha, 100);
    expect(free.params.K).toBeCloseTo(100, 5);
    expect(free.aicc).toBeCloseTo(84.88025727813367, 4);
    // years from 2023 (89.5352 %) to 95 % on the bounded trend, scipy: 3.5575823204678874
    expect(yearsFromLast(b, 89.5352, 95)!).toBeCloseTo(3.5575823204678874, 3);
    const k = fitLogistic(tK, khm, 100);
    expect(k.params.K).toBeCloseTo(58.53394738230426, 3);
    expect(k.params.r).toBeCloseTo(0.6793484736588185, 4);
    expect(k.params.t0).toBeCloseTo(2016.3683987860882, 3);
    expect(k.rss).toBeCloseTo(186.65865865883384, 3);
    expect(k.aicc).toBeCloseTo(54.37459442962598, 4);
    expect(fitTrends(tK, khm, 100)[0]!.model).toBe('logistic');
    expect(yearsFromLast(k, 56.7328, 95)).toBeNull();
  });
});

describe('computeDistanceToTarget', () => {
  it('states already-reached, projected, never-reached and insufficient-data, years from the latest observation', () => {
    const rec = obsRecords([
      ...years.map((t) => ({ area: 'AAA', ind: 'HH7', year: t, value: logistic(99.5, 0.5, 2008)(t) })),
      ...years.map((t) => ({ area: 'BBB', ind: 'HH7', year: t, value: t === 2023 ? 86 : logistic(100, 0.25, 2015)(t) })),
      ...years.map((t) => ({ area: 'CCC', ind: 'HH7', year: t, value: logistic(50, 0.5, 2010)(t) })),
      { area: 'DDD', ind: 'HH7', year: 2020, value: 40 },
      { area: 'DDD', ind: 'HH7', year: 2021, value: 45 },
    ]);
    const rows = computeDistanceToTarget(rec, 'HH7', { target: 95 });
    const by = Object.fromEntries(rows.map((r) => [r.ref_area, r]));
    expect(by.AAA.status).toBe('already-reached');
    expect(by.AAA.years_to_target).toBe(0);
    expect(by.BBB.status).toBe('projected');
    expect(by.BBB.model).toMatch(/^logistic/);
    // from the 2023 observation (86 %, below the curve's 88.1 %) along the fitted rate r to 95 %: [logit(95) − logit(86)] / r
    const r = Number(/r=([\d.]+)/.exec(by.BBB.params)![1]);
    const K = Number(/K=([\d.]+)/.exec(by.BBB.params)![1]);
    expect(K).toBeGreaterThan(95);
    const logit = (v: number) => Math.log(v / (K - v));
    expect(by.BBB.years_to_target).toBeCloseTo((logit(95) - logit(86)) / r, 3);
    expect(by.BBB.year_reached).toBeCloseTo(2023 + by.BBB.years_to_target!, 9);
    expect(by.BBB.method).toMatch(/logistic trend 2000–2023 \(ceiling .*years counted from the 2023 observation \(86\) along the trend/);
    expect(by.CCC.status).toBe('never-reached');
    expect(by.CCC.model).toBe('logistic');
    expect(by.CCC.criterion).toBe('min AICc on levels');
    expect(by.DDD.status).toBe('insufficient-data');
    expect(by.DDD.provenance).toHaveLength(2);
  });
  it('refuses a target at the bound of a percentage, with a located error', () => {
    const rec = obsRecords(years.map((t) => ({ area: 'BBB', ind: 'HH7', year: t, value: logistic(100, 0.25, 2015)(t) })));
    expect(() => computeDistanceToTarget(rec, 'HH7', { target: 100 })).toThrow(expect.objectContaining({ code: 'DIVIDE_TARGET_AT_BOUND' }));
  });
});

describe('computeTrendProjections', () => {
  it('extends the chosen trend to the horizon and marks fitted and projected years', async () => {
    const { computeTrendProjections } = await import('../../src/divide/index.js');
    const rec = obsRecords(years.map((t) => ({ area: 'BBB', ind: 'HH7', year: t, value: 10 + 1.5 * (t - 2000), unit: 'NUMBER' })));
    const rows = computeTrendProjections(rec, 'HH7', { to: 2030 });
    expect(rows).toHaveLength(2030 - 2000 + 1);
    const y2030 = rows.find((r) => r.time_period === 2030)!;
    expect(y2030).toMatchObject({ model: 'linear', kind: 'projected' });
    expect(y2030.trend).toBeCloseTo(10 + 1.5 * 30, 9);
    expect(rows.find((r) => r.time_period === 2023)!.kind).toBe('fitted');
    // a percentage follows a bounded trend: it stays below 100 however far it is projected
    const fast = computeTrendProjections(
      obsRecords(years.map((t) => ({ area: 'CCC', ind: 'HH7', year: t, value: Math.min(60 + 0.3 * (t - 2000), 99) }))),
      'HH7',
      { to: 2300 },
    );
    for (const r of fast) expect(r.trend).toBeLessThan(100);
    expect(fast[fast.length - 1]!.model).toMatch(/^logistic/);
  });
});
