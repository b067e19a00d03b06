import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { matmul, toRows, type Matrix } from '../../src/linalg/dense/index.js';
import { readSamCsv, Sam } from '../../src/sam/index.js';
import { pyattRound, samAccountingMultipliers } from '../../src/multipliers/index.js';
import { DATA, gaussJordanInverse, maxAbsDiff } from './helpers.js';

// The endogenous block of the stdcge SAM, typed by hand from stdcge_sam.csv
// (order BRD, MLK, CAP, LAB, HOH; rows receive, columns pay) and the column totals of the full SAM.
const T_nn = [
  [21, 8, 0, 0, 20],
  [17, 9, 0, 0, 30],
  [20, 30, 0, 0, 0],
  [15, 25, 0, 0, 0],
  [0, 0, 50, 40, 0],
];
const colTotals = [92, 89, 50, 40, 90];
const An = T_nn.map((r) => r.map((v, j) => v / colTotals[j]));
const expectedMa = gaussJordanInverse(An.map((r, i) => r.map((v, j) => (i === j ? 1 : 0) - v)));

function neumann(a: number[][]): number[][] {
  // I + An + An² + … until the terms vanish
  const n = a.length;
  let term: number[][] = a.map((r, i) => r.map((_, j) => (i === j ? 1 : 0)));
  const sum = term.map((r) => [...r]);
  for (let it = 0; it < 5000; it++) {
    term = term.map((r) => a[0].map((_, j) => r.reduce((s, v, k) => s + v * a[k][j], 0)));
    let big = 0;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        sum[i][j] += term[i][j];
        big = Math.max(big, Math.abs(term[i][j]));
      }
    if (big < 1e-15) break;
  }
  return sum;
}

const ENDO = ['BRD', 'MLK', 'CAP', 'LAB', 'HOH'];

describe('SAM accounting multipliers of the standard CGE model (Hosoe et al. 2010)', async () => {
  const sam = await readSamCsv(join(DATA, 'stdcge_sam.csv'));
  const r = samAccountingMultipliers(sam, ENDO);

  it('An is the column-share matrix of the endogenous accounts', () => {
    expect(maxAbsDiff(toRows(r.An), An)).toBeLessThan(1e-15);
  });
  it('Ma equals the Gauss–Jordan inverse of the hand-typed I − An, and the Neumann series', () => {
    expect(maxAbsDiff(toRows(r.Ma), expectedMa)).toBeLessThan(1e-12);
    expect(maxAbsDiff(expectedMa, neumann(An))).toBeLessThan(1e-10);
  });
  it('uses production / factors / institutions as default Pyatt–Round blocks', () => {
    expect(r.blocks).toEqual([['BRD', 'MLK'], ['CAP', 'LAB'], ['HOH']]);
  });
  it('Pyatt–Round: Ma3 Ma2 Ma1 = Ma and the additive parts sum to Ma', () => {
    const d = r.decomposition;
    const prod = matmul(d.Ma3, matmul(d.Ma2, d.Ma1));
    expect(maxAbsDiff(toRows(prod), expectedMa)).toBeLessThan(1e-12);
    const parts: Matrix[] = [d.additive.initial, d.additive.transfer, d.additive.openLoop, d.additive.closedLoop];
    const sum = parts.reduce(
      (acc, m) => acc.map((row, i) => row.map((v, j) => v + m.data[i * 5 + j])),
      toRows(d.additive.initial).map((row) => row.map(() => 0)),
    );
    expect(maxAbsDiff(sum, expectedMa)).toBeLessThan(1e-12);
  });
  it('Pyatt–Round structure: Ma1 is block-diagonal and every part is non-negative for this SAM', () => {
    const d = r.decomposition;
    const block = [0, 0, 1, 1, 2];
    for (let i = 0; i < 5; i++)
      for (let j = 0; j < 5; j++) {
        if (block[i] !== block[j]) expect(d.Ma1.data[i * 5 + j]).toBe(0);
        expect(d.additive.closedLoop.data[i * 5 + j]).toBeGreaterThanOrEqual(0);
        expect(d.additive.openLoop.data[i * 5 + j]).toBeGreaterThanOrEqual(0);
      }
  });
  it('the product identity holds for any partition, e.g. one block per account', () => {
    const d = pyattRound(r.An, [[0], [1], [2], [3], [4]]);
    expect(maxAbsDiff(toRows(d.Ma), expectedMa)).toBeLessThan(1e-12);
  });
});

describe('SAM multipliers: bad input', () => {
  it('an unknown endogenous account is named', async () => {
    const sam = await readSamCsv(join(DATA, 'stdcge_sam.csv'));
    expect(() => samAccountingMultipliers(sam, ['BRD', 'XYZ'])).toThrow(
      expect.objectContaining({ code: 'SAM_UNKNOWN_ACCOUNT', location: { account: 'XYZ' } }),
    );
  });
  it('an endogenous account with zero outlay is named', () => {
    const sam = new Sam(['A-X', 'HH', 'ROW'], Float64Array.of(0, 0, 5, 5, 0, 0, 0, 0, 0));
    expect(() => samAccountingMultipliers(sam, ['A-X', 'HH'])).toThrow(
      expect.objectContaining({ code: 'ZERO_OUTPUT', location: expect.objectContaining({ account: 'HH' }) }),
    );
  });
  it('blocks that do not partition the endogenous accounts are named', async () => {
    const sam = await readSamCsv(join(DATA, 'stdcge_sam.csv'));
    expect(() =>
      samAccountingMultipliers(sam, ENDO, [
        ['BRD', 'MLK'],
        ['CAP', 'LAB'],
      ]),
    ).toThrow(expect.objectContaining({ code: 'PYATT_ROUND_BAD_BLOCKS', location: { account: 'HOH' } }));
  });
  it('a closed system with no leakage is singular, named by account', () => {
    // two accounts paying everything to each other: I − An singular
    const sam = new Sam(['A-X', 'HH'], Float64Array.of(0, 5, 5, 0));
    expect(() => samAccountingMultipliers(sam, ['A-X', 'HH'], [['A-X', 'HH']])).toThrow(
      expect.objectContaining({ code: 'MATRIX_SINGULAR', location: expect.objectContaining({ account: 'HH' }) }),
    );
  });
});
