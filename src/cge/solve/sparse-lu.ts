/**
 * The sparse LU of `src/linalg/sparse` as Newton's linear solver: the column ordering is analysed
 * once per pattern, and every iteration refactors with the new values (reusing the pivot sequence
 * while it stays acceptable).
 * @module
 */
import { analyseSparseLu, factorSparseLu, type CscMatrix, type SparseLu } from '../../linalg/sparse/index.js';
import type { LinearSolverFactory } from './linear.js';

/** Sparse LU (COLAMD ordering, threshold partial pivoting) for Newton's method. */
export const sparseLu: LinearSolverFactory = (pattern) => {
  const A: CscMatrix = {
    nRows: pattern.nRows,
    nCols: pattern.nCols,
    colPtr: pattern.colPtr,
    rowIdx: pattern.rowIdx,
    values: new Float64Array(pattern.rowIdx.length),
  };
  const symbolic = analyseSparseLu(A, { ordering: 'colamd' });
  let lu: SparseLu | undefined;
  return {
    factor(values) {
      if (lu) {
        lu.refactor(values);
        return;
      }
      A.values.set(values);
      lu = factorSparseLu(A, symbolic);
    },
    solve(b, out) {
      lu!.solve(b, out);
    },
  };
};
