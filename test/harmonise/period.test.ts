import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { harmonise } from '../../src/harmonise/index.js';
import { periodFrequency } from '../../src/harmonise/period.js';
import { tmp, writeMapping } from './helpers.js';

describe('reporting periods', () => {
  it('knows the dataset time formats and nothing else', () => {
    expect(['2020', '2020-S2', '2020-Q4', '2020-12', '2024-02-29'].map(periodFrequency)).toEqual(['A', 'S', 'Q', 'M', 'D']);
    for (const bad of [
      '2020 (est.)',
      'Perkotaan / 2022',
      '=2020+1',
      '2020-13',
      '2020-00',
      '2021-02-29',
      '2020-Q5',
      '20',
      '2020.0',
      ' 2020',
      '2020-W01',
    ])
      expect(periodFrequency(bad), bad).toBeUndefined();
  });

  it('a wide layout validates every column name that becomes TIME_PERIOD: bad ones are rejected cell by cell, never written', async () => {
    const dir = tmp();
    const file = join(dir, 'wide.csv');
    writeFileSync(file, 'area,2019,2020 (est.),Perkotaan / 2022,=2020+1,2021-Q1\nVNM,60,61,62,63,64\nTHA,70,,72,73,74\n');
    const m = writeMapping(dir, 'wide', {
      file,
      layout: { type: 'wide', timeColumns: '20\\d\\d', indicator: 'HH7' },
      dimensions: { REF_AREA: { column: 'area' } },
    });
    const r = await harmonise({ mappings: [m], outDir: dir });
    const obs = parse(readFileSync(join(dir, 'observations.csv')), { columns: true }) as Record<string, string>[];
    expect(obs.map((o) => [o.REF_AREA, o.FREQ, o.TIME_PERIOD, o.OBS_VALUE])).toEqual([
      ['THA', 'A', '2019', '70'],
      ['THA', 'Q', '2021-Q1', '74'],
      ['VNM', 'A', '2019', '60'],
      ['VNM', 'Q', '2021-Q1', '64'],
    ]);
    expect(r.rejects.map((x) => [x.row, x.column, x.code])).toEqual([
      [2, '2020 (est.)', 'BAD_TIME_PERIOD'],
      [2, 'Perkotaan / 2022', 'BAD_TIME_PERIOD'],
      [2, '=2020+1', 'BAD_TIME_PERIOD'],
      [3, '2020 (est.)', 'BAD_TIME_PERIOD'],
      [3, 'Perkotaan / 2022', 'BAD_TIME_PERIOD'],
      [3, '=2020+1', 'BAD_TIME_PERIOD'],
    ]);
    // 10 cells: 4 observations + 6 rejected (the empty cell of a column that is no period too)
    expect(r.counts).toMatchObject({ cells: 10, observations: 4, rejected: 6, filtered: 0 });
    // the formula-like column name is neutralised in rejects.csv
    expect(readFileSync(join(dir, 'rejects.csv'), 'utf8')).toContain(",'=2020+1,BAD_TIME_PERIOD,");
  });

  it('a long layout rejects an impossible month or date', async () => {
    const dir = tmp();
    const file = join(dir, 'long.csv');
    writeFileSync(file, 'area,period,value\nVNM,2020-13,1\nVNM,2021-02-29,2\nVNM,2020-02,3\n');
    const m = writeMapping(dir, 'long', {
      file,
      layout: { type: 'long', valueColumns: [{ column: 'value', indicator: 'HH7' }] },
      dimensions: { REF_AREA: { column: 'area' }, TIME_PERIOD: { column: 'period' } },
    });
    const r = await harmonise({ mappings: [m] });
    expect(r.rejects.map((x) => [x.row, x.code])).toEqual([
      [2, 'BAD_TIME_PERIOD'],
      [3, 'BAD_TIME_PERIOD'],
    ]);
    expect(r.observations().map((o) => [o.FREQ, o.TIME_PERIOD])).toEqual([['M', '2020-02']]);
  });
});

describe('FREQ codes', () => {
  it('every frequency a period can have is a CL_FREQ code', async () => {
    const { hasCodeInList } = await import('../../src/guidelines/index.js');
    for (const p of ['2020', '2020-S1', '2020-Q1', '2020-01', '2020-01-31'])
      expect(hasCodeInList('CL_FREQ', periodFrequency(p)!), p).toBe(true);
  });
});
