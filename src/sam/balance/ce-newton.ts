/**
 * The Newton solver of cross-entropy balancing, for the full problem of Robinson, Cattaneo &
 * El-Said (2001) and of IFPRI's GAMS programs (the GAMS Model Library's CESAM and CESAM2):
 * error terms on cells (additive, or multiplicative on the column coefficient), on row, column and
 * account totals and on macro aggregates, the coefficient form weighted by the estimated column
 * totals, an optional cell-divergence term and the programs' δ inside the logarithms.
 *
 * Unknowns p: a value per adjustable cell with the divergence term (the flow X in the flow form,
 * the coefficient A = X/x_j in the coefficient form) and the weights w of every error term. A cell
 * is then
 *
 * ```
 * X = p                         flow form
 * X = A · x_j(p)                coefficient form, x_j = t_j + Σ w v of column j's total
 * X = X⁰ + Σ w v                additive error term
 * X = Ā · x_j(p) · e^{Σ w v}    multiplicative error term (Ā = X⁰ / prior column total)
 * ```
 *
 * and the objective is `Σ ω|X⁰| h(X/X⁰)` (flow; h(z) = z ln z − z + 1, ω = 1/Σ|X⁰|) or
 * `Σ |A| ln((|A| + δ)/(|Ā| + δ))` (coefficient), plus `Σ w ln((w + δ)/(w̄ + δ))` over all weights.
 * Constraints: each linear constraint `Σ a X + fixed = t (+ Σ w v)` and `Σ w = 1` per error term.
 *
 * The KKT system `∇f + Jᵀλ = 0, g = 0` is solved by Newton's method with exact second derivatives
 * (dense LU of the KKT matrix, with a tiny regularisation of its dual block for redundant
 * constraints), a step that keeps every unknown on its prior's side of zero, and backtracking on
 * the squared KKT residual. The coefficient form with estimated totals is not convex: like GAMS'
 * local solvers, the method finds the solution nearest the prior. Problems are scaled to cells of
 * order one first. Sizes up to a few thousand unknowns (a SAM, not a full MRIO): larger problems
 * belong to the coordinate solver.
 * @module
 */
import { NumericError } from '../../errors.js';
import { luFactor, luSolve, matrix } from '../../linalg/dense/index.js';
import type { CeProblem } from './ce-problem.js';
import type { ErrorTerm } from './error-terms.js';

/** Largest number of unknowns plus constraints the dense Newton solver takes. */
export const NEWTON_MAX_SIZE = 4000;

/** What the Newton solver returns. */
export interface NewtonSolution {
  readonly matrix: Float64Array;
  readonly iterations: number;
  /** Estimated error of each total (0 where it has none), in the matrix's units. */
  readonly totalErrors: Float64Array;
  /** Estimated weights of each total's error term (null where it has none). */
  readonly totalWeights: readonly (Float64Array | null)[];
  /** Estimated weights of each cell error term, by flat index. */
  readonly cellWeights: ReadonlyMap<number, Float64Array>;
  /** Whether the KKT residual met the tolerances. */
  readonly converged: boolean;
}

/** One cell's value as a function of the unknowns. */
type Cell =
  | { type: 'const'; value: number }
  | { type: 'flow'; i: number }
  | { type: 'coef'; i: number; col: number }
  | { type: 'add'; x0: number; block: number }
  | { type: 'mult'; abar: number; col: number; block: number };

/** An error term's weights in p: start index and support (scaled). */
interface Block {
  start: number;
  term: ErrorTerm;
  v: Float64Array;
}

/** A column total as a function of p: t + Σ w v (block < 0: exact). */
interface ColTotal {
  t: number;
  block: number;
}

interface Model {
  nP: number;
  cells: Cell[]; // per flat index
  blocks: Block[];
  totalBlock: Int32Array; // per total: block index or −1
  totalT: Float64Array; // per total: t (scaled)
  colTotal: (ColTotal | null)[];
  objVar: { i: number; kind: 'flow' | 'coef' | 'weight'; ref: number; omega: number }[];
  constraints: { cells: number[]; coef: number[]; total: number }[];
  p0: Float64Array;
  sign: Float64Array; // required sign of each unknown
}

