import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { aggregateSam, checkSam, disaggregateSam, readSamCsv, Sam, splitAccount, type DigicgeError } from '../../src/index.js';

const DATA = join(import.meta.dirname, '../../../shared/data');

function balancedWithin(sam: Sam, rel: number): boolean {
  const r = sam.rowTotals();
  const c = sam.colTotals();
  const scale = Math.max(1, ...r, ...c);
  return r.every((v, i) => Math.abs(v - c[i]) <= rel * scale);
}

function err(f: () => unknown): DigicgeError {
  try {
    f();
  } catch (e) {
    return e as DigicgeError;
  }
  throw new Error('expected an error');
}

describe('aggregateSam', () => {
  it('sums cells by the mapping, keeping the grand total and balance; stdcge by hand', async () => {
    const sam = await readSamCsv(join(DATA, 'reference/stdcge/sam.csv'), { groups: { BRD: 'activity', MLK: 'activity' } });
    const map: Record<string, string> = {
      BRD: 'FOOD',
      MLK: 'FOOD',
      CAP: 'FAC',
      LAB: 'FAC',
      IDT: 'TAX',
      TRF: 'TAX',
      HOH: 'HOH',
      GOV: 'GOV',
      INV: 'INV',
      EXT: 'EXT',
    };
    const agg = aggregateSam(sam, map, { groups: { FOOD: 'activity', FAC: 'factor' } });
    expect(agg.labels).toEqual(['FOOD', 'FAC', 'TAX', 'HOH', 'GOV', 'INV', 'EXT']);
    // by hand: FOOD row × FOOD col = 21+8+17+9 = 55; FAC ← FOOD = 20+30+15+25 = 90; TAX ← FOOD = 12
    expect(agg.get('FOOD', 'FOOD')).toBe(55);
    expect(agg.get('FAC', 'FOOD')).toBe(90);
    expect(agg.get('TAX', 'FOOD')).toBe(12);
    expect(agg.total()).toBe(sam.total());
    expect(checkSam(agg).balanced).toBe(true);
    expect(checkSam(agg).macro.production?.gdp).toBe(102);
    expect(agg.provenance.at(-1)?.operation).toBe('aggregate');
  });
  it('rejects an incomplete mapping and mixed groups', () => {
    const sam = new Sam(['A-X', 'HH'], Float64Array.from([0, 1, 1, 0]));
    expect(err(() => aggregateSam(sam, { 'A-X': 'A' }))).toMatchObject({ code: 'SAM_MAPPING_MISSING', location: { account: 'HH' } });
    expect(err(() => aggregateSam(sam, { 'A-X': 'Z', HH: 'Z' }))).toMatchObject({
      code: 'SAM_MAPPING_MIXED_GROUPS',
      location: { account: 'Z' },
    });
    expect(err(() => aggregateSam(sam, { 'A-X': 'A', HH: 'HH', Q: 'Q' }))).toMatchObject({
      code: 'SAM_MAPPING_UNKNOWN',
      location: { account: 'Q' },
    });
    expect(aggregateSam(sam, { 'A-X': 'A' }, { keepUnmapped: true }).labels).toEqual(['A', 'HH']);
  });
});

