/**
 * Numeric kernels on `Float64Array`: dense (blocked LU, solves) and sparse (CSC matrices, sparse LU
 * with a fill-reducing ordering, bipartite matching). Pure functions, no I/O.
 * @module
 */
export * from './dense/index.js';
export * from './sparse/index.js';
