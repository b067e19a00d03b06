/**
 * Maximum bipartite matching between the rows and the columns of a sparse pattern (a maximum
 * transversal): MC21-style depth-first augmenting paths with a cheap look-ahead, after a greedy
 * initial match (I. S. Duff, "On algorithms for obtaining a maximum transversal", ACM TOMS 7(3), 1981).
 * Its size is the structural rank of the matrix.
 * @module
 */
import { type CscMatrix, cscValidate } from './csc.js';

/** A matching of rows to columns through stored entries of a matrix. */
export interface Matching {
  /** Number of matched pairs (the structural rank). */
  size: number;
  /** `rowMatch[i]` = column matched to row `i`, or -1. */
  rowMatch: Int32Array;
  /** `colMatch[j]` = row matched to column `j`, or -1. */
  colMatch: Int32Array;
}

/**
 * Maximum matching of a sparse pattern (values are ignored, explicit zeros count as entries).
 * Worst case O(n·nnz), in practice close to linear on model Jacobians.
 * @throws InputError `BAD_CSC` for a malformed matrix.
 */
export function maximumMatching(A: CscMatrix): Matching {
  cscValidate(A);
  const { nRows: m, nCols: n, colPtr, rowIdx } = A;
  const rowMatch = new Int32Array(m).fill(-1);
  const colMatch = new Int32Array(n).fill(-1);
  let size = 0;
  // greedy initial match
  for (let j = 0; j < n; j++) {
    for (let p = colPtr[j]; p < colPtr[j + 1]; p++) {
      const i = rowIdx[p];
      if (rowMatch[i] < 0) {
        rowMatch[i] = j;
        colMatch[j] = i;
        size++;
        break;
      }
    }
  }
  if (size === Math.min(m, n)) return { size, rowMatch, colMatch };
  const lookahead = colPtr.slice(0, n); // next entry to try for an unmatched row, per column
  const visited = new Int32Array(m).fill(-1); // stamp: the search that visited the row
  const stackCol = new Int32Array(n);
  const stackPos = new Int32Array(n);
  const viaRow = new Int32Array(n); // row through which each stacked column was reached
  for (let j0 = 0; j0 < n; j0++) {
    if (colMatch[j0] >= 0) continue;
    let head = 0;
    stackCol[0] = j0;
    stackPos[0] = colPtr[j0];
    viaRow[0] = -1;
    let found = -1;
    while (head >= 0 && found < 0) {
      const j = stackCol[head];
      // look-ahead: an unmatched row in column j ends the path at once
      let p = lookahead[j];
      const end = colPtr[j + 1];
      for (; p < end; p++) {
        if (rowMatch[rowIdx[p]] < 0) {
          found = rowIdx[p];
          break;
        }
      }
      lookahead[j] = p;
      if (found >= 0) break;
      // depth-first: go through a matched row not yet visited in this search
      let q = stackPos[head];
      let pushed = false;
      for (; q < end; q++) {
        const i = rowIdx[q];
        if (visited[i] === j0) continue;
        visited[i] = j0;
        stackPos[head] = q + 1;
        head++;
        stackCol[head] = rowMatch[i];
        stackPos[head] = colPtr[rowMatch[i]];
        viaRow[head] = i;
        pushed = true;
        break;
      }
      if (!pushed) head--;
    }
    if (found < 0) continue;
    // augment along the stack: column stackCol[t] takes row viaRow[t+1], the last takes `found`
    let row = found;
    for (let t = head; t >= 0; t--) {
      const j = stackCol[t];
      rowMatch[row] = j;
      colMatch[j] = row;
      row = viaRow[t];
    }
    size++;
  }
  return { size, rowMatch, colMatch };
}
