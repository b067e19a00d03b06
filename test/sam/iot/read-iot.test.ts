import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBpsIoTable, readIoTable, type DigicgeError } from '../../../src/index.js';
import { splitQuotedLine } from '../../support/independent.js';

const ROOT = join(import.meta.dirname, '../../..');
const WIOD = join(ROOT, 'datasets/io/wiod_ind_2014/IND_NIOT_nov16_2014.csv');
const BPS = join(ROOT, 'datasets/io/jakarta_2012/31_tabio_dki_jakarta_2012_BPS.xlsx');
const layout = (name: string) => JSON.parse(readFileSync(join(ROOT, 'datasets/io/layouts', name), 'utf8')) as unknown;
const BIN = join(ROOT, 'bin/digicge.js');

async function rejects(p: Promise<unknown>): Promise<DigicgeError> {
  try {
    await p;
  } catch (e) {
    return e as DigicgeError;
  }
  throw new Error('expected an error');
}

/** An independent reading of the WIOD CSV export: split on ';', drop the space grouping. */
function wiodByHand() {
  const lines = readFileSync(WIOD, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\n');
  const split = (l: string) => splitQuotedLine(l, ';');
  const rows = lines.map(split);
  const head = rows[0];
  const num = (s: string) => (s.trim() === '' ? 0 : Number(s.replace(/[ \u00a0]/g, '')));
  const get = (origin: string, code: string, col: string) => {
    const r = rows.find((x) => x[3] === origin && x[1] === code);
    if (!r) throw new Error(`no row ${origin} ${code}`);
    return num(r[head.indexOf(col)]);
  };
  return { head, get };
}

describe('WIOD national IO table (2016 release) by its layout mapping', () => {
  it('reads the 56 × 56 domestic and imported blocks, final demand and value added, cell for cell', async () => {
    const t = await readIoTable(WIOD, layout('wiod-niot-2016.json'), { where: { Year: '2014' } });
    const z = t.blocks.intermediate;
    expect(z.rows.length).toBe(56);
    expect(z.columns[0]).toBe('A01');
    expect(z.columns[55]).toBe('U');
    expect(t.blocks.finalDemand.columns).toEqual(['CONS_h', 'CONS_np', 'CONS_g', 'GFCF', 'INVEN', 'EXP']);
    const hand = wiodByHand();
    const codes = z.columns;
    for (let i = 0; i < 56; i += 5)
      for (let j = 0; j < 56; j += 3) expect(z.values[i * 56 + j]).toBe(hand.get('Domestic', codes[i], codes[j]));
    const m = t.blocks.importedIntermediate;
    const c26 = codes.indexOf('C26');
    expect(m.values[c26 * 56 + c26]).toBe(hand.get('Imports', 'C26', 'C26'));
    // the file's own totals, recomputed here: II_fob = domestic + imported inputs, GO = II_fob + taxes + … + VA
    for (let j = 0; j < 56; j++) {
      let ii = 0;
      for (let i = 0; i < 56; i++) ii += z.values[i * 56 + j] + m.values[i * 56 + j];
      // rounding of the CSV export: half a unit per summed cell
      expect(Math.abs(ii - hand.get('TOT', 'II_fob', codes[j]))).toBeLessThanOrEqual(56.5);
    }
    expect(t.checks.map((c) => c.name)).toEqual([
      'intermediate inputs = II_fob',
      'total inputs = output (GO row)',
      'uses of domestic output = output (GO column)',
    ]);
    for (const c of t.checks) expect(c.maxDifference).toBeLessThan(10);
  });
  it('fails naming the column when a cell breaks the file total', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'digicge-iot-'));
    const p = join(dir, 'bad.csv');
    // India 2014, domestic A01 bought by A01: 47 919 → 48 919 (II_fob and GO of A01 unchanged)
    writeFileSync(
      p,
      readFileSync(WIOD, 'utf8').replace(
        '2014;A01;Crop and animal production, hunting and related service activities;Domestic;47 919;',
        '2014;A01;Crop and animal production, hunting and related service activities;Domestic;48 919;',
      ),
    );
    const e = await rejects(readIoTable(p, layout('wiod-niot-2016.json'), { where: { Year: '2014' } }));
    expect(e.code).toBe('IO_TOTAL_MISMATCH');
    expect(e.message).toMatch(/column 'A01'/);
  });
  it('asks for a filter when years are stacked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'digicge-iot-'));
    const p = join(dir, 'two-years.csv');
    const text = readFileSync(WIOD, 'utf8');
    const lines = text.trimEnd().split('\n');
    writeFileSync(p, `${[...lines, ...lines.slice(2).map((l) => l.replace(/^2014;/, '2013;'))].join('\n')}\n`);
    const e = await rejects(readIoTable(p, layout('wiod-niot-2016.json')));
    expect(e.code).toBe('IO_DUPLICATE_CODE');
    expect(e.message).toMatch(/--where Year=2014/);
    const ok = await readIoTable(p, layout('wiod-niot-2016.json'), { where: { Year: '2013' } });
    expect(ok.blocks.intermediate.rows.length).toBe(56);
  });
  it('rejects a layout that breaks the schema, with its JSON path', async () => {
    const bad = { ...(layout('wiod-niot-2016.json') as Record<string, unknown>), rowKey: [] };
    const e = await rejects(readIoTable(WIOD, bad));
    expect(e.code).toBe('SCHEMA_INVALID');
  });
});

describe('BPS IO table (DKI Jakarta 2012) by its layout mapping', () => {
  it('gives the blocks of the hand-written BPS reader exactly, and the file totals hold', async () => {
    const t = await readIoTable(BPS, layout('bps-io.json'));
    const ref = await readBpsIoTable(BPS);
    const n = ref.sectors.length;
    expect(t.blocks.intermediate.rows).toEqual(ref.sectors.map((s) => s.code));
    expect(Array.from(t.blocks.intermediate.values)).toEqual(Array.from(ref.z));
    expect(Array.from(t.blocks.output.values)).toEqual(Array.from(ref.output));
    const va = t.blocks.valueAdded.values;
    expect(Array.from(va.subarray(0, n))).toEqual(Array.from(ref.wages));
    expect(Array.from(va.subarray(4 * n, 5 * n))).toEqual(Array.from(ref.subsidies));
    expect(Array.from(t.blocks.finalDemand.values.filter((_, k) => k % 6 === 0))).toEqual(Array.from(ref.finalDemand.household));
    expect(t.checks).toHaveLength(6);
  });
  it('digicge sam read-io prints the blocks and the identities that hold', () => {
    const r = spawnSync(
      process.execPath,
      [BIN, 'sam', 'read-io', WIOD, '--layout', 'datasets/io/layouts/wiod-niot-2016.json', '--where', 'Year=2014'],
      {
        encoding: 'utf8',
        cwd: ROOT,
      },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('intermediate: 56 × 56');
    expect(r.stdout).toContain("check 'total inputs = output (GO row)': holds");
  });
});
