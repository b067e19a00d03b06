/**
 * Dense linear algebra on row-major `Float64Array` matrices: blocked LU with partial pivoting,
 * solves for one or many right-hand sides (plain and transposed), the explicit inverse on request,
 * matrix and matrix–vector products.
 * @module
 */
export {
  matrix,
  identity,
  fromRows,
  toRows,
  copyMatrix,
  transpose,
  assertSquare,
  assertFinite,
  assertFiniteVector,
  type Matrix,
  type MatrixLabels,
} from './matrix.js';
export { luFactor, type LuFactors, type LuOptions } from './lu.js';
export { luSolve, luSolveMany, luSolveTransposed, luSolveTransposedMany } from './solve.js';
export { luInverse, type InverseOptions } from './inverse.js';
export { matmul, matvec, vecmat } from './matmul.js';
export { addRowTimesA } from './row-times.js';
export { gemmUpdate } from './gemm.js';
export { defaultThreads, rowTimesRunner, type RowTimesRunner } from './parallel.js';
