import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSamFromSut, checkSam, type DigicgeError, readSam, readSupplyUseTables, sutToIoTable } from '../../../src/index.js';

const ROOT = join(import.meta.dirname, '../../..');
const DIR = join(ROOT, 'datasets/io/sut_example');
const SUPPLY = join(DIR, 'supply.csv');
const USE = join(DIR, 'use.csv');
const LAYOUT_FILE = join(ROOT, 'datasets/io/layouts/sut-csv.json');
const layout = () => JSON.parse(readFileSync(LAYOUT_FILE, 'utf8')) as Record<string, unknown>;
const BIN = join(ROOT, 'bin/digicge.js');
const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT });
const tmp = () => mkdtempSync(join(tmpdir(), 'digicge-sut-'));

const macro = {
  source: 'test assumptions',
  capital: { household: 0.6, enterprise: 0.3, government: 0.05, restOfWorld: 0.05 },
  directTaxRate: { household: 0.05, enterprise: 0.2 },
  enterpriseToHousehold: 0.5,
  transfers: { governmentToHousehold: 2, restOfWorldToHousehold: 1 },
};

/** The use table with u11 = 0.5 (the rest of P1's use to exports, of I1's cost to surplus): product technology gives z11 = −3.5. */
const USE_NEGATIVE = readFileSync(USE, 'utf8')
  .replace('P1,10,40,30,0,5,0,5,90', 'P1,0.5,40,30,0,5,0,14.5,90')
  .replace('OS,20,17', 'OS,29.5,17');

/** GDP by hand from the use file: the sum of the value-added rows W, OS, D, T over industries. */
function gdpFromUseFile(text: string): number {
  let s = 0;
  for (const line of text.trim().split('\n')) {
    const [k, a, b] = line.split(',');
    if (['W', 'OS', 'D', 'T'].includes(k)) s += Number(a) + Number(b);
  }
  return s;
}

const cells = (sam: { get(r: string, c: string): number }, pairs: [string, string][]) => pairs.map(([r, c]) => sam.get(r, c));
const Z = [
  ['C-P1', 'A-P1'],
  ['C-P1', 'A-P2'],
  ['C-P2', 'A-P1'],
  ['C-P2', 'A-P2'],
] as [string, string][];

