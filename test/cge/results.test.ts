import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { ROOT, STDCGE_DIR } from './helpers/sam.js';

import { runCli } from '../../src/cli/program.js';

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

describe('digicge cge', () => {
  it('solve writes schema-valid, byte-identical results.json and results.csv', async () => {
    const outs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'digicge-cge-')));
    for (const out of outs) {
      const r = await cli(
        'cge',
        'solve',
        '--model',
        'stdcge',
        '--sam',
        join(STDCGE_DIR, 'sam.csv'),
        '--params',
        join(STDCGE_DIR, 'parameters.json'),
        '--scenario',
        join(STDCGE_DIR, 'scenarios/tariff-abolition.json'),
        '--out',
        out,
      );
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/model stdcge: 49 equations, 50 variables/);
      expect(r.stdout).toMatch(/scenario tariff-abolition: .*HOH EV 1\.1450/);
    }
    const json = readFileSync(join(outs[0], 'results.json'), 'utf8');
    expect(readFileSync(join(outs[1], 'results.json'), 'utf8')).toBe(json);
    expect(readFileSync(join(outs[1], 'results.csv'), 'utf8')).toBe(readFileSync(join(outs[0], 'results.csv'), 'utf8'));
    const doc = JSON.parse(json);
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'guidelines/schemas/cge-results.schema.json'), 'utf8')));
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    const csv = readFileSync(join(outs[0], 'results.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('scenario,variable,index,base,level,pct_change');
    expect(csv.length).toBe(1 + 50);
    expect(csv).toContain(csv.find((l) => l.startsWith('tariff-abolition,F,CAP.BRD,20,20.42')));
    expect(json).not.toMatch(/NaN|Infinity/);
  });

  it('check runs the replication and homogeneity checks', async () => {
    const r = await cli('cge', 'check', '--model', 'splcge', '--sam', join(ROOT, 'datasets/models/splcge/sam.csv'), '--homogeneity');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/replication: PASSED/);
    expect(r.stdout).toMatch(/homogeneity: PASSED — pf\(LAB\) ×2/);
  });

  it('fails with one located line on a bad scenario', async () => {
    const out = mkdtempSync(join(tmpdir(), 'digicge-cge-'));
    const bad = join(out, 'bad.json');
    writeFileSync(bad, JSON.stringify({ name: 'x', shocks: [{ parameter: 'taum', index: ['RICE'], set: 0 }] }));
    const r = await cli('cge', 'solve', '--model', 'stdcge', '--scenario', bad, '--out', out);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /bad\.json at \/shocks\/0\/index\/0 taum\(RICE\): .*"RICE" is not an element of set i \(index 1 of taum\) \[UNKNOWN_ELEMENT\]/,
    );
  });
});

describe('digicge cge with a model file written with the typed builder', () => {
  it('checks and solves it like a library model', async () => {
    const file = join(ROOT, 'test/cge/fixtures/exchange.model.ts');
    const sam = join(ROOT, 'datasets/models/splcge/sam.csv');
    const r = await cli('cge', 'check', '--model', file, '--sam', sam, '--homogeneity');
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/model builder-splcge: 14 equations, 14 variables/);
    expect(r.stdout).toMatch(/replication: PASSED/);
    expect(r.stdout).toMatch(/homogeneity: PASSED/);
    const out = mkdtempSync(join(tmpdir(), 'digicge-cge-'));
    const scen = join(out, 'capital.json');
    writeFileSync(scen, JSON.stringify({ name: 'more-capital', shocks: [{ parameter: 'FF', index: ['CAP'], scale: 1.5 }] }));
    const s = await cli('cge', 'solve', '--model', file, '--sam', sam, '--scenario', scen, '--out', out);
    expect(s.status).toBe(0);
    // the builder model and the text-form library splcge give the same equilibrium
    const lib = await cli('cge', 'solve', '--model', 'splcge', '--sam', sam, '--scenario', scen, '--out', join(out, 'lib'));
    expect(lib.status).toBe(0);
    const a = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')).scenarios[0];
    const b = JSON.parse(readFileSync(join(out, 'lib/results.json'), 'utf8')).scenarios[0];
    for (const v of a.variables) {
      const w = b.variables.find(
        (x: { variable: string; index: string[] }) => x.variable === v.variable && x.index.join() === v.index.join(),
      );
      expect(Math.abs(w.level - v.level)).toBeLessThan(1e-10);
    }
    expect(Math.abs(a.welfare[0].ev - b.welfare[0].ev)).toBeLessThan(1e-10);
  });
});
