import { describe, expect, it } from 'vitest';
import { fromRows, identity, matmul, matrix, toRows } from '../../src/linalg/dense/index.js';
import {
  allocationCoefficients,
  consumptionBasedAccounts,
  digitalValueAdded,
  effectMultipliers,
  ghoshFactor,
  ghoshInverse,
  ghoshRowSums,
  hypotheticalExtraction,
  identityMinus,
  leontiefFactor,
  leontiefInverse,
  leontiefRowMultipliers,
  leontiefRowSeries,
  leontiefSolve,
  outputMultipliers,
  rasmussenLinkages,
  stressorCoefficients,
  stressorMultipliers,
  technicalCoefficients,
  typeIIMultipliers,
} from '../../src/multipliers/index.js';
import { gaussJordanInverse, maxAbsDiff, millerBlair, mul, rowsOf, seeded } from './helpers.js';

const mb = millerBlair();
const Z = fromRows(mb.Z);
const x = Float64Array.from(mb.x);
const labels = ['S1', 'S2'];

describe('Leontief model: Miller & Blair (2009) §2.3', () => {
  const A = technicalCoefficients(Z, x, labels);
  const sys = leontiefFactor(A, { labels });

  it('gives A = Z diag(x)⁻¹ (a_ij = z_ij / x_j)', () => {
    expect(toRows(A)).toEqual([
      [0.15, 0.25],
      [0.2, 0.05],
    ]);
  });
  it('reproduces the published Leontief inverse to 4 decimals', () => {
    const L = toRows(leontiefInverse(sys));
    L.forEach((r, i) => r.forEach((v, j) => expect(v).toBeCloseTo(mb.L_to_4_decimals[i][j], 4)));
  });
  it('reproduces the published output multipliers 1.5182 and 1.4521', () => {
    const m = outputMultipliers(sys);
    expect(m[0]).toBeCloseTo(mb.output_multipliers_to_4_decimals[0], 4);
    expect(m[1]).toBeCloseTo(mb.output_multipliers_to_4_decimals[1], 4);
  });
  it('satisfies L (I − A) = I and x = L y', () => {
    const L = leontiefInverse(sys);
    expect(maxAbsDiff(toRows(matmul(L, identityMinus(A))), toRows(identity(2)))).toBeLessThan(1e-12);
    const y = Float64Array.of(1000 - 650, 2000 - 300); // y = x − Z 1
    const xs = leontiefSolve(sys, y);
    expect(xs[0]).toBeCloseTo(1000, 9);
    expect(xs[1]).toBeCloseTo(2000, 9);
  });
  it('Ghosh: B = diag(x)⁻¹ Z and G = diag(x)⁻¹ L diag(x)', () => {
    const B = allocationCoefficients(Z, x, labels);
    const G = toRows(ghoshInverse(ghoshFactor(B, labels)));
    const L = toRows(leontiefInverse(sys));
    const expected = L.map((r, i) => r.map((v, j) => (v * mb.x[j]) / mb.x[i]));
    expect(maxAbsDiff(G, expected)).toBeLessThan(1e-12);
    const g = ghoshRowSums(ghoshFactor(B));
    expect(g[0]).toBeCloseTo(G[0][0] + G[0][1], 12);
  });
  it('Rasmussen linkages: normalised by the mean; backward 2·1.5182/2.9703', () => {
    const B = allocationCoefficients(Z, x, labels);
    const lk = rasmussenLinkages(outputMultipliers(sys), ghoshRowSums(ghoshFactor(B)));
    expect(lk.backward[0]).toBeCloseTo((2 * 1.518167) / (1.518167 + 1.452118), 4);
    expect(lk.backward[0] + lk.backward[1]).toBeCloseTo(2, 12);
    expect(lk.forward[0] + lk.forward[1]).toBeCloseTo(2, 12);
    expect(lk.classes[0]).toBe(lk.forward[0] > 1 ? 'key' : 'backward');
  });
  it('hypothetical extraction of sector 2 leaves sector 1 producing y1 / (1 − a11)', () => {
    const y = Float64Array.of(350, 1700);
    const r = hypotheticalExtraction(A, y, [1], Float64Array.of(0.35, 0.7), labels);
    const x1 = 350 / (1 - 0.15);
    expect(r.xExtracted[0]).toBeCloseTo(x1, 9);
    expect(r.xExtracted[1]).toBe(0);
    expect(r.outputLoss).toBeCloseTo(3000 - x1, 9);
    expect(r.valueAddedLoss).toBeCloseTo(0.35 * 1000 + 0.7 * 2000 - 0.35 * x1, 9);
  });
  it('digital value added = VA of the digital sector + VA induced by its purchases (by hand)', () => {
    const v = Float64Array.of(1 - 0.35, 1 - 0.3); // value added per unit output: 1 − column sums of A
    const r = digitalValueAdded(A, x, v, [1], labels);
    const direct = 0.7 * 2000;
    const induced = 0.65 * ((0.25 * 2000) / (1 - 0.15));
    expect(r.direct).toBeCloseTo(direct, 9);
    expect(r.induced).toBeCloseTo(induced, 9);
    expect(r.gdp).toBeCloseTo(650 + 1400, 9);
    expect(r.share).toBeCloseTo((direct + induced) / 2050, 12);
  });
});

