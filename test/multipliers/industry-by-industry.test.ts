import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sam, readSamCsv } from '../../src/sam/index.js';
import { analyseIoTable, industryByIndustry, industryIoFromSam, leontiefTable } from '../../src/multipliers/index.js';
import { colSums, leontief } from '../support/independent.js';

const ROOT = join(import.meta.dirname, '../..');

/**
 * A small SAM in the activity/commodity layout: n activities each making its own commodity
 * (A-i ← C-i), intermediate use C-i × A-j, factor payments, household demand and imports.
 */
function smallSam(n: number, use: number[][], labour: number[], hh: number[], imports: number[], exports: number[]): Sam {
  const a = Array.from({ length: n }, (_, i) => `A-S${i}`);
  const c = Array.from({ length: n }, (_, i) => `C-S${i}`);
  const labels = [...a, ...c, 'LAB', 'HH', 'ROW'];
  const m = labels.length;
  const v = new Float64Array(m * m);
  const at = (r: string, col: string) => labels.indexOf(r) * m + labels.indexOf(col);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) v[at(c[i]!, a[j]!)] = use[i]![j]!;
    v[at('LAB', a[j]!)] = labour[j]!;
  }
  for (let i = 0; i < n; i++) {
    const x = use.reduce((s, row) => s + row[i]!, 0) + labour[i]!; // output = costs
    v[at(a[i]!, c[i]!)] = x;
    v[at(c[i]!, 'HH')] = hh[i]!;
    v[at('ROW', c[i]!)] = imports[i]!;
    v[at(c[i]!, 'ROW')] = exports[i]!;
  }
  v[at('HH', 'LAB')] = labour.reduce((s, x) => s + x, 0);
  return new Sam(labels, v);
}

