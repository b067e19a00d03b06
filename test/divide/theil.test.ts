import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { theilDecomposition, theilT } from '../../src/divide/index.js';

describe('theilT', () => {
  it('is 0 for equal values and ln n when one unit has everything', () => {
    expect(theilT([3, 3, 3])).toBe(0);
    for (const n of [2, 4, 10]) {
      const x = new Array(n).fill(0);
      x[0] = 5;
      expect(theilT(x)).toBeCloseTo(Math.log(n), 13);
    }
  });
  it('gives ½(½ ln ½ + 3/2 ln 3/2) for (1, 3)', () => {
    expect(theilT([1, 3])).toBeCloseTo(0.5 * (0.5 * Math.log(0.5) + 1.5 * Math.log(1.5)), 14);
  });
  it('with integer weights equals the Theil index of the expanded distribution, and is scale invariant', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0.1, max: 100, noNaN: true }), fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 10 }),
        (pairs) => {
          const expanded = pairs.flatMap(([v, w]) => new Array<number>(w).fill(v));
          const x = pairs.map((p) => p[0]);
          const w = pairs.map((p) => p[1]);
          expect(theilT(x, w)).toBeCloseTo(theilT(expanded), 10);
          expect(
            theilT(
              x.map((v) => v * 7.5),
              w,
            ),
          ).toBeCloseTo(theilT(x, w), 10);
        },
      ),
    );
  });
});

describe('theilDecomposition', () => {
  it('splits synthetic provinces of three countries into within + between = total', () => {
    const x = [10, 20, 30, 50, 55, 60, 90, 95];
    const w = [1, 2, 1, 3, 1, 2, 1, 1];
    const g = ['AAA', 'AAA', 'AAA', 'BBB', 'BBB', 'BBB', 'CCC', 'CCC'];
    const d = theilDecomposition(x, w, g);
    expect(d.within + d.between).toBeCloseTo(d.total, 13);
    expect(d.total).toBeCloseTo(theilT(x, w), 14);
    // between = Theil of the distribution where every unit has its group's mean
    const means = new Map(d.groups.map((q) => [q.group, q.mean]));
    expect(d.between).toBeCloseTo(
      theilT(
        g.map((k) => means.get(k)!),
        w,
      ),
      13,
    );
    // groups equal inside: all inequality is between
    const e = theilDecomposition([1, 1, 4, 4], undefined, ['A', 'A', 'B', 'B']);
    expect(e.within).toBeCloseTo(0, 15);
    expect(e.between).toBeCloseTo(e.total, 15);
  });
  it('holds for random groups', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: 0.5, max: 100, noNaN: true }),
            fc.double({ min: 0.1, max: 10, noNaN: true }),
            fc.constantFrom('A', 'B', 'C'),
          ),
          { minLength: 2, maxLength: 25 },
        ),
        (rows) => {
          const d = theilDecomposition(
            rows.map((r) => r[0]),
            rows.map((r) => r[1]),
            rows.map((r) => r[2]),
          );
          expect(d.within + d.between).toBeCloseTo(d.total, 10);
          expect(d.within).toBeGreaterThanOrEqual(-1e-12);
          expect(d.between).toBeGreaterThanOrEqual(-1e-12);
        },
      ),
    );
  });
});
