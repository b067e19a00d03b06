import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/digicge.js');
const RURAL = join(ROOT, 'datasets/ddcge/scenarios/rural-connectivity.json');
const SAM = join(ROOT, 'datasets/models/stdcge/sam.csv');

function cli(args: readonly string[], cwd?: string) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', ...(cwd ? { cwd } : {}), timeout: 240_000 });
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'digicge-cli-fail-'));
}

/** A failed run: non-zero exit, one located `digicge: error:` line with the code, never "internal error". */
function expectTypedFailure(r: ReturnType<typeof cli>, code: string, where: string, status = 1): void {
  expect(r.stderr, r.stderr).not.toContain('internal error');
  expect(r.stderr).toMatch(new RegExp(`digicge: error: .*\\[${code}\\]`));
  expect(r.stderr).toContain(where);
  expect(r.status, r.stderr).toBe(status);
}

describe('simulate is honest about failure', () => {
  const dir = tmp();
  const scenario = (name: string, body: object) => {
    const p = join(dir, `${name}.json`);
    writeFileSync(p, JSON.stringify({ name, description: name, ...body }));
    return p;
  };

  it('exits non-zero, naming the file and JSON path, when a scenario shocks an unknown parameter (nothing written)', () => {
    const f = scenario('unknown', { shocks: [{ parameter: 'nosuch', set: 1 }] });
    const out = join(dir, 'o1');
    expectTypedFailure(cli(['simulate', '--scenario', f, '--out', out]), 'SIMULATE_NOTHING_SIMULATED', `${f} at /shocks/0/parameter`);
    expect(existsSync(join(out, 'headline.csv'))).toBe(false);
  });
  it('exits non-zero when the target is below the baseline', () => {
    const f = scenario('below', { targets: [{ kind: 'use-reaches', urbanisation: 'R', percent: 50 }] });
    const r = cli(['simulate', '--scenario', f, '--out', join(dir, 'o2')]);
    expectTypedFailure(r, 'SIMULATE_NOTHING_SIMULATED', `${f}:`);
    expect(r.stderr).toContain('TARGET_BELOW_BASELINE');
  });
  it('refuses a country that is not a Member State (usage error) and a missing database folder', () => {
    expectTypedFailure(
      cli(['simulate', '--scenario', RURAL, '--country', 'XXX', '--out', join(dir, 'o3')]),
      'USAGE_UNKNOWN_COUNTRY',
      '--country XXX',
      2,
    );
    expectTypedFailure(
      cli(['simulate', '--scenario', RURAL, '--database', join(dir, 'nope'), '--out', join(dir, 'o4')]),
      'DDCGE_DATABASE_MISSING',
      join(dir, 'nope'),
    );
  });
  it('exits non-zero when one of the runs asked for fails, after writing the others and failed.csv', () => {
    const f = scenario('unknown2', { shocks: [{ parameter: 'nosuch', set: 1 }] });
    const out = join(dir, 'o5');
    const r = cli(['simulate', '--scenario', RURAL, f, '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${f} at /shocks/0/parameter`);
    expect(readFileSync(join(out, 'failed.csv'), 'utf8')).toContain('THA,unknown2,UNKNOWN_PARAMETER,');
    expect(readFileSync(join(out, 'headline.csv'), 'utf8')).toContain('THA,rural-connectivity,');
  });
  it('refuses a million-million Monte Carlo draws before allocating them', () => {
    expectTypedFailure(
      cli(['simulate', '--scenario', RURAL, '--ssa', 'mc', '--draws', '1e12', '--out', join(dir, 'o6')]),
      'USAGE_BAD_NUMBER',
      '--draws',
      2,
    );
  });
  it('exits under a pseudo-terminal, with progress bars, when running the sensitivity analysis', () => {
    // `script` (util-linux) gives the command a terminal as standard error, as a user's shell does
    const out = join(dir, 'o7');
    const cmd = [process.execPath, BIN, 'simulate', '--scenario', RURAL, '--ssa', 'mc', '--draws', '4', '--workers', '1', '--out', out]
      .map((a) => `'${a}'`)
      .join(' ');
    const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', timeout: 240_000 });
    expect(r.error, 'the command did not exit').toBeUndefined();
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).toContain('SSA THA rural-connectivity');
    expect(r.stdout).toContain('4/4 draws');
    expect(readFileSync(join(out, 'ssa-THA-rural-connectivity.csv'), 'utf8').split('\n')[1]).toMatch(
      /^THA,rural-connectivity,monte-carlo,4,0,/,
    );
  }, 300_000);
});

describe('bad input ends in a typed, located error, never "internal error"', () => {
  const dir = tmp();
  const file = join(dir, 'a-file');
  writeFileSync(file, 'x');

  it('--out that is a file, for every command that writes a folder', () => {
    for (const args of [
      ['harmonise', '--default', '--out', file],
      ['divide', join(ROOT, 'test/divide/data/harmonised_wdi.csv'), '--out', file],
      ['multipliers', SAM, '--out', file],
      ['cge', 'solve', '--model', 'stdcge', '--out', file],
      ['simulate', '--scenario', RURAL, '--out', file],
      ['sam', 'convert', SAM, join(file, 'x.csv')],
      ['demo', '--out', join(file, 'demo')],
    ]) {
      expectTypedFailure(cli(args), 'USAGE_OUT_NOT_FOLDER', `${file}`, 2);
    }
  });
  it('--out in a folder that cannot be written', () => {
    // as root, permissions do not stop a write: /sys refuses new entries whoever writes
    let ro: string;
    if (process.getuid?.() === 0) ro = '/sys/digicge-cli-test';
    else {
      ro = join(dir, 'read-only');
      mkdirSync(ro);
      chmodSync(ro, 0o555);
    }
    const r = cli(['sam', 'convert', SAM, join(ro, 'out.csv')]);
    expect(r.stderr).not.toContain('internal error');
    expect(r.stderr).toMatch(/\[(USAGE_OUT_NOT_WRITABLE|OUTPUT_NOT_WRITABLE)\]/);
    expect(r.stderr).toContain(ro);
    expect(r.status).not.toBe(0);
  });
  it('--groups with bad JSON or a missing file', () => {
    const bad = join(dir, 'groups.json');
    writeFileSync(bad, '{"BRD": "activity",');
    expectTypedFailure(cli(['sam', 'check', SAM, '--groups', bad]), 'USAGE_BAD_OPTION', `${bad}: the --groups file is not JSON`, 2);
    expectTypedFailure(
      cli(['sam', 'check', SAM, '--groups', join(dir, 'missing.json')]),
      'USAGE_BAD_OPTION',
      `${join(dir, 'missing.json')}: cannot read the --groups file`,
      2,
    );
  });
  it('an aggregation mapping to a number, and a year beyond four digits', () => {
    const m = join(dir, 'map.json');
    writeFileSync(m, JSON.stringify({ mapping: { BRD: 5 } }));
    expectTypedFailure(cli(['sam', 'aggregate', SAM, join(dir, 'agg.csv'), '--mapping', m]), 'USAGE_BAD_OPTION', `${m} at /mapping/BRD`, 2);
    expectTypedFailure(
      cli(['divide', join(ROOT, 'test/divide/data/harmonised_wdi.csv'), '--out', join(dir, 'd'), '--project-to', '1e12']),
      'USAGE_BAD_NUMBER',
      '--project-to',
      2,
    );
    expectTypedFailure(
      cli(['divide', join(ROOT, 'test/divide/data/harmonised_wdi.csv'), '--out', join(dir, 'd'), '--draws', '1e12']),
      'USAGE_BAD_NUMBER',
      '--draws',
      2,
    );
  });
  it('an ASEAN build for a year without control totals builds nothing and says so', () => {
    const r = cli(['sam', 'build', 'asean', '--year', '1800', '--out', join(dir, 'asean')], dir);
    expectTypedFailure(r, 'SAM_BUILD_NOTHING_BUILT', 'no SAM was built for 1800');
  });
});
