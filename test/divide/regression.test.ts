import { describe, expect, it } from 'vitest';
import { betaConvergence, olsSimple, studentTTwoSidedP } from '../../src/divide/index.js';
import { obsRecords, type Obs } from './helpers.js';

/** OLS by the normal equations (X'X) b = X'y solved by Cramer's rule, with var(b) = s² (X'X)⁻¹. */
function normalEquations(x: number[], y: number[]): { a: number; b: number; seB: number } {
  const n = x.length;
  const sx = x.reduce((p, q) => p + q, 0);
  const sxx = x.reduce((p, q) => p + q * q, 0);
  const sy = y.reduce((p, q) => p + q, 0);
  const sxy = x.reduce((p, q, i) => p + q * y[i], 0);
  const det = n * sxx - sx * sx;
  const a = (sy * sxx - sx * sxy) / det;
  const b = (n * sxy - sx * sy) / det;
  const s2 = y.reduce((p, q, i) => p + (q - a - b * x[i]) ** 2, 0) / (n - 2);
  return { a, b, seB: Math.sqrt((s2 * n) / det) };
}

describe('Student t p-values', () => {
  it('match the textbook table: t = 2.228 at 10 df and t = 2.086 at 20 df are 5% two-sided', () => {
    expect(studentTTwoSidedP(2.228, 10)).toBeCloseTo(0.05, 3);
    expect(studentTTwoSidedP(2.086, 20)).toBeCloseTo(0.05, 3);
    expect(studentTTwoSidedP(-3.169, 10)).toBeCloseTo(0.01, 3);
    expect(studentTTwoSidedP(0, 5)).toBeCloseTo(1, 12);
    // df = 1 is the Cauchy: P(|T| > 1) = 1/2
    expect(studentTTwoSidedP(1, 1)).toBeCloseTo(0.5, 12);
  });
});

describe('olsSimple', () => {
  it('agrees with the normal equations', () => {
    const x = [1, 2, 4, 5, 7, 8];
    const y = [2.1, 2.9, 5.2, 5.8, 8.4, 8.7];
    const o = olsSimple(x, y);
    const ne = normalEquations(x, y);
    expect(o.intercept).toBeCloseTo(ne.a, 12);
    expect(o.slope).toBeCloseTo(ne.b, 12);
    expect(o.seSlope).toBeCloseTo(ne.seB, 12);
  });
});

describe('betaConvergence', () => {
  it('regresses annual log growth on the log initial level, as the normal equations give', () => {
    const start: Record<string, number> = { AAA: 2, BBB: 10, CCC: 25, DDD: 40, EEE: 70 };
    const end: Record<string, number> = { AAA: 30, BBB: 45, CCC: 60, DDD: 75, EEE: 88 };
    const obs: Obs[] = Object.keys(start).flatMap((a) => [
      { area: a, ind: 'HH7', year: 2005, value: start[a] },
      { area: a, ind: 'HH7', year: 2015, value: end[a] },
    ]);
    obs.push({ area: 'FFF', ind: 'HH7', year: 2015, value: 50 });
    const row = betaConvergence(obsRecords(obs), 'HH7', 2005, 2015);
    const areas = Object.keys(start);
    const ne = normalEquations(
      areas.map((a) => Math.log(start[a])),
      areas.map((a) => (Math.log(end[a]) - Math.log(start[a])) / 10),
    );
    expect(row.n).toBe(5);
    expect(row.slope).toBeCloseTo(ne.b, 12);
    expect(row.intercept).toBeCloseTo(ne.a, 12);
    expect(row.se_slope).toBeCloseTo(ne.seB, 12);
    expect(row.speed).toBeCloseTo(-Math.log(1 + ne.b * 10) / 10, 12);
    expect(row.excluded).toBe('FFF (no value in 2005)');
    expect(row.provenance).toHaveLength(10);
    expect(row.verdict).toBe('convergence');
  });
});
