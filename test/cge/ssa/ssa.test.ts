import { describe, expect, it } from 'vitest';
import {
  distributionQuantile,
  distributionSd,
  latinHypercubeSamples,
  normalQuantile,
  percentileOfSorted,
  runSensitivity,
  stroud3Points,
  summarise,
} from '../../../src/cge/ssa/index.js';

const EVALUATOR = new URL('./fixtures/cubic-evaluator.ts', import.meta.url).href;

/** A small deterministic uniform source for tests (Park–Miller minimal standard generator). */
function parkMiller(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647;
  };
}

describe('Stroud order-3 points', () => {
  it('reproduce every standardised moment of order ≤ 3 exactly, for n = 1…7', () => {
    for (let n = 1; n <= 7; n++) {
      const pts = stroud3Points(n);
      expect(pts.length).toBe(2 * n);
      const E = (f: (x: Float64Array) => number) => pts.reduce((s, x) => s + f(x), 0) / pts.length;
      for (let i = 0; i < n; i++) {
        expect(E((x) => x[i]!)).toBeCloseTo(0, 12);
        expect(E((x) => x[i]! ** 3)).toBeCloseTo(0, 12);
        for (let j = 0; j < n; j++) {
          expect(E((x) => x[i]! * x[j]!)).toBeCloseTo(i === j ? 1 : 0, 12);
          for (let k = 0; k < n; k++) expect(E((x) => x[i]! * x[j]! * x[k]!)).toBeCloseTo(0, 12);
        }
      }
    }
  });
  it('gives the exact mean of a cubic in independent normal parameters (run on worker threads)', async () => {
    // a ~ N(1, 0.5²), b ~ N(−2, 0.3²); E[c0 + 2a + 3b + a² + ab + b³]
    //   = 5 + 2 − 6 + (1 + 0.25) + (1·−2) + (μ³ + 3μσ²) with μ = −2, σ² = 0.09 → −8.54
    const expected = 5 + 2 - 6 + 1.25 - 2 + (-8 + 3 * -2 * 0.09);
    const r = await runSensitivity({
      parameters: [
        { name: 'a', distribution: { kind: 'normal', mean: 1, sd: 0.5 } },
        { name: 'b', distribution: { kind: 'normal', mean: -2, sd: 0.3 } },
      ],
      method: 'quadrature',
      moduleUrl: EVALUATOR,
      setup: { c0: 5 },
      workers: 2,
    });
    expect(r.samples).toBe(4);
    expect(r.summaries.f!.mean).toBeCloseTo(expected, 12);
    expect(r.summaries.a!.mean).toBeCloseTo(1, 12);
    expect(r.summaries.a!.sd).toBeCloseTo(0.5, 12);
  });
});

describe('Monte Carlo', () => {
  it('draws one Latin hypercube sample in each probability stratum', () => {
    const rows = latinHypercubeSamples(
      [
        { kind: 'uniform', min: 0, max: 1 },
        { kind: 'uniform', min: 10, max: 20 },
      ],
      50,
      parkMiller(7),
    );
    for (const j of [0, 1]) {
      const v = rows.map((r) => r[j]!).sort((x, y) => x - y);
      v.forEach((x, i) => {
        const u = j === 0 ? x : (x - 10) / 10;
        expect(u).toBeGreaterThanOrEqual(i / 50);
        expect(u).toBeLessThan((i + 1) / 50);
      });
    }
  });
  it('is reproducible under a seed and reports failed samples instead of dropping them', async () => {
    const opts = {
      parameters: [
        { name: 'a', distribution: { kind: 'uniform' as const, min: 0, max: 2 } },
        { name: 'b', distribution: { kind: 'triangular' as const, min: -1, mode: 0, max: 1 } },
      ],
      method: 'monte-carlo' as const,
      draws: 40,
      moduleUrl: EVALUATOR,
      setup: { c0: 0, failBelow: 0.1 },
      workers: 2,
    };
    const r1 = await runSensitivity({ ...opts, uniform: parkMiller(42) });
    const r2 = await runSensitivity({ ...opts, uniform: parkMiller(42) });
    expect(r1).toEqual(r2);
    // a ~ U(0, 2) in 40 strata: exactly the 2 strata below 0.1 fail
    expect(r1.failures.length).toBe(2);
    expect(r1.failures.every((f) => f.sample[0]! < 0.1 && /no solution/.test(f.error))).toBe(true);
    expect(r1.summaries.a!.percentiles[50]).toBeGreaterThan(0.9);
    expect(r1.summaries.a!.percentiles[50]).toBeLessThan(1.1);
  });
});

describe('distributions and statistics', () => {
  it('match known normal quantiles and moments', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 8);
    expect(distributionQuantile({ kind: 'lognormal', meanLog: 0, sdLog: 1 }, 0.5)).toBeCloseTo(1, 12);
    expect(distributionSd({ kind: 'uniform', min: 0, max: 12 })).toBeCloseTo(12 / Math.sqrt(12), 12);
    expect(distributionSd({ kind: 'triangular', min: 0, mode: 0, max: 1 })).toBeCloseTo(Math.sqrt(1 / 18), 12);
  });
  it('compute percentiles as numpy does by default, and the sample standard deviation', () => {
    expect(percentileOfSorted([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentileOfSorted([1, 2, 3, 4], 5)).toBeCloseTo(1.15, 12);
    const s = summarise([2, 4, 4, 4, 5, 5, 7, 9], undefined, [50]);
    expect(s.mean).toBe(5);
    expect(s.sd).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(s.percentiles[50]).toBe(4.5);
  });
  it('reject a bad distribution with its JSON path', async () => {
    await expect(
      runSensitivity({
        parameters: [{ name: 'x', distribution: { kind: 'uniform', min: 2, max: 1 } }],
        method: 'quadrature',
        moduleUrl: EVALUATOR,
        setup: { c0: 0 },
      }),
    ).rejects.toMatchObject({ code: 'SSA_BAD_DISTRIBUTION', location: { jsonPath: '/parameters/0/distribution' } });
  });
});

describe('bad sensitivity-analysis input', () => {
  it('is a typed, coded error, not an internal one', () => {
    expect(() => latinHypercubeSamples([{ kind: 'uniform', min: 0, max: 1 }], 0, parkMiller(1))).toThrow(
      expect.objectContaining({ code: 'SSA_BAD_DRAWS' }),
    );
    expect(() => stroud3Points(0)).toThrow(expect.objectContaining({ code: 'SSA_NO_PARAMETERS' }));
    expect(() => summarise([])).toThrow(expect.objectContaining({ code: 'SSA_EMPTY_SAMPLE' }));
  });
});
