import { describe, expect, it } from 'vitest';
import {
  aggregateScores,
  computeCompositeIndex,
  indexData,
  normaliseIndicator,
  quantileSorted,
  rankDescending,
  rankUncertainty,
  readIndexConfig,
  validateIndexConfig,
  type CompositeIndexConfig,
} from '../../src/divide/index.js';
import { SchemaError } from '../../src/errors.js';
import { obsRecords, type Obs } from './helpers.js';

describe('normaliseIndicator', () => {
  it('min-max, z-score and goalposts on known values, with direction and log transform', () => {
    expect(Array.from(normaliseIndicator([2, 4, 6], 'min-max', { code: 'x', direction: '+' }))).toEqual([0, 50, 100]);
    expect(Array.from(normaliseIndicator([2, 4, 6], 'min-max', { code: 'x', direction: '-' }))).toEqual([100, 50, 0]);
    const z = normaliseIndicator([2, 4, 6], 'z-score', { code: 'x', direction: '+' });
    expect(z[0]).toBeCloseTo(-Math.sqrt(1.5), 14);
    expect(z[1]).toBe(0);
    expect(
      Array.from(normaliseIndicator([-10, 25, 200], 'goalposts', { code: 'x', direction: '+', goalposts: { lower: 0, upper: 100 } })),
    ).toEqual([0, 25, 100]);
    const g = normaliseIndicator([1000], 'goalposts', {
      code: 'gdp',
      direction: '+',
      transform: 'log',
      goalposts: { lower: 100, upper: 75000 },
    });
    expect(g[0]).toBeCloseTo((100 * Math.log(10)) / Math.log(750), 12);
    expect(() => normaliseIndicator([3, 3], 'min-max', { code: 'x', direction: '+' })).toThrow(
      expect.objectContaining({ code: 'INDEX_CONSTANT_INDICATOR' }),
    );
  });
});

describe('aggregateScores', () => {
  it('weighted arithmetic and shifted geometric means', () => {
    const s = [Float64Array.from([0, 100]), Float64Array.from([50, 50])];
    expect(Array.from(aggregateScores(s, [3, 1], 'arithmetic'))).toEqual([12.5, 87.5]);
    const g = aggregateScores(s, [1, 1], 'geometric');
    expect(g[0]).toBeCloseTo(Math.sqrt(1 * 50), 12);
    expect(g[1]).toBeCloseTo(Math.sqrt(101 * 50), 12);
  });
  it('ranks with ties and type-7 quantiles', () => {
    expect(Array.from(rankDescending([5, 9, 5, 1]))).toEqual([2, 1, 2, 4]);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.05)).toBeCloseTo(1.5, 14);
  });
});

const cfg: CompositeIndexConfig = {
  id: 'test-index',
  title: 'test',
  period: 'latest-complete',
  normalisation: 'goalposts',
  aggregation: 'arithmetic',
  pillars: [
    {
      id: 'access',
      weight: 2,
      indicators: [
        { code: 'i271', direction: '+', weight: 1, goalposts: { lower: 0, upper: 150 } },
        { code: 'i112', direction: '+', weight: 1, goalposts: { lower: 0, upper: 50 } },
      ],
    },
    { id: 'use', weight: 1, indicators: [{ code: 'HH7', direction: '+', weight: 1, goalposts: { lower: 0, upper: 100 } }] },
  ],
  uncertainty: {
    draws: 300,
    seed: 5,
    weightConcentration: 10,
    normalisations: ['goalposts', 'min-max', 'z-score'],
    aggregations: ['arithmetic', 'geometric'],
  },
};

const obs: Obs[] = [
  // 2019: all complete; 2020: CCC lacks i112
  ...[2019, 2020].flatMap((y) => [
    { area: 'AAA', ind: 'i271', year: y, value: 150, unit: 'PER_100_POP' },
    { area: 'AAA', ind: 'i112', year: y, value: 40, unit: 'PER_100_POP' },
    { area: 'AAA', ind: 'HH7', year: y, value: 90 },
    { area: 'BBB', ind: 'i271', year: y, value: 120, unit: 'PER_100_POP' },
    { area: 'BBB', ind: 'i112', year: y, value: 5, unit: 'PER_100_POP' },
    { area: 'BBB', ind: 'HH7', year: y, value: 60 },
    { area: 'CCC', ind: 'i271', year: y, value: 90, unit: 'PER_100_POP' },
    { area: 'CCC', ind: 'HH7', year: y, value: 50 },
    { area: 'DDD', ind: 'i271', year: y, value: 60, unit: 'PER_100_POP' },
    { area: 'DDD', ind: 'i112', year: y, value: 10, unit: 'PER_100_POP' },
    { area: 'DDD', ind: 'HH7', year: y, value: 20 },
  ]),
  { area: 'CCC', ind: 'i112', year: 2019, value: 25, unit: 'PER_100_POP' },
];
const rec = obsRecords(obs);

