/**
 * The linear solver Newton's method uses unless told otherwise.
 * @module
 */
import { denseLu, type LinearSolverFactory } from './linear.js';

/** Default linear solver factory. */
export const defaultLinearSolver: LinearSolverFactory = denseLu;
