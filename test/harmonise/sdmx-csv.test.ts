import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guidelineUnit, sdmxUnit } from '../../src/guidelines/index.js';
import { harmonise, readObservations } from '../../src/harmonise/index.js';
import { tmp, writeMapping } from './helpers.js';

const ROOT = join(import.meta.dirname, '../..');
const readJson = (
  rel: string,
): {
  dimensions: { id: string; role: string; codelist?: string }[];
  attributes: { id: string; multiValued?: boolean }[];
  customColumns: { id: string }[];
} => JSON.parse(readFileSync(join(ROOT, rel), 'utf8'));
const DSD = readJson('guidelines/dsd/DSD_DIGITAL.json');
const codesOf = (list: string): Set<string> =>
  new Set(
    (JSON.parse(readFileSync(join(ROOT, 'guidelines/codelists', `${list}.json`), 'utf8')) as { codes: { id: string }[] }).codes.map(
      (c) => c.id,
    ),
  );

/** A table of HH15 (skills), HH8 (location of use) and HH7 by education, labour-force status and occupation. */
function breakdownTable(dir: string): string {
  const file = join(dir, 'breakdowns.csv');
  writeFileSync(
    file,
    [
      'area,year,indicator,education,lfs,occupation,skill,location,value',
      'VNM,2022,HH15,_T,_T,_T,CPT,_T,41.5',
      'VNM,2022,HH15,ISCED11_5T8,_T,_T,CPT,_T,77.2',
      'VNM,2022,HH15,ISCED11_5T8,EMP,_T,PRGM,_T,12.9',
      'VNM,2022,HH8,_T,_T,_T,_T,HOME,70.1',
      'VNM,2022,HH8,_T,_T,_T,_T,WORK,30.4',
      'VNM,2022,HH7,_T,_T,ISCO08_2,_T,_T,98.3',
      'VNM,2022,HH7,_T,UNE,_T,_T,_T,66.6',
      'VNM,2022,HH7,_T,_T,_T,_T,_T,79.1',
      '',
    ].join('\n'),
  );
  return writeMapping(dir, 'breakdowns', {
    file,
    layout: { type: 'long', valueColumns: [{ column: 'value' }] },
    dimensions: {
      REF_AREA: { column: 'area' },
      TIME_PERIOD: { column: 'year' },
      INDICATOR: { column: 'indicator' },
      EDUCATION: { column: 'education' },
      LABOUR_FORCE_STATUS: { column: 'lfs' },
      OCCUPATION: { column: 'occupation' },
      ICT_SKILL: { column: 'skill' },
      ICT_LOCATION: { column: 'location' },
    },
  });
}

type Row = Record<string, string>;