describe('computeCompositeIndex', () => {
  it('computes the goalposts arithmetic index by hand in the latest complete year', () => {
    const rows = computeCompositeIndex(rec, cfg);
    expect(rows[0].time_period).toBe(2019);
    const bbb = rows.find((r) => r.ref_area === 'BBB')!;
    const access = ((100 * 120) / 150 + (100 * 5) / 50) / 2; // 45
    expect(bbb.pillars.access).toBeCloseTo(access, 12);
    expect(bbb.index).toBeCloseTo((2 * access + 60) / 3, 12);
    expect(rows.map((r) => r.ref_area)).toEqual(['AAA', 'CCC', 'BBB', 'DDD']);
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
    expect(bbb.provenance).toHaveLength(3);
  });
  it('lists an area missing an indicator instead of imputing it', () => {
    const rows = computeCompositeIndex(rec, { ...cfg, period: 2020 });
    const ccc = rows.find((r) => r.ref_area === 'CCC')!;
    expect(ccc).toMatchObject({ status: 'missing-indicator', missing: 'i112', index: null, rank: null });
    expect(rows.filter((r) => r.status === 'ok').map((r) => r.rank)).toEqual([1, 2, 3]);
  });
  it('takes the latest year with the most areas complete when none is complete for all, and says when fewer than two are', () => {
    const withEEE = obsRecords([...obs, { area: 'EEE', ind: 'HH7', year: 2020, value: 70 }]);
    const d = indexData(withEEE, cfg);
    expect(d.period).toBe(2019);
    expect(d.areas).toEqual(['AAA', 'BBB', 'CCC', 'DDD']);
    expect([...d.excluded]).toEqual([['EEE', ['i271', 'i112', 'HH7']]]);
    expect(() => indexData(rec, { ...cfg, areas: ['AAA', 'EEE'] })).toThrow(
      expect.objectContaining({ code: 'INDEX_NO_COMPLETE_YEAR', location: { jsonPath: '/period' } }),
    );
  });
});

describe('rankUncertainty', () => {
  it('is deterministic under a seed, gives ordered intervals, and keeps a dominating area first', () => {
    const a = rankUncertainty(rec, cfg);
    const b = rankUncertainty(rec, cfg);
    expect(b).toEqual(a);
    expect(a[0].draws).toBe(300);
    for (const r of a) {
      expect(r.p05_rank).toBeLessThanOrEqual(r.median_rank);
      expect(r.median_rank).toBeLessThanOrEqual(r.p95_rank);
      expect(r.best_rank).toBeLessThanOrEqual(r.p05_rank);
    }
    // AAA is highest on every indicator: first under any weights, normalisation and aggregation
    expect(a.find((r) => r.ref_area === 'AAA')).toMatchObject({ best_rank: 1, worst_rank: 1 });
    // DDD is lowest on HH7 and i271 but above BBB on i112: its rank can move, its interval says so
    const ddd = a.find((r) => r.ref_area === 'DDD')!;
    expect(ddd.worst_rank).toBe(4);
    const c = rankUncertainty(rec, cfg, { seed: 6, draws: 50 });
    expect(c[0].seed).toBe(6);
    expect(c[0].draws).toBe(50);
  });
});

describe('index configuration', () => {
  it('the shipped asean-digital-access configuration is valid', async () => {
    const c = await readIndexConfig();
    expect(c.id).toBe('asean-digital-access');
    expect(c.pillars.map((p) => p.id)).toEqual(['connectivity', 'use', 'means']);
  });
  it('rejects a schema violation and a missing goalpost with their JSON paths', async () => {
    const bad = { ...cfg, pillars: [] };
    expect(() => validateIndexConfig(bad, 'i.json')).toThrow(SchemaError);
    expect(() => validateIndexConfig(bad, 'i.json')).toThrow(
      expect.objectContaining({ code: 'SCHEMA_INVALID', location: expect.objectContaining({ file: 'i.json', jsonPath: '/pillars' }) }),
    );
    const noGoal = structuredClone(cfg);
    delete noGoal.pillars[1].indicators[0].goalposts;
    expect(() => validateIndexConfig(noGoal, 'i.json')).toThrow(
      expect.objectContaining({ code: 'SCHEMA_INVALID', location: expect.objectContaining({ jsonPath: '/pillars/1/indicators/0' }) }),
    );
    await expect(readIndexConfig('test/divide/data/none.json')).rejects.toMatchObject({ code: 'INDEX_CONFIG_READ' });
  });
});
