import { describe, expect, it, beforeAll } from 'vitest';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import {
  buildSamFromIo,
  checkIoMacroAggregates,
  checkSam,
  readBpsIoTable,
  readIoMacroAggregates,
  type IoBuild,
  type IoTable,
} from '../../../src/index.js';

const ROOT = join(import.meta.dirname, '../../..');
const TABLE = join(ROOT, 'datasets/io/jakarta_2012/31_tabio_dki_jakarta_2012_BPS.xlsx');
const MACRO = join(ROOT, 'datasets/io/jakarta_2012/macro-illustrative.json');

let io: IoTable;
let built: IoBuild;
let gvaCell: number;
let importsCell: number;
beforeAll(async () => {
  io = await readBpsIoTable(TABLE);
  built = buildSamFromIo(io, await readIoMacroAggregates(MACRO));
  // independent: the table's own totals, read straight from the sheet (row 209 GVA and row 200
  // imported inputs, column 190 = total over industries)
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(TABLE);
  const ws = wb.getWorksheet('prod domestik')!;
  let col190 = 0;
  ws.getRow(2).eachCell((c, k) => {
    if (c.value === 190) col190 = k;
  });
  ws.eachRow((row) => {
    if (row.getCell(1).value === 209) gvaCell = row.getCell(col190).value as number;
    if (row.getCell(1).value === 200) importsCell = row.getCell(col190).value as number;
  });
});

describe('SAM from the BPS Jakarta 2012 input–output table', () => {
  it('reads 72 industries by their codes', () => {
    expect(io.sectors).toHaveLength(72);
    expect(io.sectors[58]).toEqual({ code: '59', name: 'Telekomunikasi' });
  });
  it("gives GDP at market prices equal to the table's gross value added (row 209), three ways", () => {
    const r = checkSam(built.sam);
    expect(gvaCell).toBeGreaterThan(1.3e9);
    expect(r.macro.production!.gdp / gvaCell).toBeCloseTo(1, 9);
    expect(r.macro.expenditure!.gdp / gvaCell).toBeCloseTo(1, 9);
    expect(r.macro.expenditure!.imports / importsCell).toBeCloseTo(1, 9);
    expect(r.macroConsistent).toBe(true);
  });
  it('balances every account and splits households by digital access with the shares logged', () => {
    const r = checkSam(built.sam);
    expect(r.balanced).toBe(true);
    expect(built.sam.has('HH')).toBe(false);
    const online = built.sam.rowTotals()[built.sam.index('HH-ONLINE')];
    const offline = built.sam.rowTotals()[built.sam.index('HH-OFFLINE')];
    expect(online / (online + offline)).toBeCloseTo(0.7, 9);
    const split = built.sam.provenance.find((p) => p.operation === 'split');
    expect(split?.source).toMatch(/ILLUSTRATIVE/);
    expect(built.sam.provenance.map((p) => p.operation)).toEqual(['build', 'balance', 'split']);
    // the balance step only removed rounding of the published table
    expect(built.imbalance.before).toBeLessThan(1e-3);
  });
  it('rejects macro aggregates whose shares do not sum to one, naming the JSON path', () => {
    const bad = {
      source: 'x',
      capital: { household: 0.5, enterprise: 0.6, government: 0, restOfWorld: 0 },
      directTaxRate: { household: 0, enterprise: 0 },
      enterpriseToHousehold: 0,
      transfers: { governmentToHousehold: 0, restOfWorldToHousehold: 0 },
    };
    expect(() => checkIoMacroAggregates(bad, 'm.json')).toThrow(
      expect.objectContaining({ code: 'MACRO_INVALID', location: { file: 'm.json', jsonPath: '/capital' } }),
    );
  });
  it('rejects a workbook without the named sheet', async () => {
    await expect(readBpsIoTable(TABLE, { domesticSheet: 'nope' })).rejects.toMatchObject({
      code: 'XLSX_NO_SHEET',
      location: { file: TABLE, sheet: 'nope' },
    });
  });
});