describe('income, employment and Type II multipliers', () => {
  // a 3-sector table with households: labour income row and household consumption column
  const Z3 = fromRows([
    [20, 30, 10],
    [15, 10, 40],
    [5, 25, 15],
  ]);
  const x3 = Float64Array.of(200, 250, 150);
  const A = technicalCoefficients(Z3, x3);
  const hr = Float64Array.of(60 / 200, 80 / 250, 30 / 150);
  const hc = Float64Array.of(40 / 170, 60 / 170, 30 / 170);
  const e = Float64Array.of(0.02, 0.01, 0.03);

  it('simple income multipliers are h_r L, Type I their ratio to h_r (Gauss–Jordan check)', () => {
    const sys = leontiefFactor(A);
    const r = effectMultipliers(sys, hr);
    const L = gaussJordanInverse(toRows(identityMinus(A)));
    for (let j = 0; j < 3; j++) {
      const s = L.reduce((acc, row, i) => acc + hr[i] * row[j], 0);
      expect(r.simple[j]).toBeCloseTo(s, 12);
      expect(r.typeI![j]).toBeCloseTo(s / hr[j], 12);
    }
  });
  it('Type II ≥ Type I for output, income and employment, with the closed inverse checked by Gauss–Jordan', () => {
    const sys = leontiefFactor(A);
    const t1o = outputMultipliers(sys);
    const t1i = effectMultipliers(sys, hr);
    const t1e = effectMultipliers(sys, e, 'employment');
    const t2 = typeIIMultipliers(A, hc, hr, e);
    const Abar = toRows(A).map((r, i) => [...r, hc[i]]);
    Abar.push([...hr, 0]);
    const Lbar = gaussJordanInverse(Abar.map((r, i) => r.map((v, j) => (i === j ? 1 : 0) - v)));
    for (let j = 0; j < 3; j++) {
      expect(t2.output[j]).toBeCloseTo(Lbar[0][j] + Lbar[1][j] + Lbar[2][j], 12);
      expect(t2.incomeSimple[j]).toBeCloseTo(Lbar[3][j], 12);
      expect(t2.output[j]).toBeGreaterThan(t1o[j]);
      expect(t2.incomeTypeII![j]).toBeGreaterThan(t1i.typeI![j]);
      expect(t2.employmentTypeII![j]).toBeGreaterThan(t1e.typeI![j]);
    }
  });
  it('a zero labour coefficient makes the Type I ratio a located error, not Infinity', () => {
    const sys = leontiefFactor(A, { labels: ['AGR', 'MAN', 'ICT'] });
    expect(() => effectMultipliers(sys, Float64Array.of(0.3, 0, 0.2))).toThrow(
      expect.objectContaining({ code: 'ZERO_DIRECT_EFFECT', location: expect.objectContaining({ account: 'MAN' }) }),
    );
  });
});

