import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { harmoniseDefault } from '../../src/harmonise/defaults.js';
import {
  assessReadiness,
  SHIPPED_READINESS_DIR,
  SHIPPED_READINESS_LABEL,
  writeReadiness,
  type Readiness,
} from '../../src/guidelines/readiness/index.js';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/digicge.js');
// the eleven Member States (ASEAN Secretariat), written out here independently of CL_AREA
const AMS = ['BRN', 'IDN', 'KHM', 'LAO', 'MMR', 'MYS', 'PHL', 'SGP', 'THA', 'TLS', 'VNM'];
const BREAKDOWN_COLUMNS = [
  'SEX',
  'AGE',
  'URBANISATION',
  'INCOME_WEALTH_QUANTILE',
  'EDUCATION',
  'LABOUR_FORCE_STATUS',
  'OCCUPATION',
  'ICT_SKILL',
  'ICT_LOCATION',
];

type Rec = Record<string, string>;
let dir: string;
let out: string;
let obs: Rec[];
let r: Readiness;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'digicge-readiness-test-'));
  await harmoniseDefault(dir);
  obs = parse(readFileSync(join(dir, 'observations.csv')), { columns: true }) as Rec[];
  out = mkdtempSync(join(tmpdir(), 'digicge-readiness-out-'));
  const cli = spawnSync(process.execPath, [BIN, 'guidelines', 'readiness', join(dir, 'observations.csv'), '--out', out], {
    encoding: 'utf8',
  });
  expect(cli.status, cli.stderr).toBe(0);
  r = await assessReadiness(join(dir, 'observations.csv'), { label: SHIPPED_READINESS_LABEL });
}, 60_000);

/** Independent count: observed totals (no breakdown, not a projection, a value) by area and indicator, straight from the CSV. */
function independentTotals(): Map<string, number[]> {
  const m = new Map<string, number[]>();
  for (const o of obs) {
    if (o.OBS_VALUE === '' || o.OBS_STATUS === 'F') continue;
    if (!BREAKDOWN_COLUMNS.every((c) => o[c] === undefined || o[c] === '' || o[c] === '_T' || o[c] === '_Z')) continue;
    const k = `${o.REF_AREA}|${o.INDICATOR}`;
    if (!m.has(k)) m.set(k, []);
    m.get(k)!.push(Number(o.TIME_PERIOD.slice(0, 4)));
  }
  return m;
}

