/**
 * Leontief multipliers and satellite footprints of a generated 2000-sector table (fixed seed):
 * digicge vs numpy doing it the way pymrio's `iomath` does (x = Z1 + Y1, A = Z x̂⁻¹,
 * L = inv(I − A), S = F x̂⁻¹, M = S L, output multipliers 1ᵀL, D_cba = S (L ŷ)), on the same input
 * files in the same run. digicge computes only what is asked: M and the output multipliers as k + 1
 * row solves — by the power series with a guaranteed error bound, or from one LU factorisation —
 * and D_cba = M ŷ. A second peer line shows numpy solving instead of inverting, and a reference
 * line times a dense 1000×1000 LU solve against numpy.linalg.solve.
 *
 * Run: `npm run bench -- leontief` (N=… K=… to change the size).
 */
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultThreads, luFactor, luSolve, matrix, type Matrix } from '../src/linalg/dense/index.js';
import {
  consumptionBasedAccounts,
  leontiefFactor,
  leontiefRowMultipliers,
  leontiefRowSeries,
  stressorCoefficients,
  technicalCoefficients,
} from '../src/multipliers/index.js';
import { peerMissing, ratio, runPeer } from './peer.js';
import { mulberry32 } from '../src/util/random.js';

const n = Number(process.env.N ?? 2000);
const k = Number(process.env.K ?? 5); // satellite rows
const c = 4; // final-demand categories
const REPEAT = 3;
const work = join(fileURLToPath(new URL('.', import.meta.url)), '.work', 'leontief');
mkdirSync(work, { recursive: true });

// ---- generated input: heterogeneous sector sizes, A column sums ≤ 0.85 ---------------------------
const rnd = mulberry32(20240601);
const size = Float64Array.from({ length: n }, () => 0.2 + rnd() * rnd() * 5);
const Z = new Float64Array(n * n);
for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) Z[i * n + j] = size[i] * size[j] * rnd() ** 3;
const rowSum = new Float64Array(n);
const colSum = new Float64Array(n);
for (let i = 0; i < n; i++)
  for (let j = 0; j < n; j++) {
    rowSum[i] += Z[i * n + j];
    colSum[j] += Z[i * n + j];
  }
const Y = new Float64Array(n * c);
for (let i = 0; i < n; i++) {
  // total final demand of i: at least enough that intermediate inputs stay ≤ 0.85 of output
  const yi = Math.max(rowSum[i] * (0.3 + 1.2 * rnd()), colSum[i] / 0.85 - rowSum[i]);
  const w = Array.from({ length: c }, () => rnd());
  const ws = w.reduce((a, b) => a + b, 0);
  for (let q = 0; q < c; q++) Y[i * c + q] = (yi * w[q]) / ws;
}
const F = new Float64Array(k * n);
for (let r = 0; r < k; r++) for (let j = 0; j < n; j++) F[r * n + j] = (rowSum[j] + colSum[j]) * rnd() * (r + 1);
writeFileSync(join(work, 'Z.f64'), Z);
writeFileSync(join(work, 'Y.f64'), Y);
writeFileSync(join(work, 'F.f64'), F);

// dense reference system, 1000×1000, diagonally weighted random
const nd = 1000;
const Dm = new Float64Array(nd * nd);
for (let i = 0; i < nd * nd; i++) Dm[i] = rnd() - 0.5;
for (let i = 0; i < nd; i++) Dm[i * nd + i] += 10;
const bd = Float64Array.from({ length: nd }, () => rnd());
writeFileSync(join(work, 'D.f64'), Dm);
writeFileSync(join(work, 'b.f64'), bd);

// ---- digicge ---------------------------------------------------------------------------------------
function inputs(): { x: Float64Array; y: Float64Array; A: Matrix; S: Matrix } {
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let q = 0; q < c; q++) s += Y[i * c + q];
    y[i] = s;
    x[i] = rowSum[i] + s; // x = Z1 + Y1
  }
  const A = technicalCoefficients(matrix(n, n, Z), x);
  const S = stressorCoefficients(matrix(k, n, F), x);
  return { x, y, A, S };
}

function rowsToMultiply(S: Matrix): Matrix {
  const R = matrix(k + 1, n);
  R.data.fill(1, 0, n); // 1ᵀ → output multipliers
  R.data.set(S.data, n); // S → M = S L
  return R;
}

function best<T>(f: () => T): { ms: number; out: T } {
  let ms = Infinity;
  let out!: T;
  for (let r = 0; r < REPEAT; r++) {
    const t = performance.now();
    out = f();
    ms = Math.min(ms, performance.now() - t);
  }
  return { ms, out };
}

const series = best(() => {
  const { y, A, S } = inputs();
  const res = leontiefRowSeries(A, rowsToMultiply(S), { tolerance: 1e-12 });
  const M: Matrix = { rows: k, cols: n, data: res.X.data.subarray(n) };
  return { res, mult: res.X.data.subarray(0, n), M, D: consumptionBasedAccounts(M, y) };
});
const lu = best(() => {
  const { y, A, S } = inputs();
  const sys = leontiefFactor(A);
  const X = leontiefRowMultipliers(sys, rowsToMultiply(S));
  const M: Matrix = { rows: k, cols: n, data: X.data.subarray(n) };
  return { mult: X.data.subarray(0, n), M, D: consumptionBasedAccounts(M, y) };
});
const dense = best(() => luSolve(luFactor(matrix(nd, nd, Dm)), bd));

