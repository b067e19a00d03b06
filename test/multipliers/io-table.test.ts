import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyseIoTable, ioTableFromLabelled, parseLabelledTable } from '../../src/multipliers/index.js';
import { gaussJordanInverse, mul } from './helpers.js';

// A small IO table in the usual layout: Z, final-demand columns, value-added rows and an
// employment satellite row (jobs), gross output as the column totals.
const CSV = [
  ',AGR,MAN,ICT,HH,GOV,EXP',
  'AGR,10,20,5,40,5,20',
  'MAN,15,30,10,50,10,35',
  'ICT,5,10,8,20,15,12',
  'WAGES,30,40,30,,,',
  'PROFIT,40,50,17,,,',
  'JOBS,12,8,3,,,',
].join('\n');

describe('IO table from a labelled CSV', () => {
  const t = parseLabelledTable(CSV, 'io.csv');
  const io = ioTableFromLabelled(t, {
    finalDemand: ['HH', 'GOV', 'EXP'],
    valueAdded: ['WAGES', 'PROFIT'],
    labour: ['WAGES'],
    households: 'HH',
    satellite: ['JOBS'],
  });

  it('finds the sectors as the labels on both axes and x as column totals without satellite rows', () => {
    expect(io.sectors).toEqual(['AGR', 'MAN', 'ICT']);
    expect(Array.from(io.x)).toEqual([100, 150, 70]);
    expect(Array.from(io.y)).toEqual([65, 95, 47]);
    expect(Array.from(io.va)).toEqual([70, 90, 47]);
  });

  it('employment multipliers are S L (Gauss–Jordan check) and footprints add up to total jobs', () => {
    const a = analyseIoTable(io, { employment: 'JOBS', digital: ['ICT'] });
    const A = [
      [10 / 100, 20 / 150, 5 / 70],
      [15 / 100, 30 / 150, 10 / 70],
      [5 / 100, 10 / 150, 8 / 70],
    ];
    const L = gaussJordanInverse(A.map((r, i) => r.map((v, j) => (i === j ? 1 : 0) - v)));
    const expected = mul([[12 / 100, 8 / 150, 3 / 70]], L)[0];
    expected.forEach((v, j) => expect(a.satellite!.M.data[j]).toBeCloseTo(v, 12));
    expected.forEach((v, j) => expect(a.employment!.simple[j]).toBeCloseTo(v, 12));
    const totalJobs = Array.from(a.satellite!.Dcba.data).reduce((s, v) => s + v, 0);
    expect(totalJobs).toBeCloseTo(23, 10); // y consistent with x: S L y = S x = F 1
    expect(a.typeII!.employmentTypeII![0]).toBeGreaterThan(a.employment!.typeI![0]);
    // x = L y reproduces the table's gross output
    Array.from(a.xFromY).forEach((v, i) => expect(v).toBeCloseTo(io.x[i], 9));
    expect(a.digital!.share).toBeGreaterThan(47 / 207);
  });

  it('the CLI writes the satellite tables', () => {
    const dir = mkdtempSync(join(tmpdir(), 'digicge-io-'));
    writeFileSync(join(dir, 'io.csv'), CSV);
    const r = spawnSync(
      process.execPath,
      [
        join(import.meta.dirname, '../../bin/digicge.js'),
        'multipliers',
        join(dir, 'io.csv'),
        '--final-demand',
        'HH,GOV,EXP',
        '--value-added',
        'WAGES,PROFIT',
        '--labour',
        'WAGES',
        '--households',
        'HH',
        '--satellite',
        'JOBS',
        '--employment',
        'JOBS',
        '--digital',
        'ICT',
        '--out',
        join(dir, 'out'),
      ],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const m = readFileSync(join(dir, 'out', 'multipliers.csv'), 'utf8').split('\n')[0];
    expect(m).toContain('employment_type_ii');
    expect(readFileSync(join(dir, 'out', 'satellite_M.csv'), 'utf8')).toMatch(/^,AGR,MAN,ICT\nJOBS,/);
  });
});

describe('labelled CSV reader: located errors', () => {
  it('a ragged row', () => {
    expect(() => parseLabelledTable(',A,B\nA,1,2\nB,3\n', 'f.csv')).toThrow(
      expect.objectContaining({ code: 'TABLE_RAGGED', location: { file: 'f.csv', row: 3 } }),
    );
  });
  it('a duplicated row label', () => {
    expect(() => parseLabelledTable(',A,B\nA,1,2\nA,3,4\n', 'f.csv')).toThrow(
      expect.objectContaining({ code: 'TABLE_DUPLICATE_LABEL', location: { file: 'f.csv', row: 3, column: 'A' } }),
    );
  });
  it('an unknown sector named in the spec', () => {
    const t = parseLabelledTable(',A,B\nA,1,2\nB,3,4\n', 'f.csv');
    expect(() => ioTableFromLabelled(t, { sectors: ['A', 'C'] })).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_ACCOUNT', location: { file: 'f.csv', account: 'C' } }),
    );
  });
  it('reads CR-only line ends and a BOM', () => {
    const t = parseLabelledTable('\ufeff,A,B\rA,1,\rB,3,4\r');
    expect(t.rowLabels).toEqual(['A', 'B']);
    expect(Array.from(t.values.data)).toEqual([1, 0, 3, 4]);
  });
});

describe('ratio multipliers with a zero direct coefficient', () => {
  it('are left out with a note by the analysis, and an error when asked to throw', () => {
    const t = parseLabelledTable(',AGR,TRD,HH\nAGR,10,20,70\nTRD,15,5,30\nWAGES,75,0,\nPROFIT,0,25,\n');
    const io = ioTableFromLabelled(t, { finalDemand: ['HH'], labour: ['WAGES'], households: 'HH' });
    const a = analyseIoTable(io);
    expect(a.income!.simple[1]).toBeGreaterThan(0);
    expect(a.income!.typeI).toBeUndefined();
    expect(a.typeII!.incomeTypeII).toBeUndefined();
    expect(a.notes.join(' ')).toMatch(/left out: zero direct income coefficient in TRD/);
    expect(() => analyseIoTable(io, { ratios: 'throw' })).toThrow(
      expect.objectContaining({ code: 'ZERO_DIRECT_EFFECT', location: expect.objectContaining({ account: 'TRD' }) }),
    );
  });
});
