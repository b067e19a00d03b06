import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/digicge.js');
const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT });

describe('digicge sam check', () => {
  it('reports the 100 accounts of the Thai SAM 2006 balanced in their groups', () => {
    const r = cli('sam', 'check', '../shared/data/sam/ThaiSAM2006.csv');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('balanced: 100 of 100 accounts balanced');
    expect(r.stdout).toContain('household (10, 10 balanced): HH1, HH2');
    expect(r.stdout).toContain('the 3 measures agree');
  });
  it('exits non-zero on an unbalanced SAM and lists the accounts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'digicge-samcli-'));
    const p = join(dir, 'bad.csv');
    writeFileSync(p, ',A-X,HH\nA-X,,5\nHH,4,\n');
    const r = cli('sam', 'check', p, '--json');
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { balanced: boolean; accounts: { label: string; difference: number }[] };
    expect(report.balanced).toBe(false);
    expect(report.accounts.map((a) => a.difference)).toEqual([1, -1]);
  });
  it('takes explicit groups and prints GDP for the standard CGE SAM', () => {
    const r = cli('sam', 'check', '../shared/data/reference/stdcge/sam.csv', '--group', 'BRD=activity', '--group', 'MLK=activity');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/from expenditure: 102 = C 50 \+ G 33 \+ I 31 \+ E 12 − M 24/);
  });
  it('fails with a located one-line error on a bad cell', () => {
    const dir = mkdtempSync(join(tmpdir(), 'digicge-samcli-'));
    const p = join(dir, 'bad.csv');
    writeFileSync(p, ',A,B\nA,,x\nB,1,\n');
    const r = cli('sam', 'check', p);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${p}:2:C (B)`);
    expect(r.stderr).toContain('[SAM_NOT_NUMERIC]');
  });
  it('rejects a bad --tolerance as a usage error', () => {
    const r = cli('sam', 'check', '../shared/data/sam/ThaiSAM2006.csv', '--tolerance', 'abc');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--tolerance');
  });
  it('splits an account from a JSON spec and aggregates it back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'digicge-samcli-'));
    const spec = join(dir, 'split.json');
    writeFileSync(
      spec,
      JSON.stringify({
        account: 'A-TransComm',
        source: 'test share',
        parts: [
          { label: 'A-Telecom', share: 0.2 },
          { label: 'A-Transport', share: 0.8 },
        ],
      }),
    );
    const map = join(dir, 'map.json');
    writeFileSync(map, JSON.stringify({ mapping: { 'A-Telecom': 'A-TransComm', 'A-Transport': 'A-TransComm' } }));
    const split = join(dir, 'split-sam.json');
    expect(cli('sam', 'split', 'datasets/sam/thai/ThaiSAM2006.csv', split, '--spec', spec).status).toBe(0);
    const doc = JSON.parse(readFileSync(split, 'utf8')) as { accounts: unknown[]; provenance: { operation: string; source: string }[] };
    expect(doc.accounts).toHaveLength(101);
    expect(doc.provenance[0]).toMatchObject({ operation: 'split', source: 'test share' });
    const back = join(dir, 'back.csv');
    const r = cli('sam', 'aggregate', split, back, '--mapping', map);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('101 accounts aggregated into 100');
  });
});
