/**
 * Fill-reducing orderings by approximate minimum degree (AMD) on a quotient graph.
 *
 * The algorithm is that of Amestoy, Davis and Duff, "An approximate minimum degree ordering
 * algorithm", SIAM J. Matrix Anal. Appl. 17(4), 1996, and of T. A. Davis, *Direct Methods for Sparse
 * Linear Systems*, SIAM 2006, ch. 7: the graph of the partly eliminated matrix is kept as a quotient
 * graph of variables and elements (cliques), with element absorption (including aggressive
 * absorption of elements that become subsets of the new one), approximate external degrees,
 * detection of indistinguishable variables (supervariables) by hashing, and mass elimination.
 *
 * Two entry points share one engine:
 * - {@link amdOrder}: symmetric ordering of the pattern of `A + Aᵀ` (for matrices that are
 *   structurally symmetric or nearly so; the pivots are then expected on the diagonal);
 * - {@link colamdOrder}: column ordering for the pattern of `AᵀA`, without forming it: each row of
 *   `A` enters the quotient graph as an initial element whose clique is the set of its columns
 *   (the idea of COLAMD). Any row pivoting of `A Q` then has no more fill than the Cholesky factor
 *   of `(AQ)ᵀ(AQ)`.
 * @module
 */
import type { CscMatrix } from './csc.js';

/** Dense-node threshold used by AMD and COLAMD: max(16, 10·√n). */
function denseThreshold(n: number): number {
  return Math.max(16, Math.floor(10 * Math.sqrt(n)));
}

const FLIP = (i: number): number => -i - 2;

/**
 * The minimum-degree engine. Nodes `0..n-1` are variables (to be ordered); nodes `n..n+m-1` are
 * initial elements (cliques). `iw` holds each node's list from `pe[node]` with `len[node]`
 * entries; a variable's list holds `elen[v]` elements first, then variables. `orderLast` lists
 * variables removed beforehand (dense or empty), which are appended at the end.
 * Returns the permutation: `perm[k]` = variable eliminated k-th.
 */
