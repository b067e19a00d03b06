import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matrix, type Matrix } from '../../src/linalg/dense/index.js';
import {
  consumptionBasedAccounts,
  leontiefFactor,
  mrioAccounts,
  stressorCoefficients,
  stressorMultipliers,
  sumColumnGroups,
  technicalCoefficients,
} from '../../src/multipliers/index.js';
import { DATA } from './helpers.js';

/** pymrio's test MRIO (see data/pymrio_test_mrio/SOURCE.md), read as pymrio's load_test reads it. */
const DIR = join(DATA, 'pymrio_test_mrio');

/** A pymrio text table: `header` rows of column labels, `index` columns of row labels, tab-separated. */
function readTable(name: string, index: number): { cols: string[][]; rows: string[][]; m: Matrix } {
  const lines = readFileSync(join(DIR, name), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => l.split('\t'));
  const cols = lines.slice(0, 2).map((l) => l.slice(index));
  const body = lines.slice(2);
  const m = matrix(body.length, cols[0].length);
  body.forEach((l, i) => l.slice(index).forEach((v, j) => (m.data[i * m.cols + j] = Number(v))));
  return { cols, rows: body.map((l) => l.slice(0, index)), m };
}

interface Expected {
  regions: string[];
  sectors: string[];
  x: number[];
  emissions: Record<string, number[][]>;
  factor_inputs: Record<string, number[][]>;
}
const expected = JSON.parse(readFileSync(join(DIR, 'expected_accounts.json'), 'utf8')) as Expected;

const Z = readTable('trade_flows_Z.txt', 3).m;
const Y = readTable('finald_demand_Y.txt', 3).m;
const F = readTable('emissions.txt', 3).m;
const FY = readTable('FDemissions.txt', 3).m;
const Ffac = readTable('factor_input.txt', 2).m;
const n = Z.rows;
const x = new Float64Array(n);
for (let i = 0; i < n; i++) {
  for (let j = 0; j < n; j++) x[i] += Z.data[i * n + j];
  for (let j = 0; j < Y.cols; j++) x[i] += Y.data[i * Y.cols + j];
}
const shape = { regions: 6, sectors: 8 };
const sys = leontiefFactor(technicalCoefficients(Z, x));

/** Largest |a − b| / max(|b|, tiny) over all cells. */
function relErr(a: Matrix, b: number[][]): number {
  expect(a.rows).toBe(b.length);
  expect(a.cols).toBe(b[0].length);
  let worst = 0;
  const scale = Math.max(...b.flat().map(Math.abs));
  b.forEach((row, i) =>
    row.forEach((v, j) => {
      const d = Math.abs(a.data[i * a.cols + j] - v) / Math.max(Math.abs(v), 1e-12 * scale);
      worst = Math.max(worst, d);
    }),
  );
  return worst;
}

