import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  type CscMatrix,
  SingularMatrixError,
  analyseSparseLu,
  cscFromDense,
  cscFromTriplets,
  cscToDense,
  factorSparseLu,
} from '../../../src/linalg/sparse/index.js';
import { NumericError } from '../../../src/errors.js';
import { laplacian2d, mulberry32, randomSparse, relativeResidual } from './helpers.js';

const ORDERINGS = ['natural', 'amd', 'colamd'] as const;

function randomVector(n: number, seed: number): Float64Array {
  const r = mulberry32(seed);
  return Float64Array.from({ length: n }, () => 2 * r() - 1);
}

function expectSingular(A: CscMatrix, ordering: (typeof ORDERINGS)[number], labels?: string[]): SingularMatrixError {
  try {
    factorSparseLu(A, undefined, { ordering, labels });
  } catch (e) {
    expect(e).toBeInstanceOf(SingularMatrixError);
    expect(e).toBeInstanceOf(NumericError);
    expect((e as SingularMatrixError).code).toBe('SINGULAR_MATRIX');
    return e as SingularMatrixError;
  }
  throw new Error('expected SINGULAR_MATRIX');
}

describe('sparse LU: known answers', () => {
  it('reproduces the partial-pivoting LU of Trefethen & Bau, Numerical Linear Algebra, lecture 21', () => {
    const A = cscFromDense([
      [2, 1, 1, 0],
      [4, 3, 3, 1],
      [8, 7, 9, 5],
      [6, 7, 9, 8],
    ]);
    const lu = factorSparseLu(A, undefined, { ordering: 'natural', pivotTolerance: 1 });
    const { L, U, rowPerm, colPerm } = lu.factors();
    expect(Array.from(colPerm)).toEqual([0, 1, 2, 3]);
    expect(Array.from(rowPerm)).toEqual([2, 3, 1, 0]);
    const Lref = [
      [1, 0, 0, 0],
      [3 / 4, 1, 0, 0],
      [1 / 2, -2 / 7, 1, 0],
      [1 / 4, -3 / 7, 1 / 3, 1],
    ];
    const Uref = [
      [8, 7, 9, 5],
      [0, 7 / 4, 9 / 4, 17 / 4],
      [0, 0, -6 / 7, -2 / 7],
      [0, 0, 0, 2 / 3],
    ];
    const Ld = cscToDense(L);
    const Ud = cscToDense(U);
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++) {
        expect(Ld[i][j]).toBeCloseTo(Lref[i][j], 14);
        expect(Ud[i][j]).toBeCloseTo(Uref[i][j], 14);
      }
    }
  });

  it('solves the tridiagonal second-difference system with its closed-form solution x_i = i(n+1-i)', () => {
    const n = 200;
    const R: number[] = [];
    const C: number[] = [];
    const V: number[] = [];
    for (let i = 0; i < n; i++) {
      R.push(i), C.push(i), V.push(2);
      if (i > 0) R.push(i), C.push(i - 1), V.push(-1);
      if (i < n - 1) R.push(i), C.push(i + 1), V.push(-1);
    }
    const A = cscFromTriplets(n, n, R, C, V);
    const b = new Float64Array(n).fill(2);
    for (const ordering of ORDERINGS) {
      const lu = factorSparseLu(A, undefined, { ordering });
      const x = lu.solve(b);
      for (let i = 0; i < n; i++) expect(x[i]).toBeCloseTo((i + 1) * (n - i), 8);
      // in a symmetric order a tridiagonal matrix has no fill: L and U have the entries of A
      if (ordering !== 'colamd') expect(lu.nnzL + lu.nnzU).toBe(3 * n - 2);
      else expect(lu.nnzL + lu.nnzU).toBeLessThanOrEqual(4 * n);
    }
  });

  it('with amd, finds the matched pivots of equations listed out of order (no fill)', () => {
    // the tridiagonal system with its equations in reverse order: zero diagonal, yet after the
    // matching the factors have exactly the entries of A
    const n = 100;
    const R: number[] = [];
    const C: number[] = [];
    const V: number[] = [];
    for (let i = 0; i < n; i++) {
      const row = n - 1 - i;
      R.push(row), C.push(i), V.push(2);
      if (i > 0) R.push(row), C.push(i - 1), V.push(-1);
      if (i < n - 1) R.push(row), C.push(i + 1), V.push(-1);
    }
    const A = cscFromTriplets(n, n, R, C, V);
    const lu = factorSparseLu(A, undefined, { ordering: 'amd' });
    expect(lu.nnzL + lu.nnzU).toBe(3 * n - 2);
    const x = lu.solve(new Float64Array(n).fill(2));
    for (let i = 0; i < n; i++) expect(x[i]).toBeCloseTo((i + 1) * (n - i), 9);
  });

  it('estimates the 1-norm condition number of a diagonal matrix exactly', () => {
    const A = cscFromTriplets(3, 3, [0, 1, 2], [0, 1, 2], [1e-3, 1, 10]);
    const lu = factorSparseLu(A);
    expect(lu.conditionEstimate()).toBeCloseTo(1e4, 6);
  });
});

