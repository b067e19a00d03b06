import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATA, gaussJordanInverse, millerBlair } from './helpers.js';

const BIN = join(import.meta.dirname, '../../bin/digicge.js');

function cli(...args: string[]) {
  return spawnSync(process.execPath, [BIN, 'multipliers', ...args], { encoding: 'utf8' });
}

function readMatrixCsv(path: string): { labels: string[]; rows: number[][] } {
  const lines = readFileSync(path, 'utf8').trim().split('\n');
  return {
    labels: lines[0].split(',').slice(1),
    rows: lines.slice(1).map((l) => l.split(',').slice(1).map(Number)),
  };
}

describe('digicge multipliers', () => {
  it('reproduces the Miller & Blair §2.3 Leontief inverse and output multipliers from an IO CSV (Z plus an x column)', () => {
    const mb = millerBlair();
    const dir = mkdtempSync(join(tmpdir(), 'digicge-mult-'));
    const csv = join(dir, 'io.csv');
    writeFileSync(csv, [',S1,S2,x', ...mb.Z.map((r, i) => `S${i + 1},${r.join(',')},${mb.x[i]}`)].join('\n') + '\n');
    const out = join(dir, 'out');
    const r = cli(csv, '--x', 'x', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/S1\s+1\.5182/);
    expect(r.stdout).toMatch(/S2\s+1\.4521/);
    const L = readMatrixCsv(join(out, 'L.csv'));
    L.rows.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(mb.L_to_4_decimals[i][j], 4)));
    const m = readFileSync(join(out, 'multipliers.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => Number(l.split(',')[1]));
    expect(m[0]).toBeCloseTo(1.5182, 4);
    expect(m[1]).toBeCloseTo(1.4521, 4);
    // same input → byte-identical output
    const again = join(dir, 'again');
    cli(csv, '--x', 'x', '--out', again);
    for (const f of ['A.csv', 'L.csv', 'multipliers.csv', 'summary.json']) {
      expect(readFileSync(join(again, f), 'utf8')).toBe(readFileSync(join(out, f), 'utf8'));
    }
  });

  it('reproduces the accounting multipliers of the stdcge SAM with BRD, MLK, CAP, LAB, HOH endogenous', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'digicge-mult-')), 'sam');
    const r = cli(join(DATA, 'stdcge_sam.csv'), '--endogenous', 'BRD,MLK,CAP,LAB,HOH', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // independent answer: Gauss–Jordan on I − An typed by hand from the SAM
    const T = [
      [21, 8, 0, 0, 20],
      [17, 9, 0, 0, 30],
      [20, 30, 0, 0, 0],
      [15, 25, 0, 0, 0],
      [0, 0, 50, 40, 0],
    ];
    const tot = [92, 89, 50, 40, 90];
    const expected = gaussJordanInverse(T.map((row, i) => row.map((v, j) => (i === j ? 1 : 0) - v / tot[j])));
    const Ma = readMatrixCsv(join(out, 'Ma.csv'));
    expect(Ma.labels).toEqual(['BRD', 'MLK', 'CAP', 'LAB', 'HOH']);
    Ma.rows.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(expected[i][j], 12)));
    expect(r.stdout).toMatch(/Pyatt–Round blocks: BRD\+MLK \| CAP\+LAB \| HOH/);
  });

  it('computes Leontief multipliers of a SAM block with households endogenous (Type II ≥ Type I)', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'digicge-mult-')), 'io');
    const r = cli(
      join(DATA, 'stdcge_sam.csv'),
      '--type',
      'leontief',
      '--z-block',
      'BRD,MLK',
      '--labour',
      'LAB',
      '--households',
      'HOH',
      '--digital',
      'MLK',
      '--out',
      out,
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = readFileSync(join(out, 'multipliers.csv'), 'utf8').trim().split('\n');
    const h = lines[0].split(',');
    for (const l of lines.slice(1)) {
      const c = l.split(',');
      expect(Number(c[h.indexOf('output_type_ii')])).toBeGreaterThan(Number(c[h.indexOf('output_type_i')]));
      expect(Number(c[h.indexOf('income_type_ii')])).toBeGreaterThan(Number(c[h.indexOf('income_type_i')]));
    }
    // the share's denominator is named for what it is: the value added of the table (here the factor rows)
    expect(r.stdout).toMatch(/% of total value added of the table/);
    expect(r.stdout).not.toMatch(/of GDP/);
  });

  it('reads a SAM with activity and commodity accounts industry by industry and names the value added', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'digicge-mult-')), 'ixi');
    const r = cli(join(import.meta.dirname, '../../datasets/sam/asean/THA.csv'), '--digital', 'A-ICT,A-TEL,A-ITS', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/: 8 sectors\n/);
    expect(r.stdout).not.toMatch(/C-MAN/);
    // the same measure as the demo's multipliers stage (test/demo/figures.test.ts recomputes it)
    const s = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { digital: { shareOfGdp: number; denominator: string } };
    expect(s.digital.denominator).toBe('gross value added at basic prices');
    expect(r.stdout).toContain(`= ${(100 * s.digital.shareOfGdp).toFixed(2)} % of gross value added at basic prices`);
  });

  it('fails with one located line on bad input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'digicge-mult-'));
    const zero = join(dir, 'zero.csv');
    writeFileSync(zero, ',AGR,ICT,x\nAGR,10,0,100\nICT,5,0,0\n');
    let r = cli(zero, '--x', 'x', '--out', join(dir, 'o'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/account ICT: sector ICT has gross output 0.*\[ZERO_OUTPUT\]/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, ',AGR,ICT\nAGR,10,abc\nICT,5,3\n');
    r = cli(bad, '--out', join(dir, 'o'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bad\.csv:2:ICT account AGR: cell 'abc' is not a finite number \[TABLE_NOT_NUMERIC\]/);
    r = cli(join(DATA, 'stdcge_sam.csv'), '--type', 'sam', '--out', join(dir, 'o'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/USAGE_MISSING_ENDOGENOUS/);
  });
});
