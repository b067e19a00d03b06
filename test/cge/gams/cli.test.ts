import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../src/cli/program.js';

const ROOT = join(import.meta.dirname, '../../..');

/** Runs the CLI in-process, capturing what it prints. */
async function cli(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((stdout += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((stderr += String(s)), true));
  const before = process.exitCode;
  try {
    const status = await runCli(args);
    return { status, stdout, stderr };
  } finally {
    o.mockRestore();
    e.mockRestore();
    process.exitCode = before;
  }
}

describe('digicge cge run', () => {
  it('runs stdcge.gms and prints its solves, skipped statements and the EV display', async () => {
    const r = await cli('cge', 'run', join(ROOT, 'datasets/models/gams/stdcge.gms'));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^solve stdcge using nlp \(objective UU as the square system\) at line 314: 48 equations, 48 variables/m);
    expect(r.stdout).toMatch(/^skipped line 366: put /m);
    expect(r.stdout).toMatch(/PARAMETER EV\s+=\s+1\.145\d*\s+Hicksian equivalent variations/);
  });

  it('--json prints the run as data, byte-identical from one run to the next', async () => {
    const a = await cli('cge', 'run', '--json', join(ROOT, 'datasets/models/gams/splcge.gms'));
    const b = await cli('cge', 'run', '--json', join(ROOT, 'datasets/models/gams/splcge.gms'));
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const r = JSON.parse(a.stdout) as { solves: { model: string; type: string }[]; displays: { name: string }[]; skipped: unknown[] };
    expect(r.solves.map((s) => [s.model, s.type])).toEqual([['splcge', 'nlp']]);
    expect(r.displays.map((d) => d.name)).toEqual(['X0', 'F0', 'Z0', 'FF', 'alpha', 'beta', 'b']);
    expect(r.skipped).toEqual([]);
  });

  it('fails naming file, line and column for text it does not understand', async () => {
    const f = join(mkdtempSync(join(tmpdir(), 'digicge-gms-')), 'bad.gms');
    writeFileSync(f, 'Set i / a /;\nParameter p(i);\np(i) = 1 +;\n');
    const r = await cli('cge', 'run', f);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`${f}:3:11`);
  });
});

describe('a model file outside the package', () => {
  it('loads from a folder with no package.json (read as CommonJS) and is calibrated', () => {
    const dir = mkdtempSync(join(tmpdir(), 'digicge-model-'));
    const src = readFileSync(join(ROOT, 'test/cge/fixtures/exchange.model.ts'), 'utf8').replace(
      "'../../../src/cge/index.js'",
      JSON.stringify(join(ROOT, 'src/cge/index.ts')),
    );
    const file = join(dir, 'exchange.model.ts');
    writeFileSync(file, src);
    // The real command in its own process: the test runner's module loader would hide the problem.
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'bin/digicge.js'), 'cge', 'show', '--model', file, '--sam', join(ROOT, 'datasets/models/splcge/sam.csv')],
      {
        encoding: 'utf8',
      },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^model builder-splcge: 14 equations, 14 variables/);
  });
});
