/**
 * A small seeded pseudo-random number generator for reproducible Monte Carlo work and benchmarks.
 *
 * The core is mulberry32 (Tommy Ettinger's 32-bit generator): fast, 2^32 period, good enough for
 * simulation and sampling, NOT for cryptography. The same seed gives the same sequence on every
 * platform and Node version, so seeded outputs are byte-identical across runs.
 * @module
 */
import { UsageError } from '../errors.js';

/** A seeded generator of uniform, normal, gamma and Dirichlet draws. Stateful: each call advances it. */
export interface Rng {
  /** The seed the generator was created with. */
  readonly seed: number;
  /** A uniform draw in [0, 1) with 32 bits of resolution. */
  uniform(): number;
  /** A uniform draw in [lo, hi). */
  uniformIn(lo: number, hi: number): number;
  /** A uniform integer in {0, …, n−1}; `n` must be a positive integer. */
  integer(n: number): number;
  /** A normal draw with the given mean and standard deviation (Box–Muller, one value per call). */
  normal(mean?: number, sd?: number): number;
  /** A Gamma(shape, 1) draw (Marsaglia–Tsang 2000; shape < 1 by the boost u^(1/shape)). */
  gamma(shape: number): number;
  /** A Dirichlet(alpha) draw: non-negative, sums to 1, E[x_i] = alpha_i / Σ alpha. */
  dirichlet(alpha: ArrayLike<number>): Float64Array;
}

/**
 * The mulberry32 step function: returns a function giving uniform draws in [0, 1).
 * @param seed any number; it is truncated to an unsigned 32-bit integer
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Creates a seeded {@link Rng}.
 * @param seed an integer seed (same seed, same sequence)
 * @throws UsageError `RANDOM_BAD_SEED` when the seed is not a finite number
 */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) {
    throw new UsageError('RANDOM_BAD_SEED', `the random seed must be a finite number, got ${seed}`);
  }
  const next = mulberry32(seed);
  const uniformOpen = (): number => {
    // (0, 1): never exactly 0, so that logarithms are finite
    let u = next();
    while (u === 0) u = next();
    return u;
  };
  const normal = (mean = 0, sd = 1): number => {
    const u1 = uniformOpen();
    const u2 = next();
    return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  };
  const gamma = (shape: number): number => {
    if (!(shape > 0) || !Number.isFinite(shape)) {
      throw new UsageError('RANDOM_BAD_SHAPE', `the Gamma shape must be a positive finite number, got ${shape}`);
    }
    if (shape < 1) return gamma(shape + 1) * Math.pow(uniformOpen(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = uniformOpen();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  };
  return {
    seed,
    uniform: next,
    uniformIn: (lo, hi) => lo + (hi - lo) * next(),
    integer: (n) => {
      if (!Number.isInteger(n) || n < 1) {
        throw new UsageError('RANDOM_BAD_RANGE', `integer(n) needs a positive integer n, got ${n}`);
      }
      return Math.floor(next() * n);
    },
    normal,
    gamma,
    dirichlet: (alpha) => {
      const out = new Float64Array(alpha.length);
      let sum = 0;
      for (let i = 0; i < alpha.length; i++) {
        out[i] = gamma(alpha[i]);
        sum += out[i];
      }
      for (let i = 0; i < out.length; i++) out[i] /= sum;
      return out;
    },
  };
}
