import { describe, expect, it, beforeAll } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { buildAseanSams, checkSam, formatSamCsv, readOwnStructures, readSamCsv, type AseanBuild } from '../../../src/index.js';

const ROOT = join(import.meta.dirname, '../../..');
const D = (p: string) => join(ROOT, p);
const SHIPPED = D('datasets/sam/asean');

// Independent reading of the ADB MRIO summary (a plain CSV parse, not the library's reader)
const raw = parse(readFileSync(D('datasets/adb_mrio/adbmrio_summary_2017-2022.csv'), 'utf8'), { columns: true }) as Record<
  string,
  string
>[];
const adb = (s: number, i: number, f: string) => Number(raw.find((r) => r.t === '2022' && r.s === String(s) && r.i === String(i))![f]);
const adbSum = (s: number, is: number[], f: string) => is.reduce((a, i) => a + adb(s, i, f), 0);
const ALL = Array.from({ length: 35 }, (_, k) => k + 1);

let build: AseanBuild;
beforeAll(async () => {
  build = await buildAseanSams({
    summary: D('datasets/adb_mrio/adbmrio_summary_2017-2022.csv'),
    concordance: D('datasets/adb_mrio/countries_concordance.xlsx'),
    thaiSam: D('datasets/sam/thai/ThaiSAM2006.csv'),
    ownStructures: await readOwnStructures(D('datasets/sam/asean/own-structures.json')),
  });
});

describe('ASEAN CGE database', () => {
  it('covers the nine member states in ADB MRIO and reports Myanmar as not covered', () => {
    expect(build.sams.map((s) => s.iso3)).toEqual(['BRN', 'IDN', 'KHM', 'LAO', 'MYS', 'PHL', 'SGP', 'THA', 'VNM']);
    expect(build.notCovered.map((m) => m.iso3)).toEqual(['MMR']);
  });
  it('holds the ADB control totals: gross output, value added, exports, with the guideline shares (Thailand, s = 47)', () => {
    const tha = build.sams.find((s) => s.iso3 === 'THA')!.sam;
    // telecom = 0.85 × c27 gross output (guideline share), ICT goods = 0.5 × c14, IT = 0.15 × c30
    expect(tha.get('A-TEL', 'C-TEL')).toBeCloseTo(0.85 * adb(47, 27, 'x'), 6);
    expect(tha.get('A-ICT', 'C-ICT')).toBeCloseTo(0.5 * adb(47, 14, 'x'), 6);
    expect(tha.get('A-ITS', 'C-ITS')).toBeCloseTo(0.15 * adb(47, 30, 'x'), 6);
    expect(tha.get('A-AGR', 'C-AGR')).toBeCloseTo(adb(47, 1, 'x'), 6);
    // activity column = gross output, and its factor + production-tax cells = value added
    const ct = tha.colTotals();
    expect(ct[tha.index('A-AGR')]).toBeCloseTo(adb(47, 1, 'x'), 4);
    const vaAgr = ['LAB-DIG', 'LAB-OTH', 'CAP', 'Itax'].reduce((a, f) => a + tha.get(f, 'A-AGR'), 0);
    expect(vaAgr).toBeCloseTo(adb(47, 1, 'va'), 6);
    // exports of all commodities = Σ (x − e)
    const exports = tha.labels.filter((l) => l.startsWith('C-')).reduce((a, c) => a + tha.get(c, 'ROW'), 0);
    expect(exports).toBeCloseTo(adbSum(47, ALL, 'x') - adbSum(47, ALL, 'e'), 3);
  });
  it('gives balanced SAMs whose GDP from production, income and expenditure agree', () => {
    for (const s of build.sams) {
      const r = checkSam(s.sam);
      expect([s.iso3, r.balanced]).toEqual([s.iso3, true]);
      expect([s.iso3, r.macroConsistent]).toEqual([s.iso3, true]);
      // value added at factor cost + production taxes = Σ ADB va of the economy
      const va =
        r.macro.production!.valueAdded + s.sam.labels.filter((l) => l.startsWith('A-')).reduce((a, l) => a + s.sam.get('Itax', l), 0);
      const sIdx = { BRN: 55, IDN: 21, KHM: 58, LAO: 54, MYS: 45, PHL: 46, SGP: 61, THA: 47, VNM: 48 }[s.iso3]!;
      expect(va / adbSum(sIdx, ALL, 'va')).toBeCloseTo(1, 9);
    }
  });
  it('ships datasets/sam/asean/<ISO3>.csv equal to a fresh build, each passing sam check', async () => {
    const files = readdirSync(SHIPPED)
      .filter((f) => /^[A-Z]{3}\.csv$/.test(f))
      .sort();
    expect(files).toEqual(build.sams.map((s) => `${s.iso3}.csv`));
    for (const s of build.sams) {
      const text = readFileSync(join(SHIPPED, `${s.iso3}.csv`), 'utf8');
      expect(text).toBe(formatSamCsv(s.sam));
      const shipped = await readSamCsv(join(SHIPPED, `${s.iso3}.csv`));
      expect(checkSam(shipped).balanced).toBe(true);
      expect(shipped.warnings).toEqual([]);
    }
  });
});

