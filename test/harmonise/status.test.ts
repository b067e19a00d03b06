import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { SchemaError } from '../../src/errors.js';
import { toCanonicalUnit } from '../../src/guidelines/index.js';
import { harmonise, loadMapping } from '../../src/harmonise/index.js';
import { isTotalBreakdown } from '../../src/divide/select.js';
import { harmonisedRecords } from '../../src/divide/observations.js';
import { readObservations } from '../../src/harmonise/index.js';
import { tmp, writeMapping } from './helpers.js';

const root = join(import.meta.dirname, '../..');
type Row = Record<string, string>;
const readOut = (dir: string): Row[] => parse(readFileSync(join(dir, 'observations.csv')), { columns: true }) as Row[];
const long = (dir: string, name: string, file: string, indicator: string, extra: Record<string, unknown> = {}): string =>
  writeMapping(dir, name, {
    file,
    layout: { type: 'long', valueColumns: [{ column: 'value', indicator }] },
    dimensions: { REF_AREA: { column: 'area' }, TIME_PERIOD: { column: 'year' } },
    ...extra,
  });

describe('codes and statuses of what is written', () => {
  it('UNIT_MULT must be a CL_UNIT_MULT code: a mapping with −2 is refused at its JSON path, a conversion with −2 too', () => {
    const dir = tmp();
    const file = join(dir, 'p.csv');
    writeFileSync(file, 'area,year,value\nVNM,2020,5\n');
    const bad = writeMapping(dir, 'bad', {
      file,
      unit: { measure: 'PERSONS', mult: -2 },
      layout: { type: 'long', valueColumns: [{ column: 'value', indicator: 'POP' }] },
      dimensions: { REF_AREA: { column: 'area' }, TIME_PERIOD: { column: 'year' } },
    });
    expect(() => loadMapping(bad)).toThrowError(SchemaError);
    expect(() => loadMapping(bad)).toThrowError(expect.objectContaining({ location: expect.objectContaining({ jsonPath: '/unit/mult' }) }));
    const badCol = writeMapping(dir, 'badcol', {
      file,
      unit: { measure: 'PERSONS' },
      layout: { type: 'long', valueColumns: [{ column: 'value', indicator: 'POP', unit: { measure: 'PERSONS', mult: 5 } }] },
      dimensions: { REF_AREA: { column: 'area' }, TIME_PERIOD: { column: 'year' } },
    });
    expect(() => loadMapping(badCol)).toThrowError(
      expect.objectContaining({ location: expect.objectContaining({ jsonPath: '/layout/valueColumns/0/unit/mult' }) }),
    );
    expect(() => toCanonicalUnit('POP', 5, 'PERSONS', -2)).toThrowError(expect.objectContaining({ code: 'UNIT_MULT_INVALID' }));
    expect(toCanonicalUnit('POP', 5, 'PERSONS', 2).value).toBe(500);
  });

  it('the guideline missing-value markers apply by default; each is written empty with its OBS_STATUS, never NaN', async () => {
    const dir = tmp();
    const file = join(dir, 'markers.csv');
    writeFileSync(file, 'area,year,value\nVNM,2016,...\nVNM,2017,-\nVNM,2018,x\nVNM,2019,n.a.\nVNM,2020,70\nVNM,2021,\nVNM,2022,NaN\n');
    const r = await harmonise({ mappings: [long(dir, 'markers', file, 'HH7')], outDir: dir });
    const obs = readOut(dir);
    expect(obs.map((o) => [o.TIME_PERIOD, o.OBS_VALUE, o.OBS_STATUS])).toEqual([
      ['2016', '', 'L'],
      ['2017', '', 'M'],
      ['2018', '', 'Q'],
      ['2019', '', 'O'],
      ['2020', '70', 'A'],
      ['2022', '', 'O'],
    ]);
    expect(readFileSync(join(dir, 'observations.csv'), 'utf8')).not.toMatch(/NaN/);
    expect(r.counts.sources[0].filtered).toEqual({ MISSING: 1 });
    // the mapping's own markers override the guideline's
    const own = await harmonise({ mappings: [long(dir, 'own', file, 'HH7', { missing: { '-': null, x: 'N' } })] });
    expect(own.observations().map((o) => [o.TIME_PERIOD, o.OBS_STATUS])).toEqual([
      ['2016', 'L'],
      ['2018', 'N'],
      ['2019', 'O'],
      ['2020', 'A'],
      ['2022', 'O'],
    ]);
    expect(own.counts.sources[0].filtered).toEqual({ MISSING: 2 });
    // a marker's status must be a CL_OBS_STATUS code
    await expect(harmonise({ mappings: [long(dir, 'badstatus', file, 'HH7', { missing: { x: 'C' } })] })).rejects.toMatchObject({
      code: 'SCHEMA_INVALID',
      location: { jsonPath: '/missing/x' },
    });
  });

  it('UN WUP 2018 values after its base year are projections (OBS_STATUS F), earlier ones A', async () => {
    const r = await harmonise({ mappings: [join(root, 'datasets/mappings/owid_wup2018_urban_rural.json')], outDir: tmp() });
    const obs = r.observations();
    expect(obs.length).toBe(11 * 101 * 2); // eleven Member States (TLS since 2025) × 1950–2050 × urban, rural
    for (const o of obs) expect([o.TIME_PERIOD, o.OBS_STATUS]).toEqual([o.TIME_PERIOD, +o.TIME_PERIOD > 2018 ? 'F' : 'A']);
  });

  it('household indicators carry _Z (not applicable) for SEX and AGE; individual ones _T; divide takes both as totals', async () => {
    const dir = tmp();
    const file = join(dir, 'hh.csv');
    writeFileSync(file, 'area,year,urb,HH6,HH7\nVNM,2020,_T,70,75\nVNM,2020,U,80,85\nVNM,2020,R,60,65\n');
    const m = writeMapping(dir, 'hh', {
      file,
      layout: {
        type: 'long',
        valueColumns: [
          { column: 'HH6', indicator: 'HH6' },
          { column: 'HH7', indicator: 'HH7' },
        ],
      },
      dimensions: { REF_AREA: { column: 'area' }, TIME_PERIOD: { column: 'year' }, URBANISATION: { column: 'urb' } },
    });
    await harmonise({ mappings: [m], outDir: dir });
    const obs = readOut(dir);
    expect(obs.map((o) => [o.INDICATOR, o.URBANISATION, o.SEX, o.AGE])).toEqual([
      ['HH6', 'R', '_Z', '_Z'],
      ['HH6', 'U', '_Z', '_Z'],
      ['HH6', '_T', '_Z', '_Z'],
      ['HH7', 'R', '_T', '_T'],
      ['HH7', 'U', '_T', '_T'],
      ['HH7', '_T', '_T', '_T'],
    ]);
    const recs = harmonisedRecords(readObservations(join(dir, 'observations.csv')).rows);
    expect(recs.filter(isTotalBreakdown).map((o) => [o.INDICATOR, o.value])).toEqual([
      ['HH6', 70],
      ['HH7', 75],
    ]);
  });
});
