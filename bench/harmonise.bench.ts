/**
 * Harmonisation of a 1,000,000-row long CSV (seeded): area codes and name variants, indicator, sex,
 * urbanisation, year, value, and about 0.5 % bad rows (unknown area, non-numeric, out of range,
 * ragged). digicge runs with full validation and writes every output (observations.csv with its
 * provenance, rejects.csv, conflicts.csv, quality.md, read back against the ledger, asean.duckdb and
 * observations.parquet); DuckDB (@duckdb/node-api, SQL), pandas (read_csv → map codes via dict →
 * validate ranges → write CSV) and polars (nodejs-polars) do the same read–map–validate–write on
 * the same file. Each runs in its own process, so that its peak RSS is its own. Prints time, rows/s,
 * peak RSS and the ratios; then a 5,000,000-row file (quarterly periods too) through digicge alone,
 * with its peak RSS. BENCH_ROWS=n changes the first row count, BENCH_BIG=n the second (0: skip);
 * BENCH_KEEP=1 keeps the generated files.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCodeList, resolveArea } from '../src/guidelines/index.js';
import { peerMissing, ratio, runPeer } from './peer.js';
import { mulberry32 } from '../src/util/random.js';

const N = Number(process.env.BENCH_ROWS ?? 1_000_000);
const BIG = Number(process.env.BENCH_BIG ?? 5_000_000);

// area variants that resolve to exactly one non-aggregate area (the same dict is given to the peers)
const variants = new Map<string, string>();
const byArea: string[][] = [];
for (const c of loadCodeList('CL_AREA').codes) {
  if (c.type === 'aggregate') continue;
  const texts = [c.id, (c as { iso2?: string }).iso2, c.name].filter((t): t is string => typeof t === 'string' && t.length > 0);
  const ok = texts.filter((t) => resolveArea(t)?.code === c.id);
  if (!ok.length) continue;
  for (const t of ok) variants.set(t, c.id);
  byArea.push(ok);
}
const INDS = ['HH5', 'HH7', 'HH8', 'HH9', 'HH10', 'HH12', 'HH15', 'HH17', 'HH18'];
const SEX = ['_T', 'F', 'M'];
const URB = ['_T', 'U', 'R'];
const YEARS = Array.from({ length: 34 }, (_, i) => String(1990 + i));
const q = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * Writes `rows` rows of the seeded long file and its mapping into a new folder; `quarters` adds
 * the four quarters of each year as periods (room for five times as many distinct keys).
 */
function generate(rows: number, quarters: boolean): { dir: string; n: number } {
  const dir = mkdtempSync(join(tmpdir(), 'digicge-bench-harmonise-'));
  const periods = quarters ? YEARS.flatMap((y) => [y, `${y}-Q1`, `${y}-Q2`, `${y}-Q3`, `${y}-Q4`]) : YEARS;
  const rnd = mulberry32(20261123);
  const fd = openSync(join(dir, 'long.csv'), 'w');
  let buf = 'area,indicator,sex,urbanisation,year,value\n';
  let n = 0;
  outer: for (const ind of INDS)
    for (const texts of byArea)
      for (const sex of SEX)
        for (const urb of URB)
          for (const year of periods) {
            if (n >= rows) break outer;
            n++;
            const r = rnd();
            let area = texts[Math.floor(rnd() * texts.length)];
            let value = (rnd() * 100).toFixed(2);
            let extra = '';
            if (r < 0.001) area = 'Atlantis';
            else if (r < 0.002) value = 'n/a';
            else if (r < 0.003) value = '140.5';
            else if (r < 0.004) value = '-3';
            else if (r < 0.005) extra = ',x';
            buf += `${q(area)},${ind},${sex},${urb},${year},${value}${extra}\n`;
            if (buf.length > 1 << 20) {
              writeSync(fd, buf);
              buf = '';
            }
          }
  writeSync(fd, buf);
  closeSync(fd);
  writeFileSync(
    join(dir, 'mapping.json'),
    JSON.stringify({
      source: { id: 'BENCH', title: 'bench', publisher: 'bench', releaseDate: '2026-01-01', priority: 1 },
      file: 'long.csv',
      format: { type: 'csv', delimiter: ',' },
      layout: { type: 'long', valueColumns: [{ column: 'value' }] },
      dimensions: {
        REF_AREA: { column: 'area' },
        INDICATOR: { column: 'indicator', codeMap: Object.fromEntries(INDS.map((i) => [i, i])) },
        SEX: { column: 'sex' },
        URBANISATION: { column: 'urbanisation' },
        TIME_PERIOD: { column: 'year' },
      },
      unit: { measure: 'PERCENT' },
      filters: { aggregates: 'drop', areas: 'all' },
    }),
  );
  writeFileSync(join(dir, 'variants_rows.json'), JSON.stringify([...variants].map(([text, code]) => ({ text, code }))));
  writeFileSync(join(dir, 'variants.json'), JSON.stringify(Object.fromEntries(variants)));
  return { dir, n };
}

