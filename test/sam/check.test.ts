import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { checkSam, formatSamCheck, readSamCsv, Sam } from '../../src/index.js';

const DATA = join(import.meta.dirname, '../../../shared/data');

describe('checkSam', () => {
  it('computes GDP 102 three ways on the standard CGE model SAM (Hosoe et al. 2010)', async () => {
    // by hand from sam.csv: VA = CAP 20+30 + LAB 15+25 = 90; IDT 5+4 + TRF 1+2 = 12 → GDP 102;
    // C = 20+30, G = 19+14, I = 16+15, E = 8+4, M = 13+11 → 50+33+31+12−24 = 102
    const sam = await readSamCsv(join(DATA, 'reference/stdcge/sam.csv'), { groups: { BRD: 'activity', MLK: 'activity' } });
    const r = checkSam(sam);
    expect(r.balanced).toBe(true);
    expect(r.macro.production).toEqual({ gdp: 102, valueAdded: 90, netProductTaxes: 12 });
    expect(r.macro.income?.gdp).toBe(102);
    expect(r.macro.expenditure).toEqual({ gdp: 102, consumption: 50, government: 33, investment: 31, exports: 12, imports: 24 });
    expect(r.macroConsistent).toBe(true);
  });
  it('says which identities cannot be computed when groups are unknown', async () => {
    const sam = await readSamCsv(join(DATA, 'reference/stdcge/sam.csv'));
    const r = checkSam(sam);
    expect(r.macro.production).toBeUndefined();
    expect(r.macro.expenditure).toBeUndefined();
    expect(r.macro.notes.join('\n')).toMatch(/GDP from production not computed: no activity or commodity account/);
    expect(r.macro.notes.join('\n')).toMatch(/BRD, MLK/);
    expect(formatSamCheck(r, 'sam.csv')).toMatch(/GDP from expenditure not computed/);
  });
  it('reports the 100 accounts of the Thai SAM 2006 balanced, in their groups, with agreeing GDP', async () => {
    const sam = await readSamCsv(join(DATA, 'sam/ThaiSAM2006.csv'));
    const r = checkSam(sam);
    expect(r.balanced).toBe(true);
    expect(r.balancedCount).toBe(100);
    expect(r.groups.find((g) => g.group === 'household')?.accounts).toEqual([
      'HH1',
      'HH2',
      'HH3',
      'HH4',
      'HH5',
      'HH6',
      'HH7',
      'HH8',
      'HH9',
      'HH10',
    ]);
    expect(r.emptyAccounts).toEqual(['M-Trade', 'Water', 'Land']);
    // independent: value added summed cell by cell from the labels
    let va = 0;
    for (const f of ['Labor', 'Capital', 'Water', 'Land'])
      for (const a of sam.labels.filter((l) => l.startsWith('A-'))) va += sam.get(f, a);
    expect(r.macro.production?.valueAdded).toBeCloseTo(va, 9);
    const p = r.macro.production!.gdp;
    expect(Math.abs(r.macro.expenditure!.gdp - p) / p).toBeLessThan(1e-8);
    expect(Math.abs(r.macro.income!.gdp - p) / p).toBeLessThan(1e-8);
    expect(r.macroConsistent).toBe(true);
  });
  it('agrees with the Thai macro SAM 2004 by hand', async () => {
    // VA = 1786.334 + 2647.381; taxes Itax 1330.550919 + Ttax 301.7835668
    const r = checkSam(await readSamCsv(join(DATA, 'sam/ThaiMacro_SAM2004.csv')));
    expect(r.macro.production?.gdp).toBeCloseTo(1786.334 + 2647.381 + 1330.550919 + 301.7835668, 6);
    expect(r.macro.expenditure?.gdp).toBeCloseTo(3305.826933 + 635.9986239 + 1458.049288 + 3886.566 - 3220.391328, 6);
  });
  it('flags unbalanced accounts, negative cells and empty accounts', () => {
    const sam = new Sam(['A-X', 'HH', 'Labor', 'ROW'], Float64Array.from([0, 5, 0, 0, 0, 0, 7, 0, 7, 0, 0, -1, 0, 0, 0, 0]));
    const r = checkSam(sam, { tolerance: 1e-9 });
    expect(r.balanced).toBe(false);
    expect(r.accounts.filter((a) => !a.balanced).map((a) => a.label)).toEqual(['A-X', 'HH', 'Labor', 'ROW']);
    expect(r.negatives).toEqual([{ row: 'Labor', column: 'ROW', value: -1 }]);
    const ok = new Sam(['A', 'B', 'C'], Float64Array.from([0, 1, 0, 1, 0, 0, 0, 0, 0]));
    expect(checkSam(ok).emptyAccounts).toEqual(['C']);
  });
  it('uses an absolute tolerance on request', () => {
    const sam = new Sam(['A-X', 'HH'], Float64Array.from([0, 1000.001, 1000, 0]));
    expect(checkSam(sam, { tolerance: 1e-6 }).balanced).toBe(true);
    expect(checkSam(sam, { tolerance: 1e-6, absolute: true }).balanced).toBe(false);
  });
});
