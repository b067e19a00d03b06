/** Seeded generators of sparse test matrices (mulberry32). */
import { type CscMatrix, cscFromTriplets } from '../../../src/linalg/sparse/index.js';
import { mulberry32 } from '../../../src/util/random.js';

export { mulberry32 } from '../../../src/util/random.js';

/** Random n × n matrix: `perCol` random entries per column plus a diagonal of size `diag`. */
export function randomSparse(n: number, perCol: number, seed: number, diag = 1): CscMatrix {
  const r = mulberry32(seed);
  const R: number[] = [];
  const C: number[] = [];
  const V: number[] = [];
  for (let j = 0; j < n; j++) {
    if (diag !== 0) {
      R.push(j);
      C.push(j);
      V.push(diag * (1 + r()));
    }
    for (let t = 0; t < perCol; t++) {
      R.push(Math.floor(r() * n));
      C.push(j);
      V.push(2 * r() - 1);
    }
  }
  return cscFromTriplets(n, n, R, C, V);
}

/** 5-point Laplacian of a g × g grid (n = g²), symmetric positive definite. */
export function laplacian2d(g: number): CscMatrix {
  const R: number[] = [];
  const C: number[] = [];
  const V: number[] = [];
  const id = (x: number, y: number): number => x * g + y;
  for (let x = 0; x < g; x++) {
    for (let y = 0; y < g; y++) {
      const i = id(x, y);
      R.push(i), C.push(i), V.push(4);
      if (x > 0) R.push(i), C.push(id(x - 1, y)), V.push(-1);
      if (x < g - 1) R.push(i), C.push(id(x + 1, y)), V.push(-1);
      if (y > 0) R.push(i), C.push(id(x, y - 1)), V.push(-1);
      if (y < g - 1) R.push(i), C.push(id(x, y + 1)), V.push(-1);
    }
  }
  return cscFromTriplets(g * g, g * g, R, C, V);
}

/** Relative residual ‖A x − b‖∞ / (‖A‖∞ ‖x‖∞ + ‖b‖∞). */
export function relativeResidual(A: CscMatrix, x: Float64Array, b: Float64Array, transposed = false): number {
  const n = A.nRows;
  const r = Float64Array.from(b);
  const rowSum = new Float64Array(n);
  for (let j = 0; j < A.nCols; j++) {
    for (let p = A.colPtr[j]; p < A.colPtr[j + 1]; p++) {
      const i = A.rowIdx[p];
      const v = A.values[p];
      if (transposed) {
        r[j] -= v * x[i];
        rowSum[j] += Math.abs(v);
      } else {
        r[i] -= v * x[j];
        rowSum[i] += Math.abs(v);
      }
    }
  }
  const inf = (a: Float64Array): number => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  return inf(r) / (inf(rowSum) * inf(x) + inf(b));
}
