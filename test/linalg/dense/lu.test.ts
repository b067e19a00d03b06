import { describe, expect, it } from 'vitest';
import {
  fromRows,
  identity,
  luFactor,
  luInverse,
  luSolve,
  luSolveMany,
  luSolveTransposed,
  luSolveTransposedMany,
  matmul,
  matvec,
  matrix,
  transpose,
  vecmat,
  type Matrix,
} from '../../../src/linalg/dense/index.js';
import { NumericError, InputError } from '../../../src/errors.js';
import { mulberry32 as seeded } from '../../../src/util/random.js';

function randomMatrix(rows: number, cols: number, seed: number): Matrix {
  const r = seeded(seed);
  const m = matrix(rows, cols);
  for (let i = 0; i < m.data.length; i++) m.data[i] = r() - 0.5;
  return m;
}

/** Textbook triple loop, independent of the blocked kernel. */
function naiveProduct(a: Matrix, b: Matrix): Matrix {
  const c = matrix(a.rows, b.cols);
  for (let i = 0; i < a.rows; i++)
    for (let j = 0; j < b.cols; j++) {
      let s = 0;
      for (let k = 0; k < a.cols; k++) s += a.data[i * a.cols + k] * b.data[k * b.cols + j];
      c.data[i * b.cols + j] = s;
    }
  return c;
}

function maxAbsDiff(x: Float64Array, y: Float64Array): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i] - y[i]));
  return m;
}

describe('dense LU with partial pivoting', () => {
  it('solves a 3×3 system whose answer is known by hand', () => {
    // 2x + y − z = 8; −3x − y + 2z = −11; −2x + y + 2z = −3  →  x = 2, y = 3, z = −1
    const a = fromRows([
      [2, 1, -1],
      [-3, -1, 2],
      [-2, 1, 2],
    ]);
    const x = luSolve(luFactor(a), Float64Array.of(8, -11, -3));
    expect(Array.from(x).map((v) => +v.toFixed(12))).toEqual([2, 3, -1]);
  });

  it.each([1, 7, 64, 131])('blocked factors satisfy A x = b and xᵀA = bᵀ for n = %i and every block size', (n) => {
    const a = randomMatrix(n, n, n);
    const b = Float64Array.from({ length: n }, (_, i) => Math.sin(i + 1));
    for (const blockSize of [1, 4, 16, 48, 200]) {
      const f = luFactor(a, { blockSize });
      expect(maxAbsDiff(matvec(a, luSolve(f, b)), b)).toBeLessThan(1e-9);
      expect(maxAbsDiff(vecmat(luSolveTransposed(f, b), a), b)).toBeLessThan(1e-9);
    }
  });

  it('gives the same factors on one thread and with worker threads sharing the trailing update', () => {
    const n = 300;
    const a = randomMatrix(n, n, 21);
    const one = luFactor(a, { threads: 1 });
    const two = luFactor(a, { threads: 2 });
    expect(Array.from(two.perm)).toEqual(Array.from(one.perm));
    expect(maxAbsDiff(two.lu, one.lu)).toBe(0);
    const b = Float64Array.from({ length: n }, (_, i) => i % 7);
    expect(maxAbsDiff(matvec(a, luSolve(two, b)), b)).toBeLessThan(1e-9);
  });

  it('solves for many right-hand sides at once, as columns and as rows', () => {
    const n = 90;
    const a = randomMatrix(n, n, 3);
    const f = luFactor(a, { blockSize: 16 });
    const B = randomMatrix(n, 5, 4);
    const X = luSolveMany(f, B);
    expect(maxAbsDiff(naiveProduct(a, X).data, B.data)).toBeLessThan(1e-9);
    const Bt = transpose(B);
    const Xt = luSolveTransposedMany(f, Bt);
    expect(maxAbsDiff(naiveProduct(Xt, a).data, Bt.data)).toBeLessThan(1e-9);
  });

  it('gives an inverse with A A⁻¹ = I', () => {
    const a = randomMatrix(50, 50, 9);
    const inv = luInverse(luFactor(a));
    expect(maxAbsDiff(naiveProduct(a, inv).data, identity(50).data)).toBeLessThan(1e-10);
  });

  it.each([
    [131, 1, 64, 64],
    [131, 1, 17, 5],
    [300, 2, 64, 64],
    [300, 2, 100, 33],
  ])('the blocked inverse (n = %i, %i threads, panel %i, block %i) solves A X = I, with pivoting', (n, threads, panel, blockSize) => {
    const a = randomMatrix(n, n, 3 * n + panel); // random signs: pivoting moves rows
    const f = luFactor(a, { threads: 1 });
    let moved = 0;
    for (let i = 0; i < n; i++) if (f.perm[i] !== i) moved++;
    expect(moved).toBeGreaterThan(n / 2);
    const inv = luInverse(f, { threads, panel, blockSize });
    const prod = naiveProduct(a, inv);
    expect(maxAbsDiff(prod.data, identity(n).data)).toBeLessThan(1e-9);
    // and the same as solving with the identity column by column
    const ref = luSolveMany(f, identity(n));
    expect(maxAbsDiff(inv.data, ref.data)).toBeLessThan(1e-10);
  });

  it('names the pivot column and its label when the matrix is singular', () => {
    const a = fromRows([
      [1, 2, 3],
      [2, 4, 6],
      [1, 0, 1],
    ]);
    // column 3 = column 1 + column 2 → the third pivot vanishes
    try {
      luFactor(a, { labels: ['AGR', 'MAN', 'ICT'], what: 'I − A' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(NumericError);
      const err = e as NumericError;
      expect(err.code).toBe('MATRIX_SINGULAR');
      expect(err.location?.column).toBe('ICT');
      expect(err.located()).toMatch(/I − A is singular.*column ICT/);
    }
  });

  it('treats a pivot lost in rounding as singular', () => {
    const a = fromRows([
      [1, 1],
      [1, 1 + 1e-16],
    ]);
    expect(() => luFactor(a)).toThrow(expect.objectContaining({ code: 'MATRIX_SINGULAR', location: { column: 2 } }));
  });

  it('rejects a non-square matrix and a NaN with located errors', () => {
    expect(() => luFactor(matrix(2, 3))).toThrow(expect.objectContaining({ code: 'MATRIX_NOT_SQUARE' }));
    const a = fromRows([
      [1, 2],
      [NaN, 4],
    ]);
    try {
      luFactor(a, { labels: ['A', 'B'] });
      expect.unreachable();
    } catch (e) {
      expect((e as NumericError).code).toBe('NOT_FINITE');
      expect((e as NumericError).location).toMatchObject({ row: 2, column: 'A' });
    }
    expect(() => luSolve(luFactor(identity(2)), Float64Array.of(1))).toThrow(InputError);
  });
});

describe('dense products', () => {
  it('matmul matches the textbook triple loop on odd shapes', () => {
    for (const [m, p, q] of [
      [1, 1, 1],
      [3, 5, 2],
      [7, 9, 301],
      [33, 18, 260],
    ]) {
      const a = randomMatrix(m, p, m + p);
      const b = randomMatrix(p, q, p + q);
      expect(maxAbsDiff(matmul(a, b).data, naiveProduct(a, b).data)).toBeLessThan(1e-12);
    }
    expect(() => matmul(matrix(2, 3), matrix(2, 3))).toThrow(expect.objectContaining({ code: 'MATRIX_DIMENSION_MISMATCH' }));
  });
  it('transpose swaps rows and columns', () => {
    const a = fromRows([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(Array.from(transpose(a).data)).toEqual([1, 4, 2, 5, 3, 6]);
  });
});