interface Run {
  secs: number;
  rss_mb: number;
  obs: number;
  rejected: number;
  filtered: number;
  cells: number;
}

/** digicge on a generated folder, in its own process. */
function runDigicge(dir: string): Run {
  const d = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'harmonise-run.ts'), dir], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (d.status !== 0) throw new Error(`digicge run failed: ${d.stderr}`);
  return JSON.parse(d.stdout) as Run;
}

const line = (who: string, n: number, secs: number, rss: number, rest: string): string =>
  `${who.padEnd(8)} ${secs.toFixed(2).padStart(6)} s, ${Math.round(n / secs)
    .toLocaleString('en')
    .padStart(9)} rows/s, peak RSS ${rss.toFixed(0).padStart(5)} MB; ${rest}\n`;

const { dir, n } = generate(N, false);
const file = join(dir, 'long.csv');
const mb = statSync(file).size / 1e6;
process.stdout.write(
  `input: ${n} rows, ${mb.toFixed(1)} MB (${dir}); load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')} on ${cpus().length} cores\n`,
);

const r = runDigicge(dir);
const secs = r.secs;
process.stdout.write(
  line(
    'digicge:',
    n,
    secs,
    r.rss_mb,
    `${r.obs} observations, ${r.rejected} rejected, ${r.filtered} filtered, cells ${r.cells} (${r.cells === r.obs + r.rejected + r.filtered ? 'all accounted for' : 'MISMATCH'}); observations.csv ${(statSync(join(dir, 'out', 'observations.csv')).size / 1e6).toFixed(0)} MB with provenance, read back, + asean.duckdb + parquet`,
  ),
);