describe('per-block provenance of the ASEAN SAMs', () => {
  it('says for every economy and block whose data it is: IDN and PHL from their own IFPRI 2018 SAMs, the others borrowed from the Thai SAM 2006', () => {
    const shipped = parse(readFileSync(join(SHIPPED, 'provenance.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(shipped.length).toBe(9 * 8);
    for (const s of build.sams) {
      const rows = shipped.filter((r) => r.iso3 === s.iso3);
      expect(rows.map((r) => r.block)).toEqual(s.blocks.map((b) => b.block));
      expect(rows.find((r) => r.block === 'sector totals')!.origin).toBe('own');
      const structure = rows.filter((r) => ['intermediate use', 'value added', 'final demand', 'income distribution'].includes(r.block!));
      const expected = ['IDN', 'PHL', 'THA'].includes(s.iso3) ? 'own' : 'borrowed';
      for (const r of structure) expect(r.origin, `${s.iso3} ${r.block}`).toBe(expected);
      if (s.iso3 === 'PHL') for (const r of structure) expect(r.data).toMatch(/IFPRI 2018 SAM for the Philippines/);
      else if (s.iso3 === 'IDN') for (const r of structure) expect(r.data).toMatch(/IFPRI 2018 SAM for Indonesia/);
      else for (const r of structure) expect(r.data).toMatch(/Thai SAM 2006/);
      for (const r of rows.filter((x) => x.block!.startsWith('digital'))) expect(r.origin).toBe('assumption');
    }
    const meta = JSON.parse(readFileSync(join(SHIPPED, 'build.json'), 'utf8')) as { economies: { iso3: string; ownData: string }[] };
    expect(meta.economies.find((e) => e.iso3 === 'PHL')!.ownData).toBe(
      'PHL: own data for sector totals, intermediate use, value added, final demand, imports and taxes on imports, income distribution',
    );
    expect(meta.economies.find((e) => e.iso3 === 'SGP')!.ownData).toMatch(/^SGP: own data for sector totals; borrowed: intermediate use/);
  });
  it('with its own structure the Philippine households save (the Thai structure gave them a deficit)', () => {
    const phl = build.sams.find((s) => s.iso3 === 'PHL')!.sam;
    expect(phl.get('S-I', 'HH')).toBeGreaterThan(0);
  });
});

describe('ADB MRIO summary reader', () => {
  it('rejects a non-numeric cell with file, row and column', async () => {
    const { parseAdbMrioSummary } = await import('../../../src/index.js');
    const text = 't,s,i,i5,i15,x,zuse,va,zsales,y,e,ez,ey\n2022,47,1,1,1,10,4,6,5,5,8,4,4\n2022,47,2,1,2,10,n/a,6,5,5,8,4,4\n';
    expect(() => parseAdbMrioSummary(text, 'summary.csv')).toThrow(
      expect.objectContaining({ code: 'ADB_NOT_NUMERIC', location: { file: 'summary.csv', row: 3, column: 'zuse' } }),
    );
    expect(parseAdbMrioSummary(text.split('\n').slice(0, 2).join('\n')).get('2022:47')).toEqual([
      { sector: 'c1', x: 10, zuse: 4, va: 6, zsales: 5, y: 5, e: 8, ez: 4, ey: 4 },
    ]);
  });
});
