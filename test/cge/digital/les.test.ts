import { describe, expect, it } from 'vitest';
import { calibrateLes, lesCompensatingVariation, lesDemand, lesEquivalentVariation, lesUtility } from '../../../src/cge/digital/index.js';

const q0 = [40, 30, 20, 10];
const p0 = [1, 1, 1, 1];
const eta = [0.5, 1, 1.2, 1.8];

describe('LES calibration', () => {
  it('reproduces base demand, has Σβ = 1 and the Frisch parameter it was given', () => {
    const les = calibrateLes(q0, p0, eta, -2);
    expect(les.beta.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    const q = lesDemand(les, p0, 100);
    q.forEach((v, c) => expect(v).toBeCloseTo(q0[c]!, 12));
    // Frisch = −E/(E − Σpγ)
    const sub = les.gamma.reduce((s, g, c) => s + p0[c]! * g, 0);
    expect(-100 / (100 - sub)).toBeCloseTo(-2, 12);
  });
  it('has income elasticities η·(Σ η w)^−1 at the base (Engel aggregation), as calibrated', () => {
    const les = calibrateLes(q0, p0, eta, -2);
    const scale = eta.reduce((s, e, c) => s + e * (q0[c]! / 100), 0);
    const h = 1e-6;
    const up = lesDemand(les, p0, 100 * (1 + h));
    up.forEach((v, c) => expect((v / q0[c]! - 1) / h).toBeCloseTo(eta[c]! / scale, 5));
  });
});

describe('LES welfare', () => {
  const les = calibrateLes(q0, p0, eta, -2);
  const p1 = [1.1, 0.9, 1.05, 0.8];
  const e1 = 104;
  it('EV is the base-price spending change that reaches the new utility', () => {
    const ev = lesEquivalentVariation(les, p0, 100, p1, e1);
    const u1 = lesUtility(les, lesDemand(les, p1, e1));
    expect(lesUtility(les, lesDemand(les, p0, 100 + ev))).toBeCloseTo(u1, 10);
  });
  it('CV is the new-price spending change that keeps base utility', () => {
    const cv = lesCompensatingVariation(les, p0, 100, p1, e1);
    const u0 = lesUtility(les, q0);
    expect(lesUtility(les, lesDemand(les, p1, e1 - cv))).toBeCloseTo(u0, 10);
  });
  it('EV and CV equal the income change when prices do not move', () => {
    expect(lesEquivalentVariation(les, p0, 100, p0, 107)).toBeCloseTo(7, 12);
    expect(lesCompensatingVariation(les, p0, 100, p0, 107)).toBeCloseTo(7, 12);
  });
  it('refuses a Frisch parameter that leaves no supernumerary income', () => {
    expect(() => calibrateLes(q0, p0, eta, -0.5)).toThrow(expect.objectContaining({ code: 'LES_BAD_FRISCH' }));
  });
});