describe('supply and use tables read by a SUT layout', () => {
  it('reads the make matrix as the supply table transposed, the use, imports, value added and final demand as written', async () => {
    const { sut, checks } = await readSupplyUseTables(SUPPLY, USE, layout());
    expect(sut.products.map((p) => p.code)).toEqual(['P1', 'P2']);
    expect(sut.industries.map((p) => p.code)).toEqual(['I1', 'I2']);
    expect(Array.from(sut.make)).toEqual([90, 10, 0, 100]); // V[industry, product]
    expect(Array.from(sut.use)).toEqual([10, 40, 30, 5]);
    expect(Array.from(sut.importsIntermediate)).toEqual([5, 3]);
    expect([sut.wages, sut.surplus, sut.depreciation, sut.indirectTaxes, sut.subsidies].map((a) => Array.from(a))).toEqual([
      [30, 30],
      [20, 17],
      [3, 3],
      [2, 2],
      [0, 0],
    ]);
    expect(Array.from(sut.finalDemand.household)).toEqual([30, 40]);
    expect(Array.from(sut.finalDemand.exportsAbroad)).toEqual([5, 5]);
    expect(Array.from(sut.finalDemand.exportsDomestic)).toEqual([0, 0]);
    expect(sut.importedFinal).toEqual({ household: 6, government: 0, gfcf: 2, stocks: 0, exportsAbroad: 0, exportsDomestic: 0 });
    expect(checks.map((c) => c.check.maxDifference)).toEqual([0, 0, 0, 0]);
  });
  it('builds a balanced SAM with the hand-worked flows of each assumption and GDP = value added + taxes', async () => {
    const { sut } = await readSupplyUseTables(SUPPLY, USE, layout());
    const gdp = gdpFromUseFile(readFileSync(USE, 'utf8'));
    expect(gdp).toBe(107); // and C 76 + G 20 + I 17 + X 10 − M 16
    for (const [tech, z] of [
      ['industry', [9, 41, 27, 8]],
      ['product', [6, 44, 29.5, 5.5]],
    ] as const) {
      const b = buildSamFromSut(sut, tech, macro);
      cells(b.sam, Z).forEach((v, k) => expect(v).toBeCloseTo(z[k], 9));
      const r = checkSam(b.sam);
      expect(r.balanced).toBe(true);
      expect(r.macro.production?.gdp).toBeCloseTo(gdp, 9);
      expect(r.macro.expenditure?.gdp).toBeCloseTo(gdp, 9);
    }
  });
  it('fails with the use file and row when its products are not the supply table’s, in order', async () => {
    const d = tmp();
    const p = join(d, 'use.csv');
    const lines = readFileSync(USE, 'utf8').split('\n');
    [lines[1], lines[2]] = [lines[2], lines[1]];
    writeFileSync(p, lines.join('\n'));
    const e = (await readSupplyUseTables(SUPPLY, p, layout()).catch((x: unknown) => x)) as DigicgeError;
    expect(e.code).toBe('SUT_LAYOUT_MISMATCH');
    expect(e.location).toMatchObject({ file: p, row: 2 });
    expect(e.message).toContain("'P2'");
  });
  it('fails with the column when the use file has an industry the supply table lacks', async () => {
    const d = tmp();
    const p = join(d, 'use.csv');
    writeFileSync(p, readFileSync(USE, 'utf8').replace('code,I1,I2', 'code,I1,I3'));
    const e = (await readSupplyUseTables(SUPPLY, p, layout()).catch((x: unknown) => x)) as DigicgeError;
    expect(e.code).toBe('SUT_LAYOUT_MISMATCH');
    expect(e.location).toMatchObject({ file: p, column: 'C' });
  });
  it('refuses a value-added row the layout gives no role, naming its row (nothing dropped silently)', async () => {
    const l = layout();
    delete (l.valueAdded as Record<string, unknown>).depreciation;
    const e = (await readSupplyUseTables(SUPPLY, USE, l).catch((x: unknown) => x)) as DigicgeError;
    expect(e.code).toBe('SUT_LAYOUT_MISMATCH');
    expect(e.location).toMatchObject({ file: USE, row: 7 }); // D is line 7 of use.csv
  });
  it('refuses a final-demand column the layout gives no role, naming its column', async () => {
    const l = layout();
    delete (l.finalDemand as Record<string, unknown>).stocks;
    const e = (await readSupplyUseTables(SUPPLY, USE, l).catch((x: unknown) => x)) as DigicgeError;
    expect(e.code).toBe('SUT_LAYOUT_MISMATCH');
    expect(e.location).toMatchObject({ file: USE, column: 'G' });
  });
  it('checks each file’s own totals: a supply cell changed breaks the total column at that product', async () => {
    const d = tmp();
    const p = join(d, 'supply.csv');
    writeFileSync(p, readFileSync(SUPPLY, 'utf8').replace('P2,10,100,110', 'P2,11,100,110'));
    const e = (await readSupplyUseTables(p, USE, layout()).catch((x: unknown) => x)) as DigicgeError;
    expect(e.code).toBe('IO_TOTAL_MISMATCH');
    expect(e.message).toContain("'P2'");
  });
});

