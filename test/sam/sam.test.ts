import { describe, expect, it } from 'vitest';
import { Sam, inferAccountGroup, InputError, NumericError } from '../../src/index.js';

describe('Sam', () => {
  const sam = new Sam(['A-X', 'HH', 'Labor'], Float64Array.from([0, 5, 0, 0, 0, 7, 7, 0, 0]));

  it('reads cells by label and by position, rows receive and columns pay', () => {
    expect(sam.get('A-X', 'HH')).toBe(5);
    expect(sam.get(1, 2)).toBe(7);
    expect(sam.get('Labor', 'A-X')).toBe(7);
    expect(sam.index('Labor')).toBe(2);
  });
  it('sums rows and columns', () => {
    expect(Array.from(sam.rowTotals())).toEqual([5, 7, 7]);
    expect(Array.from(sam.colTotals())).toEqual([7, 5, 7]);
    expect(sam.total()).toBe(19);
  });
  it('infers groups from labels and lets explicit groups override', () => {
    expect(sam.accounts.map((a) => a.group)).toEqual(['activity', 'household', 'factor']);
    const s2 = new Sam(['BRD', 'HOH'], new Float64Array(4), { groups: { BRD: 'activity' } });
    expect(s2.accounts.map((a) => a.group)).toEqual(['activity', 'household']);
    const s3 = new Sam(['BRD', 'HOH'], new Float64Array(4));
    expect(s3.accounts[0].group).toBe('other');
    expect(s3.warnings).toHaveLength(1);
    expect(s3.warnings[0]).toContain('BRD');
  });
  it('knows the labels of the usual SAMs', () => {
    const cases: [string, string][] = [
      ['A-Crops', 'activity'],
      ['C-Crops', 'commodity'],
      ['M-Crops', 'commodity'],
      ['ACT', 'activity'],
      ['COM', 'commodity'],
      ['HH10', 'household'],
      ['Labor', 'factor'],
      ['Capital', 'factor'],
      ['LAB', 'factor'],
      ['CAP', 'factor'],
      ['Land', 'factor'],
      ['Water', 'factor'],
      ['Govt', 'government'],
      ['GOV', 'government'],
      ['ENT', 'enterprise'],
      ['Itax', 'tax'],
      ['Ttax', 'tax'],
      ['Dtax', 'tax'],
      ['IDT', 'tax'],
      ['TRF', 'tax'],
      ['CapAcct', 'savings-investment'],
      ['INV', 'savings-investment'],
      ['S-I', 'savings-investment'],
      ['ROW', 'rest-of-world'],
      ['EXT', 'rest-of-world'],
      ['Margin', 'margin'],
    ];
    for (const [label, group] of cases) expect([label, inferAccountGroup(label)]).toEqual([label, group]);
  });
  it('withValues returns a new SAM and leaves the old one unchanged', () => {
    const v = new Float64Array(9);
    const s2 = sam.withValues(v, { operation: 'test', description: 'zeroed' });
    expect(s2.total()).toBe(0);
    expect(sam.total()).toBe(19);
    expect(s2.provenance).toHaveLength(1);
    expect(sam.provenance).toHaveLength(0);
  });
  it('rejects an unknown label naming it', () => {
    try {
      sam.index('XYZ');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).code).toBe('SAM_UNKNOWN_ACCOUNT');
      expect((e as InputError).location?.account).toBe('XYZ');
      expect((e as InputError).message).toContain('XYZ');
    }
  });
  it('rejects duplicate labels, wrong sizes and non-finite values', () => {
    expect(() => new Sam(['A', 'A'], new Float64Array(4))).toThrow(expect.objectContaining({ code: 'SAM_DUPLICATE_LABEL' }));
    expect(() => new Sam(['A', 'B'], new Float64Array(3))).toThrow(expect.objectContaining({ code: 'SAM_NOT_SQUARE' }));
    try {
      new Sam(['A', 'B'], Float64Array.from([0, NaN, 0, 0]));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(NumericError);
      expect((e as NumericError).code).toBe('SAM_NOT_FINITE');
      expect((e as NumericError).location).toMatchObject({ account: 'A', column: 'B' });
    }
  });
});
