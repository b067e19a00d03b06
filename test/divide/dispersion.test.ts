import { describe, expect, it } from 'vitest';
import { computeDispersion, sigmaConvergence } from '../../src/divide/index.js';
import { obsRecords, type Obs } from './helpers.js';

describe('computeDispersion', () => {
  const obs: Obs[] = [
    { area: 'AAA', ind: 'HH7', year: 2010, value: 1 },
    { area: 'BBB', ind: 'HH7', year: 2010, value: 2 },
    { area: 'CCC', ind: 'HH7', year: 2010, value: 3 },
    { area: 'DDD', ind: 'HH7', year: 2010, value: 4 },
    { area: 'EEE', ind: 'HH7', year: 2010, value: 5 },
    { area: 'AAA', ind: 'HH7', year: 2011, value: 10 },
    { area: 'BBB', ind: 'HH7', year: 2011, value: 30 },
    { area: 'AAA', ind: 'POP', year: 2010, value: 3, unit: 'PERSONS' },
    { area: 'BBB', ind: 'POP', year: 2010, value: 1, unit: 'PERSONS' },
    { area: 'CCC', ind: 'POP', year: 2010, value: 1, unit: 'PERSONS' },
    { area: 'DDD', ind: 'POP', year: 2010, value: 1, unit: 'PERSONS' },
    { area: 'EEE', ind: 'POP', year: 2010, value: 2, unit: 'PERSONS' },
    { area: 'AAA', ind: 'POP', year: 2011, value: 1, unit: 'PERSONS' },
  ];
  const rows = computeDispersion(obsRecords(obs), 'HH7');
  it('gives the textbook Gini and the expanded-population weighted Gini', () => {
    const r = rows[0];
    expect(r.gini).toBeCloseTo(4 / 15, 14);
    expect(r.coverage).toBe('complete');
    expect(r.mean).toBe(3);
    expect(r.sd).toBeCloseTo(Math.sqrt(2), 14);
    expect(r.cv).toBeCloseTo(Math.sqrt(2) / 3, 14);
    // weighted = Gini of (1,1,1,2,3,4,5,5): ΣΣ|xi−xj| = 2·Σ_{i<j} = 2·54, n = 8, μ = 22/8
    const x = [1, 1, 1, 2, 3, 4, 5, 5];
    let s = 0;
    for (const a of x) for (const b of x) s += Math.abs(a - b);
    expect(r.gini_pw).toBeCloseTo(s / (2 * 64 * (22 / 8)), 14);
    expect(r.weight_periods).toBe('2010');
    expect(r.provenance).toHaveLength(10);
  });
  it('states incomplete coverage and weights carried forward', () => {
    const r = rows[1];
    expect(r).toMatchObject({ time_period: 2011, n_areas: 2, n_expected: 5, areas_missing: 'CCC DDD EEE', coverage: 'incomplete' });
    expect(r.weight_periods).toBe('2010 (carried forward) 2011');
    // weights BBB 1 (2010), AAA 1 (2011): equal, so weighted Gini = unweighted
    expect(r.gini_pw).toBeCloseTo(r.gini, 14);
    expect(computeDispersion(obsRecords(obs), 'HH7', { weights: 'same-year' })[1].gini_pw).toBeNull();
  });
  it('splits the Theil index over subnational areas into within and between countries', () => {
    const sub: Obs[] = [
      { area: 'AAA', ind: 'HH7', year: 2020, value: 20 },
      { area: 'BBB', ind: 'HH7', year: 2020, value: 60 },
      { area: 'ID-JK', ind: 'HH7', year: 2020, value: 80 },
      { area: 'ID-PA', ind: 'HH7', year: 2020, value: 20 },
      { area: 'TH-10', ind: 'HH7', year: 2020, value: 90 },
      { area: 'TH-50', ind: 'HH7', year: 2020, value: 70 },
    ];
    const [r] = computeDispersion(obsRecords(sub), 'HH7');
    expect(r.n_areas).toBe(2);
    expect(r.theil_within! + r.theil_between!).toBeCloseTo(r.theil_subnational!, 13);
    // within: s_IDN·T(80,20) + s_THA·T(90,70), shares of the total 260
    const T = (a: number, b: number) => {
      const m = (a + b) / 2;
      return 0.5 * ((a / m) * Math.log(a / m) + (b / m) * Math.log(b / m));
    };
    expect(r.theil_within).toBeCloseTo((100 / 260) * T(80, 20) + (160 / 260) * T(90, 70), 13);
    expect(r.note).toContain('unweighted');
  });
  it('sigma-convergence uses only complete years and tests the slope', () => {
    const series: Obs[] = [];
    for (let t = 2000; t < 2010; t++) {
      series.push({ area: 'AAA', ind: 'HH7', year: t, value: 10 + 5 * (t - 2000) + (t % 3) });
      series.push({ area: 'BBB', ind: 'HH7', year: t, value: 60 + 2 * (t - 2000) });
      if (t !== 2004) series.push({ area: 'CCC', ind: 'HH7', year: t, value: 30 + 4 * (t - 2000) });
    }
    const d = computeDispersion(obsRecords(series), 'HH7');
    const [cv] = sigmaConvergence(d, ['cv']);
    const used = d.filter((r) => r.time_period !== 2004);
    const x = used.map((r) => r.time_period);
    const y = used.map((r) => r.cv);
    const mx = x.reduce((a, b) => a + b, 0) / x.length;
    const my = y.reduce((a, b) => a + b, 0) / y.length;
    const slope = x.reduce((a, v, i) => a + (v - mx) * (y[i] - my), 0) / x.reduce((a, v) => a + (v - mx) ** 2, 0);
    expect(cv.n).toBe(9);
    expect(cv.slope).toBeCloseTo(slope, 12);
    expect(cv.excluded).toBe('2004 (missing CCC)');
    expect(cv.verdict).toBe('convergence');
    expect(cv.provenance).toHaveLength(27);
  });
});