// DuckDB (the @duckdb/node-api dependency), same read–map–validate–write in SQL, own process
{
  const d = spawnSync(process.execPath, [join(import.meta.dirname, 'harmonise-duckdb-peer.mjs'), dir], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (d.status !== 0) process.stdout.write(`duckdb: failed: ${d.stderr.trim().split('\n')[0]}\n`);
  else {
    const p = JSON.parse(d.stdout) as { secs: number; rss_mb: number; obs: number; rejects: number; ragged: number };
    process.stdout.write(
      line('duckdb:', n, p.secs, p.rss_mb, `${p.obs} observations, ${p.rejects} rejected, ${p.ragged} ragged rows listed`),
    );
    process.stdout.write(`time ratio digicge/duckdb: ${ratio(secs, p.secs)}; peak memory ratio ${ratio(r.rss_mb, p.rss_mb)}\n`);
  }
}

const missing = peerMissing(['pandas']);
if (missing) process.stdout.write(`pandas: ${missing}\n`);
else {
  const script = `
import sys, json, time, resource, csv
import pandas as pd
d = sys.argv[1]
t0 = time.perf_counter()
areas = json.load(open(d + '/variants.json'))
inds = ${JSON.stringify(Object.fromEntries(INDS.map((i) => [i, i])))}
df = pd.read_csv(d + '/long.csv', dtype=str, keep_default_na=False, on_bad_lines='skip', engine='c')
df['REF_AREA'] = df['area'].map(areas)
df['INDICATOR'] = df['indicator'].map(inds)
df['OBS_VALUE'] = pd.to_numeric(df['value'], errors='coerce')
ok = df['REF_AREA'].notna() & df['INDICATOR'].notna() & df['OBS_VALUE'].between(0, 100) & df['sex'].isin(['_T','F','M']) & df['urbanisation'].isin(['_T','U','R'])
out = df[ok].rename(columns={'sex': 'SEX', 'urbanisation': 'URBANISATION', 'year': 'TIME_PERIOD'})
out = out.sort_values(['REF_AREA', 'INDICATOR', 'SEX', 'URBANISATION', 'TIME_PERIOD'])
out[['REF_AREA', 'INDICATOR', 'SEX', 'URBANISATION', 'TIME_PERIOD', 'OBS_VALUE']].to_csv(d + '/pandas_obs.csv', index=False)
df[~ok].to_csv(d + '/pandas_rejects.csv', index=False)
secs = time.perf_counter() - t0
print(json.dumps({'secs': secs, 'rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 'obs': int(ok.sum()), 'rejects': int((~ok).sum())}))
`;
  const p = JSON.parse(runPeer(script, [dir]).trim()) as { secs: number; rss_mb: number; obs: number; rejects: number };
  process.stdout.write(
    line(
      'pandas:',
      n,
      p.secs,
      p.rss_mb,
      `${p.obs} observations, ${p.rejects} rejected (ragged rows skipped silently by on_bad_lines='skip')`,
    ),
  );
  process.stdout.write(
    `time ratio digicge/pandas: ${ratio(secs, p.secs)} (below 1 = digicge faster); peak memory ratio ${ratio(r.rss_mb, p.rss_mb)}\n`,
  );
}

// nodejs-polars (devDependency, pinned), same work, own process
{
  const d = spawnSync(process.execPath, [join(import.meta.dirname, 'harmonise-polars-peer.mjs'), dir], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (d.status !== 0)
    process.stdout.write(
      `polars: peer not available (nodejs-polars 0.25.2 devDependency; its native binary declares Node >= 22, so npm leaves it out under Node 20): ${d.stderr.trim().split('\n')[0]}\n`,
    );
  else {
    const p = JSON.parse(d.stdout) as { secs: number; rss_mb: number; obs: number; rejects: number };
    process.stdout.write(
      line(
        'polars:',
        n,
        p.secs,
        p.rss_mb,
        `${p.obs} observations, ${p.rejects} rejected (ragged rows truncated and kept by truncateRaggedLines)`,
      ),
    );
    process.stdout.write(`time ratio digicge/polars: ${ratio(secs, p.secs)}; peak memory ratio ${ratio(r.rss_mb, p.rss_mb)}\n`);
  }
}
if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });

// the large file: digicge alone, for its peak memory
if (BIG > 0) {
  const big = generate(BIG, true);
  const bmb = statSync(join(big.dir, 'long.csv')).size / 1e6;
  process.stdout.write(`input: ${big.n} rows, ${bmb.toFixed(1)} MB (${big.dir})\n`);
  const b = runDigicge(big.dir);
  process.stdout.write(
    line(
      'digicge:',
      big.n,
      b.secs,
      b.rss_mb,
      `${b.obs} observations, ${b.rejected} rejected, cells ${b.cells} (${b.cells === b.obs + b.rejected + b.filtered ? 'all accounted for' : 'MISMATCH'}); peak RSS ${b.rss_mb < 1024 ? 'under' : 'OVER'} 1 GB`,
    ),
  );
  if (!process.env.BENCH_KEEP) rmSync(big.dir, { recursive: true, force: true });
}
