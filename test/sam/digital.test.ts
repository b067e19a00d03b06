import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { checkSam, readSamCsv, splitDigitalSectors, splitsFor } from '../../src/index.js';

const ROOT = join(import.meta.dirname, '../..');

describe('splitDigitalSectors', () => {
  it('splits the Thai SAM mixed sectors by the guideline shares, keeping balance and totals', async () => {
    const sam = await readSamCsv(join(ROOT, 'datasets/sam/thai/ThaiSAM2006.csv'));
    const { sam: out, applied } = splitDigitalSectors(sam, 'THAI_SAM_2006');
    const share = splitsFor('THAI_SAM_2006', 'A-TransComm')[0].share;
    expect(applied.map((a) => a.account)).toEqual(['A-MachProd', 'C-MachProd', 'M-MachProd', 'A-TransComm', 'C-TransComm', 'M-TransComm']);
    const x = sam.rowTotals()[sam.index('A-TransComm')];
    expect(out.rowTotals()[out.index('A-TransComm-TELECOM')]).toBeCloseTo(share * x, 8);
    expect(out.rowTotals()[out.index('A-TransComm')]).toBeCloseTo((1 - share) * x, 8);
    expect(out.accounts[out.index('A-TransComm-TELECOM')].group).toBe('activity');
    expect(out.total()).toBeCloseTo(sam.total(), 6);
    const r = checkSam(out);
    expect(r.balanced).toBe(true);
    expect(r.macro.production!.gdp).toBeCloseTo(checkSam(sam).macro.production!.gdp, 6);
    expect(out.provenance.every((p) => p.operation === 'split' && /THAI_SAM_2006/.test(p.source ?? ''))).toBe(true);
  });
  it('rejects an unknown concordance', async () => {
    const sam = await readSamCsv(join(ROOT, 'datasets/sam/thai/ThaiMacro_SAM2004.csv'));
    expect(() => splitDigitalSectors(sam, 'NOPE')).toThrow(expect.objectContaining({ code: 'DIGITAL_UNKNOWN_CONCORDANCE' }));
  });
});
