import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Command } from 'commander';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addBalanceCommand } from '../../../src/cli/commands/sam-balance.js';
import { parseLabelledMatrixCsv } from '../../../src/sam/balance/index.js';
import { NumericError } from '../../../src/errors.js';
import { closeTo6, flat, jo, mb } from './examples.js';

let dir: string;
let out: string[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'digicge-balance-'));
  out = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out.push(String(s));
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

/** `digicge sam balance …` through a small commander program holding the command. */
async function samBalance(...args: string[]): Promise<void> {
  const program = new Command('digicge').exitOverride();
  const sam = program.command('sam');
  addBalanceCommand(sam);
  await program.parseAsync(['sam', 'balance', ...args], { from: 'user' });
}

function matrixCsv(rows: string[], cols: string[], m: number[][]): string {
  return [['', ...cols].join(','), ...rows.map((r, i) => [r, ...m[i].map(String)].join(','))].join('\n') + '\n';
}

function totalsCsv(labels: string[], t: number[]): string {
  return ['account,total', ...labels.map((l, i) => `${l},${t[i]}`)].join('\n') + '\n';
}

describe('digicge sam balance', () => {
  const s = ['S1', 'S2', 'S3'];

  it('reproduces Miller & Blair §7.4.2 by RAS (to 6 decimals) and writes deterministic output', async () => {
    const z0 = mb.A0.map((row) => row.map((a, j) => a * mb.x1[j]));
    writeFileSync(join(dir, 'z0.csv'), matrixCsv(s, s, z0));
    writeFileSync(join(dir, 'u.csv'), totalsCsv(s, mb.u1));
    writeFileSync(join(dir, 'v.csv'), totalsCsv(s, mb.v1));
    const args = ['--method', 'ras', '--row-totals', join(dir, 'u.csv'), '--col-totals', join(dir, 'v.csv'), '--tolerance', '1e-10'];
    await samBalance(join(dir, 'z0.csv'), ...args, '--out', join(dir, 'z1.csv'));
    expect(out.join('')).toMatch(/RAS converged in \d+ iterations; largest remaining imbalance/);
    const z1 = parseLabelledMatrixCsv(readFileSync(join(dir, 'z1.csv'), 'utf8'));
    expect(z1.rowLabels).toEqual(s);
    const a1 = z1.values.map((z, k) => z / mb.x1[k % 3]);
    expect(closeTo6(a1, flat(mb.A1_to_6_decimals))).toBeLessThan(5e-7 + 1e-12);
    await samBalance(join(dir, 'z0.csv'), ...args, '--out', join(dir, 'again.csv'));
    expect(readFileSync(join(dir, 'again.csv'))).toEqual(readFileSync(join(dir, 'z1.csv')));
  });

  it('reproduces Junius & Oosterhaven by GRAS on a rectangular matrix (to 6 decimals)', async () => {
    const rows = ['r1', 'r2', 'r3'];
    const cols = ['c1', 'c2', 'c3', 'c4'];
    writeFileSync(join(dir, 'a.csv'), matrixCsv(rows, cols, jo.A));
    writeFileSync(join(dir, 'u.csv'), totalsCsv(rows, jo.u));
    writeFileSync(join(dir, 'v.csv'), totalsCsv(cols, jo.v));
    await samBalance(
      join(dir, 'a.csv'),
      '--method',
      'gras',
      '--row-totals',
      join(dir, 'u.csv'),
      '--col-totals',
      join(dir, 'v.csv'),
      '--tolerance',
      '1e-11',
      '--out',
      join(dir, 'x.csv'),
    );
    const x = parseLabelledMatrixCsv(readFileSync(join(dir, 'x.csv'), 'utf8'));
    expect(x.colLabels).toEqual(cols);
    expect(closeTo6(x.values, flat(jo.X_to_6_decimals))).toBeLessThan(5e-7 + 1e-12);
    expect(out.join('')).toMatch(/GRAS converged/);
  });

  it('balances a square SAM with no totals by cross-entropy, with a fixed cell', async () => {
    const l = ['A-AGR', 'C-AGR', 'HH'];
    writeFileSync(
      join(dir, 'sam.csv'),
      matrixCsv(l, l, [
        [0, 5, 3],
        [4, 0, 6],
        [2, 4, 0],
      ]),
    );
    writeFileSync(join(dir, 'fixed.csv'), 'row,column,value\nC-AGR,HH,6\n');
    await samBalance(join(dir, 'sam.csv'), '--method', 'cross-entropy', '--fixed', join(dir, 'fixed.csv'), '--out', join(dir, 'bal.csv'));
    const b = parseLabelledMatrixCsv(readFileSync(join(dir, 'bal.csv'), 'utf8'));
    expect(b.values[1 * 3 + 2]).toBe(6);
    for (let i = 0; i < 3; i++) {
      let r = 0;
      let c = 0;
      for (let j = 0; j < 3; j++) {
        r += b.values[i * 3 + j];
        c += b.values[j * 3 + i];
      }
      expect(r).toBeCloseTo(c, 6);
    }
  });

  it('reads bands (lower, upper) and macro controls for cross-entropy, and lands the totals in them', async () => {
    const z0 = mb.A0.map((row) => row.map((a, j) => a * mb.x1[j]));
    writeFileSync(join(dir, 'z0.csv'), matrixCsv(s, s, z0));
    writeFileSync(join(dir, 'u.csv'), 'account,total,lower,upper\nS1,,240,250\nS2,136,,\nS3,,150,170\n');
    writeFileSync(join(dir, 'v.csv'), totalsCsv(s, [251, 107, 180]));
    writeFileSync(
      join(dir, 'macro.json'),
      JSON.stringify([
        {
          name: 'block',
          cells: [
            { row: 'S1', col: 'S1' },
            { row: 'S3', col: 'S1' },
          ],
          value: 120,
        },
      ]),
    );
    await samBalance(
      join(dir, 'z0.csv'),
      '--method',
      'cross-entropy',
      '--row-totals',
      join(dir, 'u.csv'),
      '--col-totals',
      join(dir, 'v.csv'),
      '--macro',
      join(dir, 'macro.json'),
      '--tolerance',
      '1e-9',
      '--out',
      join(dir, 'z1.csv'),
    );
    const z1 = parseLabelledMatrixCsv(readFileSync(join(dir, 'z1.csv'), 'utf8')).values;
    const row = (i: number) => z1[i * 3] + z1[i * 3 + 1] + z1[i * 3 + 2];
    const col = (j: number) => z1[j] + z1[3 + j] + z1[6 + j];
    expect(row(0)).toBeGreaterThanOrEqual(240 - 1e-9);
    expect(row(0)).toBeLessThanOrEqual(250 + 1e-9);
    expect(row(1)).toBeCloseTo(136, 8);
    expect(row(2)).toBeGreaterThanOrEqual(150 - 1e-9);
    expect(row(2)).toBeLessThanOrEqual(170 + 1e-9);
    [251, 107, 180].forEach((t, j) => expect(col(j)).toBeCloseTo(t, 8));
    expect(z1[0] + z1[6]).toBeCloseTo(120, 8);
    expect(out.join('')).toMatch(/cross-entropy converged/);
  });

  it('fails with a located error and writes nothing when the problem is infeasible or unconverged', async () => {
    writeFileSync(
      join(dir, 'z.csv'),
      matrixCsv(s, s, [
        [1, 2, 3],
        [0, 0, 0],
        [1, 1, 1],
      ]),
    );
    writeFileSync(join(dir, 'u.csv'), totalsCsv(s, [6, 2, 3]));
    const err = await samBalance(join(dir, 'z.csv'), '--row-totals', join(dir, 'u.csv'), '--out', join(dir, 'o.csv')).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(NumericError);
    expect((err as NumericError).code).toBe('BALANCE_ZERO_ROW');
    expect((err as NumericError).location).toEqual({ account: 'S2' });
    writeFileSync(
      join(dir, 'p.csv'),
      matrixCsv(s, s, [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ]),
    );
    const err2 = await samBalance(join(dir, 'p.csv'), '--max-iterations', '1', '--tolerance', '0', '--out', join(dir, 'o.csv')).catch(
      (e: unknown) => e,
    );
    expect((err2 as NumericError).code).toBe('BALANCE_NOT_CONVERGED');
    expect((err2 as NumericError).location).toEqual({ file: join(dir, 'p.csv') });
    expect(existsSync(join(dir, 'o.csv'))).toBe(false);
  });

  it('rejects a non-numeric total naming the file, row and column', async () => {
    writeFileSync(
      join(dir, 'p.csv'),
      matrixCsv(s, s, [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ]),
    );
    writeFileSync(join(dir, 'u.csv'), 'account,total\nS1,12\nS2,abc\nS3,4\n');
    const err = await samBalance(join(dir, 'p.csv'), '--row-totals', join(dir, 'u.csv'), '--out', join(dir, 'o.csv')).catch(
      (e: unknown) => e,
    );
    expect((err as NumericError).code).toBe('CSV_NOT_NUMERIC');
    expect((err as NumericError).location).toEqual({ file: join(dir, 'u.csv'), row: 3, column: 'total' });
  });

  it('takes the whole problem from a JSON file: the CESAM worked example to its published cells', async () => {
    const d = join(import.meta.dirname, '../../../datasets/balancing/cesam_mozambique');
    await samBalance(join(d, 'sam.csv'), '--problem', join(d, 'problem.json'), '--out', join(dir, 'cesam.csv'));
    expect(out.join('')).toMatch(/cross-entropy converged .* objective 0\.00958557\d+ \(newton solver\)/);
    const b = parseLabelledMatrixCsv(readFileSync(join(dir, 'cesam.csv'), 'utf8'));
    const published = JSON.parse(readFileSync(join(d, 'published.json'), 'utf8'));
    for (const c of published.balancedSam.cells) {
      const v = b.values[b.rowLabels.indexOf(c.row) * b.colLabels.length + b.colLabels.indexOf(c.col)];
      expect(Math.abs(v - c.value)).toBeLessThanOrEqual(0.0005 + 1e-9);
    }
  });

  it('reads error terms from the totals and cell-errors CSV files (sd with points, weights)', async () => {
    const z0 = mb.A0.map((row) => row.map((a, j) => a * mb.x1[j]));
    writeFileSync(join(dir, 'z0.csv'), matrixCsv(s, s, z0));
    writeFileSync(join(dir, 'u.csv'), 'account,total,sd,points,weights\nS1,250,5,-3 0 3,1 16 1\nS2,136,,,\nS3,159,,,\n');
    writeFileSync(join(dir, 'v.csv'), totalsCsv(s, [251, 107, 187]));
    writeFileSync(join(dir, 'cells.csv'), 'row,column,sd_relative,points,weights\nS1,S1,0.1,-3;0;3,1;16;1\n');
    await samBalance(
      join(dir, 'z0.csv'),
      '--method',
      'cross-entropy',
      '--row-totals',
      join(dir, 'u.csv'),
      '--col-totals',
      join(dir, 'v.csv'),
      '--cell-errors',
      join(dir, 'cells.csv'),
      '--out',
      join(dir, 'z1.csv'),
    );
    expect(out.join('')).toMatch(/cross-entropy converged .*newton solver/);
    const z1 = parseLabelledMatrixCsv(readFileSync(join(dir, 'z1.csv'), 'utf8')).values;
    // the column totals are exact, so row S1 takes 545 − 136 − 159 = 250: within its support 250 ± 15
    expect(z1[0] + z1[1] + z1[2]).toBeCloseTo(250, 6);
    expect([0, 1, 2].reduce((a, j) => a + z1[j] + z1[3 + j] + z1[6 + j], 0)).toBeCloseTo(545, 6);
  });

  it('rejects a problem file that does not satisfy the schema, naming the JSON path', async () => {
    writeFileSync(
      join(dir, 'p.csv'),
      matrixCsv(s, s, [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ]),
    );
    writeFileSync(
      join(dir, 'problem.json'),
      JSON.stringify({ method: 'cross-entropy', totals: { accounts: { S1: { value: 6, sd: -1 } } } }),
    );
    const err = await samBalance(join(dir, 'p.csv'), '--problem', join(dir, 'problem.json'), '--out', join(dir, 'o.csv')).catch(
      (e: unknown) => e,
    );
    expect((err as NumericError).code).toBe('SCHEMA_INVALID');
    expect((err as NumericError).location).toEqual({ file: join(dir, 'problem.json'), jsonPath: '/totals/accounts/S1' });
    expect(existsSync(join(dir, 'o.csv'))).toBe(false);
  });
});
