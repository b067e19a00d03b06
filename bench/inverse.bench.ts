/**
 * The explicit Leontief inverse L = (I − A)⁻¹ at ADB-MRIO size (n = 2,555 sectors by default):
 * digicge's blocked LU (trailing update on worker threads) and blocked panel inverse on worker
 * threads, against numpy.linalg.inv on the same matrix — the way pymrio's `calc_L` forms L. A
 * second digicge line times the inverse on one thread; the old way (one solve with the identity as
 * right-hand side, single-threaded) is timed when OLD=1. Accuracy: largest |(I − A) L − I| over a
 * sample of rows, and the largest difference from numpy's L.
 *
 * Run: `npm run bench -- inverse` (N=… for another size, REPEAT=… runs, best kept).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultThreads, identity, luFactor, luInverse, luSolveMany, matrix, type Matrix } from '../src/linalg/dense/index.js';
import { identityMinus } from '../src/multipliers/index.js';
import { mulberry32 } from '../src/util/random.js';
import { peerMissing, ratio, runPeer } from './peer.js';

const n = Number(process.env.N ?? 2555);
const REPEAT = Number(process.env.REPEAT ?? 2);
const work = join(fileURLToPath(new URL('.', import.meta.url)), '.work', 'inverse');
mkdirSync(work, { recursive: true });

// A with the sparsity-free, heterogeneous look of an MRIO: column sums of A between 0.2 and 0.85
const rnd = mulberry32(20260101);
const A = matrix(n, n);
for (let j = 0; j < n; j++) {
  const target = 0.2 + 0.65 * rnd();
  let s = 0;
  for (let i = 0; i < n; i++) s += A.data[i * n + j] = rnd() ** 4 * (i === j ? 20 : 1);
  for (let i = 0; i < n; i++) A.data[i * n + j] *= target / s;
}
writeFileSync(join(work, 'A.f64'), A.data);

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

function residual(L: Matrix): number {
  const I_A = identityMinus(A);
  let worst = 0;
  for (let i = 0; i < n; i += Math.max(1, Math.floor(n / 40))) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += I_A.data[i * n + k] * L.data[k * n + j];
      worst = Math.max(worst, Math.abs(s - (i === j ? 1 : 0)));
    }
  }
  return worst;
}

const line = (label: string, ms: number) => process.stdout.write(`${label.padEnd(66)} ${ms.toFixed(0).padStart(8)} ms\n`);
process.stdout.write(`Explicit Leontief inverse, n = ${n} (seed 20260101); digicge threads: ${defaultThreads()}; best of ${REPEAT}\n`);
const factor = best(() => luFactor(identityMinus(A), { what: 'I − A' }));
const inv = best(() => luInverse(factor.out));
const inv1 = best(() => luInverse(factor.out, { threads: 1 }));
line('digicge LU of I − A (blocked, trailing update on threads)', factor.ms);
line('digicge inverse from LU (blocked panels on threads)', inv.ms);
line('digicge inverse from LU (blocked panels, one thread)', inv1.ms);
line('digicge total L = (I − A)⁻¹', factor.ms + inv.ms);
process.stdout.write(`  max |(I − A) L − I| over sampled rows: ${residual(inv.out).toExponential(1)}\n`);
if (process.env.OLD) {
  const old = best(() => luSolveMany(factor.out, identity(n)));
  line('digicge, the old way (one solve with the identity, one thread)', old.ms);
}

const missing = peerMissing(['numpy']);
if (missing) {
  process.stdout.write(`peer: ${missing}\n`);
} else {
  const script = `
import sys, time, numpy as np
n, work, rep = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
A = np.fromfile(work + '/A.f64').reshape(n, n)
t = float('inf')
for _ in range(rep):
    s = time.perf_counter(); L = np.linalg.inv(np.eye(n) - A); t = min(t, time.perf_counter() - s)
L.tofile(work + '/L.f64')
print(t * 1000)
`;
  const np = Number(runPeer(script, [String(n), work, String(REPEAT)]).trim());
  const Lnp = new Float64Array(readFileSync(join(work, 'L.f64')).buffer.slice(0));
  let diff = 0;
  for (let k = 0; k < Lnp.length; k++) diff = Math.max(diff, Math.abs(Lnp[k] - inv.out.data[k]));
  line('numpy.linalg.inv(I − A) (the pymrio way)', np);
  process.stdout.write(`  max |L − L_numpy|: ${diff.toExponential(1)}\n`);
  process.stdout.write(`ratio digicge/numpy (lower is better for digicge): total ${ratio(factor.ms + inv.ms, np)}\n`);
}
