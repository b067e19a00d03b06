/**
 * Structural analysis of a (reduced) Jacobian pattern: a maximum matching of equations to
 * variables, and the equations and variables it leaves unmatched, extended along alternating paths
 * to the over- and under-determined parts (the coarse Dulmage–Mendelsohn decomposition).
 * Rows are equations, columns are variables.
 * @module
 */

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
  /** Equations (rows) in the over-determined part: more equations than variables they contain. */
  readonly overdeterminedRows: readonly number[];
  /** Variables (columns) of the over-determined part. */
  readonly overdeterminedCols: readonly number[];
  /** Variables (columns) in the under-determined part: not pinned down by any equation left. */
  readonly underdeterminedCols: readonly number[];
  /** Equations (rows) of the under-determined part. */
  readonly underdeterminedRows: readonly number[];
}

/** Maximum bipartite matching by augmenting paths (greedy start, iterative depth-first search). */
export function matchColumns(a: Pattern): { rowOfCol: Int32Array; colOfRow: Int32Array; rank: number } {
  const { nRows, nCols, colPtr, rowIdx } = a;
  const colOfRow = new Int32Array(nRows).fill(-1);
  const rowOfCol = new Int32Array(nCols).fill(-1);
  let rank = 0;
  for (let j = 0; j < nCols; j++) {
    for (let k = colPtr[j]; k < colPtr[j + 1]; k++) {
      const r = rowIdx[k];
      if (colOfRow[r] < 0) {
        colOfRow[r] = j;
        rowOfCol[j] = r;
        rank++;
        break;
      }
    }
  }
  const mark = new Int32Array(nRows).fill(-1);
  const stackCol = new Int32Array(nCols);
  const stackPos = new Int32Array(nCols);
  const viaRow = new Int32Array(nCols);
  for (let j0 = 0; j0 < nCols; j0++) {
    if (rowOfCol[j0] >= 0) continue;
    let top = 0;
    stackCol[0] = j0;
    stackPos[0] = colPtr[j0];
    let found = -1;
    while (top >= 0 && found < 0) {
      const j = stackCol[top];
      let advanced = false;
      while (stackPos[top] < colPtr[j + 1]) {
        const r = rowIdx[stackPos[top]++];
        if (mark[r] === j0) continue;
        mark[r] = j0;
        viaRow[top] = r;
        if (colOfRow[r] < 0) {
          found = top;
          break;
        }
        top++;
        stackCol[top] = colOfRow[r];
        stackPos[top] = colPtr[colOfRow[r]];
        advanced = true;
        break;
      }
      if (found >= 0) break;
      if (!advanced) top--;
    }
    if (found >= 0) {
      for (let t = found; t >= 0; t--) {
        const r = viaRow[t];
        const j = stackCol[t];
        colOfRow[r] = j;
        rowOfCol[j] = r;
      }
      rank++;
    }
  }
  return { rowOfCol, colOfRow, rank };
}

/** Structural rank and the over- and under-determined parts of a pattern. */
export function structuralAnalysis(a: Pattern): StructuralReport {
  const { rowOfCol, colOfRow, rank } = matchColumns(a);
  const { nRows, nCols, colPtr, rowIdx } = a;
  // row-wise adjacency
  const rowPtr = new Int32Array(nRows + 1);
  for (let k = 0; k < rowIdx.length; k++) rowPtr[rowIdx[k] + 1]++;
  for (let r = 0; r < nRows; r++) rowPtr[r + 1] += rowPtr[r];
  const colIdx = new Int32Array(rowIdx.length);
  const fill = rowPtr.slice(0, nRows);
  for (let j = 0; j < nCols; j++) for (let k = colPtr[j]; k < colPtr[j + 1]; k++) colIdx[fill[rowIdx[k]]++] = j;
  // over-determined: rows reachable from unmatched rows (row → column → matched row)
  const overRows = new Uint8Array(nRows);
  const overCols = new Uint8Array(nCols);
  const queue: number[] = [];
  for (let r = 0; r < nRows; r++) if (colOfRow[r] < 0) (overRows[r] = 1), queue.push(r);
  while (queue.length) {
    const r = queue.pop()!;
    for (let k = rowPtr[r]; k < rowPtr[r + 1]; k++) {
      const j = colIdx[k];
      if (overCols[j]) continue;
      overCols[j] = 1;
      const r2 = rowOfCol[j];
      if (r2 >= 0 && !overRows[r2]) (overRows[r2] = 1), queue.push(r2);
    }
  }
  // under-determined: columns reachable from unmatched columns (column → row → matched column)
  const underCols = new Uint8Array(nCols);
  const underRows = new Uint8Array(nRows);
  for (let j = 0; j < nCols; j++) if (rowOfCol[j] < 0) (underCols[j] = 1), queue.push(j);
  while (queue.length) {
    const j = queue.pop()!;
    for (let k = colPtr[j]; k < colPtr[j + 1]; k++) {
      const r = rowIdx[k];
      if (underRows[r]) continue;
      underRows[r] = 1;
      const j2 = colOfRow[r];
      if (j2 >= 0 && !underCols[j2]) (underCols[j2] = 1), queue.push(j2);
    }
  }
  const pick = (f: Uint8Array) => [...f.keys()].filter((k) => f[k]);
  return {
    structuralRank: rank,
    overdeterminedRows: pick(overRows),
    overdeterminedCols: pick(overCols),
    underdeterminedCols: pick(underCols),
    underdeterminedRows: pick(underRows),
  };
}
