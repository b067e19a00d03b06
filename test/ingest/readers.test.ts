import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSdmxCsv, readSdmxJson, readWorldBankApi, readXlsx, meltWide } from '../../src/ingest/index.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const data = join(import.meta.dirname, 'data');

describe('SDMX-JSON 2.x', () => {
  const expected = [
    // read by hand from the files: series/observation keys index CURRENCY [NZD, RUB] and TIME_PERIOD [2013-01-18, 2013-01-21]
    ['NZD', '2013-01-18', '1.5931', 'A'],
    ['NZD', '2013-01-21', '1.5925', 'A'],
    ['RUB', '2013-01-18', '40.3426', 'A'],
    ['RUB', '2013-01-21', '40.3', 'A'],
  ];
  for (const f of ['time-series', 'flat', 'cross-section']) {
    it(`the ${f} layout decodes 0-based key indexes into the same observations`, () => {
      const t = readSdmxJson(join(data, `sdmx-json-2.x_exr-${f}.json`));
      expect(t.version).toBe('2.x');
      const col = (n: string): number => t.header.indexOf(n);
      const got = t.rows
        .map((r) => [r.cells[col('CURRENCY')], r.cells[col('TIME_PERIOD')], r.cells[col('OBS_VALUE')], r.cells[col('OBS_STATUS')]])
        .sort((a, b) => (a.join() < b.join() ? -1 : 1));
      expect(got).toEqual(expected);
      expect(t.rows.every((r) => r.cells[col('FREQ')] === 'D' && r.jsonPath?.startsWith('/data/dataSets/0/'))).toBe(true);
    });
  }
});

describe('SDMX-CSV', () => {
  it('1.0: DATAFLOW first, NaN kept for the missing-value markers', () => {
    const t = readSdmxCsv(join(data, 'sdmx-csv-1.0.csv'));
    expect(t.version).toBe('1.0');
    expect(t.header.slice(0, 3)).toEqual(['STRUCTURE_ID', 'REF_AREA', 'INDICATOR']);
    expect(t.rows[1].cells).toEqual(['ASEAN:DF_DIGITAL(1.0)', 'THA', 'HH7', '2020', 'NaN', 'O']);
  });
  it('2.x with labels=both and a semicolon separator keeps the ids', () => {
    const t = readSdmxCsv(join(data, 'sdmx-csv-2.0-labels-both.csv'));
    expect(t.version).toBe('2.x');
    expect(t.header).toEqual([
      'STRUCTURE',
      'STRUCTURE_ID',
      'STRUCTURE_NAME',
      'ACTION',
      'REF_AREA',
      'INDICATOR',
      'TIME_PERIOD',
      'OBS_VALUE',
      'OBS_STATUS',
    ]);
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['dataflow', 'ASEAN:DF_DIGITAL(1.0)', 'Digital', 'M', 'VNM', 'HH7', '2021', '74.2', 'A'],
      ['dataflow', 'ASEAN:DF_DIGITAL(1.0)', 'Digital', 'M', 'MYS', 'HH7', '2021', '#N/A', 'O'],
    ]);
    expect(t.rows[1].row).toBe(3);
  });
});

describe('World Bank API v2 JSON', () => {
  it('reads [pageMeta, records] with a JSON path per record', () => {
    const t = readWorldBankApi(join(import.meta.dirname, '../../datasets/wdi/wikistats2018_SP.POP.TOTL_api_v2.json'));
    expect(t.rows).toHaveLength(15312);
    expect(t.lastUpdated).toBe('2018-04-24');
    expect(t.rows[0]).toMatchObject({ row: 1, jsonPath: '/1/0' });
    expect(t.rows[0].cells.slice(0, 7)).toEqual(['SP.POP.TOTL', 'Population, total', '1A', 'Arab World', '', '2017', '']);
    expect(t.rows[1].cells[6]).toBe('406452690');
  });
});

describe('XLSX', () => {
  it('stacked merged headers, cached formula results, sheet row numbers, and a melt that keeps each cell', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Internet');
    ws.addRow(['Individuals using the Internet (%)']);
    ws.addRow(['Country', 'Year', null]);
    ws.addRow([null, '2019', '2020']);
    ws.mergeCells('B2:C2');
    ws.getCell('B2').value = 'Year';
    ws.addRow(['VNM', 68.7, { formula: 'B4+1.5', result: 70.2 }]);
    ws.addRow([]);
    ws.addRow(['THA', 66.7, 77.8]);
    ws.addRow(['Note: provisional']);
    const f = join(mkdtempSync(join(tmpdir(), 'digicge-xlsx-')), 'b.xlsx');
    await wb.xlsx.writeFile(f);
    const t = await readXlsx(f, { sheet: 'Internet', skipRows: 1, headerRows: 2 });
    expect(t.header).toEqual(['Country', 'Year / 2019', 'Year / 2020']);
    expect(t.rows.map((r) => [r.row, ...r.cells])).toEqual([
      [4, 'VNM', '68.7', '70.2'],
      [6, 'THA', '66.7', '77.8'],
      [7, 'Note: provisional', '', ''],
    ]);
    const cells = meltWide(t, ['Country'], (h) => h.startsWith('Year'));
    expect(cells[1]).toMatchObject({ ids: ['VNM'], variable: 'Year / 2020', value: '70.2', row: 4, column: 'Year / 2020', columnIndex: 3 });
    const byIndex = await readXlsx(f, { sheet: 1, skipRows: 1, headerRows: 2 });
    expect(byIndex.sheet).toBe('Internet');
  });
});

describe('XLSX caps', () => {
  it('a workbook that inflates beyond the cap is refused before it is inflated, naming its largest part; a sheet with too many rows too', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join: j } = await import('node:path');
    const { readXlsx } = await import('../../src/ingest/xlsx.js');
    const { zipEntrySizes } = await import('../../src/ingest/zip-size.js');
    const dir = mkdtempSync(j(tmpdir(), 'digicge-xlsx-cap-'));
    const file = j(dir, 'big.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(['area', 'year', 'value']);
    for (let i = 0; i < 3000; i++) ws.addRow(['VNM', 2000 + (i % 20), 'x'.repeat(40)]);
    await wb.xlsx.writeFile(file);
    const sizes = zipEntrySizes(file)!;
    const sheet = sizes.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    expect(sheet.size).toBeGreaterThan(100_000);
    await expect(readXlsx(file, { maxInflatedBytes: 50_000 }, 'big.xlsx')).rejects.toMatchObject({
      code: 'XLSX_TOO_LARGE',
      location: { file: 'big.xlsx', sheet: 'xl/worksheets/sheet1.xml' },
    });
    await expect(readXlsx(file, { maxRows: 1000 }, 'big.xlsx')).rejects.toMatchObject({
      code: 'XLSX_TOO_MANY_ROWS',
      location: { file: 'big.xlsx', sheet: 'Data', row: 1001 },
    });
    expect((await readXlsx(file, {}, 'big.xlsx')).rows).toHaveLength(3000);
  });
});