/** Solves a problem without bands by Newton's method on its KKT conditions (see the module text). */
export function solveNewton(pr: CeProblem): NewtonSolution {
  const scale = scaleOf(pr);
  const m = buildModel(pr, scale);
  const nG = m.constraints.length + m.blocks.length;
  const N = m.nP + nG;
  if (N > NEWTON_MAX_SIZE) {
    throw new NumericError(
      'BALANCE_PROBLEM_TOO_LARGE',
      `the problem has ${m.nP} unknowns and ${nG} constraints; the Newton solver takes up to ${NEWTON_MAX_SIZE} together. Drop the error terms on cells, use exact or banded totals and the flow form, so that the coordinate solver can take it`,
    );
  }
  const p = Float64Array.from(m.p0);
  const lambda = new Float64Array(nG);
  const tolG = pr.tol / scale;
  const tolS = 1e-11;
  let res = residual(m, pr, p, lambda);
  let iterations = 0;
  let converged = false;
  const cap = Math.min(pr.maxIterations, 200);
  for (let it = 1; it <= cap; it++) {
    iterations = it;
    if (res.gMax <= tolG && res.sMax <= tolS) {
      converged = true;
      iterations = it - 1;
      break;
    }
    const K = kkt(m, pr, p, lambda);
    const rhs = Float64Array.from(res.r, (v) => -v);
    let d: Float64Array;
    try {
      d = luSolve(luFactor(K, { what: 'the KKT matrix of the cross-entropy problem', inPlace: true, threads: 1, tolerance: 1e-15 }), rhs);
    } catch (err) {
      throw new NumericError(
        'BALANCE_NEWTON_SINGULAR',
        'the Newton step cannot be computed (the constraints are dependent or cannot be met together); check the totals, error supports and macro controls',
        undefined,
        { cause: err },
      );
    }
    let alpha = 1;
    for (let i = 0; i < m.nP; i++) {
      const next = p[i] + d[i];
      if (next * m.sign[i] <= 0.01 * Math.abs(p[i])) alpha = Math.min(alpha, (0.99 * Math.abs(p[i])) / Math.abs(d[i]));
    }
    const phi0 = res.norm2;
    const trial = new Float64Array(m.nP);
    const tl = new Float64Array(nG);
    let accepted = false;
    for (let k = 0; k < 50; k++) {
      for (let i = 0; i < m.nP; i++) trial[i] = p[i] + alpha * d[i];
      for (let i = 0; i < nG; i++) tl[i] = lambda[i] + alpha * d[m.nP + i];
      const r2 = residual(m, pr, trial, tl);
      if (Number.isFinite(r2.norm2) && (r2.norm2 <= (1 - 1e-4 * alpha) * phi0 || r2.norm2 <= 1e-28)) {
        p.set(trial);
        lambda.set(tl);
        res = r2;
        accepted = true;
        break;
      }
      alpha /= 2;
    }
    if (!accepted) break;
  }
  if (!converged && res.gMax <= tolG && res.sMax <= tolS) converged = true;
  return solution(m, pr, p, scale, converged, iterations);
}

function scaleOf(pr: CeProblem): number {
  let s = 0;
  for (let k = 0; k < pr.prior.length; k++) s = Math.max(s, Math.abs(pr.prior[k]));
  for (const v of pr.fixed.values()) s = Math.max(s, Math.abs(v));
  return s > 0 ? s : 1;
}

