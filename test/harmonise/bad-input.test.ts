import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { InputError, SchemaError } from '../../src/errors.js';
import { harmonise, loadMapping } from '../../src/harmonise/index.js';
import { DATA, tmp, writeMapping } from './helpers.js';

const long = (dir: string, file: string, extra: Record<string, unknown> = {}): string =>
  writeMapping(dir, 'long', {
    file: join(DATA, file),
    layout: { type: 'long', valueColumns: [{ column: 'value', indicator: 'HH7' }] },
    dimensions: { REF_AREA: { column: 'area' }, TIME_PERIOD: { column: 'year' } },
    ...extra,
  });

describe('bad input, one case each, with its code and location', () => {
  it('unknown area and unknown breakdown code, non-numeric, out of range, duplicate key: rejects with row and column', async () => {
    const dir = tmp();
    const m = writeMapping(dir, 'bad', {
      file: join(DATA, 'bad-long.csv'),
      layout: { type: 'long', valueColumns: [{ column: 'value' }] },
      dimensions: {
        REF_AREA: { column: 'area' },
        INDICATOR: { column: 'indicator', codeMap: { HH7: 'HH7' } },
        SEX: { column: 'sex' },
        TIME_PERIOD: { column: 'year' },
      },
      missing: { '': null, '..': 'O' },
    });
    const r = await harmonise({ mappings: [m], outDir: dir });
    const got = r.rejects.map((x) => [x.row, x.column, x.code]);
    expect(got).toEqual([
      [4, 'area', 'UNKNOWN_AREA'],
      [5, 'sex', 'UNKNOWN_CODE'],
      [6, 'value', 'NON_NUMERIC'],
      [7, 'value', 'OUT_OF_RANGE'],
      [8, 'value', 'OUT_OF_RANGE'],
      [10, 'value', 'DUPLICATE_KEY'],
    ]);
    expect(r.rejects[0].text).toBe('XYZ,HH7,_T,2020,50');
    expect(r.rejects[5].message).toMatch(/row 9/);
    const obs = r.observations().map((o) => [o.REF_AREA, o.SEX, o.TIME_PERIOD, o.OBS_VALUE, o.OBS_STATUS, o.PROV_ROW]);
    expect(obs).toEqual([
      ['MYS', '_T', '2020', 80, 'A', 9],
      ['PHL', '_T', '2021', null, 'O', 14],
      ['VNM', 'F', '2020', 68.1, 'A', 3],
      ['VNM', '_T', '2020', 70.3, 'A', 2],
    ]);
    // 13 cells: 4 observations + 6 rejected + World (aggregate) + France (out of scope) + PHL 2020 empty
    expect(r.counts).toMatchObject({ cells: 13, observations: 4, rejected: 6, filtered: 3 });
    expect(r.counts.sources[0].filtered).toEqual({ AGGREGATE: 1, OUT_OF_SCOPE: 1, MISSING: 1 });
    const rejectsCsv = readFileSync(join(dir, 'rejects.csv'), 'utf8').split('\n');
    expect(rejectsCsv[0]).toBe('SOURCE_ID,FILE,SHEET,ROW,COLUMN,REASON,MESSAGE,CELLS,ROW_TEXT');
    expect(rejectsCsv[1]).toMatch(/^BAD,.*bad-long\.csv,,4,area,UNKNOWN_AREA,.*,1,"?XYZ,HH7,_T,2020,50"?$/);
  });

  it('a rejected row that reads like a spreadsheet formula is neutralised in rejects.csv', async () => {
    const dir = tmp();
    const file = join(dir, 'formula.csv');
    writeFileSync(file, 'area,year,value\nVNM,2020,70\n=HYPERLINK("http://x"),2020,5\n');
    const m = writeMapping(dir, 'formula', {
      file,
      layout: { type: 'long', valueColumns: [{ column: 'value', indicator: 'HH7' }] },
      dimensions: { REF_AREA: { column: 'area' }, TIME_PERIOD: { column: 'year' } },
    });
    const r = await harmonise({ mappings: [m], outDir: dir });
    expect(r.rejects.map((x) => [x.row, x.code, x.text])).toEqual([[3, 'UNKNOWN_AREA', '=HYPERLINK("http://x"),2020,5']]);
    const line = readFileSync(join(dir, 'rejects.csv'), 'utf8').split('\n')[1]!;
    expect(line.endsWith(`,1,"'=HYPERLINK(""http://x""),2020,5"`)).toBe(true);
  });

  it('an unbalanced quote rejects its row and the rows after it still become observations', async () => {
    const dir = tmp();
    const r = await harmonise({ mappings: [long(dir, 'unbalanced.csv')] });
    expect(r.rejects).toHaveLength(1);
    expect(r.rejects[0]).toMatchObject({ row: 3, code: 'CSV_UNBALANCED_QUOTE', text: '"THA,2019,50' });
    expect(r.observations().map((o) => [o.REF_AREA, o.PROV_ROW])).toEqual([
      ['MYS', 4],
      ['SGP', 5],
      ['VNM', 2],
    ]);
    expect(r.counts).toMatchObject({ cells: 4, observations: 3, rejected: 1, filtered: 0 });
  });

  it('a stray quote that a later row closes (12") rejects its row and counts every row after it', async () => {
    const dir = tmp();
    const file = join(dir, 'stray-quote.csv');
    writeFileSync(file, 'area,year,value\nVNM,2019,60\n"THA,2019,50\nMYS,2019,70\nSGP,2019,12"\nPHL,2019,40\n');
    const r = await harmonise({
      mappings: [
        writeMapping(dir, 'stray', {
          file,
          layout: { type: 'long', valueColumns: [{ column: 'value', indicator: 'HH7' }] },
          dimensions: { REF_AREA: { column: 'area' }, TIME_PERIOD: { column: 'year' } },
        }),
      ],
      outDir: dir,
    });
    expect(r.rejects.map((x) => [x.row, x.code])).toEqual([
      [3, 'CSV_UNBALANCED_QUOTE'],
      [5, 'NON_NUMERIC'],
    ]);
    expect(r.observations().map((o) => [o.REF_AREA, o.OBS_VALUE, o.PROV_ROW])).toEqual([
      ['MYS', 70, 4],
      ['PHL', 40, 6],
      ['VNM', 60, 2],
    ]);
    // five data lines, five cells: 3 observations + 2 rejected
    expect(r.counts).toMatchObject({ cells: 5, observations: 3, rejected: 2, filtered: 0 });
  });

  it('a value that does not match the declared number format is rejected with its reason, never reinterpreted', async () => {
    const dir = tmp();
    const file = join(dir, 'locale.csv');
    writeFileSync(file, 'area;year;value\nVNM;2019;1.234,5\nTHA;2019;1,234.5\nMYS;2019;12,5\nSGP;2019;abc\n');
    const m = (name: string, format: Record<string, string>): string =>
      writeMapping(dir, name, {
        file,
        format: { type: 'csv', delimiter: ';', ...format },
        unit: { measure: 'PERSONS' },
        layout: { type: 'long', valueColumns: [{ column: 'value', indicator: 'POP' }] },
        dimensions: { REF_AREA: { column: 'area' }, TIME_PERIOD: { column: 'year' } },
      });
    const us = await harmonise({ mappings: [m('us', { thousands: ',' })] });
    expect(us.observations().map((o) => [o.REF_AREA, o.OBS_VALUE])).toEqual([['THA', 1234.5]]);
    expect(us.rejects.map((x) => [x.row, x.code])).toEqual([
      [2, 'NUMBER_FORMAT_MISMATCH'],
      [4, 'NUMBER_FORMAT_MISMATCH'],
      [5, 'NON_NUMERIC'],
    ]);
    expect(us.rejects[0].message).toBe(
      '"1.234,5" does not match the declared number format (decimal ".", thousands ","); it would read as a number only with decimal "," and thousands ".", and is not reinterpreted',
    );
    const eu = await harmonise({ mappings: [m('eu', { decimal: ',', thousands: '.' })] });
    expect(eu.observations().map((o) => [o.REF_AREA, o.OBS_VALUE])).toEqual([
      ['MYS', 12.5],
      ['VNM', 1234.5],
    ]);
    expect(eu.rejects.map((x) => [x.row, x.code])).toEqual([
      [3, 'NUMBER_FORMAT_MISMATCH'],
      [5, 'NON_NUMERIC'],
    ]);
    expect(eu.counts).toMatchObject({ cells: 4, observations: 2, rejected: 2 });
  });

  it('ragged rows are rejected with their row', async () => {
    const r = await harmonise({ mappings: [long(tmp(), 'ragged.csv')] });
    expect(r.rejects.map((x) => [x.row, x.code])).toEqual([
      [3, 'CSV_RAGGED_ROW'],
      [4, 'CSV_RAGGED_ROW'],
    ]);
    expect(r.counts).toMatchObject({ cells: 4, observations: 2, rejected: 2 });
  });

  it('an empty file is an InputError naming the file and row 1', async () => {
    const dir = tmp();
    const m = writeMapping(dir, 'empty', {
      file: join(import.meta.dirname, '../ingest/data/empty.csv'),
      layout: { type: 'long', valueColumns: [{ column: 'value', indicator: 'HH7' }] },
      dimensions: { REF_AREA: { column: 'area' }, TIME_PERIOD: { column: 'year' } },
    });
    await expect(harmonise({ mappings: [m] })).rejects.toMatchObject({ code: 'FILE_EMPTY', location: { row: 1 } });
  });

  it('a wrong encoding is an InputError with the row of the bad byte; declaring it reads the file', async () => {
    const dir = tmp();
    const base = {
      file: join(import.meta.dirname, '../ingest/data/latin1.csv'),
      layout: { type: 'long', valueColumns: [{ column: 'value', indicator: 'HH7' }] },
      dimensions: { REF_AREA: { column: 'area' }, TIME_PERIOD: { column: 'year' } },
    };
    await expect(harmonise({ mappings: [writeMapping(dir, 'enc', base)] })).rejects.toMatchObject({
      code: 'FILE_ENCODING',
      location: { row: 3 },
    });
    const ok = await harmonise({ mappings: [writeMapping(dir, 'enc2', { ...base, format: { type: 'csv', encoding: 'windows-1252' } })] });
    expect(ok.rejects.map((x) => [x.row, x.code, x.text])).toEqual([[3, 'UNKNOWN_AREA', 'THÉ,2021,2']]);
  });

  it('a missing sheet is an InputError listing the sheets', async () => {
    const dir = tmp();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Data').addRow(['area', 'year', 'value']);
    wb.addWorksheet('Notes');
    const f = join(dir, 'book.xlsx');
    await wb.xlsx.writeFile(f);
    const m = writeMapping(dir, 'sheet', {
      file: f,
      format: { type: 'xlsx', sheet: 'Internet' },
      layout: { type: 'long', valueColumns: [{ column: 'value', indicator: 'HH7' }] },
      dimensions: { REF_AREA: { column: 'area' }, TIME_PERIOD: { column: 'year' } },
    });
    const err = await harmonise({ mappings: [m] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err).toMatchObject({ code: 'XLSX_SHEET_NOT_FOUND', location: { sheet: 'Internet' } });
    expect((err as Error).message).toContain('"Data", "Notes"');
  });

  it('a mapping that fails its schema is a SchemaError with the JSON path', () => {
    const dir = tmp();
    const m = writeMapping(dir, 'broken', {
      file: 'x.csv',
      format: { type: 'csv', delimiter: ';;' },
      layout: { type: 'long', valueColumns: [{ column: 'value', indicator: 'HH7' }] },
      dimensions: { REF_AREA: { column: 'area' }, TIME_PERIOD: { column: 'year' } },
    });
    try {
      loadMapping(m);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(SchemaError);
      expect((err as SchemaError).issues.map((i) => i.jsonPath)).toContain('/format/delimiter');
    }
    const noTime = writeMapping(dir, 'notime', {
      file: 'x.csv',
      layout: { type: 'long', valueColumns: [{ column: 'value', indicator: 'HH7' }] },
      dimensions: { REF_AREA: { column: 'area' } },
    });
    expect(() => loadMapping(noTime)).toThrow(
      expect.objectContaining({ code: 'SCHEMA_INVALID', location: expect.objectContaining({ jsonPath: '/layout/valueColumns/0' }) }),
    );
  });

  it('a mapped column missing from the file is located at the header row', async () => {
    const dir = tmp();
    const m = writeMapping(dir, 'col', {
      file: join(DATA, 'hh7-a.csv'),
      layout: { type: 'long', valueColumns: [{ column: 'val', indicator: 'HH7' }] },
      dimensions: { REF_AREA: { column: 'area' }, TIME_PERIOD: { column: 'year' } },
    });
    await expect(harmonise({ mappings: [m] })).rejects.toMatchObject({
      code: 'MAPPING_COLUMN_NOT_FOUND',
      location: { row: 1, column: 'val' },
    });
  });
});