function minimumDegree(
  n: number,
  m: number,
  pe: Int32Array,
  len: Int32Array,
  elen: Int32Array,
  degree: Int32Array,
  nv: Int32Array,
  iwIn: Int32Array,
  pfreeIn: number,
  removed: Uint8Array,
): Int32Array {
  const N = n + m;
  let iw = iwIn;
  let pfree = pfreeIn;
  const w = new Int32Array(N).fill(1);
  const head = new Int32Array(n + 1).fill(-1);
  const next = new Int32Array(N).fill(-1);
  const last = new Int32Array(N).fill(-1);
  const hhead = new Int32Array(Math.max(n, 1)).fill(-1);
  const pivotStep = new Int32Array(n).fill(-1);
  const pivots = new Int32Array(n);
  let nPivots = 0;
  let nel = 0;
  for (let i = 0; i < n; i++) {
    if (removed[i]) {
      nel++;
      continue;
    }
    const d = degree[i];
    if (head[d] !== -1) last[head[d]] = i;
    next[i] = head[d];
    head[d] = i;
  }
  let mindeg = 0;
  // lemax bounds |Le| for every element, the initial ones included, so that marks stay apart
  let lemax = 0;
  for (let e = n; e < N; e++) if (degree[e] > lemax) lemax = degree[e];
  let mark = 2;
  const MARK_LIMIT = 2_000_000_000;
  const clearW = (): void => {
    for (let k = 0; k < N; k++) if (w[k] !== 0) w[k] = 1;
    mark = 2;
  };

  while (nel < n) {
    // --- select a variable of minimum approximate degree
    let k = -1;
    for (; mindeg <= n; mindeg++) {
      k = head[mindeg];
      if (k !== -1) break;
    }
    if (next[k] !== -1) last[next[k]] = -1;
    head[mindeg] = next[k];
    const elenk = elen[k];
    let nvk = nv[k];
    nel += nvk;
    pivotStep[k] = nPivots;
    pivots[nPivots++] = k;

    // --- garbage collection when the new element may not fit
    if (elenk > 0 && pfree + degree[k] >= iw.length) {
      for (let j = 0; j < N; j++) {
        const p = pe[j];
        if (p >= 0 && len[j] > 0) {
          pe[j] = iw[p];
          iw[p] = FLIP(j);
        }
      }
      let q = 0;
      for (let p = 0; p < pfree; ) {
        const j = FLIP(iw[p++]);
        if (j >= 0) {
          iw[q] = pe[j];
          pe[j] = q++;
          for (let t = 1; t < len[j]; t++) iw[q++] = iw[p++];
        }
      }
      pfree = q;
      if (pfree + degree[k] >= iw.length) {
        const bigger = new Int32Array(Math.max(2 * iw.length, pfree + degree[k] + n + 1));
        bigger.set(iw.subarray(0, pfree));
        iw = bigger;
      }
    }

    // --- construct the new element Lk = (Ak ∪ ⋃ Le) \ {k}
    let dk = 0;
    nv[k] = -nvk;
    let p = pe[k];
    const pk1 = elenk === 0 ? p : pfree;
    let pk2 = pk1;
    for (let k1 = 1; k1 <= elenk + 1; k1++) {
      let e: number;
      let pj: number;
      let ln: number;
      if (k1 > elenk) {
        e = k;
        pj = p;
        ln = len[k] - elenk;
      } else {
        e = iw[p++];
        pj = pe[e];
        ln = len[e];
      }
      for (let k2 = 0; k2 < ln; k2++) {
        const i = iw[pj++];
        const nvi = nv[i];
        if (nvi <= 0) continue;
        dk += nvi;
        nv[i] = -nvi;
        iw[pk2++] = i;
        // remove i from its degree list
        if (next[i] !== -1) last[next[i]] = last[i];
        if (last[i] !== -1) next[last[i]] = next[i];
        else head[degree[i]] = next[i];
      }
      if (e !== k) {
        pe[e] = FLIP(k);
        w[e] = 0;
      }
    }
    if (elenk !== 0) pfree = pk2;
    degree[k] = dk;
    pe[k] = pk1;
    len[k] = pk2 - pk1;
    elen[k] = -2;

    // --- |Le \ Lk| for every element e adjacent to a variable of Lk, kept as w[e] - mark
    if (mark + lemax >= MARK_LIMIT) clearW();
    for (let pk = pk1; pk < pk2; pk++) {
      const i = iw[pk];
      const eln = elen[i];
      if (eln <= 0) continue;
      const nvi = -nv[i];
      const wnvi = mark - nvi;
      for (let q = pe[i], qe = pe[i] + eln; q < qe; q++) {
        const e = iw[q];
        const we = w[e];
        if (we >= mark) w[e] = we - nvi;
        else if (we !== 0) w[e] = degree[e] + wnvi;
      }
    }

    // --- approximate degree update, element absorption, hashing
    for (let pk = pk1; pk < pk2; pk++) {
      const i = iw[pk];
      const p1 = pe[i];
      const p2 = p1 + elen[i];
      let pn = p1;
      let h = 0;
      let d = 0;
      for (let q = p1; q < p2; q++) {
        const e = iw[q];
        if (w[e] !== 0) {
          const dext = w[e] - mark;
          if (dext > 0) {
            d += dext;
            iw[pn++] = e;
            h += e;
          } else {
            // aggressive absorption: Le ⊆ Lk
            pe[e] = FLIP(k);
            w[e] = 0;
          }
        }
      }
      elen[i] = pn - p1 + 1;
      const p3 = pn;
      const p4 = p1 + len[i];
      for (let q = p2; q < p4; q++) {
        const j = iw[q];
        const nvj = nv[j];
        if (nvj <= 0) continue;
        d += nvj;
        iw[pn++] = j;
        h += j;
      }
      if (d === 0) {
        // mass elimination: i is adjacent only to Lk
        pe[i] = FLIP(k);
        const nvi = -nv[i];
        dk -= nvi;
        nvk += nvi;
        nel += nvi;
        nv[i] = 0;
        elen[i] = -1;
      } else {
        if (d < degree[i]) degree[i] = d;
        iw[pn] = iw[p3];
        iw[p3] = iw[p1];
        iw[p1] = k;
        len[i] = pn - p1 + 1;
        h = h % n;
        next[i] = hhead[h];
        hhead[h] = i;
        last[i] = h;
      }
    }
    degree[k] = dk;
    if (dk > lemax) lemax = dk;
    mark += lemax + 1;
    if (mark + lemax >= MARK_LIMIT) clearW();

    // --- supervariable detection
    for (let pk = pk1; pk < pk2; pk++) {
      let i = iw[pk];
      if (nv[i] >= 0) continue;
      const h = last[i];
      i = hhead[h];
      hhead[h] = -1;
      for (; i !== -1 && next[i] !== -1; i = next[i], mark++) {
        const ln = len[i];
        const eln = elen[i];
        for (let q = pe[i] + 1; q < pe[i] + ln; q++) w[iw[q]] = mark;
        let jlast = i;
        for (let j = next[i]; j !== -1; ) {
          let ok = len[j] === ln && elen[j] === eln;
          for (let q = pe[j] + 1; ok && q < pe[j] + ln; q++) if (w[iw[q]] !== mark) ok = false;
          if (ok) {
            pe[j] = FLIP(i);
            nv[i] += nv[j];
            nv[j] = 0;
            elen[j] = -1;
            j = next[j];
            next[jlast] = j;
          } else {
            jlast = j;
            j = next[j];
          }
        }
      }
    }
    if (mark + lemax >= MARK_LIMIT) clearW();

    // --- finalise Lk: new degrees, back into the degree lists
    let q = pk1;
    for (let pk = pk1; pk < pk2; pk++) {
      const i = iw[pk];
      const nvi = -nv[i];
      if (nvi <= 0) continue;
      nv[i] = nvi;
      let d = degree[i] + dk - nvi;
      const cap = n - nel - nvi;
      if (d > cap) d = cap;
      if (d < 0) d = 0;
      if (head[d] !== -1) last[head[d]] = i;
      next[i] = head[d];
      last[i] = -1;
      head[d] = i;
      if (d < mindeg) mindeg = d;
      degree[i] = d;
      iw[q++] = i;
    }
    nv[k] = nvk;
    len[k] = q - pk1;
    if (len[k] === 0) {
      pe[k] = -1;
      w[k] = 0;
    }
    if (elenk !== 0) pfree = q;
  }

  // --- permutation: each pivot followed by the variables merged into it (supervariables, mass
  // elimination), then the removed (dense or empty) variables.
  const rep = new Int32Array(n).fill(-1);
  for (let v = 0; v < n; v++) {
    if (removed[v] || pivotStep[v] >= 0) continue;
    // follow the chain of merges to a pivot, then compress the path
    let r = v;
    while (pivotStep[r] < 0 && rep[r] < 0) r = FLIP(pe[r]);
    const root = pivotStep[r] >= 0 ? r : rep[r];
    let s = v;
    while (pivotStep[s] < 0 && rep[s] < 0) {
      const nx = FLIP(pe[s]);
      rep[s] = root;
      s = nx;
    }
  }
  const count = new Int32Array(nPivots + 1);
  let kept = 0;
  for (let v = 0; v < n; v++) {
    if (removed[v]) continue;
    kept++;
    const step = pivotStep[v] >= 0 ? pivotStep[v] : pivotStep[rep[v]];
    count[step + 1]++;
  }
  for (let s = 0; s < nPivots; s++) count[s + 1] += count[s];
  const perm = new Int32Array(n);
  for (let s = 0; s < nPivots; s++) perm[count[s]++] = pivots[s];
  for (let v = 0; v < n; v++) {
    if (removed[v] || pivotStep[v] >= 0) continue;
    perm[count[pivotStep[rep[v]]]++] = v;
  }
  let t = kept;
  for (let v = 0; v < n; v++) if (removed[v]) perm[t++] = v;
  return perm;
}

