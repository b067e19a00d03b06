import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { checkSam, parseSamCsv, readSam, samFromLabelledGrid, type DigicgeError } from '../../../src/index.js';
import { splitQuotedLine } from '../../support/independent.js';

const ROOT = join(import.meta.dirname, '../../..');
const PHL = join(ROOT, 'datasets/sam/published/phl_ifpri_2018/002_IFPRI_SAM_PHL_2018_SAM.csv');
const ZAF = join(ROOT, 'datasets/sam/published/zaf_wider_2015/SASAM-2015-excerpt.xlsx');
const BIN = join(ROOT, 'bin/digicge.js');
const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT });

async function rejects(p: Promise<unknown>): Promise<DigicgeError> {
  try {
    await p;
  } catch (e) {
    return e as DigicgeError;
  }
  throw new Error('expected an error');
}

/** An independent reading of the IFPRI CSV: quoted fields, thousands separators, last row/column `total`. */
function phlByHand(): { codes: string[]; descriptions: string[]; m: number[][]; rowTotal: number[]; colTotal: number[] } {
  const lines = readFileSync(PHL, 'utf8').trim().split('\n');
  const split = (l: string) => splitQuotedLine(l, ',');
  const rows = lines.map(split);
  const num = (s: string) => (s === undefined || s.trim() === '' ? 0 : Number(s.replaceAll(',', '')));
  const codes = rows[0].slice(2, -1);
  const n = codes.length;
  const body = rows.slice(1, 1 + n);
  return {
    codes,
    descriptions: body.map((r) => r[0]),
    m: body.map((r) => codes.map((_, j) => num(r[2 + j]))),
    rowTotal: body.map((r) => num(r[2 + n])),
    colTotal: codes.map((_, j) => num(rows[1 + n][2 + j])),
  };
}

describe('IFPRI 2018 SAM for the Philippines as published (CSV)', () => {
  it('reads 105 accounts from the code column, groups from the description column, totals within the rounding', async () => {
    const sam = await readSam(PHL, { totalsTolerance: 5, totalsAbsolute: true });
    const hand = phlByHand();
    expect(sam.n).toBe(105);
    expect(sam.labels).toEqual(hand.codes);
    for (let i = 0; i < sam.n; i++) for (let j = 0; j < sam.n; j++) expect(sam.values[i * sam.n + j]).toBe(hand.m[i][j]);
    // the file's own totals: rounded cell by cell, so they agree with the sums to 5 units
    const rt = sam.rowTotals();
    const ct = sam.colTotals();
    for (let i = 0; i < sam.n; i++) {
      expect(Math.abs(rt[i] - hand.rowTotal[i])).toBeLessThanOrEqual(5);
      expect(Math.abs(ct[i] - hand.colTotal[i])).toBeLessThanOrEqual(5);
    }
    // groups: from the description column ("Activities - Maize"), checked against IFPRI's code prefixes
    const byPrefix = (code: string) =>
      code === 'trc'
        ? 'margin'
        : code.startsWith('hhd')
          ? 'household'
          : code === 'dstk' || code === 's-i'
            ? 'savings-investment'
            : code.endsWith('tax')
              ? 'tax'
              : (({ a: 'activity', c: 'commodity', f: 'factor' } as Record<string, string>)[code[0]] ??
                ({ ent: 'enterprise', gov: 'government', row: 'rest-of-world' } as Record<string, string>)[code]);
    for (const a of sam.accounts) expect(a.group, a.label).toBe(byPrefix(a.label));
    expect(hand.descriptions[0]).toBe('Activities - Maize');
    expect(sam.provenance.at(-1)?.description).toMatch(
      /header row 1, labels in column B, groups from column A, Total row 107 checked, Total column DD checked/,
    );
  });
  it('names the first total the rounding breaks when read at the default tolerance', async () => {
    const e = await rejects(readSam(PHL));
    expect(e.code).toBe('SAM_TOTAL_MISMATCH');
    // avege is the 6th account: sheet row 7; the Total column is DD (2 label columns + 105 accounts + 1)
    expect(e.location).toMatchObject({ row: 7, column: 'DD (Total)', account: 'avege' });
  });
});