describe("footprints with pymrio's definitions: pymrio's test MRIO (6 regions × 8 sectors)", () => {
  const em = mrioAccounts(sys, stressorCoefficients(F, x), Y, shape, FY);
  const fac = mrioAccounts(sys, stressorCoefficients(Ffac, x), Y, shape);

  it("reproduces pymrio's own stored results: D_imp_reg of the factor inputs (to 1e-10) and M (to its 8 printed digits)", () => {
    // tests/test_integration.py of IndEcol/pymrio @ 89c9b97f, fixture td_testmrio
    const dImpReg = [2382767.5387909594, 2393134.584113787, 2972317.803194902, 4201655.226133792, 1428782.8385865367, 6693276.934870526];
    expect(relErr(fac.DimpReg, [dImpReg])).toBeLessThan(1e-10);
    const m0 = [0.53905275, 0.56458194, 0.00522754, 0.61727649, 0.01795329, 0.00576, 0.00901308, 0.03437755];
    m0.forEach((v, j) => expect(Math.abs(fac.M.data[j] - v)).toBeLessThan(5e-9));
  });

  for (const [name, got] of [
    ['emissions (with F_Y)', em],
    ['factor inputs', fac],
  ] as const) {
    const ref = name.startsWith('emissions') ? expected.emissions : expected.factor_inputs;
    it(`${name}: M, D_cba, D_pba, D_imp, D_exp and the regional accounts agree with the numpy implementation of pymrio's formulas to 1e-10`, () => {
      expect(relErr(got.M, ref.M)).toBeLessThan(1e-10);
      expect(relErr(got.Dcba, ref.D_cba)).toBeLessThan(1e-10);
      expect(relErr(got.Dpba, ref.D_pba)).toBeLessThan(1e-10);
      expect(relErr(got.Dimp, ref.D_imp)).toBeLessThan(1e-10);
      expect(relErr(got.Dexp, ref.D_exp)).toBeLessThan(1e-10);
      expect(relErr(got.DcbaReg, ref.D_cba_reg)).toBeLessThan(1e-10);
      expect(relErr(got.DpbaReg, ref.D_pba_reg)).toBeLessThan(1e-10);
      expect(relErr(got.DimpReg, ref.D_imp_reg)).toBeLessThan(1e-10);
      expect(relErr(got.DexpReg, ref.D_exp_reg)).toBeLessThan(1e-10);
    });
  }

  it('D_cba_reg = D_pba_reg − D_exp_reg + D_imp_reg, and both sum to total F + F_Y', () => {
    const k = F.rows;
    for (let q = 0; q < k; q++) {
      let totalF = 0;
      for (let j = 0; j < n; j++) totalF += F.data[q * n + j];
      for (let j = 0; j < FY.cols; j++) totalF += FY.data[q * FY.cols + j];
      let cba = 0;
      let pba = 0;
      for (let r = 0; r < 6; r++) {
        const at = q * 6 + r;
        expect(em.DcbaReg.data[at]).toBeCloseTo(em.DpbaReg.data[at] - em.DexpReg.data[at] + em.DimpReg.data[at], 3);
        cba += em.DcbaReg.data[at];
        pba += em.DpbaReg.data[at];
      }
      expect(Math.abs(cba - totalF) / totalF).toBeLessThan(1e-12);
      expect(Math.abs(pba - totalF) / totalF).toBeLessThan(1e-12);
    }
  });

  it('D_cba is by consuming region × product: it differs from M diag(y), which is by producing region', () => {
    const y = sumColumnGroups(Y, Y.cols).data;
    const byProducer = consumptionBasedAccounts(stressorMultipliers(sys, stressorCoefficients(F, x)), y);
    // the same world total …
    const sum = (m: Matrix) => m.data.slice(0, n).reduce((a, b) => a + b, 0);
    expect(sum(em.Dcba) / sum(byProducer)).toBeCloseTo(1, 12);
    // … but not the same cells
    expect(relErr(byProducer, expected.emissions.D_cba)).toBeGreaterThan(0.01);
  });

  it('with one region, D_cba is M diag(y) (the single-region case)', () => {
    const sub = (m: Matrix, r0: number, nr: number, c0: number, nc: number): Matrix => {
      const out = matrix(nr, nc);
      for (let i = 0; i < nr; i++) for (let j = 0; j < nc; j++) out.data[i * nc + j] = m.data[(r0 + i) * m.cols + c0 + j];
      return out;
    };
    const Z1 = sub(Z, 0, 8, 0, 8);
    const Y1 = sub(Y, 0, 8, 0, 7);
    const x1 = new Float64Array(8);
    for (let i = 0; i < 8; i++) for (let j = 0; j < 8; j++) x1[i] += Z1.data[i * 8 + j] + (j < 7 ? Y1.data[i * 7 + j] : 0);
    for (let i = 0; i < 8; i++) x1[i] += 1000; // exports, so that x > Z 1 + Y 1 does not matter here
    const s1 = leontiefFactor(technicalCoefficients(Z1, x1));
    const S1 = stressorCoefficients(sub(F, 0, 2, 0, 8), x1);
    const acc = mrioAccounts(s1, S1, Y1, { regions: 1, sectors: 8 });
    const direct = consumptionBasedAccounts(stressorMultipliers(s1, S1), sumColumnGroups(Y1, 7).data);
    for (let t = 0; t < direct.data.length; t++) expect(acc.Dcba.data[t]).toBeCloseTo(direct.data[t], 6);
    expect(Array.from(acc.Dimp.data).every((v) => Math.abs(v) < 1e-9)).toBe(true);
  });

  it('a shape that does not tile the system is a located error', () => {
    expect(() => mrioAccounts(sys, stressorCoefficients(F, x), Y, { regions: 5, sectors: 8 })).toThrow(
      expect.objectContaining({ code: 'MATRIX_DIMENSION_MISMATCH' }),
    );
  });
});