describe('industry-by-industry table from a SAM', () => {
  it('equals the activity block of the Leontief inverse over activities and commodities when nothing is traded, which double-counts', () => {
    // property: with no imports and no exports each commodity is wholly domestic, so the
    // industry inverse is the activity × activity block of the (activity + commodity) inverse
    // (block inversion), and that system's column sums over both blocks are larger by the commodity rows
    const n = 3;
    const arb = fc.record({
      use: fc.array(fc.array(fc.double({ min: 0, max: 30, noNaN: true }), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
      labour: fc.array(fc.double({ min: 10, max: 100, noNaN: true }), { minLength: n, maxLength: n }),
    });
    fc.assert(
      fc.property(arb, ({ use, labour }) => {
        const x = Array.from({ length: n }, (_, j) => use.reduce((s, row) => s + row[j]!, 0) + labour[j]!);
        // household demand closes each commodity row: q_i = x_i
        const hh = x.map((xi, i) => xi - use[i]!.reduce((s, u) => s + u, 0));
        if (hh.some((h) => h < 0)) return;
        const sam = smallSam(n, use, labour, hh, [0, 0, 0], [0, 0, 0]);
        // (Type I only: households here spend all their income at home, so the closed model has no leakage)
        const { households: _closed, ...open } = industryIoFromSam(sam);
        const a = analyseIoTable(open);
        // the (activity + commodity) system: A_AC = I (each activity makes its commodity), A_CA = U / x
        const big = Array.from({ length: 2 * n }, (_, r) =>
          Array.from({ length: 2 * n }, (_, col) => {
            if (r < n && col >= n) return r === col - n ? 1 : 0;
            if (r >= n && col < n) return use[r - n]![col]! / x[col]!;
            return 0;
          }),
        );
        const L = leontief(big);
        const block = L.slice(0, n).map((row) => row.slice(0, n));
        const full = colSums(L).slice(0, n);
        colSums(block).forEach((v, j) => {
          expect(a.outputTypeI[j]).toBeCloseTo(v, 9);
          expect(full[j]! - v).toBeGreaterThanOrEqual(-1e-9);
        });
      }),
      { numRuns: 50 },
    );
  });

  it('applies market shares D = V q̂⁻¹ to the use block when industries make several commodities (industry technology)', () => {
    // industry 1 makes 90 of c1 and 10 of c2, industry 2 makes 100 of c2; no imports or exports
    const V = { rows: 2, cols: 2, data: Float64Array.from([90, 10, 0, 100]) };
    const U = { rows: 2, cols: 2, data: Float64Array.from([20, 30, 10, 40]) };
    const t = industryByIndustry({
      industries: ['I1', 'I2'],
      commodities: ['c1', 'c2'],
      V,
      U,
      g: Float64Array.from([100, 100]),
      supply: Float64Array.from([90, 110]),
      exports: Float64Array.from([0, 0]),
    });
    // by hand: d = [[1, 10/110], [0, 100/110]]; Z = d U
    const expected = [20 + (10 / 110) * 10, 30 + (10 / 110) * 40, (100 / 110) * 10, (100 / 110) * 40];
    Array.from(t.Z.data).forEach((z, k) => expect(z).toBeCloseTo(expected[k]!, 12));
  });

  it('keeps only the domestic part of each use (import proportionality, exports domestic)', () => {
    // one commodity: output 100, exports 40, imports 30 → domestic uses 90, of which 60 domestic output
    const V = { rows: 1, cols: 1, data: Float64Array.from([100]) };
    const U = { rows: 1, cols: 1, data: Float64Array.from([45]) };
    const t = industryByIndustry({
      industries: ['I'],
      commodities: ['c'],
      V,
      U,
      g: Float64Array.from([100]),
      supply: Float64Array.from([130]),
      exports: Float64Array.from([40]),
    });
    expect(t.domesticShare[0]).toBeCloseTo(60 / 90, 14);
    expect(t.Z.data[0]).toBeCloseTo(45 * (60 / 90), 12);
    expect(() =>
      industryByIndustry({
        industries: ['I'],
        commodities: ['c'],
        V,
        U,
        g: Float64Array.from([100]),
        supply: Float64Array.from([130]),
        exports: Float64Array.from([120]),
      }),
    ).toThrow(expect.objectContaining({ code: 'IO_EXPORTS_ABOVE_OUTPUT' }));
  });

  it('gives Thailand’s domestic intermediate sales close to ADB MRIO’s, which the SAM does not carry', async () => {
    // ADB MRIO 2022 domestic intermediate sales by sector (ez, datasets/sam/asean/controls.csv) are
    // not in the SAM (its use block mixes domestic and imported goods): the import-proportionality
    // split should come close in total, and closer than the split the 16-account inverse implies
    const sam = await readSamCsv(join(ROOT, 'datasets/sam/asean/THA.csv'));
    const io = industryIoFromSam(sam);
    const n = io.sectors.length;
    const ours = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => io.Z.data[i * n + j]!).reduce((s, z) => s + z, 0));
    const ez = readFileSync(join(ROOT, 'datasets/sam/asean/controls.csv'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('THA,'))
      .map((l) => l.split(','))
      .reduce((m, c) => m.set(`A-${c[1]}`, Number(c[8])), new Map<string, number>());
    const adb = io.sectors.map((s) => ez.get(s)!);
    const total = (v: number[]) => v.reduce((s, x) => s + x, 0);
    expect(Math.abs(total(ours) / total(adb) - 1)).toBeLessThan(0.05);
    // the split x/q (exports counted as a domestic use) that the activity + commodity inverse implies
    const naive = io.sectors.map((a) => {
      const c = `C-${a.slice(2)}`;
      const q = sam.colTotals()[sam.labels.indexOf(c)]!;
      return (io.x[io.sectors.indexOf(a)]! / q) * io.sectors.reduce((s, j) => s + sam.get(c, j), 0);
    });
    const err = (v: number[]) => v.reduce((s, x, i) => s + Math.abs(x - adb[i]!), 0);
    expect(err(ours)).toBeLessThan(err(naive));
  });

  it('is the demo’s Leontief table for a SAM with activities and commodities, the production accounts otherwise', async () => {
    const tha = await readSamCsv(join(ROOT, 'datasets/sam/asean/THA.csv'));
    expect(leontiefTable(tha).sectors).toEqual(['A-AGR', 'A-MAN', 'A-ICT', 'A-OIND', 'A-TRD', 'A-TEL', 'A-ITS', 'A-SRV']);
    expect(leontiefTable(tha).valueAddedConcept).toBe('gross value added at basic prices');
    const std = await readSamCsv(join(ROOT, 'test/multipliers/data/stdcge_sam.csv'));
    expect(leontiefTable(std).sectors).toEqual(['BRD', 'MLK']);
  });
});
