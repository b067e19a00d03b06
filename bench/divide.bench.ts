/**
 * Divide-stage kernels: weighted Gini (sorted cumulative-weight formula) and Theil T on a large
 * seeded sample, against numpy on the same input; and the Monte Carlo rank intervals of a
 * composite index (no peer). Run: `npm run bench -- divide`.
 */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRng } from '../src/util/random.js';
import { gini, theilT, rankUncertainty, type CompositeIndexConfig, type HarmonisedObservation } from '../src/divide/index.js';
import { peerMissing, ratio, runPeer } from './peer.js';

const N = 1_000_000;
const rng = createRng(20240601);
const x = new Float64Array(N);
const w = new Float64Array(N);
for (let i = 0; i < N; i++) {
  x[i] = Math.exp(rng.normal(3, 1));
  w[i] = 1 + rng.integer(100);
}

function time(f: () => number, reps = 5): { ms: number; value: number } {
  let best = Infinity;
  let value = 0;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    value = f();
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, value };
}

const g = time(() => gini(x, w));
const t = time(() => theilT(x, w));
process.stdout.write(`n = ${N} (log-normal values, integer weights 1–100, seed 20240601)\n`);
process.stdout.write(`digicge weighted Gini  ${g.ms.toFixed(1)} ms  G = ${g.value.toFixed(10)}\n`);
process.stdout.write(`digicge weighted Theil ${t.ms.toFixed(1)} ms  T = ${t.value.toFixed(10)}\n`);

const missing = peerMissing(['numpy']);
if (missing) {
  process.stdout.write(`peer: ${missing}\n`);
} else {
  const dir = mkdtempSync(join(tmpdir(), 'divide-bench-'));
  writeFileSync(join(dir, 'x.bin'), Buffer.from(x.buffer));
  writeFileSync(join(dir, 'w.bin'), Buffer.from(w.buffer));
  const script = `
import sys, time, numpy as np
x = np.fromfile(sys.argv[1], dtype='<f8'); w = np.fromfile(sys.argv[2], dtype='<f8')
def gini(x, w):
    o = np.argsort(x, kind='stable'); xs = x[o]; ws = w[o]; c = np.cumsum(ws)
    return (ws * xs * (2 * c - ws)).sum() / (ws.sum() * (ws * xs).sum()) - 1
def theil(x, w):
    mu = (w * x).sum() / w.sum(); r = x / mu
    return (w / w.sum() * r * np.log(r)).sum()
def best(f):
    b = 1e99
    for _ in range(5):
        t0 = time.perf_counter(); v = f(); b = min(b, time.perf_counter() - t0)
    return b * 1000, v
gm, gv = best(lambda: gini(x, w)); tm, tv = best(lambda: theil(x, w))
print(gm, gv, tm, tv)
`;
  const [gm, gv, tm, tv] = runPeer(script, [join(dir, 'x.bin'), join(dir, 'w.bin')])
    .trim()
    .split(/\s+/)
    .map(Number);
  process.stdout.write(
    `numpy   weighted Gini  ${gm.toFixed(1)} ms  G = ${gv.toFixed(10)}  ratio ${ratio(g.ms, gm)}  |ΔG| = ${Math.abs(gv - g.value).toExponential(1)}\n`,
  );
  process.stdout.write(
    `numpy   weighted Theil ${tm.toFixed(1)} ms  T = ${tv.toFixed(10)}  ratio ${ratio(t.ms, tm)}  |ΔT| = ${Math.abs(tv - t.value).toExponential(1)}\n`,
  );
}

// Monte Carlo rank intervals: 40 areas, 3 pillars of 2 indicators, 10 000 draws
const areas = Array.from({ length: 40 }, (_, i) => `A${String(i).padStart(2, '0')}`);
const codes = ['c1', 'c2', 'u1', 'u2', 'm1', 'm2'];
const recs: HarmonisedObservation[] = [];
let row = 2;
for (const a of areas)
  for (const c of codes) {
    recs.push({
      REF_AREA: a,
      INDICATOR: c,
      SEX: '_T',
      AGE: '_T',
      URBANISATION: '_T',
      INCOME_WEALTH_QUANTILE: '_T',
      FREQ: 'A',
      TIME_PERIOD: '2020',
      value: 1 + 99 * rng.uniform(),
      UNIT_MEASURE: 'PERCENT',
      OBS_STATUS: 'A',
      SOURCE_ID: 'BENCH',
      PROV_FILE: 'bench',
      PROV_ROW: String(row),
      PROV_COLUMN: c,
      OBS_ROW: row,
      PROV_KEY: `bench:${row}:${c}`,
    });
    row++;
  }
const cfg: CompositeIndexConfig = {
  id: 'bench',
  title: 'bench',
  period: 2020,
  normalisation: 'min-max',
  aggregation: 'arithmetic',
  pillars: [0, 1, 2].map((p) => ({
    id: `p${p}`,
    weight: 1,
    indicators: [
      { code: codes[2 * p], direction: '+' as const, weight: 1 },
      { code: codes[2 * p + 1], direction: '+' as const, weight: 1 },
    ],
  })) as unknown as CompositeIndexConfig['pillars'],
  uncertainty: { draws: 10000, seed: 1, normalisations: ['min-max', 'z-score'], aggregations: ['arithmetic', 'geometric'] },
};
const records = recs;
const t0 = performance.now();
rankUncertainty(records, cfg);
process.stdout.write(
  `digicge MC rank intervals: 40 areas × 6 indicators × 10 000 draws in ${(performance.now() - t0).toFixed(0)} ms (no peer)\n`,
);
