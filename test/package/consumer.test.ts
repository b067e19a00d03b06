/**
 * digicge as another project gets it: the package is packed (its `prepack` compiles dist/), then
 * installed into a new empty project from the npm registry alone (no `overrides`, no devDependencies,
 * nothing from this clone but the tarball). There, plain `node` runs a kernel of each stage through
 * its subpath, every subpath of the `exports` map loads, the installed `digicge` command runs, and a
 * strict TypeScript consumer type-checks against the declarations with `skipLibCheck` off.
 *
 * The kernels are checked against answers found without digicge: the Leontief inverse of a 2×2
 * economy by hand, RAS by its margins and its invariant cross-product ratio, stdcge's tariff
 * abolition by the GAMS Model Library's published solution, harmonise by the file's own cells.
 * The examples of the README's "Use as a library" section run there too, and print what the README
 * says they print.
 */
import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const HERE = join(import.meta.dirname, 'consumer');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; exports: Record<string, unknown> };
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

/** The environment of a program the user runs, without what `npm test` adds about this package. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_(package|lifecycle)_|^npm_config_(local_prefix|prefix|global_prefix)$|^INIT_CWD$/.test(k)) continue;
    env[k] = v;
  }
  return env;
}

function run(cmd: string, args: readonly string[], options: SpawnSyncOptions & { cwd: string }) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: userEnv(), maxBuffer: 64 * 1024 * 1024, ...options });
  if (r.error) throw r.error;
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** The ```js blocks of the README's "Use as a library" section: stage (first comment word), code, the `// → ` lines. */
function readmeExamples(): [string, string, string[]][] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Use as a library'), readme.indexOf('\n## ', readme.indexOf('## Use as a library') + 3));
  const blocks = [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!);
  if (blocks.length < 7) throw new Error(`the README's "Use as a library" section has ${blocks.length} examples, expected one per stage`);
  return blocks.map((code) => {
    const stage = /^\/\/ (\w+):/.exec(code)?.[1] ?? '?';
    const expected = [...code.matchAll(/^\/\/ → (.*)$/gm)].map((m) => m[1]!);
    return [stage, code, expected];
  });
}