/**
 * Approximate minimum degree ordering of the symmetric pattern of `A + Aᵀ` (diagonal ignored).
 * Rows and columns with more than max(16, 10·√n) off-diagonal entries are ordered last.
 * Returns `perm` with `perm[k]` = the column (and row) eliminated k-th.
 * @param A square matrix (only its pattern is used).
 */
export function amdOrder(A: CscMatrix): Int32Array {
  const n = A.nCols;
  const { colPtr, rowIdx } = A;
  // degree count of A + Aᵀ without diagonal, using a mark to drop duplicate (i,j) / (j,i)
  const cnt = new Int32Array(n);
  const markArr = new Int32Array(n).fill(-1);
  // pattern of Aᵀ for the symmetric union
  const tp = new Int32Array(n + 1);
  const nz = colPtr[n];
  for (let p = 0; p < nz; p++) tp[rowIdx[p] + 1]++;
  for (let i = 0; i < n; i++) tp[i + 1] += tp[i];
  const ti = new Int32Array(nz);
  const nxt = tp.slice(0, n);
  for (let j = 0; j < n; j++) for (let p = colPtr[j]; p < colPtr[j + 1]; p++) ti[nxt[rowIdx[p]]++] = j;
  for (let j = 0; j < n; j++) {
    markArr[j] = j;
    for (let p = colPtr[j]; p < colPtr[j + 1]; p++) {
      const i = rowIdx[p];
      if (markArr[i] !== j) {
        markArr[i] = j;
        cnt[j]++;
      }
    }
    for (let p = tp[j]; p < tp[j + 1]; p++) {
      const i = ti[p];
      if (markArr[i] !== j) {
        markArr[i] = j;
        cnt[j]++;
      }
    }
  }
  let total = 0;
  for (let j = 0; j < n; j++) total += cnt[j];
  const iw = new Int32Array(total + Math.floor(total / 5) + 2 * n + 16);
  const pe = new Int32Array(n);
  const len = new Int32Array(n);
  const elen = new Int32Array(n);
  const degree = new Int32Array(n);
  const nv = new Int32Array(n).fill(1);
  const removed = new Uint8Array(n);
  const dense = denseThreshold(n);
  markArr.fill(-1);
  let pos = 0;
  for (let j = 0; j < n; j++) {
    pe[j] = pos;
    markArr[j] = j;
    for (let p = colPtr[j]; p < colPtr[j + 1]; p++) {
      const i = rowIdx[p];
      if (markArr[i] !== j) {
        markArr[i] = j;
        iw[pos++] = i;
      }
    }
    for (let p = tp[j]; p < tp[j + 1]; p++) {
      const i = ti[p];
      if (markArr[i] !== j) {
        markArr[i] = j;
        iw[pos++] = i;
      }
    }
    len[j] = pos - pe[j];
    degree[j] = len[j];
  }
  for (let j = 0; j < n; j++) {
    if (len[j] > dense && n > 2) {
      removed[j] = 1;
      nv[j] = 0;
      elen[j] = -1;
      pe[j] = -1;
      len[j] = 0;
    }
  }
  // degrees must not count removed neighbours
  for (let j = 0; j < n; j++) {
    if (removed[j]) continue;
    let d = 0;
    for (let p = pe[j]; p < pe[j] + len[j]; p++) if (!removed[iw[p]]) d++;
    degree[j] = d;
  }
  return minimumDegree(n, 0, pe, len, elen, degree, nv, iw, pos, removed);
}

