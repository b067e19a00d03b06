/**
 * Structural feasibility of biproportional balancing.
 *
 * A non-negative matrix with the zero pattern of the prior (or more zeros), row sums u and column
 * sums v exists exactly when a flow of value Σu passes through the network
 * source → row i (capacity u_i) → column j (unbounded, where X⁰_ij ≠ 0) → sink (capacity v_j); RAS
 * converges exactly then (Bacharach 1970). When it does not, the minimum cut names a set of rows I
 * whose cells all lie in a set of columns J with `Σ_{i∈I} u_i > Σ_{j∈J} v_j` (Hall's condition):
 * the rows need more than those columns can give. Max-flow by Dinic's algorithm.
 * @module
 */

/** A Hall violation: rows whose cells all lie in `cols`, with more total than those columns have. */
export interface HallViolation {
  /** Row indices of the violating set. */
  readonly rows: number[];
  /** Column indices the rows' non-zero cells lie in. */
  readonly cols: number[];
  /** Σ u over the rows. */
  readonly rowTotal: number;
  /** Σ v over the columns. */
  readonly colTotal: number;
}

/**
 * Returns null when a non-negative matrix with the prior's pattern meets the totals (up to
 * `slack`), else the violating rows and columns.
 */
export function findHallViolation(
  prior: Float64Array,
  nRows: number,
  nCols: number,
  u: ArrayLike<number>,
  v: ArrayLike<number>,
  slack: number,
): HallViolation | null {
  // nodes: 0 source, 1..nRows rows, nRows+1..nRows+nCols columns, last sink
  const S = 0;
  const T = nRows + nCols + 1;
  const nNodes = T + 1;
  const head: number[] = new Array<number>(nNodes).fill(-1);
  const to: number[] = [];
  const cap: number[] = [];
  const next: number[] = [];
  const add = (a: number, b: number, c: number) => {
    to.push(b), cap.push(c), next.push(head[a]), (head[a] = to.length - 1);
    to.push(a), cap.push(0), next.push(head[b]), (head[b] = to.length - 1);
  };
  let total = 0;
  for (let i = 0; i < nRows; i++) {
    add(S, 1 + i, Math.max(0, u[i]));
    total += Math.max(0, u[i]);
  }
  for (let j = 0; j < nCols; j++) add(1 + nRows + j, T, Math.max(0, v[j]));
  for (let i = 0; i < nRows; i++) {
    for (let j = 0; j < nCols; j++) if (prior[i * nCols + j] !== 0) add(1 + i, 1 + nRows + j, Infinity);
  }
  const eps = 1e-13 * Math.max(1, total);
  const level = new Int32Array(nNodes);
  const it = new Int32Array(nNodes);
  const bfs = (): boolean => {
    level.fill(-1);
    level[S] = 0;
    const q = [S];
    for (let h = 0; h < q.length; h++) {
      const a = q[h];
      for (let e = head[a]; e !== -1; e = next[e]) {
        if (cap[e] > eps && level[to[e]] < 0) {
          level[to[e]] = level[a] + 1;
          q.push(to[e]);
        }
      }
    }
    return level[T] >= 0;
  };
  const dfs = (a: number, f: number): number => {
    if (a === T) return f;
    for (; it[a] !== -1; it[a] = next[it[a]]) {
      const e = it[a];
      const b = to[e];
      if (cap[e] > eps && level[b] === level[a] + 1) {
        const d = dfs(b, Math.min(f, cap[e]));
        if (d > 0) {
          cap[e] -= d;
          cap[e ^ 1] += d;
          return d;
        }
      }
    }
    return 0;
  };
  let flow = 0;
  while (bfs()) {
    for (let a = 0; a < nNodes; a++) it[a] = head[a];
    for (let f = dfs(S, Infinity); f > 0; f = dfs(S, Infinity)) flow += f;
  }
  if (flow >= total - Math.max(slack, eps * nNodes)) return null;
  // source side of the minimum cut
  bfs();
  const rows: number[] = [];
  const cols: number[] = [];
  let rowTotal = 0;
  let colTotal = 0;
  for (let i = 0; i < nRows; i++) {
    if (level[1 + i] >= 0) {
      rows.push(i);
      rowTotal += u[i];
    }
  }
  for (let j = 0; j < nCols; j++) {
    if (level[1 + nRows + j] >= 0) {
      cols.push(j);
      colTotal += v[j];
    }
  }
  return { rows, cols, rowTotal, colTotal };
}
