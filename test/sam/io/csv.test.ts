import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatSamCsv, parseSamCsv, readSamCsv, type DigicgeError } from '../../../src/index.js';

const DATA = join(import.meta.dirname, '../../../../shared/data');

function err(f: () => unknown): DigicgeError {
  try {
    f();
  } catch (e) {
    return e as DigicgeError;
  }
  throw new Error('expected an error');
}

describe('SAM CSV reader', () => {
  it('reads the Thai SAM 2006 with CR-only line ends: 100 accounts, balanced', async () => {
    const sam = await readSamCsv(join(DATA, 'sam/ThaiSAM2006.csv'));
    expect(sam.n).toBe(100);
    expect(sam.labels[0]).toBe('A-Crops');
    expect(sam.labels[99]).toBe('ROW');
    // first data line of the file: A-Crops row, C-Crops column = 710.1767023
    expect(sam.get('A-Crops', 'C-Crops')).toBe(710.1767023);
    const r = sam.rowTotals();
    const c = sam.colTotals();
    // the file rounds cells to 7 decimals: accounts agree to 2e-4, i.e. 1e-8 of the largest account
    const scale = Math.max(...r, ...c);
    for (let i = 0; i < sam.n; i++) expect(Math.abs(r[i] - c[i])).toBeLessThan(1e-6 * scale);
    expect(Math.abs(r[sam.index('C-Forestry')] - c[sam.index('C-Forestry')])).toBeGreaterThan(1e-4);
    expect(sam.warnings).toEqual([]);
    const groups = new Map<string, number>();
    for (const a of sam.accounts) groups.set(a.group, (groups.get(a.group) ?? 0) + 1);
    expect(Object.fromEntries(groups)).toEqual({
      activity: 26,
      commodity: 52,
      factor: 4,
      household: 10,
      enterprise: 1,
      government: 1,
      margin: 1,
      tax: 3,
      'savings-investment': 1,
      'rest-of-world': 1,
    });
  });
  it('checks and drops the Total row and column of the Thai macro SAM 2004', async () => {
    const sam = await readSamCsv(join(DATA, 'sam/ThaiMacro_SAM2004.csv'));
    expect(sam.n).toBe(12);
    expect(sam.has('Total')).toBe(false);
    expect(sam.get('CapAcct', 'Capital')).toBe(7.7e-7);
    expect(sam.get('COM', 'ACT')).toBe(11484.27502);
  });
  it('reads empty cells as 0 and any line ending', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const s = parseSamCsv([',A,B', 'A,,2', 'B,2,'].join(eol));
      expect(Array.from(s.values)).toEqual([0, 2, 2, 0]);
    }
  });
  it('reads quoted labels holding commas (CSV parser path) and writes them back quoted', () => {
    const s = parseSamCsv(',"A-X, Y",HH\r\n"A-X, Y",,2\r\nHH,2,\r\n');
    expect(s.labels).toEqual(['A-X, Y', 'HH']);
    expect(s.get('A-X, Y', 'HH')).toBe(2);
    expect(parseSamCsv(formatSamCsv(s)).labels).toEqual(['A-X, Y', 'HH']);
  });
  it('round-trips through the writer exactly', async () => {
    const sam = await readSamCsv(join(DATA, 'sam/ThaiSAM2006.csv'));
    const text = formatSamCsv(sam);
    const back = parseSamCsv(text);
    expect(back.labels).toEqual(sam.labels);
    expect(Array.from(back.values)).toEqual(Array.from(sam.values));
    expect(formatSamCsv(back)).toBe(text);
    const withTotals = parseSamCsv(formatSamCsv(sam, { totals: true }));
    expect(Array.from(withTotals.values)).toEqual(Array.from(sam.values));
  });
  it('rejects a non-square matrix', () => {
    const e = err(() => parseSamCsv(',A,B\nA,1,2\n', { file: 'x.csv' }));
    expect(e.code).toBe('SAM_NOT_SQUARE');
    expect(e.location?.file).toBe('x.csv');
  });
  it('rejects row labels that differ from column labels, naming row and column', () => {
    const e = err(() => parseSamCsv(',A,B\nA,1,2\nC,3,4\n', { file: 'x.csv' }));
    expect(e.code).toBe('SAM_LABEL_MISMATCH');
    expect(e.location).toMatchObject({ file: 'x.csv', row: 3, column: 'C', account: 'C' });
  });
  it('rejects duplicate labels', () => {
    const e = err(() => parseSamCsv(',A,A\nA,1,2\nA,3,4\n', { file: 'x.csv' }));
    expect(e.code).toBe('SAM_DUPLICATE_LABEL');
    expect(e.location).toMatchObject({ file: 'x.csv', row: 1, account: 'A' });
  });
  it('rejects a non-numeric cell with file, row and column', () => {
    const e = err(() => parseSamCsv(',A,B\nA,1,x2\nB,3,4\n', { file: 'x.csv' }));
    expect(e.code).toBe('SAM_NOT_NUMERIC');
    expect(e.location).toMatchObject({ file: 'x.csv', row: 2, column: 'C (B)', account: 'A' });
  });
  it('rejects NaN and Infinity with file, row and column', () => {
    for (const bad of ['NaN', 'Infinity', '-inf']) {
      const e = err(() => parseSamCsv(`,A,B\nA,1,2\nB,${bad},4\n`, { file: 'x.csv' }));
      expect(e.code).toBe('SAM_NOT_FINITE');
      expect(e.location).toMatchObject({ file: 'x.csv', row: 3, column: 'B (A)', account: 'B' });
    }
  });
  it('rejects a Total column that disagrees with its cells', () => {
    const e = err(() => parseSamCsv(',A,B,Total\nA,1,2,3\nB,3,4,8\n', { file: 'x.csv' }));
    expect(e.code).toBe('SAM_TOTAL_MISMATCH');
    expect(e.location).toMatchObject({ file: 'x.csv', row: 3, account: 'B' });
  });
  it('reads a BOM and a file that the reader reads identically from disk', () => {
    const s = parseSamCsv('\ufeff,A,B\nA,0,1\nB,1,0\n');
    expect(s.labels).toEqual(['A', 'B']);
    const raw = readFileSync(join(DATA, 'sam/ThaiSAM2006.csv'), 'latin1');
    expect(raw.includes('\n')).toBe(false);
  });
});