describe('satellite accounts (pymrio formulas)', () => {
  it('M = S L by transposed solves equals S·L; row sums of D_cba equal total F', () => {
    const r = seeded(7);
    const n = 40;
    const Zr = matrix(n, n);
    const xr = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      xr[j] = 100 + 100 * r();
      let s = 0;
      for (let i = 0; i < n; i++) s += Zr.data[i * n + j] = r();
      const scale = ((0.2 + 0.6 * r()) * xr[j]) / s; // column sum of A in 0.2…0.8
      for (let i = 0; i < n; i++) Zr.data[i * n + j] *= scale;
    }
    const F = matrix(3, n);
    for (let k = 0; k < F.data.length; k++) F.data[k] = 10 * r();
    const A = technicalCoefficients(Zr, xr);
    const sys = leontiefFactor(A);
    const S = stressorCoefficients(F, xr);
    const M = stressorMultipliers(sys, S);
    const Lgj = gaussJordanInverse(toRows(identityMinus(A)));
    expect(maxAbsDiff(rowsOf(M.data, n), mul(rowsOf(S.data, n), Lgj))).toBeLessThan(1e-10);
    // y = x − Z 1 is consistent with x, so S L y = S x = F 1
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += Zr.data[i * n + j];
      y[i] = xr[i] - s;
    }
    const D = consumptionBasedAccounts(M, y);
    for (let k = 0; k < 3; k++) {
      let d = 0;
      let f = 0;
      for (let j = 0; j < n; j++) {
        d += D.data[k * n + j];
        f += F.data[k * n + j];
      }
      expect(d).toBeCloseTo(f, 8);
    }
    // the power series gives the same M within its guaranteed bound
    const s = leontiefRowSeries(A, S, { tolerance: 1e-13, maxIterations: 500 });
    expect(s.method).toBe('series');
    let err = 0;
    for (let k = 0; k < M.data.length; k++) err = Math.max(err, Math.abs(s.X.data[k] - M.data[k]));
    expect(err).toBeLessThanOrEqual(s.errorBound + 1e-13);
  });
  it('the series on worker threads (n = 300) agrees with LU within its bound', () => {
    const r = seeded(5);
    const n = 300;
    const A = matrix(n, n);
    for (let j = 0; j < n; j++) {
      const target = 0.1 + 0.8 * r();
      let s = 0;
      for (let i = 0; i < n; i++) s += A.data[i * n + j] = r() ** 4;
      for (let i = 0; i < n; i++) A.data[i * n + j] *= target / s;
    }
    const R = matrix(2, n);
    R.data.fill(1, 0, n);
    for (let j = 0; j < n; j++) R.data[n + j] = r();
    const lu = leontiefRowMultipliers(leontiefFactor(A), R);
    for (const threads of [1, 2]) {
      const s = leontiefRowSeries(A, R, { threads, maxIterations: 1000 });
      expect(s.method).toBe('series');
      let err = 0;
      for (let q = 0; q < lu.data.length; q++) err = Math.max(err, Math.abs(s.X.data[q] - lu.data[q]));
      expect(err).toBeLessThanOrEqual(s.errorBound + 1e-12);
    }
  });

  it('the series falls back to LU when a column sum of A is ≥ 1 or A has a negative entry', () => {
    const A = fromRows([
      [0.5, 0.6],
      [0.6, 0.1],
    ]);
    const R = matrix(1, 2, Float64Array.of(1, 1));
    const s = leontiefRowSeries(A, R);
    expect(s.method).toBe('lu');
    expect(Array.from(s.X.data)).toEqual(Array.from(outputMultipliers(leontiefFactor(A))));
  });
});

describe('bad input is a located error, never NaN', () => {
  it('a sector with zero output', () => {
    expect(() => technicalCoefficients(Z, Float64Array.of(1000, 0), labels)).toThrow(
      expect.objectContaining({ code: 'ZERO_OUTPUT', location: expect.objectContaining({ account: 'S2' }) }),
    );
  });
  it('a singular I − A names the sector', () => {
    // every column of A sums to 1 and the sectors sell only to each other: I − A is singular
    const A = technicalCoefficients(
      fromRows([
        [50, 50],
        [50, 50],
      ]),
      Float64Array.of(100, 100),
      ['AGR', 'ICT'],
    );
    expect(() => leontiefFactor(A, { labels: ['AGR', 'ICT'] })).toThrow(
      expect.objectContaining({ code: 'MATRIX_SINGULAR', location: expect.objectContaining({ account: 'ICT' }) }),
    );
  });
  it('a non-square Z', () => {
    expect(() => technicalCoefficients(matrix(2, 3), Float64Array.of(1, 2, 3))).toThrow(
      expect.objectContaining({ code: 'MATRIX_NOT_SQUARE' }),
    );
  });
  it('a NaN in Z names its row and column', () => {
    expect(() =>
      technicalCoefficients(
        fromRows([
          [1, NaN],
          [2, 3],
        ]),
        Float64Array.of(10, 10),
        labels,
      ),
    ).toThrow(expect.objectContaining({ code: 'NOT_FINITE', location: expect.objectContaining({ row: 1, column: 'S2' }) }));
  });
});

describe('ADB digital value added', () => {
  it('equals the value added lost when the digital sectors are extracted (an identity of the formulation)', () => {
    const r = seeded(11);
    const n = 12;
    const Zr = matrix(n, n);
    const xr = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      xr[j] = 50 + 100 * r();
      for (let i = 0; i < n; i++) Zr.data[i * n + j] = (r() * xr[j]) / (2 * n);
    }
    const A = technicalCoefficients(Zr, xr);
    const y = new Float64Array(n);
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let rs = 0;
      let cs = 0;
      for (let j = 0; j < n; j++) {
        rs += Zr.data[i * n + j];
        cs += A.data[j * n + i];
      }
      y[i] = xr[i] - rs;
      v[i] = 1 - cs;
    }
    const digital = [2, 5, 9];
    const d = digitalValueAdded(A, xr, v, digital);
    const e = hypotheticalExtraction(A, y, digital, v);
    expect(d.total).toBeCloseTo(e.valueAddedLoss!, 8);
    expect(d.share).toBeCloseTo(e.valueAddedLossShare!, 12);
  });
});
