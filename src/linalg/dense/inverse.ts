/**
 * The explicit inverse A⁻¹ from LU factors. Prefer a solve ({@link luSolve},
 * {@link luSolveTransposedMany}) unless the whole inverse is itself the output asked for.
 * @module
 */
import type { LuFactors } from './lu.js';
import { identity, type Matrix } from './matrix.js';
import { luSolveMany } from './solve.js';

/** A⁻¹, computed as the solution of A X = I with the given factors. */
export function luInverse(f: LuFactors): Matrix {
  return luSolveMany(f, identity(f.n));
}
