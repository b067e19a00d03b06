/**
 * Harmonisation of a 1,000,000-row long CSV (seeded): area codes and name variants, indicator, sex,
 * urbanisation, year, value, and about 0.5 % bad rows (unknown area, non-numeric, out of range,
 * ragged). digicge runs in this process with full validation and writes observations.csv and
 * rejects.csv; pandas (read_csv → map codes via dict → validate ranges → write CSV) runs on the same
 * file in the same run, and DuckDB (@duckdb/node-api) does the same in SQL in its own process.
 * Prints rows/s, peak RSS and the ratios. BENCH_ROWS=n changes the row count;
 * BENCH_KEEP=1 keeps the generated files.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCodeList, resolveArea } from '../src/guidelines/index.js';
import { harmonise } from '../src/harmonise/index.js';
import { peerMissing, ratio, runPeer } from './peer.js';
import { mulberry32 } from '../src/util/random.js';

const N = Number(process.env.BENCH_ROWS ?? 1_000_000);

const dir = mkdtempSync(join(tmpdir(), 'digicge-bench-harmonise-'));
const file = join(dir, 'long.csv');
const rnd = mulberry32(20261123);
// area variants that resolve to exactly one non-aggregate area (the same dict is given to pandas)
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
const fd = openSync(file, 'w');
let buf = 'area,indicator,sex,urbanisation,year,value\n';
let n = 0;
outer: for (const ind of INDS)
  for (const texts of byArea)
    for (const sex of SEX)
      for (const urb of URB)
        for (const year of YEARS) {
          if (n >= N) break outer;
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
const mapping = join(dir, 'mapping.json');
writeFileSync(
  mapping,
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
const mb = statSync(file).size / 1e6;
process.stdout.write(`input: ${n} rows, ${mb.toFixed(1)} MB (${dir})\n`);

const t0 = performance.now();
const r = await harmonise({ mappings: [mapping], outDir: join(dir, 'out') });
const secs = (performance.now() - t0) / 1000;
const rss = process.resourceUsage().maxRSS / 1024;
const c = r.counts;
process.stdout.write(
  `digicge: ${secs.toFixed(2)} s, ${Math.round(n / secs).toLocaleString('en')} rows/s, peak RSS ${rss.toFixed(0)} MB; ${c.observations} observations, ${c.rejected} rejected, ${c.filtered} filtered, cells ${c.cells} (${c.cells === c.observations + c.rejected + c.filtered ? 'all accounted for' : 'MISMATCH'})\n`,
);

// DuckDB (the @duckdb/node-api dependency), same read–map–validate–write in SQL, own process
writeFileSync(join(dir, 'variants_rows.json'), JSON.stringify([...variants].map(([text, code]) => ({ text, code }))));
{
  const d = spawnSync(process.execPath, [join(import.meta.dirname, 'harmonise-duckdb-peer.mjs'), dir], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (d.status !== 0) process.stdout.write(`duckdb: failed: ${d.stderr.trim().split('\n')[0]}\n`);
  else {
    const p = JSON.parse(d.stdout) as { secs: number; rss_mb: number; obs: number; rejects: number; ragged: number };
    process.stdout.write(
      `duckdb:  ${p.secs.toFixed(2)} s, ${Math.round(n / p.secs).toLocaleString('en')} rows/s, peak RSS ${p.rss_mb.toFixed(0)} MB; ${p.obs} observations, ${p.rejects} rejected, ${p.ragged} ragged rows listed\n`,
    );
    process.stdout.write(`time ratio digicge/duckdb: ${ratio(secs, p.secs)}\n`);
  }
}

const missing = peerMissing(['pandas']);
if (missing) process.stdout.write(`pandas: ${missing}\n`);
else {
  writeFileSync(join(dir, 'variants.json'), JSON.stringify(Object.fromEntries(variants)));
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
    `pandas:  ${p.secs.toFixed(2)} s, ${Math.round(n / p.secs).toLocaleString('en')} rows/s, peak RSS ${p.rss_mb.toFixed(0)} MB; ${p.obs} observations, ${p.rejects} rejected (ragged rows skipped silently by on_bad_lines='skip')\n`,
  );
  process.stdout.write(
    `time ratio digicge/pandas: ${ratio(secs, p.secs)} (below 1 = digicge faster); throughput ratio ${(p.secs / secs).toFixed(2)}\n`,
  );
}
if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