describe('UNU-WIDER 2015 SAM for South Africa as published (XLSX, several SAMs)', () => {
  it('reads the macro SAM under its title, with labels broken over two header rows and merged cells', async () => {
    const sam = await readSam(ZAF, { sheet: 'Macro SAM 2015 + GDP' });
    expect(sam.labels).toEqual([
      'Activities',
      'Commodities',
      'Labour',
      'Capital',
      'Enterprises',
      'Households',
      'Government',
      'Net activity taxes',
      'Net dom prod taxes',
      'Import duties',
      'Income taxes',
      'Ch in inventories',
      'Accumulation',
      'Rest of the world',
    ]);
    // independent: the sheet's own Total row and column (cached formula results), cell by cell
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(ZAF);
    const ws = wb.getWorksheet('Macro SAM 2015 + GDP');
    if (!ws) throw new Error('fixture sheet missing');
    const v = (r: number, c: number) => {
      const x = ws.getCell(r, c).value as unknown;
      return typeof x === 'number' ? x : ((x as { result?: number } | null)?.result ?? 0);
    };
    const rt = sam.rowTotals();
    const ct = sam.colTotals();
    for (let i = 0; i < 14; i++) {
      expect(rt[i]).toBeCloseTo(v(5 + i, 17), 6); // column Q
      expect(ct[i]).toBeCloseTo(v(19, 3 + i), 6); // row 19
    }
    // the published GDP side table: GDP at market prices R 4,051.42 billion from income (V12) and expenditure (X11)
    const report = checkSam(sam, { tolerance: 1e-6 });
    expect(report.balanced).toBe(true);
    expect(report.macro.expenditure?.gdp).toBeCloseTo(v(11, 24), 2);
    expect(report.macro.expenditure?.gdp).toBeCloseTo(v(12, 22), 2);
    expect(v(12, 22)).toBeCloseTo(4051.42, 6);
    const g = Object.fromEntries(sam.accounts.map((a) => [a.label, a.group]));
    expect(g).toMatchObject({
      'Import duties': 'tax',
      'Net activity taxes': 'tax',
      Accumulation: 'savings-investment',
      'Ch in inventories': 'savings-investment',
    });
  });
  it('reads the micro SAM of the same workbook by name or position, under its title and cover link', async () => {
    const byName = await readSam(ZAF, { sheet: 'Micro SAM 2015' });
    const byPos = await readSam(ZAF, { sheet: 3 });
    expect(byName.n).toBe(195);
    expect(byPos.labels).toEqual(byName.labels);
    // the macro SAM aggregates the micro SAM (R million → R billion): the activities' total output agrees
    const macro = await readSam(ZAF, { sheet: 'Macro SAM 2015 + GDP' });
    // the activities are the first block of labels, aagri … (IFPRI-style prefixes, not inferred as groups)
    const ct = byName.colTotals();
    const nAct = byName.labels.findIndex((l) => !l.startsWith('a'));
    expect(nAct).toBeGreaterThan(10);
    const output = ct.slice(0, nAct).reduce((a, b) => a + b, 0);
    expect(output / 1000).toBeCloseTo(macro.colTotals()[0], 0);
  });
  it('says which sheets the workbook has when the first one is not a SAM', async () => {
    const e = await rejects(readSam(ZAF));
    expect(e.message).toMatch(/first sheet 'Cover'.*'Macro SAM 2015 \+ GDP'.*--sheet/);
    const e2 = await rejects(readSam(PHL, { sheet: 'x' }));
    expect(e2.code).toBe('SAM_SHEET_NOT_XLSX');
  });
  it('digicge sam check shows the layout and the groups it read', () => {
    const r = cli('sam', 'check', ZAF, '--sheet', 'Macro SAM 2015 + GDP');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      "read sheet 'Macro SAM 2015 + GDP' as published: header rows 3–4, labels in column B, Total row 19 checked, Total column Q checked",
    );
    expect(r.stdout).toContain('title/notes: "Cover"; "A 2015 Social Accounting Matrix');
    expect(r.stdout).toContain('tax (4, 4 balanced): Net activity taxes, Net dom prod taxes, Import duties, Income taxes');
    const p = cli('sam', 'check', PHL, '--totals-tolerance', '5', '--totals-absolute', '--tolerance', '5', '--absolute');
    expect(p.stderr).toBe('');
    expect(p.stdout).toContain('groups from column A');
    expect(p.stdout).toMatch(/household \(10, \d+ balanced\): hhd-r1, hhd-r2/);
  });
});