describe('observations.csv carries every breakdown of the data structure definition', () => {
  it('each of EDUCATION, LABOUR_FORCE_STATUS, OCCUPATION, ICT_SKILL and ICT_LOCATION is a key dimension: one row per key, the source value in it', async () => {
    const dir = tmp();
    const r = await harmonise({ mappings: [breakdownTable(dir)], outDir: dir });
    expect(r.rejects).toEqual([]);
    const rows = parse(readFileSync(join(dir, 'observations.csv')), {
      columns: (h: string[]) => h.map((x) => x.replace(/\[.*\]$/, '')),
    }) as Row[];
    const key = (o: Row): string => [o.INDICATOR, o.EDUCATION, o.LABOUR_FORCE_STATUS, o.OCCUPATION, o.ICT_SKILL, o.ICT_LOCATION].join('|');
    expect(new Map(rows.map((o) => [key(o), Number(o.OBS_VALUE)]))).toEqual(
      new Map([
        ['HH15|_T|_T|_T|CPT|_T', 41.5],
        ['HH15|ISCED11_5T8|_T|_T|CPT|_T', 77.2],
        ['HH15|ISCED11_5T8|EMP|_T|PRGM|_T', 12.9],
        ['HH8|_T|_T|_T|_T|HOME', 70.1],
        ['HH8|_T|_T|_T|_T|WORK', 30.4],
        ['HH7|_T|_T|ISCO08_2|_T|_T', 98.3],
        ['HH7|_T|UNE|_T|_T|_T', 66.6],
        ['HH7|_T|_T|_T|_T|_T', 79.1],
      ]),
    );
    expect(rows).toHaveLength(8);
  });

  it('a breakdown an indicator does not declare is still refused (HH7 has no ICT_SKILL)', async () => {
    const dir = tmp();
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'area,year,skill,value\nVNM,2022,CPT,40\n');
    const m = writeMapping(dir, 'bad', {
      file,
      layout: { type: 'long', valueColumns: [{ column: 'value', indicator: 'HH7' }] },
      dimensions: { REF_AREA: { column: 'area' }, TIME_PERIOD: { column: 'year' }, ICT_SKILL: { column: 'skill' } },
    });
    const r = await harmonise({ mappings: [m] });
    expect(r.rejects.map((x) => [x.code, x.message])).toEqual([
      ['BREAKDOWN_NOT_ALLOWED', expect.stringMatching(/HH7 has no breakdown by ICT_SKILL/)],
    ]);
  });

  it('for random observations over every breakdown: one row per key, sorted by the key in DSD order', async () => {
    const codes = (list: string, n: number): string[] => [...codesOf(list)].filter((c) => c !== '_U' && c !== '_Z').slice(0, n);
    const obs = fc.record({
      area: fc.constantFrom('VNM', 'THA', 'MYS'),
      year: fc.constantFrom('2020', '2021'),
      sex: fc.constantFrom(...codes('CL_SEX', 3)),
      urb: fc.constantFrom(...codes('CL_URBANISATION', 3)),
      edu: fc.constantFrom(...codes('CL_EDUCATION', 5)),
      lfs: fc.constantFrom(...codes('CL_LABOUR_FORCE_STATUS', 5)),
      occ: fc.constantFrom(...codes('CL_OCCUPATION', 4)),
      value: fc.integer({ min: 0, max: 1000 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(obs, { minLength: 1, maxLength: 60 }), async (list) => {
        const dir = tmp();
        const file = join(dir, 'r.csv');
        writeFileSync(
          file,
          `area,year,sex,urb,edu,lfs,occ,value\n${list.map((o) => `${o.area},${o.year},${o.sex},${o.urb},${o.edu},${o.lfs},${o.occ},${o.value / 10}`).join('\n')}\n`,
        );
        const m = writeMapping(dir, 'r', {
          file,
          layout: { type: 'long', valueColumns: [{ column: 'value', indicator: 'HH7' }] },
          dimensions: {
            REF_AREA: { column: 'area' },
            TIME_PERIOD: { column: 'year' },
            SEX: { column: 'sex' },
            URBANISATION: { column: 'urb' },
            EDUCATION: { column: 'edu' },
            LABOUR_FORCE_STATUS: { column: 'lfs' },
            OCCUPATION: { column: 'occ' },
          },
        });
        await harmonise({ mappings: [m], outDir: dir, database: false });
        // reference: the first row of each key (later ones are duplicates of the same source), sorted by the key tuple
        const first = new Map<string, { tuple: string[]; value: number }>();
        for (const o of list) {
          const tuple = [o.area, 'HH7', o.sex, '_T', o.urb, '_T', o.edu, o.lfs, o.occ, '_T', '_T', o.year];
          const k = tuple.join('|');
          if (!first.has(k)) first.set(k, { tuple, value: o.value / 10 });
        }
        const cmp = (a: string[], b: string[]): number => {
          for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
          return 0;
        };
        const expected = [...first.values()].sort((a, b) => cmp(a.tuple, b.tuple)).map((e) => `${e.tuple.join('|')}=${e.value}`);
        const rows = parse(readFileSync(join(dir, 'observations.csv')), {
          columns: (h: string[]) => h.map((x) => x.replace(/\[.*\]$/, '')),
        }) as Row[];
        const keyDims = DSD.dimensions.filter((d) => d.role !== 'frequency').map((d) => d.id);
        expect(rows.map((o) => `${keyDims.map((d) => o[d]).join('|')}=${Number(o.OBS_VALUE)}`)).toEqual(expected);
      }),
      { numRuns: 40, seed: 11 },
    );
  });
});

describe('observations.csv conforms to SDMX-CSV 2.0.0', () => {
  it('header, structure columns, action, components and custom columns as the field guide of version 2.0.0 states them', async () => {
    const dir = tmp();
    await harmonise({ mappings: [breakdownTable(dir), join(ROOT, 'datasets/mappings/wdi2024_internet_users.json')], outDir: dir });
    const text = readFileSync(join(dir, 'observations.csv'), 'utf8');
    const all = parse(text) as string[][];
    const [header, ...rows] = all;
    // RFC 4180: every record has the header's number of fields
    for (const r of rows) expect(r).toHaveLength(header.length);
    // first three columns: STRUCTURE (with the sub-field separator in brackets), STRUCTURE_ID, ACTION
    const sep = /^STRUCTURE\[(.)\]$/.exec(header[0]);
    expect(sep).not.toBeNull();
    expect(header.slice(1, 3)).toEqual(['STRUCTURE_ID', 'ACTION']);
    for (const r of rows) {
      expect(r[0]).toBe('dataflow');
      expect(r[1]).toMatch(/^[A-Za-z][A-Za-z0-9_.-]*:[A-Za-z0-9_@$-]+\([0-9.]+\)$/);
      expect(r[1]).toBe('ASEAN:DF_DIGITAL(1.0)');
      // the four actions of 2.0.0 (M, merge, is 2.1)
      expect(['I', 'A', 'R', 'D']).toContain(r[2]);
    }
    // the other columns: the DSD's components, a multi-valued one as ID[], then custom columns
    const components = [
      ...DSD.dimensions.map((d) => d.id),
      'OBS_VALUE',
      ...DSD.attributes.map((a) => (a.multiValued ? `${a.id}[]` : a.id)),
    ];
    expect(header.slice(3, 3 + components.length)).toEqual(components);
    expect(header.slice(3 + components.length)).toEqual(DSD.customColumns.map((c) => c.id));
    // every coded dimension value is a code of its code list (CL_INDICATOR is the catalogue)
    const catalogue = new Set(
      (
        JSON.parse(readFileSync(join(ROOT, 'guidelines/catalogue/indicators.json'), 'utf8')) as { indicators: { code: string }[] }
      ).indicators.map((i) => i.code),
    );
    for (const d of DSD.dimensions.filter((x) => x.codelist)) {
      const ok = d.codelist === 'CL_INDICATOR' ? catalogue : codesOf(d.codelist!);
      const at = header.indexOf(d.id);
      for (const r of rows) expect(ok.has(r[at]), `${d.id} ${r[at]}`).toBe(true);
    }
    // units and statuses are codes too; the multiplier is a CL_UNIT_MULT code
    for (const [col, list] of [
      ['UNIT_MEASURE', 'CL_UNIT_MEASURE'],
      ['UNIT_MULT', 'CL_UNIT_MULT'],
      ['OBS_STATUS', 'CL_OBS_STATUS'],
    ] as const) {
      const ok = codesOf(list);
      for (const r of rows) expect(ok.has(r[header.indexOf(col)])).toBe(true);
    }
  });

  it('the reader takes columns in any order and without the custom columns, and names a missing required column', async () => {
    const dir = tmp();
    await harmonise({ mappings: [breakdownTable(dir)], outDir: dir });
    const path = join(dir, 'observations.csv');
    const original = readObservations(path).rows;
    const all = parse(readFileSync(path)) as string[][];
    const keep = all[0]
      .map((h, i) => [h, i] as const)
      .filter(([h]) => !h.startsWith('PROV_'))
      .reverse();
    const shuffled = join(dir, 'shuffled.csv');
    writeFileSync(shuffled, all.map((r) => keep.map(([, i]) => r[i]).join(',')).join('\n'));
    const back = readObservations(shuffled).rows;
    const noProv = (o: object): object => Object.fromEntries(Object.entries(o).filter(([k]) => !k.startsWith('PROV_')));
    expect(back.map(noProv)).toEqual(original.map(noProv));
    expect(back.every((o) => o.PROV_FILE === '' && o.PROV_ROW === null)).toBe(true);
    // an older file with only the four breakdowns of before: the others are totals
    const four = join(dir, 'four.csv');
    const drop = new Set(['EDUCATION', 'LABOUR_FORCE_STATUS', 'OCCUPATION', 'ICT_SKILL', 'ICT_LOCATION', 'FREQ']);
    const cols = all[0].map((h, i) => [h, i] as const).filter(([h]) => !drop.has(h));
    const totals = all.filter((r, k) => k === 0 || [...drop].every((d) => d === 'FREQ' || r[all[0].indexOf(d)] === '_T'));
    writeFileSync(four, totals.map((r) => cols.map(([, i]) => r[i]).join(',')).join('\n'));
    const fourRows = readObservations(four).rows;
    expect(fourRows.map((o) => [o.INDICATOR, o.EDUCATION, o.ICT_SKILL, o.FREQ, o.OBS_VALUE])).toEqual([['HH7', '_T', '_T', 'A', 79.1]]);
    // a required column missing is named
    const noArea = join(dir, 'noarea.csv');
    const at = all[0].indexOf('REF_AREA');
    writeFileSync(noArea, all.map((r) => r.filter((_, i) => i !== at).join(',')).join('\n'));
    expect(() => readObservations(noArea)).toThrowError(
      expect.objectContaining({ code: 'OBSERVATIONS_COLUMN_MISSING', location: expect.objectContaining({ column: 'REF_AREA', row: 1 }) }),
    );
  });

  it('the reader accepts the standard SDMX unit codes (PT, PS, XDC, from the SDMX guidelines for units of measure) as the guideline codes', async () => {
    const dir = tmp();
    await harmonise({ mappings: [breakdownTable(dir)], outDir: dir });
    const path = join(dir, 'observations.csv');
    const all = parse(readFileSync(path)) as string[][];
    const u = all[0].indexOf('UNIT_MEASURE');
    expect(all.slice(1).map((r) => r[u])).toContain('PERCENT');
    const original = readObservations(path).rows;
    // the same file with the SDMX code in UNIT_MEASURE is read as the guideline's code
    const sdmx = join(dir, 'sdmx-units.csv');
    writeFileSync(
      sdmx,
      `${all.map((r, k) => (k === 0 ? r : r.map((c, i) => (i === u && c === 'PERCENT' ? 'PT' : c))).join(',')).join('\n')}\n`,
    );
    expect(readFileSync(sdmx, 'utf8')).toMatch(/,PT,/);
    expect(readObservations(sdmx).rows).toEqual(original);
    // the code list: the SDMX code of each unit that has one, and the code read back from it
    expect([sdmxUnit('PERCENT'), sdmxUnit('PERSONS'), sdmxUnit('LCU'), sdmxUnit('USD'), sdmxUnit('PER_100_POP')]).toEqual([
      'PT',
      'PS',
      'XDC',
      'USD',
      undefined,
    ]);
    expect(['PT', 'PS', 'XDC', 'USD', 'PERCENT', 'NUMBER', 'UNKNOWN'].map(guidelineUnit)).toEqual([
      'PERCENT',
      'PERSONS',
      'LCU',
      'USD',
      'PERCENT',
      'NUMBER',
      undefined,
    ]);
  });
});