describe('digicge guidelines readiness on the shipped harmonised data', () => {
  it('covers the eleven Member States × every catalogue indicator, the counts recomputed from observations.csv', () => {
    const cat = JSON.parse(readFileSync(join(ROOT, 'guidelines/catalogue/indicators.json'), 'utf8')) as {
      indicators: { code: string; breakdowns?: string[] }[];
    };
    const matrix = parse(readFileSync(join(out, 'readiness-matrix.csv')), { columns: true }) as Rec[];
    const totals = matrix.filter((c) => c.breakdown === '_T');
    expect(totals).toHaveLength(AMS.length * cat.indicators.length);
    expect(matrix).toHaveLength(AMS.length * cat.indicators.reduce((s, i) => s + 1 + (i.breakdowns?.length ?? 0), 0));
    const ind = independentTotals();
    let covered = 0;
    for (const area of AMS) {
      for (const { code } of cat.indicators) {
        const cell = totals.find((c) => c.area === area && c.indicator === code)!;
        const years = [...new Set(ind.get(`${area}|${code}`) ?? [])];
        expect(cell.status, `${area} ${code}`).toBe(years.length ? 'available' : 'missing');
        expect(Number(cell.years || 0), `${area} ${code}`).toBe(years.length);
        if (years.length) {
          covered++;
          expect(Number(cell.latest_year)).toBe(Math.max(...years));
          expect(Number(cell.first_year)).toBe(Math.min(...years));
        }
      }
    }
    expect(r.matrix.filter((c) => c.breakdown === '_T' && c.status === 'available')).toHaveLength(covered);
    // the shipped data have no breakdowns at all: WDI and OWID give national totals only
    const anyBreakdown = obs.some((o) => BREAKDOWN_COLUMNS.some((c) => o[c] && o[c] !== '_T' && o[c] !== '_Z'));
    expect(matrix.filter((c) => c.breakdown !== '_T' && c.status === 'available').length > 0).toBe(anyBreakdown);
  });

  it('gives the same matrix from asean.duckdb as from observations.csv', async () => {
    const d = await assessReadiness(join(dir, 'asean.duckdb'), { label: SHIPPED_READINESS_LABEL });
    expect(d.matrix).toEqual(r.matrix);
    expect(d.gaps).toEqual(r.gaps);
  });

  it('names the States without a national SAM in the build, and their blocks as no database', () => {
    const build = JSON.parse(readFileSync(join(ROOT, 'datasets/sam/asean/build.json'), 'utf8')) as { economies: { iso3: string }[] };
    const withSam = new Set(build.economies.map((e) => e.iso3));
    for (const area of AMS) {
      const blocks = r.blocks.filter((b) => b.area === area);
      expect(blocks.length).toBe(6);
      if (!withSam.has(area)) for (const b of blocks) expect(b.status, `${area} ${b.block}`).toBe('no database');
      else expect(blocks.some((b) => b.status !== 'no database')).toBe(true);
    }
    expect(withSam.has('TLS')).toBe(false);
    expect(r.blocks.find((b) => b.area === 'TLS')!.note).toContain('not an ASEAN Member State in 2022');
    // Thailand's own SAM 2006 is the borrowed structure: its government block rests on its own data only
    expect(r.blocks.find((b) => b.area === 'THA' && b.block === 'government')!.status).toBe('own data');
    expect(r.blocks.find((b) => b.area === 'BRN' && b.block === 'government')!.status).toBe('assumptions');
  });

  it('ranks gaps by the size of their swing, highest first, and points each to a national source', () => {
    const ranked = r.gaps.filter((g) => g.rank !== null);
    expect(ranked.length).toBeGreaterThan(0);
    for (let i = 1; i < ranked.length; i++) {
      expect(Math.abs(ranked[i]!.gdpSwing!)).toBeLessThanOrEqual(Math.abs(ranked[i - 1]!.gdpSwing!));
      expect(ranked[i]!.rank!).toBeGreaterThanOrEqual(ranked[i - 1]!.rank!);
    }
    const sens = JSON.parse(readFileSync(join(ROOT, 'datasets/ddcge/gap-sensitivity.json'), 'utf8')) as {
      rows: { assumption: string; gdpSwing: number }[];
    };
    const top = sens.rows.reduce((a, b) => (Math.abs(b.gdpSwing) > Math.abs(a.gdpSwing) ? b : a));
    expect(ranked[0]!.gdpSwing).toBe(top.gdpSwing);
    for (const g of r.gaps) expect(g.recommendedSource.length, `${g.area} ${g.what}`).toBeGreaterThan(10);
  });

  it('is shipped up to date in docs/guideline/readiness (run `npm run readiness` if this fails), byte for byte', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'digicge-readiness-fresh-'));
    for (const p of await writeReadiness(fresh, r)) {
      const name = p.slice(fresh.length + 1);
      expect(
        readFileSync(join(ROOT, SHIPPED_READINESS_DIR, name)).equals(readFileSync(p)),
        `${SHIPPED_READINESS_DIR}/${name} is stale`,
      ).toBe(true);
    }
  });

  it('on a real national file (BPS Susenas 2024, households with Internet by province × urban/rural): the breakdown cell is covered', async () => {
    // test/harmonise/data/real/SOURCE.md: araapk/Digital-Gap-Internet-Access-2024 @ b55abf16b0517439765806201c7e44c5ebc731ca
    const file = join(ROOT, 'test/harmonise/data/real/bps_households_internet_province_urban_rural_2024.csv');
    const w = mkdtempSync(join(tmpdir(), 'digicge-readiness-bps-'));
    const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
    expect(run(['mapping', 'draft', file, '--indicator', 'HH6', '--out', join(w, 'bps.json')]).status).toBe(0);
    expect(run(['harmonise', '--mapping', join(w, 'bps.json'), '--out', join(w, 'h')]).status).toBe(0);
    const rows = parse(readFileSync(join(w, 'h/observations.csv')), { columns: true }) as Rec[];
    const b = await assessReadiness(join(w, 'h/observations.csv'));
    const cell = (bd: string) => b.matrix.find((c) => c.area === 'IDN' && c.indicator === 'HH6' && c.breakdown === bd)!;
    const urb = rows.filter((o) => o.REF_AREA === 'IDN' && o.URBANISATION !== '_T' && o.OBS_VALUE !== '');
    expect(urb.length).toBe(2); // urban and rural, national level
    expect(cell('URBANISATION')).toMatchObject({ status: 'available', latestYear: 2024, years: 1, sourceClasses: ['nso'] });
    expect(cell('_T')).toMatchObject({ status: 'available', latestYear: 2024 });
    // HH6 is not HH7: the households block still rests on the assumed urban/rural split of Internet use
    const g = b.gaps.find((x) => x.area === 'IDN' && x.cells === 'HH7 × URBANISATION' && x.rank === 1)!;
    expect(g.dataAvailable).toBe(false);
  }, 60_000);

  it('is a section of the pipeline report and sheets of its workbook', async () => {
    const { buildPipelineReport, buildWorkbook } = await import('../../src/report/index.js');
    const ExcelJS = (await import('exceljs')).default;
    const d = mkdtempSync(join(tmpdir(), 'digicge-readiness-report-'));
    await writeReadiness(join(d, 'readiness'), r);
    const doc = buildPipelineReport(d);
    expect(doc.sections.map((s) => s.id)).toContain('readiness');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildWorkbook(doc)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('readiness-blocks')!;
    expect(ws).toBeDefined();
    // one row per block (6) under the caption and header; a cell agrees with readiness-blocks.csv
    const blocks = parse(readFileSync(join(d, 'readiness/readiness-blocks.csv')), { columns: true }) as Rec[];
    const header = (ws.getRow(2).values as unknown[]).map(String);
    const row = (ws.getRow(3).values as unknown[]).map(String);
    const col = header.indexOf('MMR');
    expect(row[header.indexOf('Block')]).toBe(blocks[0]!.block);
    expect(row[col]).toBe(blocks.find((b) => b.area === 'MMR' && b.block === blocks[0]!.block)!.status);
    const ids = [...new Set(blocks.map((b) => b.block))];
    ids.forEach((id, i) => expect(String((ws.getRow(3 + i).values as unknown[])[header.indexOf('Block')])).toBe(id));
  });

  it('refuses a missing input and a bad --year with located errors', () => {
    const a = spawnSync(process.execPath, [BIN, 'guidelines', 'readiness', join(dir, 'nope.csv'), '--out', out], { encoding: 'utf8' });
    expect(a.status).toBe(1);
    expect(a.stderr).toContain('READINESS_INPUT');
    const b = spawnSync(process.execPath, [BIN, 'guidelines', 'readiness', join(dir, 'observations.csv'), '--out', out, '--year', '20x4'], {
      encoding: 'utf8',
    });
    expect(b.status).toBe(2);
    expect(b.stderr).toContain('USAGE_YEAR');
  });
});

