/**
 * The sparse LU of `src/linalg/sparse` as Newton's linear solver.
 *
 * Once per pattern: a maximum matching puts each equation on the diagonal of the variable it is
 * matched to (the rows are permuted so the diagonal is structurally non-zero), and the column
 * ordering is analysed with AMD on the symmetrised pattern, which on CGE Jacobians gives far less
 * fill than ordering the unpermuted matrix. Each Newton iteration then refactors with the new
 * values, reusing the pivot sequence while it stays acceptable.
 * @module
 */
import { analyseSparseLu, factorSparseLu, maximumMatching, type CscMatrix, type SparseLu } from '../../linalg/sparse/index.js';
import type { LinearSolverFactory } from './linear.js';

/** Sparse LU (matching to a zero-free diagonal, AMD ordering, threshold pivoting) for Newton's method. */
export const sparseLu: LinearSolverFactory = (pattern) => {
  const { nRows, nCols, colPtr, rowIdx } = pattern;
  const nnz = rowIdx.length;
  const { colMatch, size } = maximumMatching({ nRows, nCols, colPtr, rowIdx, values: new Float64Array(nnz) });
  // new row of each equation: the column (variable) it is matched to; identity if the matching is not perfect
  const newRow = new Int32Array(nRows);
  if (size === nRows && nRows === nCols) for (let j = 0; j < nCols; j++) newRow[colMatch[j]] = j;
  else for (let r = 0; r < nRows; r++) newRow[r] = r;
  const permRowIdx = new Int32Array(nnz);
  const posOf = new Int32Array(nnz); // original CSC position → permuted position
  const order: number[] = [];
  for (let j = 0; j < nCols; j++) {
    order.length = 0;
    for (let k = colPtr[j]; k < colPtr[j + 1]; k++) order.push(k);
    order.sort((a, b) => newRow[rowIdx[a]] - newRow[rowIdx[b]]);
    order.forEach((k, t) => {
      permRowIdx[colPtr[j] + t] = newRow[rowIdx[k]];
      posOf[k] = colPtr[j] + t;
    });
  }
  const A: CscMatrix = { nRows, nCols, colPtr, rowIdx: permRowIdx, values: new Float64Array(nnz) };
  const symbolic = analyseSparseLu(A, { ordering: 'amd' });
  const pb = new Float64Array(nRows);
  let lu: SparseLu | undefined;
  return {
    factor(values) {
      for (let k = 0; k < nnz; k++) A.values[posOf[k]] = values[k];
      if (lu) lu.refactor(A.values);
      else lu = factorSparseLu(A, symbolic);
    },
    solve(b, out) {
      for (let r = 0; r < nRows; r++) pb[newRow[r]] = b[r];
      lu!.solve(pb, out);
    },
  };
};