function buildModel(pr: CeProblem, scale: number): Model {
  const { prior, nCols, nRows } = pr;
  const blocks: Block[] = [];
  let nP = 0;
  const objVar: Model['objVar'] = [];
  const p0: number[] = [];
  const sign: number[] = [];
  const addBlock = (term: ErrorTerm, scaled: boolean): number => {
    const start = nP;
    for (let q = 0; q < term.w.length; q++) {
      objVar.push({ i: nP, kind: 'weight', ref: q, omega: 0 });
      p0.push(term.w[q]);
      sign.push(1);
      nP++;
    }
    blocks.push({ start, term, v: scaled ? Float64Array.from(term.v, (x) => x / scale) : term.v });
    return blocks.length - 1;
  };
  // totals with error terms: one block each
  const totalBlock = new Int32Array(pr.totals.length).fill(-1);
  const totalT = new Float64Array(pr.totals.length);
  pr.totals.forEach((t, i) => {
    if (t.kind.type === 'band') {
      if (t.kind.lo !== t.kind.hi)
        throw new NumericError('BALANCE_NEWTON_BAND', `${t.name} has a band; the Newton solver takes exact totals and error terms`, t.loc);
      totalT[i] = t.kind.lo / scale;
    } else {
      totalT[i] = t.kind.t / scale;
      totalBlock[i] = addBlock(t.kind.term, true);
    }
  });
  const colTotal: (ColTotal | null)[] = Array.from(pr.columnTotal, (t) => (t >= 0 ? { t: totalT[t], block: totalBlock[t] } : null));
  const priorCol = new Float64Array(nCols);
  for (let k = 0; k < prior.length; k++) priorCol[k % nCols] += (pr.fixed.get(k) ?? prior[k]) / scale;
  let t0 = 0;
  for (let k = 0; k < prior.length; k++) if (prior[k] !== 0 && !pr.fixed.has(k) && !pr.cellErrors.has(k)) t0 += Math.abs(prior[k]) / scale;
  const cells: Cell[] = new Array(prior.length);
  for (let k = 0; k < prior.length; k++) {
    const j = k % nCols;
    const fv = pr.fixed.get(k);
    const err = pr.cellErrors.get(k);
    const x0 = prior[k] / scale;
    const needTotal = () => {
      if (!colTotal[j]) {
        const i = Math.floor(k / nCols);
        throw new NumericError(
          'BALANCE_COEFFICIENT_NO_TOTAL',
          `column ${pr.colLabels?.[j] ?? j + 1} has no total: the coefficient form (and multiplicative errors) need every column's total, exact or with an error term`,
          { account: pr.rowLabels?.[i] ?? `row ${i + 1}`, column: pr.colLabels?.[j] ?? j + 1 },
        );
      }
      if (!(priorCol[j] !== 0))
        throw new NumericError(
          'BALANCE_COEFFICIENT_NO_TOTAL',
          `column ${pr.colLabels?.[j] ?? j + 1} has a zero prior total: its coefficients are undefined`,
          { column: pr.colLabels?.[j] ?? j + 1 },
        );
    };
    if (fv !== undefined) cells[k] = { type: 'const', value: fv / scale };
    else if (err) {
      const block = addBlock(err.term, !err.multiplicative);
      if (err.multiplicative) {
        needTotal();
        cells[k] = { type: 'mult', abar: x0 / priorCol[j], col: j, block };
      } else cells[k] = { type: 'add', x0, block };
    } else if (x0 === 0 || !pr.cellDivergence) cells[k] = { type: 'const', value: x0 };
    else if (pr.form === 'flow') {
      objVar.push({ i: nP, kind: 'flow', ref: k, omega: 1 / t0 });
      p0.push(x0);
      sign.push(Math.sign(x0));
      cells[k] = { type: 'flow', i: nP++ };
    } else {
      needTotal();
      objVar.push({ i: nP, kind: 'coef', ref: k, omega: 0 });
      p0.push(x0 / priorCol[j]);
      sign.push(Math.sign(x0));
      cells[k] = { type: 'coef', i: nP++, col: j };
    }
  }
  const constraints = dropRedundant(pr, nRows).map((c) => ({ cells: [...c.flat], coef: [...c.coef], total: c.total }));
  return { nP, cells, blocks, totalBlock, totalT, colTotal, objVar, constraints, p0: Float64Array.from(p0), sign: Float64Array.from(sign) };
}

/**
 * Drops the constraint that the others imply: with every account's row and column tied to one
 * account total, or every account balanced, the last account's row (balance) follows from the rest.
 */
