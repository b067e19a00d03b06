import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  formatSamGams,
  formatSamJson,
  parseSamGams,
  parseSamJson,
  readSam,
  readSamCsv,
  readSamXlsx,
  writeSam,
  writeSamXlsx,
  type DigicgeError,
  type SchemaError,
} from '../../../src/index.js';

const DATA = join(import.meta.dirname, '../../../../shared/data');
const thai = () => readSamCsv(join(DATA, 'sam/ThaiSAM2006.csv'));

function err(f: () => unknown): DigicgeError {
  try {
    f();
  } catch (e) {
    return e as DigicgeError;
  }
  throw new Error('expected an error');
}

describe('SAM JSON', () => {
  it('round-trips values, groups, unit and provenance exactly', async () => {
    const sam = (await thai()).withProvenance({ operation: 'read', description: 'Thai SAM 2006', source: 'ADB' });
    const text = formatSamJson(sam);
    const back = parseSamJson(text);
    expect(back.accounts).toEqual(sam.accounts);
    expect(Array.from(back.values)).toEqual(Array.from(sam.values));
    expect(back.provenance).toEqual(sam.provenance);
    expect(formatSamJson(back)).toBe(text);
  });
  it('rejects a document that breaks the schema with its JSON path', () => {
    const e = err(() =>
      parseSamJson('{"format":"digicge-sam","version":1,"accounts":[{"label":"A","group":"firm"}],"values":[[1]]}', { file: 's.json' }),
    ) as SchemaError;
    expect(e.code).toBe('SCHEMA_INVALID');
    expect(e.location).toMatchObject({ file: 's.json', jsonPath: '/accounts/0/group' });
  });
  it('rejects a row of the wrong length', () => {
    const e = err(() =>
      parseSamJson(
        '{"format":"digicge-sam","version":1,"accounts":[{"label":"A","group":"activity"},{"label":"B","group":"household"}],"values":[[0,1],[1]]}',
        { file: 's.json' },
      ),
    );
    expect(e.code).toBe('SAM_NOT_SQUARE');
    expect(e.location).toMatchObject({ file: 's.json', jsonPath: '/values/1', account: 'B' });
  });
});

describe('SAM GAMS include file', () => {
  it('writes sets with group subsets and a table in column blocks that reads back exactly', async () => {
    const sam = await thai();
    const text = formatSamGams(sam);
    expect(text).toMatch(/^set u 'SAM accounts' \/$/m);
    expect(text).toMatch(/^set hh\(u\) 'household accounts' \/$/m);
    expect(text).toMatch(/^table SAM\(u,v\)/m);
    expect(text.split('\n').filter((l) => l.startsWith('+')).length).toBe(Math.ceil(100 / 8) - 1);
    const back = parseSamGams(text);
    expect(back.labels).toEqual(sam.labels);
    expect(back.accounts.map((a) => a.group)).toEqual(sam.accounts.map((a) => a.group));
    expect(Array.from(back.values)).toEqual(Array.from(sam.values));
  });
  it('places each number under the column label it overlaps', () => {
    const text = ["set u / 'A-X', HH /;", 'table SAM(u,v)', "          'A-X'   HH", "'A-X'              5", 'HH          7', ';'].join(
      '\n',
    );
    const s = parseSamGams(text);
    expect(s.get('A-X', 'HH')).toBe(5);
    expect(s.get('HH', 'A-X')).toBe(7);
  });
  it('rejects a number under no column with file and line', () => {
    const text = ['set u / A, B /;', 'table SAM(u,v)', '      A   B', 'A                 3', ';'].join('\n');
    const e = err(() => parseSamGams(text, { file: 's.gms' }));
    expect(e.code).toBe('GAMS_MISALIGNED');
    expect(e.location).toMatchObject({ file: 's.gms', row: 4 });
  });
});

describe('SAM XLSX and format dispatch', () => {
  it('round-trips through XLSX, JSON and GAMS files chosen by extension', async () => {
    const sam = await thai();
    const dir = mkdtempSync(join(tmpdir(), 'digicge-sam-'));
    for (const ext of ['xlsx', 'json', 'gms', 'csv']) {
      const p = join(dir, `thai.${ext}`);
      await writeSam(p, sam);
      const back = await readSam(p);
      expect([ext, back.labels]).toEqual([ext, sam.labels]);
      expect(Array.from(back.values)).toEqual(Array.from(sam.values));
    }
  });
  it('rejects a non-numeric XLSX cell naming sheet, row and column letter', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'digicge-sam-'));
    const csvPath = join(dir, 'bad.csv');
    writeFileSync(csvPath, ',A,B\nA,0,1\nB,1,0\n');
    const sam = await readSamCsv(csvPath);
    const p = join(dir, 'bad.xlsx');
    await writeSamXlsx(p, sam);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(p);
    wb.getWorksheet('SAM')!.getCell('C3').value = 'n/a';
    await wb.xlsx.writeFile(p);
    await expect(readSamXlsx(p)).rejects.toMatchObject({
      code: 'SAM_NOT_NUMERIC',
      location: { file: p, sheet: 'SAM', row: 3, column: 'C (B)' },
    });
  });
  it('keeps explicit groups through XLSX (sheet accounts)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'digicge-sam-'));
    const sam = await readSamCsv(join(DATA, 'reference/stdcge/sam.csv'), { groups: { BRD: 'activity', MLK: 'activity' } });
    const p = join(dir, 'std.xlsx');
    await writeSamXlsx(p, sam);
    const back = await readSamXlsx(p);
    expect(back.accounts).toEqual(sam.accounts);
  });
  it('rejects an unknown extension', async () => {
    await expect(readSam('x.parquet')).rejects.toMatchObject({ code: 'SAM_UNKNOWN_FORMAT' });
  });
});
