/**
 * RAS on a dense 1000 × 1000 matrix, exactly 100 iterations, digicge's `balanceRas` against the
 * usual numpy loop on the same input (and, for reference, digicge's portable JavaScript loop) (written to a binary file that both read):
 *
 * ```python
 * r = u / (X @ ones); X *= r[:, None]; s = v / (ones @ X); X *= s[None, :]
 * ```
 *
 * Input: cells uniform in (0, 1] from mulberry32(20261123); row targets = row sums × U(0.5, 1.5),
 * column targets = column sums × U(0.5, 1.5) rescaled to the same grand total. Each side runs three
 * times; the best time is reported, with the largest difference between the two results.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { balanceRas } from '../src/sam/balance/index.js';
import { rasIterate } from '../src/sam/balance/ras.js';
import { peerMissing, ratio, runPeer } from './peer.js';
import { mulberry32 } from '../src/util/random.js';

const N = 1000;
const ITER = 100;
const REPS = 3;

const rand = mulberry32(20261123);
const x0 = new Float64Array(N * N);
for (let k = 0; k < x0.length; k++) x0[k] = 1 - rand();
const u = new Float64Array(N);
const v = new Float64Array(N);
for (let i = 0; i < N; i++)
  for (let j = 0; j < N; j++) {
    u[i] += x0[i * N + j];
    v[j] += x0[i * N + j];
  }
for (let i = 0; i < N; i++) u[i] *= 0.5 + rand();
for (let j = 0; j < N; j++) v[j] *= 0.5 + rand();
let su = 0;
let sv = 0;
for (let i = 0; i < N; i++) su += u[i];
for (let j = 0; j < N; j++) sv += v[j];
for (let j = 0; j < N; j++) v[j] *= su / sv;

const work = join(dirname(fileURLToPath(import.meta.url)), '.work');
mkdirSync(work, { recursive: true });
const input = join(work, 'ras-input.bin');
const output = join(work, 'ras-numpy.bin');
const all = new Float64Array(N * N + 2 * N);
all.set(x0, 0);
all.set(u, N * N);
all.set(v, N * N + N);
writeFileSync(input, new Uint8Array(all.buffer));

// digicge
let best = Infinity;
let ours: Float64Array = new Float64Array(0);
for (let rep = 0; rep < REPS; rep++) {
  const t0 = process.hrtime.bigint();
  const res = balanceRas(x0, N, N, u, v, { tolerance: 0, maxIterations: ITER });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (res.iterations !== ITER) throw new Error(`expected ${ITER} iterations, got ${res.iterations}`);
  best = Math.min(best, ms);
  ours = res.matrix;
}
// the portable JavaScript loop, for reference (used where WebAssembly SIMD is unavailable)
let bestJs = Infinity;
for (let rep = 0; rep < REPS; rep++) {
  const t0 = process.hrtime.bigint();
  rasIterate(x0, N, N, u, v, 0, ITER, 'js');
  bestJs = Math.min(bestJs, Number(process.hrtime.bigint() - t0) / 1e6);
}
process.stdout.write(`RAS ${N}×${N}, ${ITER} iterations (dense, node ${process.version})\n`);
process.stdout.write(`  digicge balanceRas : ${best.toFixed(1)} ms (best of ${REPS}; WebAssembly SIMD row pass)\n`);
process.stdout.write(`  digicge JS loop    : ${bestJs.toFixed(1)} ms (best of ${REPS}; fallback without WebAssembly SIMD)\n`);

const missing = peerMissing(['numpy']);
if (missing) {
  process.stdout.write(`  numpy              : ${missing}\n`);
} else {
  const script = `
import sys, time, numpy as np
n, it, reps = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
a = np.fromfile(sys.argv[1], dtype='<f8')
X0 = a[:n*n].reshape(n, n); u = a[n*n:n*n+n]; v = a[n*n+n:]
ones = np.ones(n)
best = float('inf')
for rep in range(reps):
    t0 = time.perf_counter()
    X = X0.copy()
    for k in range(it):
        r = u / (X @ ones)
        X *= r[:, None]
        s = v / (ones @ X)
        X *= s[None, :]
    best = min(best, time.perf_counter() - t0)
X.astype('<f8').tofile(sys.argv[5])
print(best * 1000.0)
`;
  const peerMs = Number(runPeer(script, [input, String(N), String(ITER), String(REPS), output]).trim());
  const theirs = new Float64Array(readFileSync(output).buffer.slice(0));
  let diff = 0;
  for (let k = 0; k < ours.length; k++) diff = Math.max(diff, Math.abs(ours[k] - theirs[k]));
  process.stdout.write(`  numpy RAS loop     : ${peerMs.toFixed(1)} ms (best of ${REPS}, numpy via /usr/bin/python3)\n`);
  process.stdout.write(`  ratio digicge/numpy: ${ratio(best, peerMs)} (target ≤ 1.20×)\n`);
  process.stdout.write(`  largest |difference| between the two results: ${diff.toExponential(2)}\n`);
}
