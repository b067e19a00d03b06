import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { harmonise, harmoniseDefault, readObservations } from '../../src/harmonise/index.js';
import { DATA, tmp, writeMapping } from './helpers.js';

const hh7 = (dir: string, name: string, file: string, priority: number, releaseDate: string): string =>
  writeMapping(dir, name, {
    source: { id: name.toUpperCase(), title: name, publisher: 'test', releaseDate, priority },
    file: join(DATA, file),
    layout: { type: 'long', valueColumns: [{ column: 'value', indicator: 'HH7' }] },
    dimensions: { REF_AREA: { column: 'area' }, TIME_PERIOD: { column: 'year' } },
  });

describe('harmonise', () => {
  it('resolves a key given by two sources by priority and logs the loser in conflicts.csv', async () => {
    const dir = tmp();
    const r = await harmonise({
      mappings: [hh7(dir, 'a', 'hh7-a.csv', 1, '2024-01-01'), hh7(dir, 'b', 'hh7-b.csv', 5, '2020-01-01')],
      outDir: dir,
    });
    const vnm = r.observations().find((o) => o.REF_AREA === 'VNM')!;
    expect([vnm.SOURCE_ID, vnm.OBS_VALUE]).toEqual(['B', 72]);
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]).toMatchObject({ keptSource: 'B', droppedSource: 'A', droppedValue: 70, droppedRow: 2, reason: 'priority' });
    const lines = readFileSync(join(dir, 'conflicts.csv'), 'utf8').trim().split('\n');
    expect(lines[1]).toMatch(
      /^VNM,HH7,_T,_T,_T,_T,_T,_T,_T,_T,_T,2020,B,2020-01-01,72,A,2024-01-01,70,.*hh7-a\.csv,2,value,priority,REVISION$/,
    );
    // 4 cells = 3 observations + 1 superseded
    expect(r.counts).toMatchObject({ cells: 4, observations: 3, rejected: 0, filtered: 1 });
    // equal priority: the later release wins
    const r2 = await harmonise({ mappings: [hh7(dir, 'c', 'hh7-a.csv', 1, '2024-01-01'), hh7(dir, 'd', 'hh7-b.csv', 1, '2020-01-01')] });
    expect(r2.conflicts[0]).toMatchObject({ keptSource: 'C', reason: 'release date' });
  });

  it('converts counts in thousands to per 100 inhabitants with the population of the run (decimal comma, thousands dot)', async () => {
    const dir = tmp();
    const pop = writeMapping(dir, 'pop', {
      file: join(DATA, 'pop-thousands.csv'),
      format: { type: 'csv', decimal: ',', thousands: '.' },
      unit: { measure: 'PERSONS' },
      layout: { type: 'long', valueColumns: [{ column: 'Population', indicator: 'POP' }] },
      dimensions: { REF_AREA: { column: 'Code', system: 'iso3' }, TIME_PERIOD: { column: 'Year' } },
    });
    const subs = writeMapping(dir, 'subs', {
      file: join(DATA, 'counts-thousands.csv'),
      format: { type: 'csv', decimal: ',', thousands: '.' },
      unit: { measure: 'NUMBER', mult: 3 },
      layout: { type: 'long', valueColumns: [{ column: 'Subscriptions (thousands)', indicator: 'i271' }] },
      dimensions: { REF_AREA: { column: 'Code', system: 'iso3' }, TIME_PERIOD: { column: 'Year' } },
    });
    const r = await harmonise({ mappings: [subs, pop] });
    const v = r
      .observations()
      .filter((o) => o.INDICATOR === 'i271')
      .map((o) => [o.REF_AREA, o.OBS_VALUE, o.UNIT_MEASURE]);
    expect(v).toEqual([
      ['THA', ((90000 * 1000) / 68900000) * 100, 'PER_100_POP'],
      ['VNM', ((120000.5 * 1000) / 92700000) * 100, 'PER_100_POP'],
    ]);
  });

  it('harmonises an SDMX-CSV 2.x file with labels=both; #N/A is a missing observation with its status', async () => {
    const dir = tmp();
    const m = writeMapping(dir, 'sdmx', {
      file: join(import.meta.dirname, '../ingest/data/sdmx-csv-2.0-labels-both.csv'),
      format: { type: 'sdmx-csv' },
      layout: { type: 'long', valueColumns: [{ column: 'OBS_VALUE' }] },
      dimensions: {
        REF_AREA: { column: 'REF_AREA', system: 'iso3' },
        INDICATOR: { column: 'INDICATOR' },
        TIME_PERIOD: { column: 'TIME_PERIOD' },
        OBS_STATUS: { column: 'OBS_STATUS' },
      },
    });
    const r = await harmonise({ mappings: [m] });
    expect(r.observations().map((o) => [o.REF_AREA, o.OBS_VALUE, o.OBS_STATUS, o.PROV_ROW])).toEqual([
      ['MYS', null, 'O', 3],
      ['VNM', 74.2, 'A', 2],
    ]);
  });

  it('writes byte-identical outputs on a second run', async () => {
    const a = tmp();
    const b = tmp();
    const m = hh7(a, 'a', 'hh7-a.csv', 1, '2024-01-01');
    const n = hh7(a, 'b', 'hh7-b.csv', 5, '2020-01-01');
    await harmonise({ mappings: [m, n], outDir: join(a, 'out') });
    await harmonise({ mappings: [m, n], outDir: join(b, 'out') });
    for (const f of ['observations.csv', 'rejects.csv', 'conflicts.csv', 'quality.md'])
      expect(readFileSync(join(a, 'out', f))).toEqual(readFileSync(join(b, 'out', f)));
  });

  it('the shipped datasets give one ASEAN dataset readable by the next stage', async () => {
    const ra = await harmoniseDefault(tmp());
    const c = ra.counts;
    expect(c.cells).toBe(c.observations + c.rejected + c.filtered);
    for (const s of c.sources) expect(s.cells).toBe(s.observations + s.rejected + Object.values(s.filtered).reduce((x, y) => x + y, 0));
    const { rows } = readObservations(ra.outputs.observations);
    expect(rows.length).toBe(c.observations);
    const areas = new Set(rows.map((o) => o.REF_AREA));
    expect([...areas].sort()).toEqual(['BRN', 'IDN', 'KHM', 'LAO', 'MMR', 'MYS', 'PHL', 'SGP', 'THA', 'TLS', 'VNM']);
    const inds = new Set(rows.map((o) => o.INDICATOR));
    expect([...inds].sort()).toEqual(['GDP_PCAP_KD', 'HH7', 'POP', 'POP_RUR', 'POP_URB', 'i271']);
    // a release revises values: Philippines 2015 internet use is 36.9 in the 2024 release
    const phl = rows.find((o) => o.REF_AREA === 'PHL' && o.INDICATOR === 'HH7' && o.TIME_PERIOD === '2015')!;
    expect([phl.OBS_VALUE, phl.RELEASE_DATE]).toEqual([36.9, '2024-11-25']);
    // Viet Nam's population in 2016 from the API JSON record, located by its JSON path
    const pop = rows.find((o) => o.REF_AREA === 'VNM' && o.INDICATOR === 'POP' && o.TIME_PERIOD === '2016')!;
    const api = JSON.parse(readFileSync(join(import.meta.dirname, '../../datasets/wdi/wikistats2018_SP.POP.TOTL_api_v2.json'), 'utf8')) as [
      unknown,
      { countryiso3code: string; date: string; value: number | null }[],
    ];
    const rec = api[1].findIndex((x) => x.countryiso3code === 'VNM' && x.date === '2016');
    expect(pop.OBS_VALUE).toBe(api[1][rec].value);
    expect(pop.PROV_COLUMN).toBe(`/1/${rec}`);
    // sorted by key
    const keys = rows.map((o) =>
      [o.REF_AREA, o.INDICATOR, o.SEX, o.AGE, o.URBANISATION, o.INCOME_WEALTH_QUANTILE, o.TIME_PERIOD].join('\u0001'),
    );
    expect(keys).toEqual([...keys].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
  });
});
