import { describe, expect, it } from 'vitest';
import { computeGaps, indicatorsWithBreakdowns } from '../../src/divide/index.js';
import { obsRecords } from './helpers.js';

const rec = obsRecords([
  { area: 'KHM', ind: 'HH7', year: 2019, value: 40 },
  { area: 'KHM', ind: 'HH7', year: 2019, value: 60, urb: 'U' },
  { area: 'KHM', ind: 'HH7', year: 2019, value: 30, urb: 'R' },
  { area: 'KHM', ind: 'HH7', year: 2021, value: 70, urb: 'U' },
  { area: 'KHM', ind: 'HH7', year: 2021, value: 45, urb: 'R' },
  { area: 'KHM', ind: 'HH7', year: 2021, value: 50, sex: 'F' },
  { area: 'KHM', ind: 'HH7', year: 2021, value: 55, sex: 'M' },
  // a rural value for women only: not the all-sex rural value, so it must not be paired
  { area: 'KHM', ind: 'HH7', year: 2022, value: 72, urb: 'U' },
  { area: 'KHM', ind: 'HH7', year: 2022, value: 40, urb: 'R', sex: 'F' },
  { area: 'KHM', ind: 'HH7', year: 2022, value: 20, inc: 'Q1' },
  { area: 'KHM', ind: 'HH7', year: 2022, value: null, inc: 'Q5' },
  { area: 'LAO', ind: 'HH7', year: 2021, value: 62 },
]);

describe('computeGaps', () => {
  const rows = computeGaps(rec, ['HH7']);
  const get = (a: string, y: number, d: string) => rows.find((r) => r.ref_area === a && r.time_period === y && r.dimension === d)!;
  it('gives the absolute gap, ratio and their change since the previous year with a gap', () => {
    const u19 = get('KHM', 2019, 'urbanisation');
    expect(u19).toMatchObject({ status: 'ok', value_a: 60, value_b: 30, abs_gap: 30, ratio: 2, prev_period: null });
    const u21 = get('KHM', 2021, 'urbanisation');
    expect(u21).toMatchObject({ status: 'ok', abs_gap: 25, prev_period: 2019, abs_gap_change: -5, abs_gap_change_per_year: -2.5 });
    expect(u21.ratio).toBeCloseTo(70 / 45, 14);
    expect(u21.ratio_change).toBeCloseTo(70 / 45 - 2, 14);
    expect(u21.provenance).toHaveLength(4);
    expect(get('KHM', 2021, 'sex')).toMatchObject({ status: 'ok', comparison: 'F-M', abs_gap: -5 });
  });
  it('writes a missing-breakdown row for every area, year and comparison without both groups, and imputes nothing', () => {
    // KHM 3 years × 3 comparisons + LAO 1 year × 3
    expect(rows).toHaveLength(12);
    const u22 = get('KHM', 2022, 'urbanisation');
    expect(u22).toMatchObject({ status: 'missing-breakdown', missing: 'R', value_a: 72, value_b: null, abs_gap: null, ratio: null });
    const q22 = get('KHM', 2022, 'income');
    expect(q22).toMatchObject({ status: 'missing-breakdown', missing: 'Q5', value_b: 20, abs_gap: null });
    const lao = rows.filter((r) => r.ref_area === 'LAO');
    expect(lao.map((r) => r.status)).toEqual(['missing-breakdown', 'missing-breakdown', 'missing-breakdown']);
    expect(lao[0].missing).toBe('U R');
    expect(lao[0].provenance).toHaveLength(1);
    expect(rows.filter((r) => r.status === 'ok')).toHaveLength(3);
  });
  it('finds the indicators that have breakdowns', () => {
    expect(indicatorsWithBreakdowns(rec)).toEqual(['HH7']);
  });
});

describe('metricTable', () => {
  it('flattens each gap row, joining its provenance and counting it in n_obs', async () => {
    const { metricTable } = await import('../../src/divide/index.js');
    const rows = computeGaps(rec, ['HH7']);
    const t = metricTable(rows);
    expect(t).toHaveLength(12);
    expect(t.filter((d) => d.status === 'ok')).toHaveLength(3);
    t.forEach((d, i) => {
      expect(d.provenance).toBe(rows[i]!.provenance.join(' '));
      expect(d.n_obs).toBe(rows[i]!.provenance.length);
    });
  });
});

describe('gaps the catalogue foresees', () => {
  it('HH6 (households) has no F−M comparison; POP (a level) gets no gap rows; HH7 gets all three', async () => {
    const { catalogueGapDimensions, gapIndicators } = await import('../../src/divide/index.js');
    expect(catalogueGapDimensions('HH6').map((d) => d.dimension)).toEqual(['urbanisation', 'income']);
    expect(catalogueGapDimensions('HH7').map((d) => d.dimension)).toEqual(['urbanisation', 'sex', 'income']);
    const r = obsRecords([
      { area: 'MYS', ind: 'HH6', year: 2020, value: 90 },
      { area: 'MYS', ind: 'POP', year: 2020, value: 32e6, unit: 'PERSONS' },
      { area: 'MYS', ind: 'i271', year: 2020, value: 135, unit: 'PER_100_POP' },
    ]);
    expect(gapIndicators(r)).toEqual(['HH6']);
    const rows = computeGaps(r, gapIndicators(r), catalogueGapDimensions);
    expect(rows.map((x) => `${x.indicator} ${x.comparison} ${x.status}`)).toEqual([
      'HH6 U-R missing-breakdown',
      'HH6 Q5-Q1 missing-breakdown',
    ]);
  });
});
