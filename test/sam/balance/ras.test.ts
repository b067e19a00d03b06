import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { balanceRas, findHallViolation, rasUpdateCoefficients, squareSamTargets } from '../../../src/sam/balance/index.js';
import { InputError, NumericError } from '../../../src/errors.js';
import { rasIterate } from '../../../src/sam/balance/ras.js';
import { closeTo6, flat, mb } from './examples.js';

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

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

describe('balanceRas', () => {
  it('reproduces Miller & Blair §7.4.2 (A¹ to 6 decimals)', () => {
    const res = rasUpdateCoefficients(flat(mb.A0), 3, 3, mb.x1, mb.u1, mb.v1, { tolerance: 1e-10 });
    expect(res.converged).toBe(true);
    // the published figures are rounded to 6 decimals
    expect(closeTo6(res.coefficients, flat(mb.A1_to_6_decimals))).toBeLessThan(5e-7 + 1e-12);
    // A¹ = diag(r) A⁰ diag(s)
    const a0 = flat(mb.A0);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        expect(res.coefficients[i * 3 + j]).toBeCloseTo(res.r[i] * a0[i * 3 + j] * res.s[j], 12);
      }
    const { rows, cols } = sums(res.matrix, 3, 3);
    for (let i = 0; i < 3; i++) {
      expect(rows[i]).toBeCloseTo(mb.u1[i], 8);
      expect(cols[i]).toBeCloseTo(mb.v1[i], 8);
    }
  });

  it('gives the same answer with the WebAssembly SIMD row pass and the JavaScript loop', () => {
    // Miller & Blair through the wasm pass
    const z0 = flat(mb.A0).map((a, k) => a * mb.x1[k % 3]);
    const w = rasIterate(z0, 3, 3, Float64Array.from(mb.u1), Float64Array.from(mb.v1), 1e-10, 10_000, 'wasm');
    const a1 = w.matrix.map((z, k) => z / mb.x1[k % 3]);
    expect(closeTo6(a1, flat(mb.A1_to_6_decimals))).toBeLessThan(5e-7 + 1e-12);
    // a 67 × 93 matrix (odd sizes exercise the SIMD tails)
    const n = 67;
    const m = 93;
    const x = new Float64Array(n * m).map((_, k) => ((k * 7919) % 101) / 10);
    const u = Float64Array.from({ length: n }, (_, i) => 100 + i);
    const su = u.reduce((p, q) => p + q, 0);
    const v = Float64Array.from({ length: m }, (_, j) => 1 + (j % 5));
    const sv = v.reduce((p, q) => p + q, 0);
    for (let j = 0; j < m; j++) v[j] *= su / sv;
    const js = rasIterate(x, n, m, u, v, 1e-9, 5000, 'js');
    const wa = rasIterate(x, n, m, u, v, 1e-9, 5000, 'wasm');
    for (let k = 0; k < x.length; k++) expect(Math.abs(js.matrix[k] - wa.matrix[k])).toBeLessThan(1e-9);
    const res = balanceRas(x, n, m, u, v);
    expect(res.converged).toBe(true);
    const { rows, cols } = sums(res.matrix, n, m);
    for (let i = 0; i < n; i++) expect(Math.abs(rows[i] - u[i])).toBeLessThanOrEqual(res.tolerance);
    for (let j = 0; j < m; j++) expect(Math.abs(cols[j] - v[j])).toBeLessThanOrEqual(res.tolerance);
  });

  it('meets random consistent totals on random positive matrices (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 49, maxLength: 49 }),
        fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), { minLength: 14, maxLength: 14 }),
        (n, m, cells, w) => {
          const prior = Float64Array.from(cells.slice(0, n * m));
          const u = w.slice(0, n);
          const v0 = w.slice(7, 7 + m);
          const su = u.reduce((a, b) => a + b, 0);
          const sv = v0.reduce((a, b) => a + b, 0);
          const v = v0.map((x) => (x * su) / sv);
          const res = balanceRas(prior, n, m, u, v, { tolerance: 1e-9 });
          expect(res.converged).toBe(true);
          const { rows, cols } = sums(res.matrix, n, m);
          for (let i = 0; i < n; i++) expect(Math.abs(rows[i] - u[i])).toBeLessThanOrEqual(1e-9);
          for (let j = 0; j < m; j++) expect(Math.abs(cols[j] - v[j])).toBeLessThanOrEqual(1e-9);
          for (const x of res.matrix) expect(x).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200, seed: 20261123 },
    );
  });

  it('keeps zero cells at zero and fixed cells at their values', () => {
    const prior = Float64Array.from([4, 0, 2, 1, 3, 5, 2, 2, 0]);
    const u = [10, 12, 6];
    const v = [9, 7, 12];
    const res = balanceRas(prior, 3, 3, u, v, { fixed: [{ row: 1, col: 2, value: 5 }] });
    expect(res.converged).toBe(true);
    expect(res.matrix[1]).toBe(0);
    expect(res.matrix[8]).toBe(0);
    expect(res.matrix[5]).toBe(5);
    const { rows, cols } = sums(res.matrix, 3, 3);
    u.forEach((x, i) => expect(Math.abs(rows[i] - x)).toBeLessThanOrEqual(res.tolerance));
    v.forEach((x, j) => expect(Math.abs(cols[j] - x)).toBeLessThanOrEqual(res.tolerance));
  });

  it('accepts a negative cell when it is fixed (e.g. subsidies)', () => {
    const prior = Float64Array.from([4, -1, 2, 1, 3, 5, 2, 2, 1]);
    const res = balanceRas(prior, 3, 3, [6, 10, 5], [8, 5, 8], { fixed: [{ row: 0, col: 1, value: -1 }] });
    expect(res.converged).toBe(true);
    expect(res.matrix[1]).toBe(-1);
    const { rows, cols } = sums(res.matrix, 3, 3);
    [6, 10, 5].forEach((x, i) => expect(Math.abs(rows[i] - x)).toBeLessThanOrEqual(res.tolerance));
    [8, 5, 8].forEach((x, j) => expect(Math.abs(cols[j] - x)).toBeLessThanOrEqual(res.tolerance));
  });

  it('balances a square SAM with no totals to the average of its row and column totals', () => {
    const sam = Float64Array.from([0, 5, 3, 4, 0, 6, 2, 4, 0]);
    const t = squareSamTargets(sam, 3);
    expect(Array.from(t)).toEqual([(8 + 6) / 2, (10 + 9) / 2, (6 + 9) / 2]);
    const res = balanceRas(sam, 3, 3, t, t);
    const { rows, cols } = sums(res.matrix, 3, 3);
    for (let i = 0; i < 3; i++) expect(rows[i]).toBeCloseTo(cols[i], 8);
    expect(Array.from(squareSamTargets(sam, 3, 'rows'))).toEqual([8, 10, 6]);
    expect(Array.from(squareSamTargets(sam, 3, 'columns'))).toEqual([6, 9, 9]);
  });

  it('reports non-convergence without throwing and never returns NaN', () => {
    const res = balanceRas(Float64Array.from([1, 2, 3, 4]), 2, 2, [3, 7], [4, 6], { maxIterations: 1, tolerance: 0 });
    expect(res.iterations).toBe(1);
    for (const x of res.matrix) expect(Number.isFinite(x)).toBe(true);
  });

  describe('diagnoses infeasible problems, naming the account', () => {
    const labels = ['AGR', 'IND', 'SER'];
    const opts = { rowLabels: labels, colLabels: labels };
    it('zero row with a positive target', () => {
      const e = thrown(() => balanceRas(Float64Array.from([1, 2, 3, 0, 0, 0, 1, 1, 1]), 3, 3, [6, 2, 3], [4, 4, 3], opts));
      expect(e).toBeInstanceOf(NumericError);
      expect((e as NumericError).code).toBe('BALANCE_ZERO_ROW');
      expect((e as NumericError).location).toEqual({ account: 'IND' });
    });
    it('zero column with a positive target', () => {
      const e = thrown(() => balanceRas(Float64Array.from([1, 0, 3, 2, 0, 1, 1, 0, 1]), 3, 3, [4, 3, 2], [4, 1, 4], opts));
      expect((e as NumericError).code).toBe('BALANCE_ZERO_COLUMN');
      expect((e as NumericError).location).toEqual({ column: 'IND' });
    });
    it('targets with different grand totals', () => {
      const e = thrown(() => balanceRas(Float64Array.from([1, 2, 3, 4]), 2, 2, [3, 7], [4, 7]));
      expect(e).toBeInstanceOf(NumericError);
      expect((e as NumericError).code).toBe('BALANCE_TOTALS_MISMATCH');
    });
    it('a negative prior cell (use GRAS)', () => {
      const e = thrown(() => balanceRas(Float64Array.from([1, -2, 3, 4, 1, 1, 1, 1, 1]), 3, 3, [2, 6, 3], [6, 0, 5], opts));
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).code).toBe('BALANCE_NEGATIVE_ENTRY');
      expect((e as InputError).location).toEqual({ account: 'AGR', column: 'IND' });
    });
    it('fixed cells exceeding a total', () => {
      const e = thrown(() =>
        balanceRas(Float64Array.from([1, 2, 3, 4, 1, 1, 1, 1, 1]), 3, 3, [6, 6, 3], [6, 4, 5], {
          ...opts,
          fixed: [{ row: 2, col: 0, value: 4 }],
        }),
      );
      expect((e as NumericError).code).toBe('BALANCE_FIXED_EXCEEDS_TOTAL');
      expect((e as NumericError).location).toEqual({ account: 'SER' });
    });
    it('a zero pattern that no matrix can fill (Hall violation), after the run fails to converge', () => {
      // row AGR pays only into column AGR, whose target (2) is below AGR's row target (5)
      const prior = Float64Array.from([1, 0, 0, 1, 1, 1, 1, 1, 1]);
      const e = thrown(() => balanceRas(prior, 3, 3, [5, 3, 4], [2, 5, 5], { ...opts, maxIterations: 500 }));
      expect(e).toBeInstanceOf(NumericError);
      expect((e as NumericError).code).toBe('BALANCE_INFEASIBLE_PATTERN');
      expect((e as NumericError).location).toEqual({ account: 'AGR' });
      expect((e as NumericError).message).toMatch(/rows AGR have all their non-zero cells in columns AGR/);
      expect(findHallViolation(prior, 3, 3, [5, 3, 4], [2, 5, 5], 1e-9)).toEqual({ rows: [0], cols: [0], rowTotal: 5, colTotal: 2 });
      expect(findHallViolation(prior, 3, 3, [2, 5, 5], [5, 3, 4], 1e-9)).toBeNull();
    });
    it('a non-finite cell and a wrong shape', () => {
      const e = thrown(() =>
        balanceRas(Float64Array.from([1, NaN, 3, 4]), 2, 2, [3, 7], [4, 6], { rowLabels: ['a', 'b'], colLabels: ['c', 'd'] }),
      );
      expect((e as InputError).code).toBe('BALANCE_NOT_FINITE');
      expect((e as InputError).location).toEqual({ account: 'a', column: 'd' });
      const e2 = thrown(() => balanceRas(Float64Array.from([1, 2, 3]), 2, 2, [3, 7], [4, 6]));
      expect((e2 as InputError).code).toBe('BALANCE_SHAPE');
    });
  });
});
