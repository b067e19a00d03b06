import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gini } from '../../src/divide/index.js';
import { NumericError } from '../../src/errors.js';

/** Textbook definition, double sum over n² pairs: G = ΣΣ|xi − xj| / (2 n² μ). */
function giniDoubleSum(x: number[]): number {
  const n = x.length;
  const mu = x.reduce((a, b) => a + b, 0) / n;
  let s = 0;
  for (const a of x) for (const b of x) s += Math.abs(a - b);
  return s / (2 * n * n * mu);
}

describe('gini', () => {
  it('gives 4/15 for (1, 2, 3, 4, 5)', () => {
    expect(gini([1, 2, 3, 4, 5])).toBeCloseTo(4 / 15, 14);
    expect(gini([5, 3, 1, 4, 2])).toBeCloseTo(4 / 15, 14);
  });
  it('is 0 for a perfectly equal distribution', () => {
    expect(gini([7, 7, 7, 7])).toBe(0);
    expect(gini([0, 0, 0])).toBe(0);
  });
  it('is (n−1)/n when one unit has everything', () => {
    for (const n of [2, 5, 10]) {
      const x = new Array(n).fill(0);
      x[n - 1] = 42;
      expect(gini(x)).toBeCloseTo((n - 1) / n, 14);
    }
  });
  it('agrees with the double-sum definition', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 1000, noNaN: true }), { minLength: 1, maxLength: 30 }), (x) => {
        expect(gini(x)).toBeCloseTo(giniDoubleSum(x), 10);
      }),
    );
  });
  // values are 0 or ≥ 1e−6: with subnormal values (1e−323) the reference's own mean underflows
  it('with integer weights equals the Gini of the expanded individual-level distribution', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.tuple(fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 100, noNaN: true })), fc.integer({ min: 1, max: 6 })), {
            minLength: 1,
            maxLength: 12,
          })
          .filter((p) => p.some(([v]) => v > 0)),
        (pairs) => {
          const expanded = pairs.flatMap(([v, w]) => new Array<number>(w).fill(v));
          expect(
            gini(
              pairs.map((p) => p[0]),
              pairs.map((p) => p[1]),
            ),
          ).toBeCloseTo(giniDoubleSum(expanded), 10);
        },
      ),
    );
  });
  it('is unchanged by scaling and by permutation', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.1, max: 100, noNaN: true }), { minLength: 2, maxLength: 20 }),
        fc.double({ min: 0.001, max: 1e6, noNaN: true }),
        (x, k) => {
          expect(gini(x.map((v) => v * k))).toBeCloseTo(gini(x), 10);
          expect(gini([...x].reverse())).toBeCloseTo(gini(x), 12);
        },
      ),
    );
  });
  it('rejects empty input, negative values and mismatched weights with codes', () => {
    const code = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(NumericError);
        return (e as NumericError).code;
      }
      return 'none';
    };
    expect(code(() => gini([]))).toBe('GINI_EMPTY');
    expect(code(() => gini([1, -2]))).toBe('GINI_BAD_VALUE');
    expect(code(() => gini([1, 2], [1]))).toBe('GINI_LENGTH');
    expect(code(() => gini([1, 2], [0, 0]))).toBe('GINI_ZERO_WEIGHT');
  });
});
