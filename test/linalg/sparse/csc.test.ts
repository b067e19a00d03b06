import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  cscFromDense,
  cscFromTriplets,
  cscMultiplyTransposedVector,
  cscMultiplyVector,
  cscToDense,
  cscTranspose,
  cscValidate,
} from '../../../src/linalg/sparse/index.js';
import { InputError } from '../../../src/errors.js';

describe('CSC matrices', () => {
  it('builds from triplets, summing duplicates and sorting rows', () => {
    const A = cscFromTriplets(3, 2, [2, 0, 2, 1, 0], [0, 0, 0, 1, 1], [1, 2, 3, 4, 5]);
    expect(Array.from(A.colPtr)).toEqual([0, 2, 4]);
    expect(Array.from(A.rowIdx)).toEqual([0, 2, 0, 1]);
    expect(Array.from(A.values)).toEqual([2, 4, 5, 4]);
    expect(cscToDense(A)).toEqual([
      [2, 5],
      [0, 4],
      [4, 0],
    ]);
  });

  it('rejects an index out of range and names the triplet', () => {
    try {
      cscFromTriplets(2, 2, [0, 2], [0, 1], [1, 1]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).code).toBe('BAD_TRIPLET');
      expect((e as InputError).location).toEqual({ row: 2 });
    }
    expect(() => cscFromTriplets(2, 2, [0], [0], [NaN])).toThrow(/non-finite/);
  });

  it('rejects unsorted row indices and names the column', () => {
    const bad = { nRows: 3, nCols: 2, colPtr: Int32Array.from([0, 1, 3]), rowIdx: Int32Array.from([0, 2, 1]), values: new Float64Array(3) };
    try {
      cscValidate(bad);
      expect.unreachable();
    } catch (e) {
      expect((e as InputError).code).toBe('BAD_CSC');
      expect((e as InputError).location).toEqual({ column: 2 });
    }
  });

  it('round-trips dense ↔ CSC and agrees with dense products and the transpose (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.oneof(fc.constant(0), fc.integer({ min: -9, max: 9 })), { minLength: 49, maxLength: 49 }),
        (m, n, cells) => {
          const dense = Array.from({ length: m }, (_, i) => Array.from({ length: n }, (_, j) => cells[i * 7 + j]));
          const A = cscFromDense(dense);
          cscValidate(A);
          expect(cscToDense(A)).toEqual(dense.map((r) => r.map((v) => v + 0)));
          const x = Float64Array.from({ length: n }, (_, j) => j + 1);
          const y = cscMultiplyVector(A, x);
          for (let i = 0; i < m; i++) expect(y[i]).toBe(dense[i].reduce((s, v, j) => s + v * x[j], 0));
          const z = Float64Array.from({ length: m }, (_, i) => i - 2);
          const t = cscMultiplyTransposedVector(A, z);
          const At = cscTranspose(A);
          cscValidate(At);
          expect(Array.from(cscMultiplyVector(At, z))).toEqual(Array.from(t));
          expect(cscToDense(At)).toEqual(dense[0].map((_, j) => dense.map((r) => r[j] + 0)));
        },
      ),
      { seed: 42, numRuns: 100 },
    );
  });

  it('builds from a row-major Float64Array', () => {
    const A = cscFromDense(Float64Array.from([1, 0, 0, 2, 3, 0]), 2, 3);
    expect(cscToDense(A)).toEqual([
      [1, 0, 0],
      [2, 3, 0],
    ]);
    expect(() => cscFromDense(new Float64Array(5), 2, 3)).toThrow(InputError);
  });
});
