/**
 * Dulmage–Mendelsohn decomposition of a sparse pattern: the coarse split into an underdetermined,
 * a square and an overdetermined part, and the fine split of the square part into strongly
 * connected blocks in block upper triangular order (Tarjan's algorithm on the matched graph).
 *
 * For a model Jacobian (rows = equations, columns = variables): the overdetermined part names
 * equations that cannot all be satisfied by the variables they involve (a redundant or
 * inconsistent equation is among them), the underdetermined part names variables that the
 * equations do not determine. A structurally nonsingular square system has only the square part;
 * its blocks are the subsystems that can be solved one after the other.
 *
 * References: A. L. Dulmage and N. S. Mendelsohn, "Coverings of bipartite graphs", Canad. J. Math.
 * 10, 1958; A. Pothen and C.-J. Fan, "Computing the block triangular form of a sparse matrix",
 * ACM TOMS 16(4), 1990; R. Tarjan, "Depth-first search and linear graph algorithms", SIAM J.
 * Comput. 1(2), 1972.
 * @module
 */
import type { CscMatrix } from './csc.js';
import { cscTranspose } from './csc.js';
import { maximumMatching } from './matching.js';

/** A set of rows and a set of columns of a matrix (0-based, increasing). */
export interface RowsCols {
  /** Row (equation) indices. */
  rows: number[];
  /** Column (variable) indices. */
  cols: number[];
}

/**
 * Dulmage–Mendelsohn decomposition. With rows and columns permuted by `rowPerm`, `colPerm`
 * (`rowPerm[k]` = original row at position k), the matrix is block upper triangular:
 * underdetermined part first (more columns than rows), then the square blocks in order, then the
 * overdetermined part (more rows than columns).
 */
export interface DulmageMendelsohn {
  /** Row order: underdetermined rows, square blocks in order, overdetermined rows. */
  rowPerm: Int32Array;
  /** Column order: underdetermined columns, square blocks in order, overdetermined columns. */
  colPerm: Int32Array;
  /** Rows reachable from an unmatched row by alternating paths, and their columns. */
  overdetermined: RowsCols;
  /** The perfectly matched remainder. */
  square: RowsCols;
  /** Columns reachable from an unmatched column by alternating paths, and their rows. */
  underdetermined: RowsCols;
  /** Strongly connected blocks of the square part, in block upper triangular order. */
  blocks: RowsCols[];
  /** Structural rank = size of a maximum matching. */
  structuralRank: number;
}

/**
 * Computes the Dulmage–Mendelsohn decomposition of a sparse pattern (values ignored).
 * @throws InputError `BAD_CSC` for a malformed matrix.
 */