describe('the database provenance follows the build metadata', () => {
  it('takes whose structure is its own from build.json blocks when the build records them', async () => {
    const { readDatabaseProvenance } = await import('../../src/guidelines/readiness/index.js');
    const { mkdirSync, writeFileSync, copyFileSync } = await import('node:fs');
    const root = mkdtempSync(join(tmpdir(), 'digicge-prov-'));
    mkdirSync(join(root, 'datasets/sam/asean'), { recursive: true });
    mkdirSync(join(root, 'datasets/ddcge'), { recursive: true });
    copyFileSync(join(ROOT, 'datasets/ddcge/coverage.json'), join(root, 'datasets/ddcge/coverage.json'));
    // IDN on its own SAM for every block; BRN borrowed; THA own for all but income distribution
    const blocks = (own: string[]) =>
      ['intermediate use', 'value added', 'final demand', 'imports and taxes on imports', 'income distribution'].map((block) => ({
        block,
        origin: own.includes(block) ? 'own' : 'borrowed',
      }));
    writeFileSync(
      join(root, 'datasets/sam/asean/build.json'),
      JSON.stringify({
        economies: [
          { iso3: 'BRN', blocks: blocks([]) },
          {
            iso3: 'IDN',
            blocks: blocks(['intermediate use', 'value added', 'final demand', 'imports and taxes on imports', 'income distribution']),
          },
          { iso3: 'THA', blocks: blocks(['intermediate use', 'value added', 'final demand', 'imports and taxes on imports']) },
        ],
      }),
    );
    const p = readDatabaseProvenance(join(ROOT, 'datasets/sam/asean/provenance.json'), root);
    const basis = (block: string, what: RegExp) => p.blocks.find((b) => b.id === block)!.bases.find((s) => what.test(s.what))!;
    expect(basis('intermediate', /input pattern/).ownFor).toEqual(['IDN', 'THA']);
    expect(basis('government', /rates of taxes/).ownFor).toEqual(['IDN']); // needs imports and taxes AND income distribution
    expect(p.covered).toEqual(['BRN', 'IDN', 'THA']);
  });
});
