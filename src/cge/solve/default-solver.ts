/**
 * The linear solver Newton's method uses unless told otherwise: the sparse LU of
 * `src/linalg/sparse` (COLAMD ordering analysed once per pattern, refactorised every iteration).
 * @module
 */
import type { LinearSolverFactory } from './linear.js';
import { sparseLu } from './sparse-lu.js';

/** Default linear solver factory: the sparse LU. */
export const defaultLinearSolver: LinearSolverFactory = sparseLu;