/**
 * Column ordering for sparse LU with partial pivoting (the COLAMD idea): approximate minimum
 * degree on the pattern of `AᵀA`, without forming it — each row of `A` is an initial element of the
 * quotient graph. Rows with more than max(16, 10·√n) entries are ignored; columns that are empty
 * after that, or have more than that many entries, are ordered last.
 * Returns `perm` with `perm[k]` = the column eliminated k-th.
 * @param A matrix of any shape (only its pattern is used).
 */
export function colamdOrder(A: CscMatrix): Int32Array {
  const n = A.nCols;
  const m = A.nRows;
  const { colPtr, rowIdx } = A;
  const nz = colPtr[n];
  const dense = denseThreshold(n);
  const rowCount = new Int32Array(m);
  for (let p = 0; p < nz; p++) rowCount[rowIdx[p]]++;
  const denseRow = new Uint8Array(m);
  for (let i = 0; i < m; i++) if (rowCount[i] > dense) denseRow[i] = 1;
  const colCount = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    let c = 0;
    for (let p = colPtr[j]; p < colPtr[j + 1]; p++) if (!denseRow[rowIdx[p]]) c++;
    colCount[j] = c;
  }
  const removed = new Uint8Array(n);
  for (let j = 0; j < n; j++) if (colCount[j] === 0 || colCount[j] > dense) removed[j] = 1;
  // element (row) sizes over kept columns
  const rowSize = new Int32Array(m);
  let total = 0;
  for (let j = 0; j < n; j++) {
    if (removed[j]) continue;
    for (let p = colPtr[j]; p < colPtr[j + 1]; p++) {
      const i = rowIdx[p];
      if (!denseRow[i]) {
        rowSize[i]++;
        total += 2;
      }
    }
  }
  const N = n + m;
  const iw = new Int32Array(total + Math.floor(total / 5) + 2 * N + 16);
  const pe = new Int32Array(N);
  const len = new Int32Array(N);
  const elen = new Int32Array(N);
  const degree = new Int32Array(N);
  const nv = new Int32Array(N);
  // variable lists: the elements (rows) of each column
  let pos = 0;
  for (let j = 0; j < n; j++) {
    pe[j] = pos;
    if (removed[j]) {
      elen[j] = -1;
      pe[j] = -1;
      continue;
    }
    nv[j] = 1;
    let d = 0;
    for (let p = colPtr[j]; p < colPtr[j + 1]; p++) {
      const i = rowIdx[p];
      if (denseRow[i]) continue;
      iw[pos++] = n + i;
      d += rowSize[i] - 1;
    }
    len[j] = pos - pe[j];
    elen[j] = len[j];
    degree[j] = Math.min(d, n - 1);
  }
  // element lists: the kept columns of each row
  const rowStart = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const e = n + i;
    elen[e] = -2;
    rowStart[i] = pos;
    pe[e] = pos;
    len[e] = rowSize[i];
    degree[e] = rowSize[i];
    pos += rowSize[i];
  }
  const fill = rowStart.slice();
  for (let j = 0; j < n; j++) {
    if (removed[j]) continue;
    for (let p = colPtr[j]; p < colPtr[j + 1]; p++) {
      const i = rowIdx[p];
      if (!denseRow[i]) iw[fill[i]++] = j;
    }
  }
  // empty elements are dead from the start
  for (let i = 0; i < m; i++) if (rowSize[i] === 0) pe[n + i] = -1;
  return minimumDegree(n, m, pe, len, elen, degree, nv, iw, pos, removed);
}
