import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CgeModel,
  householdExpenditure,
  householdUtility,
  householdWelfare,
  type Household,
  type LevelReader,
} from '../../src/cge/index.js';

/** A two-good model holding the household's parameters (share, subsistence γ, elasticity σ). */
function model(share: [number, number], gamma: [number, number], sigma: number): CgeModel {
  const m = new CgeModel('h');
  m.set('g', ['A', 'B']);
  m.parameter('share', ['g']);
  m.parameter('gamma', ['g']);
  m.parameter('sigma', [], { value: sigma });
  share.forEach((v, k) => m.setParameter('share', [['A', 'B'][k]], v));
  gamma.forEach((v, k) => m.setParameter('gamma', [['A', 'B'][k]], v));
  return m;
}

const LES: Household = { kind: 'les', household: 'H', goods: 'g', consumption: 'X', price: 'p', share: 'share', subsistence: 'gamma' };
const CES: Household = { kind: 'ces', household: 'H', goods: 'g', consumption: 'X', price: 'p', share: 'share', elasticity: 'sigma' };

/** Textbook Marshallian demands at prices p and income m (independent of the expenditure functions). */
function demand(h: Household, share: number[], gamma: number[], sigma: number, p: number[], m: number): number[] {
  if (h.kind === 'les') {
    const sub = p[0] * gamma[0] + p[1] * gamma[1];
    return p.map((pi, i) => gamma[i] + (share[i] * (m - sub)) / pi);
  }
  const denom = share[0] ** sigma * p[0] ** (1 - sigma) + share[1] ** sigma * p[1] ** (1 - sigma);
  return p.map((pi, i) => (share[i] ** sigma * pi ** -sigma * m) / denom);
}

const reader =
  (X: number[], p: number[]): LevelReader =>
  (name, index = []) =>
    (name === 'X' ? X : p)[index[0] === 'A' ? 0 : 1];

const cases = fc.record({
  b: fc.double({ min: 0.1, max: 0.9, noNaN: true }),
  g0: fc.double({ min: 0, max: 2, noNaN: true }),
  g1: fc.double({ min: 0, max: 2, noNaN: true }),
  sigma: fc.oneof(fc.double({ min: 0.2, max: 0.9, noNaN: true }), fc.double({ min: 1.1, max: 4, noNaN: true })),
  p0: fc.tuple(fc.double({ min: 0.5, max: 2, noNaN: true }), fc.double({ min: 0.5, max: 2, noNaN: true })),
  p1: fc.tuple(fc.double({ min: 0.5, max: 2, noNaN: true }), fc.double({ min: 0.5, max: 2, noNaN: true })),
  m0: fc.double({ min: 20, max: 50, noNaN: true }),
  m1: fc.double({ min: 20, max: 50, noNaN: true }),
});

describe('welfare of LES and CES households from their expenditure functions', () => {
  for (const h of [LES, CES]) {
    it(`${h.kind}: e(p, V(p, m)) = m at the textbook Marshallian demands`, () => {
      fc.assert(
        fc.property(cases, (c) => {
          const share = [c.b, 1 - c.b];
          const gamma = [c.g0, c.g1];
          const mdl = model([share[0], share[1]], [c.g0, c.g1], c.sigma);
          const X = demand(h, share, gamma, c.sigma, c.p0, c.m0);
          const u = householdUtility(mdl, h, reader(X, c.p0));
          expect(householdExpenditure(mdl, h, reader(X, c.p0), u)).toBeCloseTo(c.m0, 8);
        }),
      );
    });

    it(`${h.kind}: EV is the income change at benchmark prices that gives the new utility (found by bisection)`, () => {
      fc.assert(
        fc.property(cases, (c) => {
          const share = [c.b, 1 - c.b];
          const gamma = [c.g0, c.g1];
          const mdl = model([share[0], share[1]], [c.g0, c.g1], c.sigma);
          const X0 = demand(h, share, gamma, c.sigma, c.p0, c.m0);
          const X1 = demand(h, share, gamma, c.sigma, c.p1, c.m1);
          const w = householdWelfare(mdl, h, reader(X0, c.p0), reader(X1, c.p1));
          // Bisection on income at benchmark prices for utility U¹, through the demands only.
          const V = (m: number) => householdUtility(mdl, h, reader(demand(h, share, gamma, c.sigma, c.p0, m), c.p0));
          let lo = c.p0[0] * c.g0 + c.p0[1] * c.g1 + 1e-9;
          let hi = 1000;
          for (let k = 0; k < 200; k++) {
            const mid = (lo + hi) / 2;
            if (V(mid) < w.utility) lo = mid;
            else hi = mid;
          }
          expect(w.ev).toBeCloseTo((lo + hi) / 2 - c.m0, 6);
        }),
      );
    });
  }

  it('LES with no subsistence quantities is Cobb–Douglas: same EV and CV', () => {
    const mdl = model([0.3, 0.7], [0, 0], 2);
    const cd: Household = { household: 'H', goods: 'g', consumption: 'X', price: 'p', share: 'share' };
    const base = reader([15, 35], [1, 1]);
    const after = reader([16, 33], [0.9, 1.2]);
    const a = householdWelfare(mdl, { ...LES }, base, after);
    const b = householdWelfare(mdl, cd, base, after);
    expect(a.ev).toBeCloseTo(b.ev, 12);
    expect(a.cv).toBeCloseTo(b.cv, 12);
  });
});
