import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { balanceGras, balanceRas } from '../../../src/sam/balance/index.js';
import { NumericError } from '../../../src/errors.js';
import { closeTo6, flat, jo } from './examples.js';

describe('balanceGras', () => {
  it('reproduces Junius & Oosterhaven (2003) with negative entries (to 6 decimals)', () => {
    const res = balanceGras(flat(jo.A), 3, 4, jo.u, jo.v, { tolerance: 1e-11 });
    expect(res.converged).toBe(true);
    expect(closeTo6(res.matrix, flat(jo.X_to_6_decimals))).toBeLessThan(5e-7 + 1e-12);
    // signs of the prior kept
    const a = flat(jo.A);
    for (let k = 0; k < a.length; k++) expect(Math.sign(res.matrix[k])).toBe(Math.sign(a[k]));
  });

  it('equals RAS on non-negative priors (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.double({ min: 0.01, max: 50, noNaN: true }), { minLength: 36, maxLength: 36 }),
        fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), { minLength: 12, maxLength: 12 }),
        (n, m, cells, w) => {
          const prior = Float64Array.from(cells.slice(0, n * m));
          const u = w.slice(0, n);
          const su = u.reduce((a, b) => a + b, 0);
          const v0 = w.slice(6, 6 + m);
          const sv = v0.reduce((a, b) => a + b, 0);
          const v = v0.map((x) => (x * su) / sv);
          const g = balanceGras(prior, n, m, u, v, { tolerance: 1e-10 });
          const r = balanceRas(prior, n, m, u, v, { tolerance: 1e-10 });
          expect(g.converged).toBe(true);
          for (let k = 0; k < prior.length; k++) expect(Math.abs(g.matrix[k] - r.matrix[k])).toBeLessThan(1e-8);
        },
      ),
      { numRuns: 100, seed: 7 },
    );
  });

  it('meets the totals on random mixed-sign matrices whose totals come from a same-sign matrix (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), { minLength: 16, maxLength: 16 }),
        fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
        fc.array(fc.double({ min: 0.5, max: 2, noNaN: true }), { minLength: 16, maxLength: 16 }),
        (mag, neg, f) => {
          // the prior A and a matrix B with A's sign pattern; B's totals are feasible by construction
          const a = Float64Array.from(mag.map((x, k) => (neg[k] ? -x : x)));
          const b = a.map((x, k) => x * f[k]);
          const u = [0, 1, 2, 3].map((i) => b[i * 4] + b[i * 4 + 1] + b[i * 4 + 2] + b[i * 4 + 3]);
          const v = [0, 1, 2, 3].map((j) => b[j] + b[4 + j] + b[8 + j] + b[12 + j]);
          const res = balanceGras(a, 4, 4, u, v, { tolerance: 1e-9, maxIterations: 100_000 });
          expect(res.converged).toBe(true);
          expect(res.maxImbalance).toBeLessThanOrEqual(1e-9);
          for (let k = 0; k < 16; k++) expect(Math.sign(res.matrix[k])).toBe(Math.sign(a[k]));
        },
      ),
      { numRuns: 100, seed: 11 },
    );
  });

  it('names the account in a sign conflict', () => {
    const labels = ['A', 'B'];
    let err: unknown;
    try {
      balanceGras(Float64Array.from([1, 2, -1, -3]), 2, 2, [3, 2], [0, 5], { rowLabels: labels, colLabels: labels });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NumericError);
    expect((err as NumericError).code).toBe('BALANCE_SIGN_CONFLICT');
    expect((err as NumericError).location).toEqual({ account: 'B' });
  });
});
