import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cscFromDense, cscFromTriplets, dulmageMendelsohn, maximumMatching } from '../../../src/linalg/sparse/index.js';
import { mulberry32 } from './helpers.js';

describe('maximum matching', () => {
  it('finds the structural rank known by construction (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 1 << 30 }),
        (m, n, r0, extra, seed) => {
          // entries only in rows < r (rank ≤ r) and a planted matching (i, π(i)) for i < r (rank ≥ r)
          const r = Math.min(r0, m, n);
          const rnd = mulberry32(seed);
          const R: number[] = [];
          const C: number[] = [];
          const cols = Array.from({ length: n }, (_, j) => j).sort(() => rnd() - 0.5);
          for (let i = 0; i < r; i++) R.push(i), C.push(cols[i]);
          if (r > 0) for (let t = 0; t < extra; t++) R.push(Math.floor(rnd() * r)), C.push(Math.floor(rnd() * n));
          const A = cscFromTriplets(
            m,
            n,
            R,
            C,
            R.map(() => 1),
          );
          const { size, rowMatch, colMatch } = maximumMatching(A);
          expect(size).toBe(r);
          // the matching is consistent and uses stored entries
          let count = 0;
          for (let j = 0; j < n; j++) {
            const i = colMatch[j];
            if (i < 0) continue;
            count++;
            expect(rowMatch[i]).toBe(j);
            const rowsOfJ = Array.from(A.rowIdx.subarray(A.colPtr[j], A.colPtr[j + 1]));
            expect(rowsOfJ).toContain(i);
          }
          expect(count).toBe(r);
          expect(dulmageMendelsohn(A).structuralRank).toBe(r);
        },
      ),
      { seed: 3, numRuns: 200 },
    );
  });

  it('needs augmenting paths where the greedy match is not maximum', () => {
    // greedy matches column 0 to row 0; column 1 has only row 0, so the path must re-route
    const A = cscFromDense([
      [1, 1],
      [1, 0],
    ]);
    const { size, colMatch } = maximumMatching(A);
    expect(size).toBe(2);
    expect(Array.from(colMatch)).toEqual([1, 0]);
  });
});

describe('Dulmage–Mendelsohn decomposition', () => {
  it('names a redundant equation and an undetermined variable (exact sets)', () => {
    // variables x0..x3; e0: x0 + x1 = 1; e1: x1 = 2; e2: 2·x1 = 4 (redundant); e3: x2 + x3 = 3
    const A = cscFromDense([
      [1, 1, 0, 0],
      [0, 1, 0, 0],
      [0, 2, 0, 0],
      [0, 0, 1, 1],
    ]);
    const dm = dulmageMendelsohn(A);
    expect(dm.structuralRank).toBe(3);
    expect(dm.overdetermined).toEqual({ rows: [1, 2], cols: [1] });
    expect(dm.underdetermined).toEqual({ rows: [3], cols: [2, 3] });
    expect(dm.square).toEqual({ rows: [0], cols: [0] });
    expect(dm.blocks).toEqual([{ rows: [0], cols: [0] }]);
    // permuted matrix is block upper triangular: no entry below the blocks' staircase
    expectBlockUpperTriangular(A, dm);
  });

  it('finds the diagonal blocks of a permuted block triangular matrix', () => {
    const rnd = mulberry32(17);
    const sizes = [3, 1, 4, 2, 5];
    const n = sizes.reduce((a, b) => a + b, 0);
    const start: number[] = [];
    let s = 0;
    for (const b of sizes) start.push(s), (s += b);
    const R: number[] = [];
    const C: number[] = [];
    for (let b = 0; b < sizes.length; b++) {
      // an irreducible block: a cycle through its rows plus the diagonal
      for (let t = 0; t < sizes[b]; t++) {
        const i = start[b] + t;
        R.push(i), C.push(i);
        R.push(i), C.push(start[b] + ((t + 1) % sizes[b]));
      }
      // couplings to later blocks (upper triangular)
      for (let c = b + 1; c < sizes.length; c++) {
        if (rnd() < 0.7) R.push(start[b] + Math.floor(rnd() * sizes[b])), C.push(start[c] + Math.floor(rnd() * sizes[c]));
      }
    }
    const rp = Array.from({ length: n }, (_, i) => i).sort(() => rnd() - 0.5);
    const cp = Array.from({ length: n }, (_, i) => i).sort(() => rnd() - 0.5);
    const A = cscFromTriplets(
      n,
      n,
      R.map((i) => rp[i]),
      C.map((j) => cp[j]),
      R.map(() => 1),
    );
    const dm = dulmageMendelsohn(A);
    expect(dm.structuralRank).toBe(n);
    expect(dm.overdetermined).toEqual({ rows: [], cols: [] });
    expect(dm.underdetermined).toEqual({ rows: [], cols: [] });
    const expected = sizes.map((_, b) => ({
      rows: Array.from({ length: sizes[b] }, (_, t) => rp[start[b] + t]).sort((x, y) => x - y),
      cols: Array.from({ length: sizes[b] }, (_, t) => cp[start[b] + t]).sort((x, y) => x - y),
    }));
    const key = (x: { rows: number[]; cols: number[] }): string => JSON.stringify(x);
    expect(dm.blocks.map(key).sort()).toEqual(expected.map(key).sort());
    expectBlockUpperTriangular(A, dm);
  });
});

function expectBlockUpperTriangular(A: ReturnType<typeof cscFromDense>, dm: ReturnType<typeof dulmageMendelsohn>): void {
  // block index of each row and column in the permuted order; every entry must have
  // block(row) ≤ block(column)
  const rowBlock = new Int32Array(A.nRows);
  const colBlock = new Int32Array(A.nCols);
  const parts = [dm.underdetermined, ...dm.blocks, dm.overdetermined];
  parts.forEach((p, b) => {
    for (const i of p.rows) rowBlock[i] = b;
    for (const j of p.cols) colBlock[j] = b;
  });
  for (let j = 0; j < A.nCols; j++) {
    for (let p = A.colPtr[j]; p < A.colPtr[j + 1]; p++) expect(rowBlock[A.rowIdx[p]]).toBeLessThanOrEqual(colBlock[j]);
  }
  expect(new Set(dm.rowPerm).size).toBe(A.nRows);
  expect(new Set(dm.colPerm).size).toBe(A.nCols);
}
