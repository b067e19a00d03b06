/**
 * Sparse direct solver: CSC matrices, fill-reducing orderings (AMD, COLAMD-style), sparse LU with
 * threshold partial pivoting and fast refactorisation, maximum matching and the
 * Dulmage–Mendelsohn decomposition for diagnosing structurally singular models.
 * @module
 */
export {
  type CscMatrix,
  cscFromTriplets,
  cscFromDense,
  cscToDense,
  cscMultiplyVector,
  cscMultiplyTransposedVector,
  cscTranspose,
  cscNormOne,
  cscValidate,
} from './csc.js';
export { amdOrder, colamdOrder } from './amd.js';
export {
  type SparseLuOptions,
  type SparseLuSymbolic,
  type SparseLu,
  analyseSparseLu,
  factorSparseLu,
} from './lu.js';
export { SingularMatrixError } from './singular-error.js';
export { type Matching, maximumMatching } from './matching.js';
export { type DulmageMendelsohn, type RowsCols, dulmageMendelsohn } from './dulmage-mendelsohn.js';