export function dulmageMendelsohn(A: CscMatrix): DulmageMendelsohn {
  const { nRows: m, nCols: n, colPtr, rowIdx } = A;
  const { size, rowMatch, colMatch } = maximumMatching(A);
  const At = cscTranspose(A); // row-wise access: At column i = columns of row i
  // part: 0 = underdetermined, 1 = square, 2 = overdetermined
  const rowPart = new Int8Array(m).fill(1);
  const colPart = new Int8Array(n).fill(1);
  // underdetermined: from unmatched columns, column → any row → its matched column
  const queue = new Int32Array(Math.max(m, n));
  let qh = 0;
  let qt = 0;
  for (let j = 0; j < n; j++) {
    if (colMatch[j] < 0) {
      colPart[j] = 0;
      queue[qt++] = j;
    }
  }
  while (qh < qt) {
    const j = queue[qh++];
    for (let p = colPtr[j]; p < colPtr[j + 1]; p++) {
      const i = rowIdx[p];
      if (rowPart[i] === 0) continue;
      rowPart[i] = 0;
      const c = rowMatch[i];
      if (c >= 0 && colPart[c] !== 0) {
        colPart[c] = 0;
        queue[qt++] = c;
      }
    }
  }
  // overdetermined: from unmatched rows, row → any column → its matched row
  qh = 0;
  qt = 0;
  for (let i = 0; i < m; i++) {
    if (rowMatch[i] < 0) {
      rowPart[i] = 2;
      queue[qt++] = i;
    }
  }
  while (qh < qt) {
    const i = queue[qh++];
    for (let p = At.colPtr[i]; p < At.colPtr[i + 1]; p++) {
      const j = At.rowIdx[p];
      if (colPart[j] === 2) continue;
      colPart[j] = 2;
      const r = colMatch[j];
      if (r >= 0 && rowPart[r] !== 2) {
        rowPart[r] = 2;
        queue[qt++] = r;
      }
    }
  }
  const pick = (part: Int8Array, v: number): number[] => {
    const out: number[] = [];
    for (let k = 0; k < part.length; k++) if (part[k] === v) out.push(k);
    return out;
  };
  const underdetermined = { rows: pick(rowPart, 0), cols: pick(colPart, 0) };
  const square = { rows: pick(rowPart, 1), cols: pick(colPart, 1) };
  const overdetermined = { rows: pick(rowPart, 2), cols: pick(colPart, 2) };

  // fine decomposition of the square part: node = square column j (matched to row colMatch[j]);
  // edge j → j' when column j has an entry in row colMatch[j'] (a reversed graph of the rows'
  // dependencies, so Tarjan's completion order is the block upper triangular order).
  const blocks = squareBlocks(n, colPtr, rowIdx, colMatch, rowMatch, colPart);

  const rowPerm = new Int32Array(m);
  const colPerm = new Int32Array(n);
  let rk = 0;
  let ck = 0;
  for (const i of underdetermined.rows) rowPerm[rk++] = i;
  for (const j of underdetermined.cols) colPerm[ck++] = j;
  for (const b of blocks) {
    for (const i of b.rows) rowPerm[rk++] = i;
    for (const j of b.cols) colPerm[ck++] = j;
  }
  for (const i of overdetermined.rows) rowPerm[rk++] = i;
  for (const j of overdetermined.cols) colPerm[ck++] = j;
  return { rowPerm, colPerm, overdetermined, square, underdetermined, blocks, structuralRank: size };
}

/** Tarjan's strongly connected components of the square part, iteratively. */
function squareBlocks(
  n: number,
  colPtr: Int32Array,
  rowIdx: Int32Array,
  colMatch: Int32Array,
  rowMatch: Int32Array,
  colPart: Int8Array,
): RowsCols[] {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const sccStack = new Int32Array(n);
  const callStack = new Int32Array(n);
  const callPos = new Int32Array(n);
  let sp = 0;
  let counter = 0;
  const blocks: RowsCols[] = [];
  for (let s = 0; s < n; s++) {
    if (colPart[s] !== 1 || index[s] >= 0) continue;
    let head = 0;
    callStack[0] = s;
    callPos[0] = colPtr[s];
    index[s] = low[s] = counter++;
    sccStack[sp++] = s;
    onStack[s] = 1;
    while (head >= 0) {
      const v = callStack[head];
      let p = callPos[head];
      const end = colPtr[v + 1];
      let descended = false;
      for (; p < end; p++) {
        const w = rowMatch[rowIdx[p]];
        if (w < 0 || colPart[w] !== 1) continue;
        if (index[w] < 0) {
          callPos[head] = p + 1;
          head++;
          callStack[head] = w;
          callPos[head] = colPtr[w];
          index[w] = low[w] = counter++;
          sccStack[sp++] = w;
          onStack[w] = 1;
          descended = true;
          break;
        } else if (onStack[w] && index[w] < low[v]) low[v] = index[w];
      }
      if (descended) continue;
      if (low[v] === index[v]) {
        const cols: number[] = [];
        let w: number;
        do {
          w = sccStack[--sp];
          onStack[w] = 0;
          cols.push(w);
        } while (w !== v);
        cols.sort((a, b) => a - b);
        blocks.push({ rows: cols.map((j) => colMatch[j]).sort((a, b) => a - b), cols });
      }
      head--;
      if (head >= 0) {
        const u = callStack[head];
        if (low[v] < low[u]) low[u] = low[v];
      }
    }
  }
  return blocks;
}
