import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  balanceCrossEntropy,
  balanceGras,
  balanceLabelledMatrix,
  balanceRas,
  parseLabelledMatrixCsv,
} from '../../../src/sam/balance/index.js';
import { readProblemJson } from '../../../src/sam/balance/problem-files.js';
import { flat, jo, mb } from './examples.js';

const ROOT = join(import.meta.dirname, '../../..');
const dataset = (name: string) => join(ROOT, 'datasets/balancing', name);
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

function solve(name: string, override: object = {}) {
  const m = parseLabelledMatrixCsv(readFileSync(join(dataset(name), 'sam.csv'), 'utf8'));
  const p = readProblemJson(join(dataset(name), 'problem.json'));
  const res = balanceLabelledMatrix(m, { ...p, ...override });
  const n = m.rowLabels.length;
  const cell = (r: string, c: string) => res.values[m.rowLabels.indexOf(r) * n + m.colLabels.indexOf(c)];
  return { m, res, cell };
}

describe('cross-entropy worked example: CESAM (GAMS Model Library SEQ=228, Robinson, Cattaneo & El-Said 2001)', () => {
  const published = json(join(dataset('cesam_mozambique'), 'published.json'));
  const slsqp = json(join(import.meta.dirname, 'data/cesam_slsqp.json'));
  const { res, cell } = solve('cesam_mozambique');

  it('converges (Newton) and reaches the published objective 0.00958557821 (printed 0.0096)', () => {
    expect(res.report.converged).toBe(true);
    expect(res.report.solver).toBe('newton');
    expect(res.report.objective!.toFixed(4)).toBe(published.objective.printed.toFixed(4));
    expect(Math.abs(res.report.objective! - published.objective.value)).toBeLessThan(5e-11);
    expect(Math.abs(res.report.objective! - slsqp.objective)).toBeLessThan(1e-12);
  });

  it('reproduces every cell of the published balanced SAM to its 3 printed decimals', () => {
    for (const c of published.balancedSam.cells) expect(Math.abs(cell(c.row, c.col) - c.value)).toBeLessThanOrEqual(0.0005 + 1e-9);
    // and nothing else is non-zero
    const nonZero = Array.from(res.values).filter((v) => v !== 0).length;
    expect(nonZero).toBe(published.balancedSam.cells.length);
  });

  it('agrees with an independent SLSQP solution of the same NLP to 1e-3 (cells up to 15 000)', () => {
    for (const [k, v] of Object.entries(slsqp.cells as Record<string, number>)) {
      const [r, c] = k.split(',');
      expect(Math.abs(cell(r, c) - v)).toBeLessThan(1e-3); // SLSQP stops at its iteration limit: 1e-3 in cells of up to 15 000
    }
  });

  it('the δ of the GAMS program matters at the printed precision: without it some cell moves by more than 0.0005', () => {
    const { cell: c0 } = solve('cesam_mozambique', { delta: 0 });
    const worst = Math.max(
      ...published.balancedSam.cells.map((c: { row: string; col: string; value: number }) => Math.abs(c0(c.row, c.col) - c.value)),
    );
    expect(worst).toBeGreaterThan(0.0005);
  });
});

describe('cross-entropy worked example: CESAM2 (GAMS Model Library SEQ=393): error terms on every cell, no divergence term', () => {
  const published = json(join(dataset('cesam2_mozambique'), 'published.json'));
  const slsqp = json(join(import.meta.dirname, 'data/cesam2_slsqp.json'));
  const { res, cell } = solve('cesam2_mozambique');

  it('reaches the published objective 0.50796 (printed 0.508)', () => {
    expect(res.report.converged).toBe(true);
    expect(res.report.objective!.toFixed(5)).toBe(published.objective.value.toFixed(5));
    expect(res.report.objective!.toFixed(3)).toBe(published.objective.printed.toFixed(3));
    expect(Math.abs(res.report.objective! - slsqp.objective)).toBeLessThan(1e-10);
  });

  it('agrees with an independent SLSQP solution of the same NLP cell by cell to 1e-6, negative cells kept negative', () => {
    for (const [k, v] of Object.entries(slsqp.cells as Record<string, number>)) {
      const [r, c] = k.split(',');
      expect(Math.abs(cell(r, c) - v) / Math.abs(v)).toBeLessThan(1e-6);
    }
    expect(cell('CAP', 'GOV')).toBeLessThan(0);
  });
});