describe('the balanced panel and its chart', () => {
  // three areas observed 2010–2013 except CCC in 2012: 2012 is not comparable with the other years
  const obs: Obs[] = [2010, 2011, 2012, 2013].flatMap((year) =>
    ['AAA', 'BBB', 'CCC']
      .filter((a) => !(a === 'CCC' && year === 2012))
      .map((area, k) => ({ area, ind: 'HH7', year, value: 10 * (k + 1) + year - 2000 })),
  );
  it('keeps the years in which every area is observed', async () => {
    const { balancedPanel } = await import('../../src/divide/index.js');
    const rows = computeDispersion(obsRecords(obs), 'HH7');
    expect(balancedPanel(rows).map((r) => r.time_period)).toEqual([2010, 2011, 2013]);
  });
  it('draws lines over the balanced panel only, broken at a year with a missing area, which stands apart', async () => {
    const { dispersionChartSpec } = await import('../../src/divide/charts.js');
    const spec = dispersionChartSpec(computeDispersion(obsRecords(obs), 'HH7')) as unknown as {
      data: { values: { year: number; measure: string; segment: string; complete: boolean; panel: string }[] };
      layer: { mark: { type: string }; transform: { filter: string }[] }[];
    };
    expect(spec.layer.map((l) => [l.mark.type, l.transform[0]!.filter])).toEqual([
      ['line', 'datum.complete'],
      ['point', '!datum.complete'],
    ]);
    const gini = spec.data.values.filter((v) => v.measure === 'Gini');
    const seg = (y: number) => gini.find((v) => v.year === y)!.segment;
    expect(seg(2010)).toBe(seg(2011));
    expect(seg(2013)).not.toBe(seg(2011));
    expect(gini.find((v) => v.year === 2012)).toMatchObject({ complete: false, panel: 'incomplete: 2 of 3 areas' });
  });
});
