/**
 * The command line's contract with scripts: `--version` prints the package's version, a wrong
 * command line exits 2 with a message starting `digicge:`, a data error exits 1, and `--help`
 * documents both statuses.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/digicge.js');
const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT });
const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('digicge exit status', () => {
  it('--version and -V print the version of package.json and exit 0', () => {
    for (const flag of ['--version', '-V']) {
      const r = cli(flag);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout.trim()).toBe(version);
    }
  });

  it.each([
    [['--no-such-option'], /^digicge: error: unknown option '--no-such-option'/],
    [['no-such-command'], /^digicge: error: unknown command 'no-such-command'/],
    [['sam', 'check'], /^digicge: error: missing required argument 'file'/],
    [['harmonise', '--out', 'x'], /^digicge: error: give at least one --mapping/],
    [
      ['simulate', '--scenario', 'datasets/ddcge/scenarios/rural-connectivity.json', '--out', 'x', '--ssa', 'mc', '--draws', 'many'],
      /^digicge: error: --draws must be a positive integer/,
    ],
  ])('a wrong command line %j exits 2 with a digicge: message', (args, message) => {
    const r = cli(...args);
    expect(r.stderr).toMatch(message);
    expect(r.status).toBe(2);
  });

  it('a data error exits 1 with a located digicge: message', () => {
    const r = cli('sam', 'check', 'test/no-such-sam.csv');
    expect(r.stderr).toMatch(/^digicge: error: .*no-such-sam\.csv/);
    expect(r.status).toBe(1);
  });

  it('--help documents the exit statuses', () => {
    const r = cli('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Exit status:\n\s+0\s+success\n\s+1\s+the data or a computation failed.*\n\s+2\s+the command line is wrong/);
  });
});