describe('digicge installed from its packed tarball into an empty project', () => {
  let dir: string;
  let files: string[];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'digicge-consumer-'));
    const packed = execFileSync(NPM, ['pack', '--json', '--pack-destination', dir], {
      cwd: ROOT,
      encoding: 'utf8',
      env: userEnv(),
      maxBuffer: 64 * 1024 * 1024,
    });
    const info = JSON.parse(packed.slice(packed.indexOf('['))) as { filename: string; files: { path: string }[] }[];
    files = info[0]!.files.map((f) => f.path);
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'digicge-consumer', private: true, type: 'module' }, null, 2)}\n`);
    const inst = run(NPM, ['install', '--no-audit', '--no-fund', `./${info[0]!.filename}`], { cwd: dir });
    if (inst.status !== 0) throw new Error(`npm install of the packed digicge failed:\n${inst.stderr}`);
    for (const f of ['kernels.mjs', 'consumer.ts', 'tsconfig.json']) copyFileSync(join(HERE, f), join(dir, f));
  }, 600_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('ships compiled JavaScript, declarations, source maps and the data, and no TypeScript sources', () => {
    for (const f of [
      'dist/index.js',
      'dist/index.d.ts',
      'dist/index.js.map',
      'dist/cge/ssa/worker-bootstrap.mjs',
      'bin/digicge.js',
      'datasets/models/stdcge/sam.csv',
      'guidelines/schemas/source-mapping.schema.json',
    ]) {
      expect(files, f).toContain(f);
    }
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('test/') || (f.endsWith('.ts') && !f.endsWith('.d.ts')))).toEqual([]);
    const installed = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(installed.overrides).toBeUndefined();
  });

  it('loads every subpath of the exports map with plain node', () => {
    const subpaths = Object.keys(PKG.exports)
      .filter((k) => k !== './package.json')
      .map((k) => `digicge${k.slice(1)}`);
    expect(subpaths).toEqual(expect.arrayContaining(['digicge', 'digicge/harmonise', 'digicge/sam', 'digicge/multipliers', 'digicge/cge']));
    const script = `for (const s of ${JSON.stringify(subpaths)}) { const m = await import(s); if (Object.keys(m).length === 0) throw new Error(s + ' exports nothing'); }`;
    const r = run(process.execPath, ['--input-type=module', '-e', script], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('runs a kernel of each stage with plain node and gets the independent answers', () => {
    const r = run(process.execPath, ['kernels.mjs'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      ras: { matrix: number[]; converged: boolean };
      leontief: number[][];
      cge: { welfare: { household: string; utilityBase: number; utility: number; ev: number }[] };
      harmonise: { counts: { cells: number; observations: number; rejected: number }; observations: [string, string, number][] };
    };
    // Leontief: I − A = [[0.8, −0.3], [−0.4, 0.9]], det 0.6, inverse = adjugate / det.
    const expected = [
      [0.9 / 0.6, 0.3 / 0.6],
      [0.4 / 0.6, 0.8 / 0.6],
    ];
    out.leontief.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(expected[i]![j]!, 12)));
    // RAS: the margins are met and the cross-product ratio of the prior (10·40)/(20·30) is kept.
    const [a, b, c, d] = out.ras.matrix as [number, number, number, number];
    expect(out.ras.converged).toBe(true);
    for (const [got, want] of [
      [a + b, 40],
      [c + d, 60],
      [a + c, 35],
      [b + d, 65],
    ] as const)
      expect(got).toBeCloseTo(want, 6);
    expect((a * d) / (b * c)).toBeCloseTo((10 * 40) / (20 * 30), 6);
    // stdcge, tariff abolition: the GAMS Model Library's solution (datasets/models/stdcge/published_results.json).
    const published = JSON.parse(readFileSync(join(ROOT, 'datasets/models/stdcge/published_results.json'), 'utf8')) as {
      utility_base: number;
      utility_after: number;
      equivalent_variation: number;
    };
    const [hoh] = out.cge.welfare;
    expect(hoh!.utilityBase).toBeCloseTo(published.utility_base, 8);
    expect(hoh!.utility).toBeCloseTo(published.utility_after, 8);
    expect(hoh!.ev).toBeCloseTo(published.equivalent_variation, 3);
    // harmonise: two cells in, two observations out, the areas resolved from their names.
    expect(out.harmonise.counts).toEqual({ cells: 2, observations: 2, rejected: 0 });
    expect(out.harmonise.observations).toEqual([
      ['THA', '2022', 85.3],
      ['VNM', '2022', 79.1],
    ]);
  });

  it.each(readmeExamples())(
    'the README example of %s runs against the package and prints what the README says',
    (_stage, code, expected) => {
      const file = join(dir, `readme-${_stage}.mjs`);
      writeFileSync(file, code);
      const r = run(process.execPath, [file], { cwd: dir });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout.trim().split('\n')).toEqual(expected);
    },
  );

  it('installs a digicge command that runs with plain node, sensitivity workers included', () => {
    const v = run(NPM, ['exec', '--no', '--', 'digicge', '--version'], { cwd: dir });
    expect(v.status, v.stderr).toBe(0);
    expect(v.stdout.trim()).toBe(PKG.version);
    const bin = join(dir, 'node_modules/digicge/bin/digicge.js');
    const check = run(process.execPath, [bin, 'sam', 'check', 'node_modules/digicge/datasets/models/stdcge/sam.csv'], { cwd: dir });
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toMatch(/balanced: 10 of 10 accounts balanced/);
    const sim = run(
      process.execPath,
      [
        bin,
        'simulate',
        '--scenario',
        'node_modules/digicge/datasets/ddcge/scenarios/rural-connectivity.json',
        '--ssa',
        'quadrature',
        '--out',
        'sim',
      ],
      { cwd: dir },
    );
    expect(sim.status, sim.stderr).toBe(0);
    const bands = readFileSync(join(dir, 'sim', 'ssa-THA-rural-connectivity.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(bands[0]).toMatch(/^area,scenario,method,samples,failures,outcome,/);
    expect(bands.length).toBeGreaterThan(1);
    const usage = run(process.execPath, [bin, 'sam', 'check'], { cwd: dir });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/^digicge: error: missing required argument/);
  }, 300_000);

  it('type-checks a strict TypeScript consumer against the declarations, skipLibCheck off', () => {
    const t0 = performance.now();
    const r = run(process.execPath, [TSC, '-p', 'tsconfig.json'], { cwd: dir });
    const seconds = (performance.now() - t0) / 1000;
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
    console.log(`consumer type check (skipLibCheck off): ${seconds.toFixed(1)} s`);
  }, 300_000);
});
