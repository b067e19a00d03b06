import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceGras, balanceLabelledMatrix, parseLabelledMatrixCsv } from '../../../src/sam/balance/index.js';
import { readProblemJson } from '../../../src/sam/balance/problem-files.js';
import { flat, jo } from './examples.js';

const DIR = join(import.meta.dirname, '../../../datasets/balancing/gras_junius_oosterhaven');
const m = parseLabelledMatrixCsv(readFileSync(join(DIR, 'matrix.csv'), 'utf8'));
const rows = ['r1', 'r2', 'r3'];
const cols = ['c1', 'c2', 'c3', 'c4'];
const totals = (r: (number | object)[], c: (number | object)[]) => ({
  rows: Object.fromEntries(rows.map((l, i) => [l, r[i]])),
  columns: Object.fromEntries(cols.map((l, j) => [l, c[j]])),
});
const sumRow = (x: Float64Array, i: number) => x[4 * i] + x[4 * i + 1] + x[4 * i + 2] + x[4 * i + 3];
const sumCol = (x: Float64Array, j: number) => x[j] + x[4 + j] + x[8 + j];

describe('GRAS worked example (Junius & Oosterhaven 2003) from datasets/balancing', () => {
  it('the problem file reproduces the published solution to 6 decimals', () => {
    const published = JSON.parse(readFileSync(join(DIR, 'published.json'), 'utf8'));
    const { values, report } = balanceLabelledMatrix(m, readProblemJson(join(DIR, 'problem.json')));
    expect(report.converged).toBe(true);
    published.X.flat().forEach((v: number, k: number) => expect(Math.abs(values[k] - v)).toBeLessThanOrEqual(5e-7 + 1e-12));
  });
});

describe('GRAS with bands on totals, fixed cells and macro controls', () => {
  it('bands, a fixed cell and a macro control: the independent SLSQP solution to 1e-6', () => {
    const ref = JSON.parse(readFileSync(join(import.meta.dirname, 'data/gras_bands_slsqp.json'), 'utf8'));
    const { values, report } = balanceLabelledMatrix(m, {
      method: 'gras',
      totals: totals([15, { lower: 24, upper: 25 }, -1], [9, { lower: 14, upper: 16 }, 17, -2]),
      fixed: [{ row: 'r3', col: 'c3', value: 1.5 }],
      macro: [
        {
          name: 'diagonal',
          cells: [
            { row: 'r1', col: 'c1' },
            { row: 'r2', col: 'c2' },
          ],
          value: 20,
        },
      ],
      tolerance: 1e-11,
    });
    expect(report.converged).toBe(true);
    expect(report.solver).toBe('bregman');
    ref.X.flat().forEach((v: number, k: number) => expect(Math.abs(values[k] - v)).toBeLessThan(1e-6));
    expect(values[10]).toBe(1.5);
    expect(sumRow(values, 1)).toBeCloseTo(24, 9); // the band binds at its lower edge
    expect(values[0] + values[5]).toBeCloseTo(20, 9);
    // signs of the prior kept
    flat(jo.A).forEach((a, k) => expect(Math.sign(values[k])).toBe(k === 10 ? 1 : Math.sign(a)));
  });

  it('a band that contains the optimum of the free total changes nothing; one that excludes it is met at its edge, where GRAS gives the answer (property)', () => {
    const band = (lo: number, hi: number) =>
      balanceLabelledMatrix(m, {
        method: 'gras',
        totals: totals([15, { lower: lo, upper: hi }, -1], [9, { lower: lo - 10, upper: hi - 10 }, 17, -2]),
        tolerance: 1e-11,
      });
    const free = band(-1000, 1000);
    const rStar = sumRow(free.values, 1);
    expect(Math.abs(rStar - 26)).toBeGreaterThan(0.01); // the information loss moves the free total away from the prior's update
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 3, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true }), (width, shift) => {
        // the total of r2 and of c2 move together (so that the grand totals still agree)
        const lo = rStar + shift - width;
        const hi = rStar + shift + width;
        const res = band(lo, hi);
        expect(res.report.converged).toBe(true);
        const r2 = sumRow(res.values, 1);
        if (lo <= rStar && rStar <= hi) {
          for (let k = 0; k < 12; k++) expect(Math.abs(res.values[k] - free.values[k])).toBeLessThan(1e-7);
        } else {
          const edge = rStar < lo ? lo : hi;
          expect(r2).toBeCloseTo(edge, 8);
          const atEdge = balanceGras(flat(jo.A), 3, 4, [15, edge, -1], [9, edge - 10, 17, -2], { tolerance: 1e-12 });
          for (let k = 0; k < 12; k++) expect(Math.abs(res.values[k] - atEdge.matrix[k])).toBeLessThan(1e-7);
        }
        expect(sumCol(res.values, 1)).toBeCloseTo(r2 - 10, 8);
      }),
      { numRuns: 25, seed: 13 },
    );
  });

  it('fixed cells with exact totals: the general solver and the classic GRAS kernel agree', () => {
    const fixed = [{ row: 'r1', col: 'c3', value: 6 }];
    const viaBand = balanceLabelledMatrix(m, {
      method: 'gras',
      totals: totals([{ lower: 15, upper: 15 }, 26, -1], [9, 16, 17, -2]),
      fixed,
      tolerance: 1e-11,
    });
    const classic = balanceGras(flat(jo.A), 3, 4, jo.u, jo.v, { fixed: [{ row: 0, col: 2, value: 6 }], tolerance: 1e-12 });
    for (let k = 0; k < 12; k++) expect(Math.abs(viaBand.values[k] - classic.matrix[k])).toBeLessThan(1e-7);
  });
});
