import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = join(import.meta.dirname, '../../bin/digicge.js');

function cli(...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
}

describe('digicge CLI', () => {
  it('lists its commands under --help', () => {
    const r = cli('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('demo');
  });
  it('fails with a one-line message and no stack trace on an unknown command', () => {
    const r = cli('no-such-command');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/unknown command/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it('runs the demo: every stage runs and every deliverable is written', () => {
    const out = mkdtempSync(join(tmpdir(), 'digicge-demo-'));
    const r = cli('demo', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    for (const stage of ['harmonise', 'divide', 'sam', 'multipliers', 'cge', 'report']) {
      expect(r.stdout).toMatch(new RegExp(`^  ${stage}\\s+(?!not built)`, 'm'));
    }
    for (const f of ['observations.csv', 'report.html', 'results.xlsx', 'summary.md', 'gams/ddcge-THA.gms', 'simulate/headline.csv']) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    // `digicge report` rebuilds the three deliverables from the demo's folder, byte for byte
    const again = join(out, 'rebuilt');
    const rep = cli('report', out, '--out', again);
    expect(rep.status, rep.stderr).toBe(0);
    for (const f of ['report.html', 'results.xlsx', 'summary.md'])
      expect(Buffer.compare(readFileSync(join(out, f)), readFileSync(join(again, f))), f).toBe(0);
  }, 400_000);
});

describe('command table', () => {
  it('each command module registers only the command its entry names', async () => {
    const { Command } = await import('commander');
    const { COMMANDS } = await import('../../src/cli/commands/index.js');
    for (const entry of COMMANDS) {
      const program = new Command('digicge');
      (await entry.load()).register(program);
      for (const c of program.commands) expect(c.name()).toBe(entry.name);
    }
  });
});
