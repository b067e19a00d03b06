/**
 * What importing digicge costs a program: wall time and peak memory (max RSS) of a fresh `node`
 * that imports the root index or one stage, from the compiled package (dist/, as a consumer gets
 * it) and, for comparison, from the TypeScript sources through tsx (as a clone runs them). Each
 * figure is the median of REPEAT fresh processes; an empty `node` is the floor. No peer: the
 * Python tools a user of the field would pick (pandas, numpy) load in a similar fraction of a
 * second, but they are not the same job.
 *
 * Run: `npm run bench -- import` (builds dist/ first when it is missing or older than src/).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(import.meta.dirname, '..');
const REPEAT = Number(process.env.REPEAT ?? 5);
const STAGES = ['ingest', 'harmonise', 'divide', 'sam', 'multipliers', 'cge', 'report'];

function newest(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => statSync(join(e.parentPath, e.name)).mtimeMs),
  );
}
if (!existsSync(join(ROOT, 'dist/index.js')) || newest(join(ROOT, 'src')) > newest(join(ROOT, 'dist'))) {
  process.stdout.write('building dist/ …\n');
  const b = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(1);
}

/** Median wall time (s) and max RSS (MB) of `node [args] -e "await import(url)"`. */
function measure(url: string | null, args: string[] = []): { seconds: number; mb: number } {
  const runs: { seconds: number; mb: number }[] = [];
  for (let k = 0; k < REPEAT; k++) {
    const code = url
      ? `await import(${JSON.stringify(url)}); process.stdout.write(String(process.resourceUsage().maxRSS))`
      : 'process.stdout.write(String(process.resourceUsage().maxRSS))';
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [...args, '--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' });
    const seconds = (performance.now() - t0) / 1000;
    if (r.status !== 0) throw new Error(`importing ${url} failed: ${r.stderr}`);
    runs.push({ seconds, mb: Number(r.stdout) / 1024 });
  }
  const med = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { seconds: med(runs.map((r) => r.seconds)), mb: med(runs.map((r) => r.mb)) };
}

const row = (what: string, m: { seconds: number; mb: number }) =>
  process.stdout.write(`${what.padEnd(34)} ${m.seconds.toFixed(2).padStart(6)} s ${m.mb.toFixed(0).padStart(6)} MB\n`);
process.stdout.write(`import cost, median of ${REPEAT} fresh processes (wall time, max RSS)\n`);
row('node, nothing imported', measure(null));
row('digicge (root index), dist', measure(pathToFileURL(join(ROOT, 'dist/index.js')).href));
for (const s of STAGES) row(`digicge/${s}, dist`, measure(pathToFileURL(join(ROOT, 'dist', s, 'index.js')).href));
row('digicge (root index), src via tsx', measure(pathToFileURL(join(ROOT, 'src/index.ts')).href, ['--import', 'tsx']));
row('digicge/sam, src via tsx', measure(pathToFileURL(join(ROOT, 'src/sam/index.ts')).href, ['--import', 'tsx']));
