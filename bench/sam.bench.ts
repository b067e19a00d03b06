/**
 * SAM file reading and checking: digicge `parseSamCsv` + `checkSam` (row/column balance, negative
 * cells, macro identities) against pandas `read_csv(index_col=0)` + row/column sums on the same file.
 *
 * Input: a square labelled CSV of n accounts (`A-1…`, `C-1…`, factors, institutions), 30 % empty
 * cells, other cells uniform in (0, 1000) from mulberry32(20261123), written once per size to
 * bench/.work/. Times are the best of 5 runs, file reading from the OS cache included.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSam } from '../src/sam/check.js';
import { parseSamCsv } from '../src/sam/io/csv.js';
import { peerMissing, ratio, runPeer } from './peer.js';
import { mulberry32 } from '../src/util/random.js';

const work = join(dirname(fileURLToPath(import.meta.url)), '.work');
mkdirSync(work, { recursive: true });
const missing = peerMissing(['pandas', 'numpy']);
const rows: string[] = [];
for (const n of [200, 600, 1200]) {
  const rand = mulberry32(20261123);
  const k = Math.floor((n - 10) / 2);
  const labels = [
    ...Array.from({ length: k }, (_, i) => `A-${i + 1}`),
    ...Array.from({ length: k }, (_, i) => `C-${i + 1}`),
    'LAB',
    'CAP',
    'HH',
    'ENT',
    'GOV',
    'Itax',
    'Dtax',
    'S-I',
    'ROW',
  ];
  while (labels.length < n) labels.push(`HH${labels.length}`);
  const lines = [`,${labels.join(',')}`];
  for (let i = 0; i < n; i++) {
    const cells = [labels[i]];
    for (let j = 0; j < n; j++) cells.push(rand() < 0.3 ? '' : (rand() * 1000).toFixed(6));
    lines.push(cells.join(','));
  }
  const file = join(work, `sam-${n}.csv`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  let best = Infinity;
  let balanced = 0;
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    const sam = parseSamCsv(readFileSync(file, 'utf8'));
    const rep = checkSam(sam);
    best = Math.min(best, performance.now() - t0);
    balanced = rep.balancedCount;
  }
  let peer = 'n/a';
  let rat = missing ?? '';
  if (!missing) {
    const out = runPeer(
      `import sys, time, pandas as pd, numpy as np
best = 1e9
for _ in range(5):
    t0 = time.perf_counter()
    df = pd.read_csv(sys.argv[1], index_col=0).fillna(0.0)
    assert list(df.index) == list(df.columns)
    v = df.to_numpy()
    d = v.sum(axis=1) - v.sum(axis=0)
    neg = int((v < 0).sum())
    best = min(best, time.perf_counter() - t0)
print(best * 1000)`,
      [file],
    );
    const p = Number(out.trim());
    peer = `${p.toFixed(1)} ms`;
    rat = ratio(best, p);
  }
  rows.push(`| ${n} | ${best.toFixed(1)} ms | ${peer} | ${rat} | ${balanced} |`);
}
process.stdout.write('SAM CSV read + check (best of 5)\n');
process.stdout.write(
  '| accounts | digicge parseSamCsv + checkSam | pandas read_csv + sums | ratio | balanced accounts (random data) |\n|---|---|---|---|---|\n',
);
process.stdout.write(`${rows.join('\n')}\n`);