function dropRedundant(pr: CeProblem, n: number): CeProblem['constraints'] {
  const cs = pr.constraints;
  if (pr.nRows !== pr.nCols) return cs;
  const balances = cs.filter((c) => c.balance);
  const rowsOfAccounts = cs.filter((c) => c.zeroCode === 'BALANCE_ZERO_ROW' && pr.totals[c.total].account);
  const colsOfAccounts = cs.filter((c) => c.zeroCode === 'BALANCE_ZERO_COLUMN' && pr.totals[c.total].account);
  if (rowsOfAccounts.length === n && colsOfAccounts.length === n) return cs.filter((c) => c !== rowsOfAccounts[n - 1]);
  if (balances.length === n) return cs.filter((c) => c !== balances[n - 1]);
  if (balances.length + rowsOfAccounts.length === n && colsOfAccounts.length === rowsOfAccounts.length && balances.length > 0) {
    return cs.filter((c) => c !== balances[balances.length - 1]);
  }
  return cs;
}

/** A column total's value at p. */
function colValue(m: Model, p: Float64Array, j: number): number {
  const ct = m.colTotal[j]!;
  return ct.t + (ct.block >= 0 ? blockMean(m.blocks[ct.block], p) : 0);
}

function blockMean(b: Block, p: Float64Array): number {
  let s = 0;
  for (let q = 0; q < b.v.length; q++) s += p[b.start + q] * b.v[q];
  return s;
}

/** Value, gradient (index → ∂) and Hessian (pairs) of one cell at p. */
function cellTerms(
  m: Model,
  c: Cell,
  p: Float64Array,
  grad?: (i: number, d: number) => void,
  hess?: (i: number, j: number, d: number) => void,
): number {
  switch (c.type) {
    case 'const':
      return c.value;
    case 'flow':
      grad?.(c.i, 1);
      return p[c.i];
    case 'add': {
      const b = m.blocks[c.block];
      if (grad) for (let q = 0; q < b.v.length; q++) grad(b.start + q, b.v[q]);
      return c.x0 + blockMean(b, p);
    }
    case 'coef': {
      const x = colValue(m, p, c.col);
      grad?.(c.i, x);
      const cb = m.colTotal[c.col]!.block;
      if (cb >= 0) {
        const b = m.blocks[cb];
        for (let q = 0; q < b.v.length; q++) {
          grad?.(b.start + q, p[c.i] * b.v[q]);
          hess?.(c.i, b.start + q, b.v[q]);
        }
      }
      return p[c.i] * x;
    }
    case 'mult': {
      const b = m.blocks[c.block];
      const e = Math.exp(blockMean(b, p));
      const x = colValue(m, p, c.col);
      const X = c.abar * x * e;
      for (let q = 0; q < b.v.length; q++) {
        grad?.(b.start + q, X * b.v[q]);
        if (hess) for (let r = q; r < b.v.length; r++) hess(b.start + q, b.start + r, X * b.v[q] * b.v[r]);
      }
      const cb = m.colTotal[c.col]!.block;
      if (cb >= 0) {
        const bt = m.blocks[cb];
        for (let r = 0; r < bt.v.length; r++) {
          grad?.(bt.start + r, c.abar * e * bt.v[r]);
          if (hess) for (let q = 0; q < b.v.length; q++) hess(b.start + q, bt.start + r, c.abar * e * b.v[q] * bt.v[r]);
        }
      }
      return X;
    }
  }
}

/** ∂f/∂p_i and ∂²f/∂p_i² of the objective term of unknown i. */
function objTerm(m: Model, pr: CeProblem, o: Model['objVar'][number], p: Float64Array): [number, number, number] {
  const x = p[o.i];
  if (o.kind === 'flow') {
    const x0 = m.p0[o.i];
    const z = x / x0;
    return [o.omega * Math.abs(x0) * (z * Math.log(z) - z + 1), o.omega * Math.sign(x0) * Math.log(z), o.omega / Math.abs(x)];
  }
  const s = m.sign[o.i];
  const u = s * x;
  const u0 = s * m.p0[o.i];
  const dl = pr.delta;
  const f = u * (Math.log(u + dl) - Math.log(u0 + dl));
  return [f, s * (Math.log(u + dl) - Math.log(u0 + dl) + u / (u + dl)), 1 / (u + dl) + dl / ((u + dl) * (u + dl))];
}

interface Residual {
  r: Float64Array;
  norm2: number;
  gMax: number;
  sMax: number;
}

