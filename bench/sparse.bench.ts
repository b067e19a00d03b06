/**
 * Sparse LU benchmark: analyse (ordering), factor, refactor and solve on generated systems shaped
 * like CGE Jacobians and on a 2-D Laplacian, against scipy.sparse.linalg.splu (SuperLU) on the same
 * matrices in the same run. SuperLU is run with the minimum degree ordering of `AᵀA + A` and
 * threshold 0.1, the counterpart of digicge's default; with its default COLAMD it takes minutes on
 * the n = 1e5 Jacobian (macro equations make `AᵀA` nearly dense).
 *
 * CGE-like Jacobian of order n: variables in groups of 10 (a sector's prices and quantities); each
 * column has its diagonal, 4 entries in its own group, 1 in a group at most 3 sectors away
 * (intermediate inputs) and 1 in one of 20 macro equations; the 20 macro variables (exchange rate,
 * factor prices, incomes…) also enter √n random equations each.
 *
 * Run: `npm run bench -- sparse` (ordering 'amd'; set SPARSE_BENCH_ORDERINGS=amd,colamd,natural for more).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CscMatrix, analyseSparseLu, cscFromTriplets, cscMultiplyVector, factorSparseLu } from '../src/linalg/sparse/index.js';
import { peerMissing, ratio, runPeer } from './peer.js';
import { mulberry32 } from '../src/util/random.js';

function cgeJacobian(n: number, seed: number): CscMatrix {
  const r = mulberry32(seed);
  const R: number[] = [];
  const C: number[] = [];
  const V: number[] = [];
  const group = 10;
  const nGroups = Math.ceil(n / group);
  const macro = Math.min(20, n);
  for (let j = 0; j < n; j++) {
    const g = Math.floor(j / group);
    const g0 = g * group;
    const gs = Math.min(group, n - g0);
    R.push(j), C.push(j), V.push(2 + r());
    // the sector's own equations
    for (let t = 0; t < 4; t++) R.push(g0 + Math.floor(r() * gs)), C.push(j), V.push(r() - 0.5);
    // intermediate-input coupling with a nearby sector
    const h = Math.min(nGroups - 1, Math.max(0, g + Math.floor(r() * 7) - 3));
    R.push(h * group + Math.floor(r() * Math.min(group, n - h * group))), C.push(j), V.push(0.2 * (r() - 0.5));
    // one macro equation (income, savings, price index, trade balance…)
    R.push(Math.floor(r() * macro)), C.push(j), V.push(0.1 * (r() - 0.5));
  }
  // macro variables (exchange rate, factor prices, income…) enter many equations
  const width = Math.ceil(Math.sqrt(n));
  for (let m = 0; m < macro; m++) {
    for (let t = 0; t < width; t++) R.push(Math.floor(r() * n)), C.push(m), V.push(0.1 * (r() - 0.5));
  }
  return cscFromTriplets(n, n, R, C, V);
}

function laplacian2d(g: number): CscMatrix {
  const R: number[] = [];
  const C: number[] = [];
  const V: number[] = [];
  for (let x = 0; x < g; x++) {
    for (let y = 0; y < g; y++) {
      const i = x * g + y;
      R.push(i), C.push(i), V.push(4);
      if (x > 0) R.push(i), C.push(i - g), V.push(-1);
      if (x < g - 1) R.push(i), C.push(i + g), V.push(-1);
      if (y > 0) R.push(i), C.push(i - 1), V.push(-1);
      if (y < g - 1) R.push(i), C.push(i + 1), V.push(-1);
    }
  }
  return cscFromTriplets(g * g, g * g, R, C, V);
}

function best(reps: number, f: () => void): number {
  let t = Infinity;
  for (let k = 0; k < reps; k++) {
    const t0 = performance.now();
    f();
    t = Math.min(t, performance.now() - t0);
  }
  return t;
}

const PEER = `
import sys, json, time, numpy as np, scipy.sparse as sp, scipy.sparse.linalg as sla
out = {}
for path in sys.argv[1:]:
    meta = json.load(open(path + '.json'))
    n, nz = meta['n'], meta['nz']
    cp = np.fromfile(path + '.colptr', dtype=np.int32)
    ri = np.fromfile(path + '.rowidx', dtype=np.int32)
    vx = np.fromfile(path + '.values', dtype=np.float64)
    b = np.fromfile(path + '.b', dtype=np.float64)
    A = sp.csc_matrix((vx, ri, cp), shape=(n, n))
    reps = meta['reps']
    tf = ts = float('inf')
    for _ in range(reps):
        t0 = time.perf_counter(); lu = sla.splu(A, permc_spec='MMD_AT_PLUS_A', diag_pivot_thresh=0.1); tf = min(tf, time.perf_counter() - t0)
        t0 = time.perf_counter(); x = lu.solve(b); ts = min(ts, time.perf_counter() - t0)
    res = np.linalg.norm(A @ x - b, np.inf) / (abs(A).sum(axis=1).max() * np.linalg.norm(x, np.inf) + np.linalg.norm(b, np.inf))
    out[meta['name']] = {'factor': tf * 1e3, 'solve': ts * 1e3, 'nnzLU': int(lu.L.nnz + lu.U.nnz - n), 'res': float(res)}
print(json.dumps(out))
`;

const cases: { name: string; A: CscMatrix; reps: number }[] = [
  { name: 'cge n=1e3', A: cgeJacobian(1_000, 1), reps: 5 },
  { name: 'cge n=1e4', A: cgeJacobian(10_000, 2), reps: 3 },
  { name: 'cge n=1e5', A: cgeJacobian(100_000, 3), reps: 2 },
  { name: 'laplace 300x300', A: laplacian2d(300), reps: 2 },
];
const orderings = (process.env.SPARSE_BENCH_ORDERINGS ?? 'amd').split(',') as ('colamd' | 'amd' | 'natural')[];

const dir = mkdtempSync(join(tmpdir(), 'digicge-sparse-bench-'));
const missing = peerMissing(['numpy', 'scipy']);
let peer: Record<string, { factor: number; solve: number; nnzLU: number; res: number }> = {};
const rhs = new Map<string, Float64Array>();
for (const c of cases) {
  const n = c.A.nCols;
  const r = mulberry32(99);
  const b = Float64Array.from({ length: n }, () => r() - 0.5);
  rhs.set(c.name, b);
  const base = join(dir, c.name.replace(/[^a-z0-9]+/gi, '_'));
  writeFileSync(base + '.json', JSON.stringify({ name: c.name, n, nz: c.A.colPtr[n], reps: c.reps }));
  writeFileSync(base + '.colptr', c.A.colPtr);
  writeFileSync(base + '.rowidx', c.A.rowIdx);
  writeFileSync(base + '.values', c.A.values);
  writeFileSync(base + '.b', b);
}
if (missing) console.log(`peer: ${missing}`);
else {
  const paths = cases.map((c) => join(dir, c.name.replace(/[^a-z0-9]+/gi, '_')));
  peer = JSON.parse(runPeer(PEER, paths)) as typeof peer;
}

const header = [
  'matrix',
  'ordering',
  'nnz(A)',
  'nnz(L+U)',
  'analyse ms',
  'factor ms',
  'refactor ms',
  'solve ms',
  'rel.res',
  'splu nnz(L+U)',
  'splu factor ms',
  'splu solve ms',
  '(analyse+factor)/splu',
  'refactor/splu',
  'solve/splu',
];
const rows: string[][] = [];
for (const c of cases) {
  const A = c.A;
  const n = A.nCols;
  const b = rhs.get(c.name) as Float64Array;
  for (const ordering of orderings) {
    let sym = analyseSparseLu(A, { ordering });
    const tA = best(c.reps, () => {
      sym = analyseSparseLu(A, { ordering });
    });
    let lu = factorSparseLu(A, sym);
    const tF = best(c.reps, () => {
      lu = factorSparseLu(A, sym);
    });
    const r = mulberry32(7);
    const v2 = A.values.map((v) => v * (1 + 0.01 * (r() - 0.5)));
    const tR = best(c.reps, () => lu.refactor(v2));
    const x = new Float64Array(n);
    const tS = best(c.reps * 3, () => lu.solve(b, x));
    const A2 = { ...A, values: v2 };
    const ax = cscMultiplyVector(A2, x);
    let num = 0;
    let xn = 0;
    let bn = 0;
    const rowSum = new Float64Array(n);
    for (let j = 0; j < n; j++) for (let p = A.colPtr[j]; p < A.colPtr[j + 1]; p++) rowSum[A.rowIdx[p]] += Math.abs(v2[p]);
    let an = 0;
    for (let i = 0; i < n; i++) {
      num = Math.max(num, Math.abs(ax[i] - b[i]));
      xn = Math.max(xn, Math.abs(x[i]));
      bn = Math.max(bn, Math.abs(b[i]));
      an = Math.max(an, rowSum[i]);
    }
    const p = peer[c.name];
    rows.push([
      c.name,
      ordering,
      String(A.colPtr[n]),
      String(lu.nnzL + lu.nnzU),
      tA.toFixed(1),
      tF.toFixed(1),
      tR.toFixed(1),
      tS.toFixed(2),
      (num / (an * xn + bn)).toExponential(1),
      p ? String(p.nnzLU) : '-',
      p ? p.factor.toFixed(1) : '-',
      p ? p.solve.toFixed(2) : '-',
      p ? ratio(tA + tF, p.factor) : '-',
      p ? ratio(tR, p.factor) : '-',
      p ? ratio(tS, p.solve) : '-',
    ]);
  }
}
const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k].length)));
const line = (cells: string[]): string => cells.map((s, k) => s.padStart(widths[k])).join('  ');
console.log(line(header));
for (const r of rows) console.log(line(r));
console.log("ratios: digicge time / scipy splu time (SuperLU, permc_spec='MMD_AT_PLUS_A', diag_pivot_thresh=0.1); lower is better");
rmSync(dir, { recursive: true, force: true });
