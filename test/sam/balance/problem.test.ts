import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveProblem, restoreNegativeCells, transposeNegativeCells } from '../../../src/sam/balance/index.js';

const labels = ['A', 'B', 'C'];
// rows receive, columns pay; row sums 8, 10, 6; column sums 6, 9, 9
const m = { rowLabels: labels, colLabels: labels, values: Float64Array.from([0, 5, 3, 4, 0, 6, 2, 4, 0]) };

describe('a balancing problem by label, resolved against the prior', () => {
  it("'*' gives every other account its total; values derived from the prior; support = points × sd", () => {
    const r = resolveProblem(
      { totals: { accounts: { '*': { value: 'average', sdRelative: 0.1, points: [-3, 0, 3], weights: [1, 16, 1] }, B: 12 } } },
      m,
    );
    expect(r.accountTotals![1]).toBe(12);
    expect(r.accountTotals![0]).toEqual({ value: 7, support: [-2.1, 0, 2.1].map((x) => expect.closeTo(x, 12)), weights: [1, 16, 1] });
    expect((r.accountTotals![2] as { value: number }).value).toBe(7.5);
    const rows = resolveProblem({ totals: { rows: { '*': { value: 'rows' } }, columns: { '*': { value: 'rows' } } } }, m);
    expect(rows.rowTotals).toEqual([{ value: 8 }, { value: 10 }, { value: 6 }]);
    expect(rows.colTotals).toEqual([{ value: 8 }, { value: 10 }, { value: 6 }]);
  });

  it('cell error rules: the first that matches a non-zero, non-fixed cell applies; a named cell applies even at zero', () => {
    const r = resolveProblem(
      {
        fixed: [{ row: 'C', col: 'B', value: 4 }],
        cellErrors: [
          { row: 'A', col: 'A', sd: 1, points: [-2, 0, 2] },
          { columns: ['B'], multiplicative: true, sd: 0.2, points: [-3, 0, 3] },
          { sdRelative: 0.5, points: [-1, 1] },
        ],
      },
      m,
    );
    const byCell = new Map(r.cellErrors.map((e) => [`${labels[e.row]}${labels[e.col]}`, e]));
    expect([...byCell.keys()].sort()).toEqual(['AA', 'AB', 'AC', 'BA', 'BC', 'CA']);
    expect(byCell.get('AA')!.support).toEqual([-2, 0, 2]);
    expect(byCell.get('AB')!.multiplicative).toBe(true);
    expect(byCell.get('AB')!.support.map((x) => +x.toFixed(12))).toEqual([-0.6, 0, 0.6]);
    expect(byCell.get('BC')!.support).toEqual([-3, 3]);
  });

  it("a macro control's value 'prior' is its value in the prior", () => {
    const r = resolveProblem(
      {
        macro: [
          {
            name: 'GDP',
            cells: [
              { row: 'B', col: 'A' },
              { row: 'A', col: 'C', coef: -1 },
            ],
            value: 'prior',
            sd: 1,
            points: [-1, 0, 1],
          },
        ],
      },
      m,
    );
    expect(r.macro[0]).toMatchObject({ name: 'GDP', value: 1, support: [-1, 0, 1] });
  });

  it('unknown labels and malformed error terms are located errors', () => {
    expect(() => resolveProblem({ totals: { rows: { X: 1 } } }, m)).toThrow(
      expect.objectContaining({ code: 'BALANCE_UNKNOWN_ACCOUNT', location: { account: 'X' } }),
    );
    expect(() => resolveProblem({ macro: [{ name: 'g', cells: [{ row: 'A', col: 'Z' }], value: 1 }] }, m)).toThrow(
      expect.objectContaining({
        code: 'BALANCE_UNKNOWN_ACCOUNT',
        location: expect.objectContaining({ jsonPath: '/macro/0', account: 'Z' }),
      }),
    );
    expect(() => resolveProblem({ totals: { accounts: { A: { value: 3, sd: 1 } } } }, m)).toThrow(
      expect.objectContaining({ code: 'BALANCE_TOTAL_SPEC' }),
    );
    expect(() => resolveProblem({ cellErrors: [{ row: 'A' }] }, m)).toThrow(
      expect.objectContaining({ code: 'BALANCE_CELL_ERROR', location: { jsonPath: '/cellErrors/0' } }),
    );
  });
});

describe('negative cells moved to the transposed cell (the IFPRI programs)', () => {
  it('keeps every account’s income minus expenditure, and restoring the unchanged prior gives it back (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 9 }), { minLength: 16, maxLength: 16 }), (cells) => {
        const x = Float64Array.from(cells, (v, k) => (k % 5 === 0 ? Math.abs(v) : v)); // diagonal non-negative
        const { prior, moved } = transposeNegativeCells(x, 4);
        expect(Array.from(prior).every((v) => v >= 0)).toBe(true);
        for (let i = 0; i < 4; i++) {
          let net = 0;
          let net0 = 0;
          for (let j = 0; j < 4; j++) {
            net += prior[i * 4 + j] - prior[j * 4 + i];
            net0 += x[i * 4 + j] - x[j * 4 + i];
          }
          expect(net).toBeCloseTo(net0, 12);
        }
        expect(Array.from(restoreNegativeCells(prior, 4, moved))).toEqual(Array.from(x));
      }),
      { numRuns: 100, seed: 5 },
    );
  });
});