describe('digicge sam from-sut', () => {
  it('writes the SAM and, beside it, the assumption; exit 0, the SAM balanced with GDP 107', () => {
    const d = tmp();
    const out = join(d, 'sam.csv');
    const r = cli('sam', 'from-sut', '--supply', SUPPLY, '--use', USE, '--layout', LAYOUT_FILE, '--technology', 'industry', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('technology assumption: industry');
    expect(r.stdout).toContain('Z = U ĝ⁻¹ V');
    expect(r.stdout).toContain('negative flows: 0');
    expect(r.stdout).toContain('GDP from production 107 million');
    const side = JSON.parse(readFileSync(join(d, 'sam.sut.json'), 'utf8')) as { technology: string; negatives: unknown[] };
    expect(side.technology).toBe('industry');
    expect(side.negatives).toEqual([]);
    const first = readFileSync(out);
    const r2 = cli('sam', 'from-sut', '--supply', SUPPLY, '--use', USE, '--layout', LAYOUT_FILE, '--technology', 'industry', '--out', out);
    expect(r2.status).toBe(0);
    expect(readFileSync(out).equals(first)).toBe(true); // same input, same bytes
  });
  it('prints and records the negative flow of the product technology (z11 = −3.5 by hand), and the SAM still balances', async () => {
    const d = tmp();
    const use = join(d, 'use.csv');
    writeFileSync(use, USE_NEGATIVE);
    const out = join(d, 'sam.csv');
    const r = cli('sam', 'from-sut', '--supply', SUPPLY, '--use', use, '--layout', LAYOUT_FILE, '--technology', 'product', '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('negative flows: 1');
    expect(r.stdout).toMatch(/P1 → P1: -3\.5/);
    const side = JSON.parse(readFileSync(join(d, 'sam.sut.json'), 'utf8')) as {
      technology: string;
      negatives: { row: string; column: string; value: number }[];
    };
    expect(side.technology).toBe('product');
    expect(side.negatives).toHaveLength(1);
    expect(side.negatives[0]).toMatchObject({ row: 'P1', column: 'P1' });
    expect(side.negatives[0].value).toBeCloseTo(-3.5, 9);
    const sam = await readSam(out);
    expect(sam.get('C-P1', 'A-P1')).toBeCloseTo(-3.5, 9);
    const rep = checkSam(sam);
    expect(rep.balanced).toBe(true);
    expect(rep.macro.production?.gdp).toBeCloseTo(gdpFromUseFile(USE_NEGATIVE), 9);
  });
  it('exits 1 with the code and the file on tables that do not agree', () => {
    const d = tmp();
    const use = join(d, 'use.csv');
    writeFileSync(use, readFileSync(USE, 'utf8').replace('code,I1,I2', 'code,I1,I3'));
    const r = cli(
      'sam',
      'from-sut',
      '--supply',
      SUPPLY,
      '--use',
      use,
      '--layout',
      LAYOUT_FILE,
      '--technology',
      'industry',
      '--out',
      join(d, 'sam.csv'),
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('SUT_LAYOUT_MISMATCH');
    expect(r.stderr).toContain(use);
  });
  it('exits 1 with SCHEMA_INVALID, the layout file and the JSON path on a layout that breaks its schema', () => {
    const d = tmp();
    const l = layout();
    (l.finalDemand as Record<string, unknown>).household = 3;
    const lf = join(d, 'layout.json');
    writeFileSync(lf, JSON.stringify(l));
    const r = cli(
      'sam',
      'from-sut',
      '--supply',
      SUPPLY,
      '--use',
      USE,
      '--layout',
      lf,
      '--technology',
      'industry',
      '--out',
      join(d, 'sam.csv'),
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('SCHEMA_INVALID');
    expect(r.stderr).toContain(lf);
    expect(r.stderr).toContain('/finalDemand/household');
  });
  it('exits 2 on a technology it does not know and on a missing option', () => {
    const d = tmp();
    const base = ['sam', 'from-sut', '--supply', SUPPLY, '--use', USE, '--layout', LAYOUT_FILE, '--out', join(d, 'sam.csv')];
    const bad = cli(...base, '--technology', 'mixed');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--technology must be 'industry' or 'product'");
    expect(cli(...base).status).toBe(2);
  });
});

/** pySUT's published coefficients (IndEcol/pySUT@160683d, pysut/tests/known_results.py): A_ITC_cxc and A_CTC_cxc. */
const PYSUT_A_ITC = [
  [0.387784091, 0.647186147, 0.645454545, 0.416666667, 0],
  [0.038825758, 0.147186147, 0.112121212, 0.083333333, 0],
  [0.010416667, 0.142857143, 0.1, 0.083333333, 0],
  [0.028409091, 0.004329004, 0.012121212, 0, 0],
  [0.010416667, 0.142857143, 0.1, 0.083333333, 0],
];
const PYSUT_A_CTC = [
  [0.287015945, 0.742596811, 1.323462415, 0, 0],
  [0.009111617, 0.198177677, 0.264236902, 0, 0],
  [-0.025056948, 0.20501139, 0.273348519, 0, 0],
  [0.034168565, -0.006833713, -0.009111617, 0, 0],
  [-0.025056948, 0.20501139, 0.273348519, 0, 0],
];

describe("pySUT's known-results tables read from files", () => {
  const dir = join(ROOT, 'datasets/io/sut_pysut');
  it('gives pySUT’s industry and product technology coefficients A = Z q̂⁻¹ to 8 decimals, and lists the product technology’s four negative flows', async () => {
    const { sut } = await readSupplyUseTables(join(dir, 'supply.csv'), join(dir, 'use.csv'), layout());
    for (const [tech, want] of [
      ['industry', PYSUT_A_ITC],
      ['product', PYSUT_A_CTC],
    ] as const) {
      const t = sutToIoTable(sut, tech);
      const n = 5;
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(t.io.z[i * n + j] / t.io.output[j]).toBeCloseTo(want[i][j], 8);
      const negatives = want.flatMap((r, i) => r.flatMap((v, j) => (v < 0 ? [`P${i + 1}→P${j + 1}`] : [])));
      expect(t.negatives.map((x) => `${x.row}→${x.column}`)).toEqual(tech === 'industry' ? [] : negatives);
    }
    expect(negatives4()).toHaveLength(4);
  });
});
const negatives4 = () => PYSUT_A_CTC.flat().filter((v) => v < 0);

describe('any balanced supply and use pair written in the CSV layout', () => {
  it('reads back V = supplyᵀ and U as written, and the industry-technology SAM balances with GDP = value added + taxes', async () => {
    const sizes = fc.record({ p: fc.integer({ min: 1, max: 3 }), m: fc.integer({ min: 1, max: 3 }) });
    const arb = sizes.chain(({ p, m }) =>
      fc.record({
        p: fc.constant(p),
        m: fc.constant(m),
        supply: fc.array(fc.integer({ min: 20, max: 200 }), { minLength: p * m, maxLength: p * m }),
        use: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: p * m, maxLength: p * m }),
        tax: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: m, maxLength: m }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(arb, async ({ p, m, supply, use, tax }) => {
        const P = Array.from({ length: p }, (_, i) => `P${i + 1}`);
        const I = Array.from({ length: m }, (_, k) => `I${k + 1}`);
        const q = P.map((_, i) => I.reduce((s, _k, k) => s + supply[i * m + k], 0));
        const g = I.map((_, k) => P.reduce((s, _i, i) => s + supply[i * m + k], 0));
        const hh = P.map((_, i) => q[i] - I.reduce((s, _k, k) => s + use[i * m + k], 0));
        const rest = I.map((_, k) => g[k] - P.reduce((s, _i, i) => s + use[i * m + k], 0) - tax[k]);
        const wages = rest.map((x) => Math.floor(x / 2));
        const surplus = rest.map((x, k) => x - wages[k]);
        const row = (k: string, xs: number[], pad = 0) => `${k},${xs.join(',')}${',0'.repeat(pad)}`;
        const d = tmp();
        const sp = join(d, 'supply.csv');
        const up = join(d, 'use.csv');
        writeFileSync(
          sp,
          [
            `code,${I.join(',')},total`,
            ...P.map((x, i) => `${row(x, supply.slice(i * m, i * m + m))},${q[i]}`),
            `${row('total', g)},`,
          ].join('\n'),
        );
        const fdCols = ',HH,GOV,GFCF,STK,EXP,total';
        writeFileSync(
          up,
          [
            `code,${I.join(',')}${fdCols}`,
            ...P.map((x, i) => `${row(x, use.slice(i * m, i * m + m))},${hh[i]},0,0,0,0,${q[i]}`),
            `${row(
              'IMP',
              I.map(() => 0),
            )},0,0,0,0,0,`,
            row('W', wages),
            row('OS', surplus),
            row(
              'D',
              I.map(() => 0),
            ),
            row('T', tax),
            row('X', g),
          ].join('\n'),
        );
        const { sut } = await readSupplyUseTables(sp, up, layout());
        for (let i = 0; i < p; i++)
          for (let k = 0; k < m; k++) {
            expect(sut.make[k * p + i]).toBe(supply[i * m + k]);
            expect(sut.use[i * m + k]).toBe(use[i * m + k]);
          }
        const b = buildSamFromSut(sut, 'industry', macro);
        const r = checkSam(b.sam);
        expect(r.balanced).toBe(true);
        const gdp = [...wages, ...surplus, ...tax].reduce((s, x) => s + x, 0);
        expect(r.macro.production?.gdp).toBeCloseTo(gdp, 8);
        expect(r.macro.expenditure?.gdp).toBeCloseTo(
          hh.reduce((s, x) => s + x, 0),
          8,
        ); // no G, I, X or M
      }),
      { numRuns: 25 },
    );
  });
});
