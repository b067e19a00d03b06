import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { amdOrder, colamdOrder, cscFromTriplets } from '../../../src/linalg/sparse/index.js';
import { mulberry32 } from './helpers.js';

function isPermutation(p: Int32Array, n: number): boolean {
  const seen = new Uint8Array(n);
  for (const v of p) {
    if (v < 0 || v >= n || seen[v]) return false;
    seen[v] = 1;
  }
  return p.length === n;
}

describe('approximate minimum degree orderings', () => {
  it('return permutations for any pattern, dense rows and empty columns included (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 1 << 30 }),
        (n, perCol, nDense, seed) => {
          const rnd = mulberry32(seed);
          const R: number[] = [];
          const C: number[] = [];
          for (let j = 0; j < n; j++) {
            if (rnd() < 0.1) continue; // empty column
            for (let t = 0; t < perCol; t++) R.push(Math.floor(rnd() * n)), C.push(j);
          }
          for (let d = 0; d < nDense; d++) {
            const i = Math.floor(rnd() * n);
            for (let j = 0; j < n; j++) R.push(i), C.push(j), R.push(j), C.push(i);
          }
          const A = cscFromTriplets(
            n,
            n,
            R,
            C,
            R.map(() => 1),
          );
          expect(isPermutation(amdOrder(A), n)).toBe(true);
          expect(isPermutation(colamdOrder(A), n)).toBe(true);
        },
      ),
      { seed: 11, numRuns: 300 },
    );
  });

  it('orders an arrow matrix with its dense row and column last', () => {
    // the hub 0 is coupled with every node: eliminating it first would fill the whole matrix
    const n = 400;
    const R: number[] = [];
    const C: number[] = [];
    for (let i = 0; i < n; i++) R.push(i, 0, i), C.push(i, i, 0);
    const A = cscFromTriplets(
      n,
      n,
      R,
      C,
      R.map(() => 1),
    );
    expect(amdOrder(A)[n - 1]).toBe(0);
    expect(colamdOrder(A)[n - 1]).toBe(0);
  });

  it('orders a star (small hub) so that the hub comes after its leaves', () => {
    const n = 10;
    const R: number[] = [];
    const C: number[] = [];
    for (let i = 1; i < n; i++) R.push(i, 0, i), C.push(i, i, 0);
    R.push(0), C.push(0);
    const A = cscFromTriplets(
      n,
      n,
      R,
      C,
      R.map(() => 1),
    );
    const p = amdOrder(A);
    expect(p.indexOf(0)).toBeGreaterThanOrEqual(n - 2);
  });
});
