/**
 * Structural analysis of a (reduced) Jacobian pattern through the Dulmage–Mendelsohn decomposition
 * of `src/linalg/sparse`: the structural rank, and the over-determined equations (more equations
 * than the variables they contain) and under-determined variables (not pinned down by any
 * equation left). Rows are equations, columns are variables.
 * @module
 */
import { dulmageMendelsohn } from '../../linalg/sparse/index.js';

/** A sparsity pattern in compressed sparse columns. */
export interface Pattern {
  readonly nRows: number;
  readonly nCols: number;
  readonly colPtr: Int32Array;
  readonly rowIdx: Int32Array;
}

/** Result of {@link structuralAnalysis}. */
export interface StructuralReport {
  /** Size of a maximum matching (the structural rank). */
  readonly structuralRank: number;
  /** Equations (rows) in the over-determined part. */
  readonly overdeterminedRows: readonly number[];
  /** Variables (columns) of the over-determined part. */
  readonly overdeterminedCols: readonly number[];
  /** Variables (columns) in the under-determined part. */
  readonly underdeterminedCols: readonly number[];
  /** Equations (rows) of the under-determined part. */
  readonly underdeterminedRows: readonly number[];
}

/** Structural rank and the over- and under-determined parts of a pattern. */
export function structuralAnalysis(a: Pattern): StructuralReport {
  const dm = dulmageMendelsohn({
    nRows: a.nRows,
    nCols: a.nCols,
    colPtr: a.colPtr,
    rowIdx: a.rowIdx,
    values: new Float64Array(a.rowIdx.length),
  });
  return {
    structuralRank: dm.structuralRank,
    overdeterminedRows: dm.overdetermined.rows,
    overdeterminedCols: dm.overdetermined.cols,
    underdeterminedCols: dm.underdetermined.cols,
    underdeterminedRows: dm.underdetermined.rows,
  };
}
