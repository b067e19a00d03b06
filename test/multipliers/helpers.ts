/** Small independent helpers for the multipliers tests (textbook algorithms, not the library's). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
export { mulberry32 as seeded } from '../../src/util/random.js';

export const DATA = join(import.meta.dirname, 'data');

/** The Miller & Blair §2.3 example as stored in the reference file. */
export interface MillerBlair {
  Z: number[][];
  x: number[];
  L_to_4_decimals: number[][];
  output_multipliers_to_4_decimals: number[];
}

export function millerBlair(): MillerBlair {
  return JSON.parse(readFileSync(join(DATA, 'leontief_miller_blair_2_3.json'), 'utf8')).leontief_miller_blair_2_3;
}

/** Inverse by Gauss–Jordan elimination with partial pivoting on arrays of rows. */
export function gaussJordanInverse(m: number[][]): number[][] {
  const n = m.length;
  const a = m.map((r, i) => [...r, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    [a[c], a[p]] = [a[p], a[c]];
    const d = a[c][c];
    for (let j = 0; j < 2 * n; j++) a[c][j] /= d;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r][c];
      for (let j = 0; j < 2 * n; j++) a[r][j] -= f * a[c][j];
    }
  }
  return a.map((r) => r.slice(n));
}

export function mul(a: number[][], b: number[][]): number[][] {
  return a.map((r) => b[0].map((_, j) => r.reduce((s, v, k) => s + v * b[k][j], 0)));
}

export function rowsOf(data: Float64Array, cols: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < data.length / cols; i++) out.push(Array.from(data.subarray(i * cols, (i + 1) * cols)));
  return out;
}

export function maxAbsDiff(a: number[][], b: number[][]): number {
  let m = 0;
  a.forEach((r, i) => r.forEach((v, j) => (m = Math.max(m, Math.abs(v - b[i][j])))));
  return m;
}
