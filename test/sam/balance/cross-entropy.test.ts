import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { balanceCrossEntropy, balanceRas } from '../../../src/sam/balance/index.js';
import { NumericError } from '../../../src/errors.js';
import { flat, mb } from './examples.js';

function sums(m: Float64Array, n: number, k: number) {
  const rows = new Float64Array(n);
  const cols = new Float64Array(k);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < k; j++) {
      rows[i] += m[i * k + j];
      cols[j] += m[i * k + j];
    }
  return { rows, cols };
}

function thrown(f: () => unknown): { code: string; location: unknown } {
  try {
    f();
  } catch (e) {
    return e as { code: string; location: unknown };
  }
  throw new Error('expected an error');
}

// Miller & Blair §7.4.2 flows Z⁰ = A⁰ diag(x¹)
const z0 = flat(mb.A0).map((a, k) => a * mb.x1[k % 3]);

describe('balanceCrossEntropy', () => {
  it('with exact totals only, is the RAS solution (flow form)', () => {
    const ce = balanceCrossEntropy(z0, 3, 3, { rowTotals: mb.u1, colTotals: mb.v1, tolerance: 1e-10 });
    const ras = balanceRas(z0, 3, 3, mb.u1, mb.v1, { tolerance: 1e-10 });
    expect(ce.converged).toBe(true);
    for (let k = 0; k < 9; k++) expect(ce.matrix[k]).toBeCloseTo(ras.matrix[k], 7);
  });

  it('agrees with RAS on random positive matrices (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.05, max: 20, noNaN: true }), { minLength: 12, maxLength: 12 }),
        fc.array(fc.double({ min: 0.5, max: 2, noNaN: true }), { minLength: 7, maxLength: 7 }),
        (cells, f) => {
          const p = Float64Array.from(cells);
          const { rows, cols } = sums(p, 3, 4);
          const u = Array.from(rows, (x, i) => x * f[i]);
          const su = u.reduce((a, b) => a + b, 0);
          const v0 = Array.from(cols, (x, j) => x * f[3 + j]);
          const sv = v0.reduce((a, b) => a + b, 0);
          const v = v0.map((x) => (x * su) / sv);
          const ce = balanceCrossEntropy(p, 3, 4, { rowTotals: u, colTotals: v, tolerance: 1e-10 });
          const ras = balanceRas(p, 3, 4, u, v, { tolerance: 1e-10 });
          expect(ce.converged).toBe(true);
          for (let k = 0; k < 12; k++) expect(Math.abs(ce.matrix[k] - ras.matrix[k])).toBeLessThan(1e-6 * Math.max(1, ras.matrix[k]));
        },
      ),
      { numRuns: 50, seed: 3 },
    );
  });

  it('returns the prior unchanged when the prior already meets every constraint', () => {
    const { rows, cols } = sums(z0, 3, 3);
    const ce = balanceCrossEntropy(z0, 3, 3, {
      rowTotals: Array.from(rows, (x) => ({ lower: x - 1, upper: x + 1 })),
      colTotals: Array.from(cols),
    });
    for (let k = 0; k < 9; k++) expect(ce.matrix[k]).toBeCloseTo(z0[k], 9);
    expect(ce.divergence).toBeCloseTo(0, 12);
  });

  it('keeps fixed cells, lands totals in their bands and meets a macro control', () => {
    const u = [{ lower: 240, upper: 250 }, { value: 136 }, { lower: 150, upper: 170 }];
    const v = [251, 107, { lower: 175, upper: 185 }];
    const ce = balanceCrossEntropy(z0, 3, 3, {
      rowTotals: u,
      colTotals: v,
      fixed: [{ row: 1, col: 1, value: 20 }],
      macro: [
        {
          name: 'block',
          cells: [
            { row: 0, col: 0 },
            { row: 0, col: 1 },
            { row: 2, col: 0 },
          ],
          value: 200,
        },
      ],
      tolerance: 1e-9,
    });
    expect(ce.converged).toBe(true);
    expect(ce.matrix[4]).toBe(20);
    const { rows, cols } = sums(ce.matrix, 3, 3);
    expect(rows[0]).toBeGreaterThanOrEqual(240 - 1e-9);
    expect(rows[0]).toBeLessThanOrEqual(250 + 1e-9);
    expect(rows[1]).toBeCloseTo(136, 8);
    expect(rows[2]).toBeGreaterThanOrEqual(150 - 1e-9);
    expect(rows[2]).toBeLessThanOrEqual(170 + 1e-9);
    expect(cols[0]).toBeCloseTo(251, 8);
    expect(cols[1]).toBeCloseTo(107, 8);
    expect(cols[2]).toBeGreaterThanOrEqual(175 - 1e-9);
    expect(cols[2]).toBeLessThanOrEqual(185 + 1e-9);
    expect(ce.matrix[0] + ce.matrix[1] + ce.matrix[6]).toBeCloseTo(200, 8);
    for (const x of ce.matrix) expect(x).toBeGreaterThanOrEqual(0);
  });

  it('balances a square SAM with only the prior (each account: income = expenditure)', () => {
    const sam = Float64Array.from([0, 5, 3, 4, 0, 6, 2, 4, 0]);
    const ce = balanceCrossEntropy(sam, 3, 3, { balanceAccounts: true, tolerance: 1e-10 });
    expect(ce.converged).toBe(true);
    const { rows, cols } = sums(ce.matrix, 3, 3);
    for (let i = 0; i < 3; i++) expect(rows[i]).toBeCloseTo(cols[i], 9);
    // optimality (KKT): ln(X_ij / X⁰_ij) = μ_i − μ_j for the balance multipliers μ
    const d = (i: number, j: number) => Math.log(ce.matrix[i * 3 + j] / sam[i * 3 + j]);
    expect(d(0, 1) + d(1, 2) + d(2, 0)).toBeCloseTo(0, 8);
    expect(d(0, 1) + d(1, 0)).toBeCloseTo(0, 8);
  });

  it('coefficient form: meets the totals and satisfies its optimality condition', () => {
    const ce = balanceCrossEntropy(z0, 3, 3, { rowTotals: mb.u1, colTotals: mb.v1, form: 'coefficient', tolerance: 1e-10 });
    expect(ce.converged).toBe(true);
    const { rows, cols } = sums(ce.matrix, 3, 3);
    for (let i = 0; i < 3; i++) {
      expect(rows[i]).toBeCloseTo(mb.u1[i], 8);
      expect(cols[i]).toBeCloseTo(mb.v1[i], 8);
    }
    // (1/x_j) ln(X_ij / X⁰_ij) = α_i + β_j  ⇒ every 2×2 "interaction" vanishes
    const g = (i: number, j: number) => Math.log(ce.matrix[i * 3 + j] / z0[i * 3 + j]) / mb.v1[j];
    expect(Math.abs(g(0, 0))).toBeGreaterThan(1e-4);
    expect(g(0, 0) - g(0, 1) - g(1, 0) + g(1, 1)).toBeCloseTo(0, 9);
    expect(g(1, 1) - g(1, 2) - g(2, 1) + g(2, 2)).toBeCloseTo(0, 9);
  });

  it('estimates an error term on support points within its support', () => {
    const { rows, cols } = sums(z0, 3, 3);
    const ce = balanceCrossEntropy(z0, 3, 3, {
      rowTotals: [{ value: rows[0] + 30, support: [-50, 0, 50] }, rows[1], rows[2] + 30],
      colTotals: Array.from(cols, (c, j) => (j === 0 ? c + 60 : c)),
      tolerance: 1e-9,
    });
    expect(ce.converged).toBe(true);
    const c0 = ce.constraints[0];
    expect(c0.error).toBeGreaterThan(-50);
    expect(c0.error).toBeLessThan(50);
    const got = sums(ce.matrix, 3, 3).rows[0];
    expect(got).toBeCloseTo(rows[0] + 30 + (c0.error ?? NaN), 7);
    // the column total forces row 0 to rows[0] + 30: the error term absorbs the gap between t and that
    expect(got).toBeCloseTo(rows[0] + 30, 6);
  });

  describe('diagnoses infeasible problems', () => {
    const labels = ['AGR', 'IND', 'SER'];
    it('a zero row with a positive total', () => {
      const e = thrown(() =>
        balanceCrossEntropy(Float64Array.from([1, 2, 3, 0, 0, 0, 1, 1, 1]), 3, 3, {
          rowTotals: [6, 2, 3],
          rowLabels: labels,
          colLabels: labels,
        }),
      );
      expect(e).toBeInstanceOf(NumericError);
      expect(e.code).toBe('BALANCE_ZERO_ROW');
      expect(e.location).toEqual({ account: 'IND' });
    });
    it('fixed cells above a column total', () => {
      const e = thrown(() =>
        balanceCrossEntropy(z0, 3, 3, {
          colTotals: [251, 107, 182],
          fixed: [{ row: 0, col: 1, value: 120 }],
          rowLabels: labels,
          colLabels: labels,
        }),
      );
      expect(e.code).toBe('BALANCE_FIXED_EXCEEDS_TOTAL');
      expect(e.location).toEqual({ column: 'IND' });
    });
    it('a macro control on fixed cells only', () => {
      const e = thrown(() =>
        balanceCrossEntropy(z0, 3, 3, {
          fixed: [{ row: 0, col: 0, value: 10 }],
          macro: [{ name: 'GDP', cells: [{ row: 0, col: 0 }], value: 12 }],
        }),
      );
      expect(e.code).toBe('BALANCE_MACRO_INFEASIBLE');
      expect(e.location).toEqual({ equation: 'GDP' });
    });
    it('row and column totals that cannot share a grand total', () => {
      const e = thrown(() => balanceCrossEntropy(z0, 3, 3, { rowTotals: [1, 2, 3], colTotals: [1, 2, { lower: 4, upper: 5 }] }));
      expect(e.code).toBe('BALANCE_TOTALS_MISMATCH');
    });
  });
});