describe('group header rows and group columns', () => {
  const labels = ['x1', 'x2', 'y1', 'z1'];
  const m = [
    [0, 3, 1, 0],
    [2, 0, 0, 2],
    [1, 1, 0, 0],
    [1, 0, 1, 0],
  ];
  it('takes groups from a header row above the labels (blank cells continue the group) over label inference', () => {
    const grid = [
      ['Table 1. A toy SAM, million'],
      [],
      ['', 'Activities', '', 'Households', 'Rest of world', ''],
      ['', ...labels, 'Total'],
      ...labels.map((l, i) => [l, ...m[i], m[i].reduce((a, b) => a + b, 0)]),
      ['Total', ...labels.map((_, j) => m.reduce((s, r) => s + r[j], 0)), ''],
      [],
      ['Source: made up for the test'],
    ];
    const sam = samFromLabelledGrid(grid);
    expect(sam.accounts.map((a) => a.group)).toEqual(['activity', 'activity', 'household', 'rest-of-world']);
    expect(sam.provenance.at(-1)?.details?.notes).toEqual(['Table 1. A toy SAM, million', 'Source: made up for the test']);
  });
  it('reads an XLSX with a title row and merged group cells over the account labels (it failed at row 3 with SAM_EMPTY_ROW)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('SAM 2020');
    ws.addRow(['A toy SAM, 2020 (million)']);
    ws.addRow([]);
    ws.addRow(['', 'Activities', '', 'Households', 'Rest of world', '']);
    ws.mergeCells('B3:C3');
    ws.addRow(['', ...labels, 'Total']);
    labels.forEach((l, i) => ws.addRow([l, ...m[i], m[i].reduce((a, b) => a + b, 0)]));
    ws.addRow(['Total', ...labels.map((_, j) => m.reduce((s, r) => s + r[j], 0))]);
    wb.addWorksheet('Notes').addRow(['not a SAM']);
    const dir = mkdtempSync(join(tmpdir(), 'digicge-pub-'));
    const p = join(dir, 'toy.xlsx');
    await wb.xlsx.writeFile(p);
    const sam = await readSam(p, { sheet: 'SAM 2020' });
    expect(sam.labels).toEqual(labels);
    expect(sam.accounts.map((a) => a.group)).toEqual(['activity', 'activity', 'household', 'rest-of-world']);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) expect(sam.get(labels[i], labels[j])).toBe(m[i][j]);
    expect(sam.provenance.at(-1)?.description).toMatch(
      /header row 4, labels in column A, groups from row 3, Total row 9 checked, Total column F checked/,
    );
  });
  it('takes groups from a group column left of the labels', () => {
    const grid = [['', '', ...labels], ...labels.map((l, i) => [i < 2 ? 'Commodities' : i === 2 ? 'Government' : 'Taxes', l, ...m[i]])];
    const sam = samFromLabelledGrid(grid);
    expect(sam.accounts.map((a) => a.group)).toEqual(['commodity', 'commodity', 'government', 'tax']);
  });
  it('still rejects a plain file whose labels disagree (no guessing past the first mismatch)', () => {
    expect(() => parseSamCsv(',A,B,C\nA,1,2,3\nB,3,4,5\nD,1,1,1\n')).toThrow(expect.objectContaining({ code: 'SAM_LABEL_MISMATCH' }));
  });
  it('reads back any SAM wrapped in titles, notes, a group row and totals (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.integer({ min: -50, max: 500 }), { minLength: 36, maxLength: 36 }),
        (n, titles, groupRow, totals, vals) => {
          const labs = Array.from({ length: n }, (_, i) => `acc${i}`);
          const cell = (i: number, j: number) => vals[i * 6 + j];
          const grid: (string | number)[][] = [];
          for (let t = 0; t < titles; t++) grid.push([`Title line ${t}`]);
          if (groupRow) grid.push(['', 'Activities', ...labs.slice(1).map(() => '')]);
          grid.push(['', ...labs, ...(totals ? ['TOTAL'] : [])]);
          for (let i = 0; i < n; i++) {
            const row = labs.map((_, j) => cell(i, j));
            grid.push([labs[i], ...row, ...(totals ? [row.reduce((a, b) => a + b, 0)] : [])]);
          }
          if (totals) grid.push(['TOTAL', ...labs.map((_, j) => labs.reduce((s, _l, i) => s + cell(i, j), 0))]);
          grid.push([]);
          grid.push(['Note: a note']);
          const sam = samFromLabelledGrid(grid);
          expect(sam.labels).toEqual(labs);
          for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(sam.get(labs[i], labs[j])).toBe(cell(i, j));
          if (groupRow) expect(sam.accounts.every((a) => a.group === 'activity')).toBe(true);
        },
      ),
    );
  });
});
