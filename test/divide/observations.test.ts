import { describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { harmonisedRecords, loadDivideObservations } from '../../src/divide/index.js';
import { InputError } from '../../src/errors.js';
import { harmoniseRows, obsCsv, obsRecords } from './helpers.js';

async function file(text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'divide-obs-'));
  const p = join(dir, 'observations.csv');
  await writeFile(p, text);
  return p;
}

describe('harmonisedRecords', () => {
  it('applies UNIT_MULT, keeps a missing value as null and builds provenance keys', () => {
    const rec = obsRecords([
      { area: 'THA', ind: 'POP', year: 2020, value: 69.8, mult: 6, unit: 'PERSONS' },
      { area: 'THA', ind: 'HH7', year: 2020, value: null },
    ]);
    expect(rec[0].value).toBeCloseTo(69.8e6, 3);
    expect(rec[1].value).toBeNull();
    expect(rec[0].PROV_KEY).toBe('national.csv:2:C2020');
    expect(rec[1].OBS_ROW).toBe(3);
  });
  it('rejects two observations with the same key, naming both rows', () => {
    let err: unknown;
    try {
      harmonisedRecords(
        harmoniseRows([
          { area: 'LAO', ind: 'HH7', year: 2020, value: 1 },
          { area: 'LAO', ind: 'HH7', year: 2020, value: 2 },
        ]),
        'obs.csv',
      );
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect(err).toMatchObject({ code: 'OBS_DUPLICATE_KEY', location: { file: 'obs.csv', row: 3, column: 'TIME_PERIOD' } });
    expect((err as Error).message).toContain('rows 2 and 3');
  });
});

describe('loadDivideObservations (through the harmonise reader)', () => {
  it('reads a file with BOM and CRLF line ends, NaN as missing', async () => {
    const p = await file(
      `\uFEFF${obsCsv([
        { area: 'VNM', ind: 'HH7', year: 2021, value: 74.2 },
        { area: 'VNM', ind: 'HH7', year: 2022, value: null },
      ]).replace(/\n/g, '\r\n')}`,
    );
    const rec = await loadDivideObservations(p);
    expect(rec.map((o) => o.value)).toEqual([74.2, null]);
  });
  it('rejects a header without a required column, naming it, and a non-numeric value, with locations', async () => {
    const bad = await file(obsCsv([{ area: 'VNM', ind: 'HH7', year: 2021, value: 1 }]).replace('REF_AREA', 'COUNTRY'));
    await expect(loadDivideObservations(bad)).rejects.toMatchObject({
      code: 'OBSERVATIONS_COLUMN_MISSING',
      location: { file: bad, row: 1, column: 'REF_AREA' },
    });
    const nn = await file(
      obsCsv([
        { area: 'VNM', ind: 'HH7', year: 2020, value: 1 },
        { area: 'VNM', ind: 'HH7', year: 2021, value: 7 },
      ]).replace(',7,PERCENT', ',n/a,PERCENT'),
    );
    await expect(loadDivideObservations(nn)).rejects.toMatchObject({
      code: 'NON_NUMERIC',
      location: { file: nn, row: 3, column: 'OBS_VALUE' },
    });
    await expect(loadDivideObservations('test/divide/data/nope.csv')).rejects.toMatchObject({
      code: 'OBS_READ',
      location: { file: 'test/divide/data/nope.csv' },
    });
  });
  it('reads the WDI fixture into records', async () => {
    const rec = await loadDivideObservations('test/divide/data/hh7_ams.csv');
    expect(rec.length).toBeGreaterThan(0);
    // Viet Nam 2023 in the 2024 WDI release: 78.08
    expect(rec.find((o) => o.REF_AREA === 'VNM' && o.INDICATOR === 'HH7' && o.TIME_PERIOD === '2023')?.value).toBe(78.08);
  });
});