describe('sparse LU: random systems', () => {
  it('solves A x = b and Aᵀ x = b to working precision for every ordering (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 1 << 30 }),
        fc.constantFrom(...ORDERINGS),
        fc.constantFrom(0.1, 0.5, 1),
        (n, perCol, seed, ordering, pivotTolerance) => {
          // diag = 0.5: the diagonal is often not dominant, so pivoting matters
          const A = randomSparse(n, perCol, seed, 0.5);
          const b = randomVector(n, seed + 1);
          let lu: ReturnType<typeof factorSparseLu>;
          try {
            lu = factorSparseLu(A, undefined, { ordering, pivotTolerance });
          } catch (e) {
            // a random matrix can be singular to working precision; then say so, nothing else
            expect((e as SingularMatrixError).code).toBe('SINGULAR_MATRIX');
            return;
          }
          const x = lu.solve(b);
          expect(relativeResidual(A, x, b)).toBeLessThan(1e-12);
          const xt = lu.solveTransposed(b);
          expect(relativeResidual(A, xt, b, true)).toBeLessThan(1e-12);
          // out may be the right-hand side itself
          const bb = Float64Array.from(b);
          lu.solve(bb, bb);
          expect(Array.from(bb)).toEqual(Array.from(x));
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });

  it('reduces fill on a 2-D Laplacian with amd and colamd against the natural order', () => {
    const A = laplacian2d(30);
    const fill = Object.fromEntries(ORDERINGS.map((o) => [o, factorSparseLu(A, undefined, { ordering: o }).nnzL]));
    expect(fill.amd).toBeLessThan(0.5 * fill.natural);
    expect(fill.colamd).toBeLessThan(0.8 * fill.natural);
    const b = randomVector(900, 3);
    for (const ordering of ORDERINGS) {
      const x = factorSparseLu(A, undefined, { ordering }).solve(b);
      expect(relativeResidual(A, x, b)).toBeLessThan(1e-14);
    }
  });
});

describe('sparse LU: refactorisation', () => {
  it('gives the same solution as a fresh factorisation for new values on the same pattern', () => {
    for (const ordering of ORDERINGS) {
      const A = randomSparse(300, 3, 11);
      const sym = analyseSparseLu(A, { ordering });
      const lu = factorSparseLu(A, sym);
      const r = mulberry32(5);
      const values = A.values.map((v) => v * (1 + 0.2 * (r() - 0.5)));
      const A2 = { ...A, values };
      lu.refactor(values);
      const fresh = factorSparseLu(A2, sym);
      const b = randomVector(300, 9);
      const x1 = lu.solve(b);
      const x2 = fresh.solve(b);
      expect(relativeResidual(A2, x1, b)).toBeLessThan(1e-13);
      for (let i = 0; i < 300; i++) expect(x1[i]).toBeCloseTo(x2[i], 10);
      expect(lu.repivotCount).toBe(0);
    }
  });

  it('pivots afresh when an old pivot becomes unacceptable', () => {
    const A = cscFromDense([
      [4, 1, 0],
      [1, 4, 1],
      [0, 1, 4],
    ]);
    const lu = factorSparseLu(A, undefined, { ordering: 'natural' });
    expect(Array.from(lu.rowPerm)).toEqual([0, 1, 2]);
    // the (0,0) pivot becomes 1e-9: the old pivot sequence would be unstable
    const values = Float64Array.from(A.values);
    values[0] = 1e-9;
    lu.refactor(values);
    expect(lu.repivotCount).toBe(1);
    expect(lu.rowPerm[0]).toBe(1);
    const b = Float64Array.from([1, 2, 3]);
    expect(relativeResidual({ ...A, values }, lu.solve(b), b)).toBeLessThan(1e-15);
  });

  it('rejects values of the wrong length or non-finite values, naming the entry', () => {
    const A = randomSparse(5, 1, 1);
    const lu = factorSparseLu(A);
    expect(() => lu.refactor(new Float64Array(2))).toThrow(/expected \d+/);
    const v = Float64Array.from(A.values);
    v[3] = NaN;
    try {
      lu.refactor(v);
      expect.unreachable();
    } catch (e) {
      expect((e as NumericError).code).toBe('BAD_VALUE');
      expect((e as NumericError).location?.row).toBe(A.rowIdx[3] + 1);
    }
  });
});

describe('sparse LU: singular matrices', () => {
  it('names a zero column, with its label', () => {
    const A = cscFromDense([
      [1, 0, 2],
      [3, 0, 4],
      [5, 0, 7],
    ]);
    for (const ordering of ORDERINGS) {
      const e = expectSingular(A, ordering, ['pd', 'qx', 'y']);
      expect(e.column).toBe(1);
      expect(e.label).toBe('qx');
      expect(e.location).toEqual({ column: 2, equation: 'qx' });
      expect(e.located()).toMatch(/qx.*SINGULAR_MATRIX/);
    }
  });

  it('detects two identical rows (numerically singular)', () => {
    const A = cscFromDense([
      [0.3, 0.7, 0.1, 2],
      [1, 2, 3, 4],
      [0.3, 0.7, 0.1, 2],
      [5, 1, 0, 1],
    ]);
    for (const ordering of ORDERINGS) {
      const e = expectSingular(A, ordering);
      expect(e.column).toBeGreaterThanOrEqual(0);
      expect(e.location?.column).toBe(e.column + 1);
    }
  });

  it('detects a structurally singular pattern and names a column of the deficient part', () => {
    // columns 1 and 2 have entries only in row 0: no matching covers both
    const A = cscFromDense([
      [1, 1, 1, 0],
      [1, 0, 0, 1],
      [0, 0, 0, 1],
      [1, 0, 0, 1],
    ]);
    for (const ordering of ORDERINGS) {
      const e = expectSingular(A, ordering);
      expect([0, 1, 2, 3]).toContain(e.column);
    }
  });

  it('rejects a non-square matrix and a pattern that does not match the analysis', () => {
    expect(() => factorSparseLu(cscFromDense([[1, 2]]))).toThrow(/square/);
    const sym = analyseSparseLu(randomSparse(5, 1, 1));
    expect(() => factorSparseLu(randomSparse(6, 1, 1), sym)).toThrow(/analysed pattern/);
  });
});
