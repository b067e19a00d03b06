/**
 * A seeded uniform generator for reproducible Monte Carlo draws: mulberry32 (Tommy Ettinger's
 * 32-bit generator; 2^32 period; not for cryptography). The same seed gives the same sequence on
 * every platform. (The same algorithm as `mulberry32` of `src/util/random.ts` on the divide branch.)
 * @module
 */

/** Uniform draws in [0, 1) from a 32-bit seed. */
export function seededUniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