describe('the two cross-entropy solvers and the biproportional kernels agree where their problems meet', () => {
  const z0 = flat(mb.A0).map((a, k) => a * mb.x1[k % 3]);
  it('exact totals, flow form: Newton = coordinate descent = RAS', () => {
    const opts = { rowTotals: mb.u1, colTotals: mb.v1, tolerance: 1e-10 };
    const nw = balanceCrossEntropy(z0, 3, 3, { ...opts, solver: 'newton' });
    const cd = balanceCrossEntropy(z0, 3, 3, { ...opts, solver: 'bregman' });
    const ras = balanceRas(z0, 3, 3, mb.u1, mb.v1, { tolerance: 1e-11 });
    expect(nw.converged && cd.converged).toBe(true);
    for (let k = 0; k < 9; k++) {
      expect(Math.abs(nw.matrix[k] - ras.matrix[k])).toBeLessThan(1e-7);
      expect(Math.abs(cd.matrix[k] - ras.matrix[k])).toBeLessThan(1e-7);
    }
  });

  it('negative cells, exact totals: both solvers give GRAS (Junius & Oosterhaven)', () => {
    const A = flat(jo.A);
    const g = balanceGras(A, 3, 4, jo.u, jo.v, { tolerance: 1e-12 });
    for (const solver of ['newton', 'bregman'] as const) {
      const ce = balanceCrossEntropy(A, 3, 4, { rowTotals: jo.u, colTotals: jo.v, tolerance: 1e-10, solver });
      expect(ce.converged).toBe(true);
      for (let k = 0; k < 12; k++) expect(Math.abs(ce.matrix[k] - g.matrix[k])).toBeLessThan(1e-7);
    }
  });

  it('error terms on separate row and column totals and a macro control: Newton = coordinate descent', () => {
    const sums = [0, 1, 2].map((i) => z0[3 * i] + z0[3 * i + 1] + z0[3 * i + 2]);
    const opts = {
      rowTotals: [
        { value: sums[0] + 30, support: [-50, 0, 50] },
        sums[1],
        { value: sums[2] - 10, support: [-20, -5, 0, 5, 20], weights: [1, 2, 4, 2, 1] },
      ],
      colTotals: [260, 110, { value: 170, support: [-40, 0, 40] }],
      macro: [
        {
          name: 'block',
          cells: [
            { row: 0, col: 0 },
            { row: 2, col: 1 },
          ],
          value: 120,
          support: [-15, 0, 15],
        },
      ],
      tolerance: 1e-9,
    };
    const nw = balanceCrossEntropy(z0, 3, 3, { ...opts, solver: 'newton' });
    const cd = balanceCrossEntropy(z0, 3, 3, { ...opts, solver: 'bregman' });
    expect(nw.converged && cd.converged).toBe(true);
    for (let k = 0; k < 9; k++) expect(Math.abs(nw.matrix[k] - cd.matrix[k]) / Math.abs(cd.matrix[k])).toBeLessThan(1e-7);
    expect(nw.objective).toBeCloseTo(cd.objective, 9);
    expect(nw.weightsEntropy).toBeGreaterThan(0);
  });

  it('the coefficient form with exact column totals: Newton = coordinate descent', () => {
    const opts = { rowTotals: mb.u1, colTotals: mb.v1, form: 'coefficient' as const, tolerance: 1e-10 };
    const nw = balanceCrossEntropy(z0, 3, 3, { ...opts, solver: 'newton' });
    const cd = balanceCrossEntropy(z0, 3, 3, { ...opts, solver: 'bregman' });
    for (let k = 0; k < 9; k++) expect(Math.abs(nw.matrix[k] - cd.matrix[k])).toBeLessThan(1e-7);
    expect(nw.divergence).toBeCloseTo(cd.divergence, 10);
  });
});

describe('problems no solver takes are usage errors, and every cell needs a term', () => {
  const z0 = flat(mb.A0).map((a, k) => a * mb.x1[k % 3]);
  it('a band together with error terms on cells', () => {
    expect(() =>
      balanceCrossEntropy(z0, 3, 3, {
        rowTotals: [{ lower: 200, upper: 260 }, 136, 159],
        colTotals: mb.v1,
        cellErrors: [{ row: 0, col: 0, support: [-5, 0, 5] }],
      }),
    ).toThrow(expect.objectContaining({ code: 'USAGE_BAD_OPTION' }));
  });
  it('no divergence term and a cell without an error term', () => {
    expect(() =>
      balanceCrossEntropy(z0, 3, 3, {
        rowTotals: mb.u1,
        colTotals: mb.v1,
        cellDivergence: false,
        cellErrors: [{ row: 0, col: 0, support: [-5, 0, 5] }],
      }),
    ).toThrow(expect.objectContaining({ code: 'BALANCE_CELL_NO_TERM', location: { account: 'row 1', column: 'column 2' } }));
  });
});