/** The KKT residual [∇f + Jᵀλ; g] at (p, λ). */
function residual(m: Model, pr: CeProblem, p: Float64Array, lambda: Float64Array): Residual {
  const nC = m.constraints.length;
  const r = new Float64Array(m.nP + nC + m.blocks.length);
  for (const o of m.objVar) r[o.i] += objTerm(m, pr, o, p)[1];
  m.constraints.forEach((c, k) => {
    const lk = lambda[k];
    let g = 0;
    for (let t = 0; t < c.cells.length; t++) {
      const a = c.coef[t];
      g += a * cellTerms(m, m.cells[c.cells[t]], p, (i, d) => (r[i] += lk * a * d));
    }
    g -= m.totalT[c.total];
    const tb = m.totalBlock[c.total];
    if (tb >= 0) {
      const b = m.blocks[tb];
      g -= blockMean(b, p);
      for (let q = 0; q < b.v.length; q++) r[b.start + q] -= lk * b.v[q];
    }
    r[m.nP + k] = g;
  });
  m.blocks.forEach((b, q) => {
    let s = -1;
    for (let t = 0; t < b.v.length; t++) {
      s += p[b.start + t];
      r[b.start + t] += lambda[nC + q];
    }
    r[m.nP + nC + q] = s;
  });
  let norm2 = 0;
  let gMax = 0;
  let sMax = 0;
  for (let i = 0; i < r.length; i++) {
    norm2 += r[i] * r[i];
    if (i < m.nP) sMax = Math.max(sMax, Math.abs(r[i]));
    else gMax = Math.max(gMax, Math.abs(r[i]));
  }
  return { r, norm2, gMax, sMax };
}

/** The KKT matrix [[H, Jᵀ], [J, −ρI]] at (p, λ). */
function kkt(m: Model, pr: CeProblem, p: Float64Array, lambda: Float64Array) {
  const nC = m.constraints.length;
  const N = m.nP + nC + m.blocks.length;
  const K = matrix(N, N);
  const D = K.data;
  for (const o of m.objVar) D[o.i * N + o.i] += objTerm(m, pr, o, p)[2];
  m.constraints.forEach((c, k) => {
    const row = m.nP + k;
    const lk = lambda[k];
    for (let t = 0; t < c.cells.length; t++) {
      const a = c.coef[t];
      cellTerms(
        m,
        m.cells[c.cells[t]],
        p,
        (i, d) => {
          D[row * N + i] += a * d;
          D[i * N + row] += a * d;
        },
        (i, j, d) => {
          D[i * N + j] += lk * a * d;
          if (i !== j) D[j * N + i] += lk * a * d;
        },
      );
    }
    const tb = m.totalBlock[c.total];
    if (tb >= 0) {
      const b = m.blocks[tb];
      for (let q = 0; q < b.v.length; q++) {
        D[row * N + b.start + q] -= b.v[q];
        D[(b.start + q) * N + row] -= b.v[q];
      }
    }
  });
  m.blocks.forEach((b, q) => {
    const row = m.nP + nC + q;
    for (let t = 0; t < b.v.length; t++) {
      D[row * N + b.start + t] = 1;
      D[(b.start + t) * N + row] = 1;
    }
  });
  for (let i = m.nP; i < N; i++) D[i * N + i] -= 1e-13;
  return K;
}

function solution(m: Model, pr: CeProblem, p: Float64Array, scale: number, converged: boolean, iterations: number): NewtonSolution {
  const mat = Float64Array.from(m.cells, (c) => cellTerms(m, c, p) * scale);
  const totalErrors = new Float64Array(pr.totals.length);
  const totalWeights: (Float64Array | null)[] = pr.totals.map(() => null);
  m.totalBlock.forEach((b, i) => {
    if (b < 0) return;
    totalErrors[i] = blockMean(m.blocks[b], p) * scale;
    totalWeights[i] = p.slice(m.blocks[b].start, m.blocks[b].start + m.blocks[b].v.length);
  });
  const cellWeights = new Map<number, Float64Array>();
  m.cells.forEach((c, k) => {
    if (c.type === 'add' || c.type === 'mult') {
      const b = m.blocks[c.block];
      cellWeights.set(k, p.slice(b.start, b.start + b.v.length));
    }
  });
  return { matrix: mat, iterations, totalErrors, totalWeights, cellWeights, converged };
}
