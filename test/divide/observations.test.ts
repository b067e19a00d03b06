import { describe, expect, it } from 'vitest';
import { OBSERVATIONS_CSV_COLUMNS, parseObservationsCsv, readObservationsCsv, observationRecords } from '../../src/divide/index.js';
import { InputError } from '../../src/errors.js';
import { obsCsv } from './helpers.js';

function caught(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

describe('parseObservationsCsv', () => {
  it('reads values, applies UNIT_MULT, keeps NaN as a missing value and builds provenance keys', () => {
    const rec = parseObservationsCsv(obsCsv([
      { area: 'THA', ind: 'POP', year: 2020, value: 69.8, mult: 6, unit: 'PERSONS' },
      { area: 'THA', ind: 'HH7', year: 2020, value: null },
    ]), 'x.csv');
    expect(rec[0].value).toBeCloseTo(69.8e6, 3);
    expect(rec[1].value).toBeNull();
    expect(rec[0].PROV_KEY).toBe('national.csv:2:C2020');
    expect(rec[1].OBS_ROW).toBe(3);
  });
  it('accepts a BOM and CRLF line ends', () => {
    const text = `\uFEFF${obsCsv([{ area: 'VNM', ind: 'HH7', year: 2021, value: 74.2 }]).replace(/\n/g, '\r\n')}`;
    expect(parseObservationsCsv(text)[0].value).toBe(74.2);
  });
  it('rejects a header that is not exactly the harmonised columns, naming the column', () => {
    const text = obsCsv([{ area: 'VNM', ind: 'HH7', year: 2021, value: 1 }]).replace('REF_AREA', 'COUNTRY');
    const e = caught(() => parseObservationsCsv(text, 'obs.csv'));
    expect(e.code).toBe('OBS_COLUMNS');
    expect(e.location).toEqual({ file: 'obs.csv', row: 1, column: OBSERVATIONS_CSV_COLUMNS.indexOf('REF_AREA') + 1 });
  });
  it('rejects a non-numeric value with its row and column', () => {
    const e = caught(() => parseObservationsCsv(obsCsv([{ area: 'VNM', ind: 'HH7', year: 2020, value: 1 }, { area: 'VNM', ind: 'HH7', year: 2021, value: 'n/a' }]), 'obs.csv'));
    expect(e.code).toBe('OBS_VALUE_NOT_NUMBER');
    expect(e.location).toMatchObject({ file: 'obs.csv', row: 3, column: 'OBS_VALUE' });
    // a decimal comma adds a field: the row no longer has the harmonised columns
    const c = caught(() => parseObservationsCsv(obsCsv([{ area: 'VNM', ind: 'HH7', year: 2020, value: 1 }, { area: 'VNM', ind: 'HH7', year: 2021, value: '7,4' }]), 'obs.csv'));
    expect(c.code).toBe('OBS_CSV');
    expect(c.location).toMatchObject({ file: 'obs.csv', row: 3 });
  });
  it('rejects two observations with the same key, and a bad UNIT_MULT', () => {
    const e = caught(() => parseObservationsCsv(obsCsv([{ area: 'LAO', ind: 'HH7', year: 2020, value: 1 }, { area: 'LAO', ind: 'HH7', year: 2020, value: 2 }]), 'obs.csv'));
    expect(e.code).toBe('OBS_DUPLICATE_KEY');
    expect(e.location?.row).toBe(3);
    expect(e.message).toContain('rows 2 and 3');
    const m = caught(() => parseObservationsCsv(obsCsv([{ area: 'LAO', ind: 'POP', year: 2020, value: 1, mult: 1.5 }]), 'obs.csv'));
    expect(m.code).toBe('OBS_UNIT_MULT');
    expect(m.location).toMatchObject({ row: 2, column: 'UNIT_MULT' });
  });
  it('readObservationsCsv reads the WDI fixture into an arquero table and reports a missing file', async () => {
    const t = await readObservationsCsv('test/divide/data/hh7_ams.csv');
    const rec = observationRecords(t);
    expect(t.numRows()).toBe(rec.length);
    // Viet Nam 2023 in the 2024 WDI release: 78.08
    expect(rec.find((o) => o.REF_AREA === 'VNM' && o.INDICATOR === 'HH7' && o.TIME_PERIOD === '2023')?.value).toBe(78.08);
    await expect(readObservationsCsv('test/divide/data/nope.csv')).rejects.toMatchObject({ code: 'OBS_READ', location: { file: 'test/divide/data/nope.csv' } });
  });
});