describe('splitAccount', () => {
  it('splits by one share: hand-computed cells, totals and balance kept', () => {
    // X: row receives 6 from HH and 4 from itself; pays 4 to itself and 6 to Labor. Total 10.
    const sam = new Sam(['A-X', 'HH', 'Labor'], Float64Array.from([4, 6, 0, 0, 0, 6, 6, 0, 0]));
    const s = splitAccount(
      sam,
      'A-X',
      [
        { label: 'A-D', share: 0.25 },
        { label: 'A-O', share: 0.75 },
      ],
      'test shares',
    );
    expect(s.labels).toEqual(['A-D', 'A-O', 'HH', 'Labor']);
    expect(s.get('A-D', 'HH')).toBe(1.5);
    expect(s.get('Labor', 'A-O')).toBe(4.5);
    expect(s.get('A-D', 'A-O')).toBe(0.25 * 0.75 * 4);
    expect(Array.from(s.rowTotals())).toEqual([2.5, 7.5, 6, 6]);
    expect(Array.from(s.colTotals())).toEqual([2.5, 7.5, 6, 6]);
    expect(s.accounts[0].group).toBe('activity');
  });
  it('splits TransComm of the Thai SAM into telecom and transport with cell-wise shares, keeping balance', async () => {
    const sam = await readSamCsv(join(DATA, 'sam/ThaiSAM2006.csv'));
    const parts = [
      { label: 'A-Telecom', share: 0.2, colShares: { Labor: 0.15, Capital: 0.35 } },
      { label: 'A-Transport', share: 0.8, colShares: { Labor: 0.85, Capital: 0.65 } },
    ];
    const s = splitAccount(sam, 'A-TransComm', parts, 'illustrative shares');
    expect(s.n).toBe(101);
    expect(s.total()).toBeCloseTo(sam.total(), 6);
    expect(balancedWithin(s, 1e-6)).toBe(true);
    // every original cell equals the sum of its parts
    for (const c of sam.labels.filter((l) => l !== 'A-TransComm')) {
      expect(s.get(c, 'A-Telecom') + s.get(c, 'A-Transport')).toBeCloseTo(sam.get(c, 'A-TransComm'), 8);
      expect(s.get('A-Telecom', c) + s.get('A-Transport', c)).toBeCloseTo(sam.get('A-TransComm', c), 8);
    }
    // each part's total is its share of the account total
    const X = sam.rowTotals()[sam.index('A-TransComm')];
    expect(s.rowTotals()[s.index('A-Telecom')]).toBeCloseTo(0.2 * X, 6);
    expect(s.colTotals()[s.index('A-Telecom')]).toBeCloseTo(0.2 * X, 6);
    // the log carries given and fitted shares and the source
    const p = s.provenance.at(-1)!;
    expect(p.source).toBe('illustrative shares');
    expect(JSON.stringify(p.details)).toContain('"colShares":{"Labor":0.15,"Capital":0.35}');
    // aggregation inverts the split
    const map = Object.fromEntries(s.labels.map((l) => [l, l === 'A-Telecom' || l === 'A-Transport' ? 'A-TransComm' : l]));
    const back = aggregateSam(s, map);
    expect(back.labels).toEqual(sam.labels);
    for (let i = 0; i < sam.values.length; i++) expect(back.values[i]).toBeCloseTo(sam.values[i], 8);
  });
  it('splits households by income and expenditure shares of access groups', async () => {
    const sam = await readSamCsv(join(DATA, 'sam/ThaiMacro_SAM2004.csv'));
    const s = disaggregateSam(sam, [
      {
        account: 'HH',
        source: 'hypothetical survey shares',
        parts: [
          {
            label: 'HH-Online',
            rowShares: { Labor: 0.6, Capital: 0.7, ENT: 0.7, Govt: 0.3, ROW: 0.5 },
            colShares: { COM: 0.65, ENT: 0.6, Govt: 0.6, Dtax: 0.75, CapAcct: 0.8, ROW: 0.6 },
          },
          {
            label: 'HH-Offline',
            rowShares: { Labor: 0.4, Capital: 0.3, ENT: 0.3, Govt: 0.7, ROW: 0.5 },
            colShares: { COM: 0.35, ENT: 0.4, Govt: 0.4, Dtax: 0.25, CapAcct: 0.2, ROW: 0.4 },
          },
        ],
      },
    ]);
    expect(balancedWithin(s, 1e-6)).toBe(true);
    // income side taken as given (no total share): online income = Σ share × cell
    const online =
      0.6 * sam.get('HH', 'Labor') +
      0.7 * sam.get('HH', 'Capital') +
      0.7 * sam.get('HH', 'ENT') +
      0.3 * sam.get('HH', 'Govt') +
      0.5 * sam.get('HH', 'ROW');
    expect(s.rowTotals()[s.index('HH-Online')]).toBeCloseTo(online, 6);
    expect(s.accounts[s.index('HH-Online')].group).toBe('household');
    expect(checkSam(s).macro.expenditure?.gdp).toBeCloseTo(checkSam(sam).macro.expenditure!.gdp, 6);
  });
  it('rejects shares that do not sum to one, naming the counterpart', () => {
    const sam = new Sam(['A-X', 'HH', 'Labor'], Float64Array.from([0, 6, 0, 0, 0, 6, 6, 0, 0]));
    const e = err(() =>
      splitAccount(
        sam,
        'A-X',
        [
          { label: 'P', share: 0.5, rowShares: { HH: 0.7 } },
          { label: 'Q', share: 0.5 },
        ],
        's',
      ),
    );
    expect(e.code).toBe('SPLIT_SHARES_NOT_ONE');
    expect(e.location?.account).toBe('HH');
    expect(
      err(() =>
        splitAccount(
          sam,
          'A-X',
          [
            { label: 'P', share: 0.5 },
            { label: 'HH', share: 0.5 },
          ],
          's',
        ),
      ).code,
    ).toBe('SAM_DUPLICATE_LABEL');
    expect(
      err(() =>
        splitAccount(
          sam,
          'A-X',
          [
            { label: 'P', share: -0.5 },
            { label: 'Q', share: 1.5 },
          ],
          's',
        ),
      ).code,
    ).toBe('SPLIT_BAD_SHARE');
    expect(
      err(() =>
        splitAccount(
          sam,
          'Nope',
          [
            { label: 'P', share: 0.5 },
            { label: 'Q', share: 0.5 },
          ],
          's',
        ),
      ),
    ).toMatchObject({ code: 'SAM_UNKNOWN_ACCOUNT', location: { account: 'Nope' } });
  });
});