function relDiff(a: Float64Array, b: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]) / Math.max(1e-300, Math.abs(b[i])));
  return m;
}

const line = (label: string, ms: number) => process.stdout.write(`${label.padEnd(64)} ${ms.toFixed(0).padStart(7)} ms\n`);
process.stdout.write(
  `Leontief multipliers + footprints, n = ${n} sectors, ${k} satellite rows, ${c} final-demand categories (seed 20240601)\n`,
);
process.stdout.write(`digicge threads: ${defaultThreads()}; best of ${REPEAT} runs each side\n`);
line(
  `digicge, power series (${series.out.res.iterations} iterations, bound ${series.out.res.errorBound.toExponential(1)}, α ${series.out.res.alpha.toFixed(3)})`,
  series.ms,
);
line('digicge, LU of I − A once + (k+1) transposed solves', lu.ms);
process.stdout.write(`  series vs LU: max relative difference of M ${relDiff(series.out.M.data, lu.out.M.data).toExponential(1)}\n`);
line(`digicge dense LU + solve, ${nd}×${nd}`, dense.ms);

// ---- numpy peer --------------------------------------------------------------------------------------
const missing = peerMissing(['numpy']);
if (missing) {
  process.stdout.write(`peer: ${missing}\n`);
} else {
  const script = `
import sys, time, numpy as np
n, k, c, nd, work, rep = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], int(sys.argv[6])
Z = np.fromfile(work + '/Z.f64').reshape(n, n)
Y = np.fromfile(work + '/Y.f64').reshape(n, c)
F = np.fromfile(work + '/F.f64').reshape(k, n)
def pymrio_way():
    x = Z.sum(1) + Y.sum(1)                 # calc_x
    recix = 1 / x
    A = Z * recix.reshape((1, -1))          # calc_A
    L = np.linalg.inv(np.eye(n) - A)        # calc_L
    S = F * recix.reshape((1, -1))          # calc_S
    M = S @ L                               # calc_M
    mult = L.sum(0)                         # output multipliers
    x_diag = L @ np.diag(Y.sum(1))          # calc_accounts: Y_diag, x_diag = L @ Y_diag
    D_cba = S @ x_diag
    return mult, M, D_cba
def solve_way():
    x = Z.sum(1) + Y.sum(1)
    recix = 1 / x
    A = Z * recix.reshape((1, -1))
    S = F * recix.reshape((1, -1))
    R = np.vstack([np.ones((1, n)), S])
    X = np.linalg.solve((np.eye(n) - A).T, R.T).T
    D_cba = X[1:] * Y.sum(1).reshape((1, -1))
    return X[0], X[1:], D_cba
def best(f):
    t = float('inf')
    for _ in range(rep):
        s = time.perf_counter(); out = f(); t = min(t, time.perf_counter() - s)
    return t * 1000, out
t1, (mult, M, D) = best(pymrio_way)
t2, _ = best(solve_way)
Dm = np.fromfile(work + '/D.f64').reshape(nd, nd); b = np.fromfile(work + '/b.f64')
t3, _ = best(lambda: np.linalg.solve(Dm, b))
mult.tofile(work + '/peer_mult.f64'); M.tofile(work + '/peer_M.f64'); D.tofile(work + '/peer_D.f64')
print(t1, t2, t3)
`;
  const [pymrio, solveWay, npDense] = runPeer(script, [String(n), String(k), String(c), String(nd), work, String(REPEAT)])
    .trim()
    .split(/\s+/)
    .map(Number);
  const peerM = new Float64Array(readFileSync(join(work, 'peer_M.f64')).buffer.slice(0));
  const peerMult = new Float64Array(readFileSync(join(work, 'peer_mult.f64')).buffer.slice(0));
  const peerD = new Float64Array(readFileSync(join(work, 'peer_D.f64')).buffer.slice(0));
  line('numpy, the pymrio way (inv(I − A), S @ L, L @ diag(y))', pymrio);
  line('numpy, solve instead of inverse (k+1 right-hand sides)', solveWay);
  line(`numpy.linalg.solve, ${nd}×${nd}`, npDense);
  process.stdout.write(
    `  agreement with numpy: output multipliers ${relDiff(series.out.mult, peerMult).toExponential(1)}, ` +
      `M ${relDiff(series.out.M.data, peerM).toExponential(1)}, D_cba ${relDiff(series.out.D.data, peerD).toExponential(1)} (max relative difference)\n`,
  );
  process.stdout.write(`ratio digicge/numpy (lower is better for digicge):\n`);
  process.stdout.write(`  series vs pymrio way ${ratio(series.ms, pymrio)}   LU vs pymrio way ${ratio(lu.ms, pymrio)}\n`);
  process.stdout.write(`  series vs numpy solve ${ratio(series.ms, solveWay)}   LU vs numpy solve ${ratio(lu.ms, solveWay)}\n`);
  process.stdout.write(`  dense ${nd}×${nd} LU solve vs numpy.linalg.solve ${ratio(dense.ms, npDense)}\n`);
}
