import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { divideDefault, runDivide } from '../../src/divide/index.js';
import { runCli } from '../../src/cli/program.js';

const HH7 = 'test/divide/data/hh7_ams.csv';
const INDEX = 'test/divide/data/ams_index.csv';

/** Internet use of the ten AMS in a year, read straight from the WDI 2024 wide file (reference answer). */
function wdiYear(year: number): number[] {
  const lines = readFileSync('../shared/data/wdi/figurefriday2024_API_IT.NET.USER.ZS_DS2_en_csv_v2_2160.csv', 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r\n/);
  const header = lines[0].split(',');
  const col = header.indexOf(String(year));
  const ams = ['BRN', 'KHM', 'IDN', 'LAO', 'MYS', 'MMR', 'PHL', 'SGP', 'THA', 'VNM'];
  return lines
    .map((l) => l.split(','))
    .filter((c) => ams.includes(c[1]))
    .map((c) => Number(c[col]));
}

function giniDoubleSum(x: number[]): number {
  const mu = x.reduce((a, b) => a + b, 0) / x.length;
  let s = 0;
  for (const a of x) for (const b of x) s += Math.abs(a - b);
  return s / (2 * x.length ** 2 * mu);
}

describe('runDivide', () => {
  it('on the WDI Internet-use fixture: dispersion matches the WDI file, gaps say missing-breakdown, the index is skipped with a note', async () => {
    const out = await mkdtemp(join(tmpdir(), 'divide-'));
    const r = await divideDefault(HH7, out);
    expect(r.outputs).toContain('dispersion.csv');
    expect(r.outputs.some((f) => f.startsWith('charts/gaps-'))).toBe(false);
    const notes = await readFile(join(out, 'notes.txt'), 'utf8');
    expect(notes).toContain('no gap chart');
    expect(notes).toContain('composite index asean-digital-access not computed');
    const full = await runDivide({ observations: HH7, outDir: out });
    const d2010 = full.dispersion.find((d) => d.time_period === 2010)!;
    expect(d2010.coverage).toBe('complete');
    expect(d2010.gini).toBeCloseTo(giniDoubleSum(wdiYear(2010)), 12);
    expect(full.gaps.every((g) => g.status === 'missing-breakdown')).toBe(true);
    // three comparisons for every area and year with an Internet-use value in the fixture
    const hh7Rows = (await readFile(HH7, 'utf8')).split('\n').filter((l) => l.includes(',HH7,')).length;
    expect(full.gaps.length).toBe(3 * hh7Rows);
    const svg = await readFile(join(out, 'charts/dispersion-HH7.svg'), 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
  });
  it('writes byte-identical tables for the same input and seed, with provenance traceable to the national file', async () => {
    const a = await mkdtemp(join(tmpdir(), 'divide-a-'));
    const b = await mkdtemp(join(tmpdir(), 'divide-b-'));
    const ra = await runDivide({ observations: INDEX, outDir: a, draws: 200, seed: 3 });
    await runDivide({ observations: INDEX, outDir: b, draws: 200, seed: 3 });
    for (const f of ra.outputs) expect(await readFile(join(b, f), 'utf8')).toBe(await readFile(join(a, f), 'utf8'));
    expect(ra.ranks).toHaveLength(10);
    expect(ra.ranks[0].time_period).toBe(2016);
    const prov = await readFile(join(a, 'provenance.csv'), 'utf8');
    // every key used by the index rows is in the sidecar with its national file row
    for (const k of ra.index[0].provenance) expect(prov).toContain(`${k},`);
    // every observation is used or listed with a reason
    const obsRows = (await readFile(INDEX, 'utf8')).trim().split('\n').length - 1;
    const unused = (await readFile(join(a, 'unused-observations.csv'), 'utf8')).trim().split('\n').length - 1;
    const used = new Set(
      prov
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',').at(-1)),
    );
    expect(used.size + unused).toBe(obsRows);
  });
});

describe('gap charts', () => {
  it('draws a gap chart for each area with a breakdown and none for the others', async () => {
    const { writeFile } = await import('node:fs/promises');
    const { obsCsv } = await import('./helpers.js');
    const out = await mkdtemp(join(tmpdir(), 'divide-gap-'));
    const file = join(out, 'obs.csv');
    const rows = [2018, 2019, 2020].flatMap((y, i) => [
      { area: 'PHL', ind: 'HH7', year: y, value: 50 + i * 5 },
      { area: 'PHL', ind: 'HH7', year: y, value: 60 + i * 5, urb: 'U' },
      { area: 'PHL', ind: 'HH7', year: y, value: 35 + i * 7, urb: 'R' },
      { area: 'VNM', ind: 'HH7', year: y, value: 60 + i * 4 },
    ]);
    await writeFile(file, obsCsv(rows));
    const r = await runDivide({ observations: file, outDir: join(out, 'res') });
    expect(r.outputs).toContain('charts/gaps-PHL.svg');
    expect(r.outputs).not.toContain('charts/gaps-VNM.svg');
    const phl = r.gaps.filter((g) => g.ref_area === 'PHL' && g.status === 'ok').map((g) => g.abs_gap);
    expect(phl).toEqual([25, 23, 21]);
    const svg = await readFile(join(out, 'res', 'charts/gaps-PHL.svg'), 'utf8');
    expect(svg).toContain('PHL: within-country gaps');
  });
});

describe('digicge divide', () => {
  it('rejects bad options and a missing file with a located message and a non-zero exit', async () => {
    const out = await mkdtemp(join(tmpdir(), 'divide-cli-'));
    expect(await runCli(['divide', HH7, '--out', out, '--draws', '0'])).toBe(2);
    expect(await runCli(['divide', 'test/divide/data/missing.csv', '--out', out])).toBe(1);
    expect(await runCli(['divide', HH7, '--out', out, '--indicator', 'i999'])).toBe(1);
    expect(await runCli(['divide', HH7, '--out', out, '--config', 'guidelines/indices/asean-digital-access.json'])).toBe(1);
  });
});

describe('independent routes to the same observations', () => {
  it('the harmonise stage output and the independent fixture give the same dispersion, distance and ranks', async () => {
    const a = await runDivide({
      observations: 'test/divide/data/harmonised_wdi.csv',
      outDir: await mkdtemp(join(tmpdir(), 'divide-h-')),
      draws: 200,
    });
    const b = await runDivide({ observations: INDEX, outDir: await mkdtemp(join(tmpdir(), 'divide-f-')), draws: 200 });
    const strip = <T extends { provenance: string[] }>(rows: T[]) =>
      rows.map(({ provenance, ...rest }) => ({ ...rest, n: provenance.length }));
    expect(a.dispersion.length).toBe(b.dispersion.length);
    a.dispersion.forEach((r, i) => {
      expect(r.time_period).toBe(b.dispersion[i].time_period);
      expect(r.gini).toBeCloseTo(b.dispersion[i].gini, 12);
      expect(r.cv).toBeCloseTo(b.dispersion[i].cv, 12);
      expect(r.gini_pw ?? 0).toBeCloseTo(b.dispersion[i].gini_pw ?? 0, 12);
    });
    expect(strip(a.distance).map((r) => [r.ref_area, r.model, r.status])).toEqual(
      strip(b.distance).map((r) => [r.ref_area, r.model, r.status]),
    );
    expect(strip(a.ranks).map((r) => [r.ref_area, r.nominal_rank, r.median_rank, r.p05_rank, r.p95_rank])).toEqual(
      strip(b.ranks).map((r) => [r.ref_area, r.nominal_rank, r.median_rank, r.p05_rank, r.p95_rank]),
    );
  });
});
