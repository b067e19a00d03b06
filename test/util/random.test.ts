import { describe, expect, it } from 'vitest';
import { createRng, mulberry32 } from '../../src/util/random.js';
import { UsageError } from '../../src/errors.js';

describe('createRng', () => {
  it('is deterministic under a seed and differs across seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xa = Array.from({ length: 5 }, () => a.uniform());
    expect(Array.from({ length: 5 }, () => b.uniform())).toEqual(xa);
    expect(Array.from({ length: 5 }, () => c.uniform())).not.toEqual(xa);
    for (const v of xa) expect(v >= 0 && v < 1).toBe(true);
  });
  it('mulberry32 gives the reference first output for seed 0 (0x6d2b79f5 step)', () => {
    // reference implementation written out: a = 0x6d2b79f5; t = imul(a ^ a>>>15, a|1); …
    let a = 0x6d2b79f5 >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const expected = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    a = 0;
    expect(mulberry32(0)()).toBe(expected);
  });
  it('draws normals, gammas and Dirichlets with the right moments (large seeded sample)', () => {
    const r = createRng(7);
    const N = 40000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < N; i++) {
      const z = r.normal(3, 2);
      s += z;
      s2 += z * z;
    }
    const m = s / N;
    expect(m).toBeCloseTo(3, 1);
    expect(Math.sqrt(s2 / N - m * m)).toBeCloseTo(2, 1);
    let g = 0;
    for (let i = 0; i < N; i++) g += r.gamma(0.5);
    expect(g / N).toBeCloseTo(0.5, 1);
    const alpha = [2, 6, 12];
    const mean = [0, 0, 0];
    for (let i = 0; i < 10000; i++) {
      const d = r.dirichlet(alpha);
      expect(d[0] + d[1] + d[2]).toBeCloseTo(1, 12);
      for (let k = 0; k < 3; k++) mean[k] += d[k] / 10000;
    }
    expect(mean[0]).toBeCloseTo(0.1, 2);
    expect(mean[1]).toBeCloseTo(0.3, 2);
    expect(mean[2]).toBeCloseTo(0.6, 2);
  });
  it('rejects a bad seed, shape or range with a code', () => {
    expect(() => createRng(Number.NaN)).toThrow(UsageError);
    expect(() => createRng(1).gamma(0)).toThrow(expect.objectContaining({ code: 'RANDOM_BAD_SHAPE' }));
    expect(() => createRng(1).integer(0)).toThrow(expect.objectContaining({ code: 'RANDOM_BAD_RANGE' }));
  });
});
