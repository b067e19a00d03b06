/**
 * Sparse LU factorisation `P A Q = L U` by the left-looking Gilbert–Peierls algorithm with threshold
 * partial pivoting (as in KLU): each column of `L` and `U` is one sparse triangular solve whose
 * pattern is found by a depth-first search (the "reach") in the graph of `L`. `L` is unit lower
 * triangular, `U` upper triangular, both stored by columns. `refactor` keeps the pattern and the
 * pivot sequence for Newton iterations where only the values of the Jacobian change.
 *
 * References: J. R. Gilbert and T. Peierls, "Sparse partial pivoting in time proportional to
 * arithmetic operations", SIAM J. Sci. Stat. Comput. 9(5), 1988; T. A. Davis and E. Palamadai
 * Natarajan, "Algorithm 907: KLU", ACM TOMS 37(3), 2010; N. J. Higham, "FORTRAN codes for
 * estimating the one-norm of a real or complex matrix" (Hager's method), ACM TOMS 14(4), 1988.
 * @module
 */
import { InputError, NumericError } from '../../errors.js';
import { amdOrder, colamdOrder } from './amd.js';
import { type CscMatrix, cscNormOne, cscValidate } from './csc.js';
import { maximumMatching } from './matching.js';
import { SingularMatrixError } from './singular-error.js';

/** Options of {@link analyseSparseLu} and {@link factorSparseLu}. */
export interface SparseLuOptions {
  /**
   * Fill-reducing column ordering: `'amd'` (default, as in KLU: rows matched to columns for a
   * zero-free diagonal, then approximate minimum degree on the symmetrised pattern, with a
   * preference for the matched pivots), `'colamd'` (approximate minimum degree on `AᵀA`, the
   * SuperLU default; it guards against any row pivoting but gives much more fill than `'amd'` on
   * Jacobians with macro equations that touch many variables) or `'natural'` (no reordering).
   */
  ordering?: 'colamd' | 'amd' | 'natural';
  /**
   * Threshold partial pivoting, in (0, 1]: with `'amd'` and `'natural'` orderings the preferred
   * (matched or diagonal, see {@link SparseLuSymbolic.preferredRow}) entry is kept as pivot when its magnitude is at least this fraction of the largest candidate
   * in its column; otherwise (and always with `'colamd'`) the largest candidate is taken. Default 0.1.
   */
  pivotTolerance?: number;
  /**
   * `refactor` keeps the old pivot sequence while every pivot is at least this fraction of the
   * largest entry below it in its column of the new matrix; otherwise it pivots afresh.
   * Default `pivotTolerance / 10` (multipliers up to 100).
   */
  refactorTolerance?: number;
  /**
   * A pivot whose magnitude is at most this fraction of the largest magnitude in its eliminated
   * column (the column of `U` and the candidates) is taken as zero: the matrix is singular to
   * working precision. Default 64·ε ≈ 1.4e-14.
   */
  singularTolerance?: number;
  /** Column labels (e.g. the model's variable names), used in error messages and locations. */
  labels?: readonly string[];
}

/** The result of {@link analyseSparseLu}: the column ordering of one sparsity pattern. */
export interface SparseLuSymbolic {
  /** Order of the matrix. */
  readonly n: number;
  /** Column permutation `Q`: `colPerm[k]` is the column eliminated at step `k`. */
  readonly colPerm: Int32Array;
  /** The ordering that produced `colPerm`. */
  readonly ordering: 'colamd' | 'amd' | 'natural';
  /** Number of stored entries of the analysed pattern (checked against the matrix factorised). */
  readonly nnzA: number;
  /**
   * Preferred pivot row of each column (`'amd'` and `'natural'`): with `'amd'`, the row matched to
   * the column by a maximum matching, so that the preferred pivots form a zero-free diagonal even
   * when the equations are not listed in the order of their variables; with `'natural'`, the
   * diagonal. Absent for `'colamd'` (plain threshold partial pivoting).
   */
  readonly preferredRow?: Int32Array;
}

/** A sparse LU factorisation `P A Q = L U`, ready to solve systems. */
export interface SparseLu {
  /** Order of the matrix. */
  readonly n: number;
  /** Entries of `L` stored below the (unit) diagonal. */
  readonly nnzL: number;
  /** Entries of `U` stored, diagonal included. */
  readonly nnzU: number;
  /** Row permutation: `rowPerm[k]` is the row of `A` chosen as pivot at step `k`. */
  readonly rowPerm: Int32Array;
  /** Column permutation `Q` (from the symbolic analysis). */
  readonly colPerm: Int32Array;
  /** Number of times `refactor` had to pivot afresh because an old pivot became unacceptable. */
  readonly repivotCount: number;
  /**
   * Solves `A x = b`. Writes into `out` when given (no allocation; `out` may be `b`) and returns it.
   * @throws InputError `BAD_DIMENSIONS`; NumericError `NON_FINITE_RESULT` when the solution overflows.
   */
  solve(b: Float64Array, out?: Float64Array): Float64Array;
  /** Solves `Aᵀ x = b`, as {@link SparseLu.solve}. */
  solveTransposed(b: Float64Array, out?: Float64Array): Float64Array;
  /**
   * Refactorises a matrix with the same pattern (same `colPtr`/`rowIdx` as the factorised one) and
   * new `values`, reusing the pivot sequence when it stays acceptable (see
   * {@link SparseLuOptions.refactorTolerance}), else pivoting afresh with the same column order.
   * @throws SingularMatrixError `SINGULAR_MATRIX`; InputError `BAD_DIMENSIONS` / `BAD_VALUE`.
   */
  refactor(values: Float64Array): void;
  /**
   * Estimate of the 1-norm condition number `‖A‖₁ ‖A⁻¹‖₁` (Hager–Higham; a few solves with `A`
   * and `Aᵀ`). A lower bound of the true value, usually within a factor 3.
   */
  conditionEstimate(): number;
  /**
   * Copies of the factors with `A(rowPerm, colPerm) = L U`: `L` unit lower triangular (diagonal
   * stored), `U` upper triangular, both n × n CSC in pivot-step numbering.
   */
  factors(): { L: CscMatrix; U: CscMatrix; rowPerm: Int32Array; colPerm: Int32Array };
}

const EPS = 2.220446049250313e-16;

/**
 * Chooses the column ordering of a square sparsity pattern, once per pattern.
 * @throws InputError `NOT_SQUARE` or `BAD_CSC`.
 */
export function analyseSparseLu(A: CscMatrix, options: SparseLuOptions = {}): SparseLuSymbolic {
  cscValidate(A);
  if (A.nRows !== A.nCols) {
    throw new InputError('NOT_SQUARE', `sparse LU needs a square matrix, got ${A.nRows} × ${A.nCols}`);
  }
  const ordering = options.ordering ?? 'amd';
  const n = A.nCols;
  let colPerm: Int32Array;
  let preferredRow: Int32Array | undefined;
  if (ordering === 'natural') {
    colPerm = new Int32Array(n);
    for (let j = 0; j < n; j++) colPerm[j] = j;
    preferredRow = colPerm;
  } else if (ordering === 'amd') {
    // zero-free diagonal first (rows renamed by a maximum matching, completed arbitrarily when
    // the matrix is structurally singular), then AMD on the symmetrised pattern of that matrix
    const { rowMatch, colMatch } = maximumMatching(A);
    const rowToCol = rowMatch.slice();
    preferredRow = colMatch.slice();
    let free = 0;
    for (let i = 0; i < n; i++) {
      if (rowToCol[i] >= 0) continue;
      while (preferredRow[free] >= 0) free++;
      rowToCol[i] = free;
      preferredRow[free] = i;
    }
    const nz = A.colPtr[n];
    const rowIdx = new Int32Array(nz);
    for (let p = 0; p < nz; p++) rowIdx[p] = rowToCol[A.rowIdx[p]];
    colPerm = amdOrder({ nRows: n, nCols: n, colPtr: A.colPtr, rowIdx, values: A.values });
  } else if (ordering === 'colamd') colPerm = colamdOrder(A);
  else throw new InputError('BAD_OPTION', `unknown ordering '${String(ordering)}', expected colamd, amd or natural`);
  return { n, colPerm, ordering, nnzA: A.colPtr[n], preferredRow };
}

/**
 * Factorises a square sparse matrix: `P A Q = L U`. Uses `symbolic` when given (same pattern),
 * else analyses first with `options.ordering`.
 * @throws SingularMatrixError `SINGULAR_MATRIX` naming the column (and its label); InputError
 * `NOT_SQUARE`, `BAD_CSC`, `BAD_DIMENSIONS`.
 */
export function factorSparseLu(A: CscMatrix, symbolic?: SparseLuSymbolic, options: SparseLuOptions = {}): SparseLu {
  const sym = symbolic ?? analyseSparseLu(A, options);
  if (symbolic) {
    cscValidate(A);
    if (A.nRows !== A.nCols || A.nCols !== sym.n || A.colPtr[A.nCols] !== sym.nnzA) {
      throw new InputError(
        'BAD_DIMENSIONS',
        `matrix ${A.nRows} × ${A.nCols} with ${A.colPtr[A.nCols]} entries does not match the analysed pattern ` +
          `(${sym.n} × ${sym.n}, ${sym.nnzA} entries)`,
      );
    }
  }
  const tol = options.pivotTolerance ?? 0.1;
  if (!(tol > 0 && tol <= 1)) {
    throw new InputError('BAD_OPTION', `pivotTolerance must be in (0, 1], got ${tol}`);
  }
  const lu = new SparseLuFactors(A, sym, options, tol);
  lu.factorWithPivoting(A.values);
  return lu;
}

/** The factors and their work arrays. */
class SparseLuFactors implements SparseLu {
  readonly n: number;
  readonly colPerm: Int32Array;
  rowPerm: Int32Array;
  repivotCount = 0;
  private readonly colPtr: Int32Array;
  private readonly rowIdx: Int32Array;
  private values: Float64Array;
  private readonly tol: number;
  private readonly refTol: number;
  private readonly singTol: number;
  private readonly preferredRow: Int32Array | undefined;
  private readonly labels: readonly string[] | undefined;
  // factors
  private Lp: Int32Array;
  private Li: Int32Array;
  private Lx: Float64Array;
  private Up: Int32Array;
  private Ui: Int32Array;
  private Ux: Float64Array;
  private udiag: Float64Array;
  private pinv: Int32Array;
  /** Pivot step of the row of each entry of A (for refactor), computed lazily. */
  private aStep: Int32Array | null = null;
  // work
  private readonly x: Float64Array;
  private readonly y: Float64Array;
  private readonly xi: Int32Array;
  private readonly stack: Int32Array;
  private readonly pstack: Int32Array;
  private readonly flag: Int32Array;

  constructor(A: CscMatrix, sym: SparseLuSymbolic, options: SparseLuOptions, tol: number) {
    const n = A.nCols;
    this.n = n;
    this.colPerm = sym.colPerm;
    this.colPtr = A.colPtr;
    this.rowIdx = A.rowIdx;
    this.values = A.values;
    this.tol = tol;
    this.refTol = options.refactorTolerance ?? tol / 10;
    this.singTol = options.singularTolerance ?? 64 * EPS;
    this.preferredRow = sym.preferredRow;
    this.labels = options.labels;
    const nz = A.colPtr[n];
    const cap = Math.max(4 * nz + n, 16);
    this.Lp = new Int32Array(n + 1);
    this.Li = new Int32Array(cap);
    this.Lx = new Float64Array(cap);
    this.Up = new Int32Array(n + 1);
    this.Ui = new Int32Array(cap);
    this.Ux = new Float64Array(cap);
    this.udiag = new Float64Array(n);
    this.pinv = new Int32Array(n);
    this.rowPerm = new Int32Array(n);
    this.x = new Float64Array(n);
    this.y = new Float64Array(n);
    this.xi = new Int32Array(n);
    this.stack = new Int32Array(n);
    this.pstack = new Int32Array(n);
    this.flag = new Int32Array(n);
  }

  get nnzL(): number {
    return this.Lp[this.n];
  }

  get nnzU(): number {
    return this.Up[this.n] + this.n;
  }

  private singular(step: number, detail: string): SingularMatrixError {
    const j = this.colPerm[step];
    return new SingularMatrixError(j, this.labels?.[j], step, detail);
  }

  /** Full numeric factorisation with threshold partial pivoting, in the column order Q. */
  factorWithPivoting(values: Float64Array): void {
    const n = this.n;
    const { colPtr, rowIdx, colPerm, x, xi, stack, pstack, flag, pinv } = this;
    const tol = this.tol;
    const singTol = this.singTol;
    const preferredRow = this.preferredRow;
    const Lp = this.Lp;
    let Li = this.Li;
    let Lx = this.Lx;
    const Up = this.Up;
    let Ui = this.Ui;
    let Ux = this.Ux;
    const udiag = this.udiag;
    pinv.fill(-1);
    flag.fill(-1);
    this.aStep = null;
    let lnz = 0;
    let unz = 0;
    for (let k = 0; k < n; k++) {
      Lp[k] = lnz;
      Up[k] = unz;
      // grow storage so that one more column of each fits
      if (lnz + n > Li.length) {
        const cap = Math.max(2 * Li.length, lnz + n);
        const li = new Int32Array(cap);
        li.set(Li.subarray(0, lnz));
        const lx = new Float64Array(cap);
        lx.set(Lx.subarray(0, lnz));
        Li = li;
        Lx = lx;
      }
      if (unz + n > Ui.length) {
        const cap = Math.max(2 * Ui.length, unz + n);
        const ui = new Int32Array(cap);
        ui.set(Ui.subarray(0, unz));
        const ux = new Float64Array(cap);
        ux.set(Ux.subarray(0, unz));
        Ui = ui;
        Ux = ux;
      }
      const j = colPerm[k];
      // --- reach of A(:, j) in the graph of L: xi[top..n) in topological order
      let top = n;
      for (let p = colPtr[j]; p < colPtr[j + 1]; p++) {
        const start = rowIdx[p];
        if (flag[start] === k) continue;
        let head = 0;
        stack[0] = start;
        while (head >= 0) {
          const i = stack[head];
          const s = pinv[i];
          if (flag[i] !== k) {
            flag[i] = k;
            pstack[head] = s < 0 ? 0 : Lp[s];
          }
          const end = s < 0 ? 0 : Lp[s + 1];
          let done = true;
          for (let q = pstack[head]; q < end; q++) {
            const r = Li[q];
            if (flag[r] === k) continue;
            pstack[head] = q + 1;
            stack[++head] = r;
            done = false;
            break;
          }
          if (done) {
            head--;
            xi[--top] = i;
          }
        }
      }
      // --- numeric: x = L \ A(:, j) on the reach
      for (let px = top; px < n; px++) x[xi[px]] = 0;
      for (let p = colPtr[j]; p < colPtr[j + 1]; p++) x[rowIdx[p]] = values[p];
      let colMax = 0;
      let amax = -1;
      let ipiv = -1;
      for (let px = top; px < n; px++) {
        const i = xi[px];
        const s = pinv[i];
        const v = x[i];
        const a = Math.abs(v);
        if (a > colMax) colMax = a;
        if (s < 0) {
          if (a > amax) {
            amax = a;
            ipiv = i;
          }
          continue;
        }
        Ui[unz] = s;
        Ux[unz++] = v;
        if (v === 0) continue;
        for (let q = Lp[s], qe = Lp[s + 1]; q < qe; q++) x[Li[q]] -= Lx[q] * v;
      }
      if (ipiv < 0 || !(amax > singTol * colMax) || !Number.isFinite(amax)) {
        this.Lp = Lp;
        this.Li = Li;
        this.Lx = Lx;
        this.Up = Up;
        this.Ui = Ui;
        this.Ux = Ux;
        throw this.singular(
          k,
          ipiv < 0
            ? 'no entry left in the rows not yet pivoted: structurally singular'
            : `largest remaining entry ${amax.toExponential(3)} against ${colMax.toExponential(3)} in the column`,
        );
      }
      if (preferredRow) {
        const d = preferredRow[j];
        if (pinv[d] < 0 && flag[d] === k && Math.abs(x[d]) >= tol * amax) ipiv = d;
      }
      const pivot = x[ipiv];
      udiag[k] = pivot;
      pinv[ipiv] = k;
      const inv = 1 / pivot;
      for (let px = top; px < n; px++) {
        const i = xi[px];
        if (pinv[i] < 0) {
          Li[lnz] = i;
          Lx[lnz++] = x[i] * inv;
        }
      }
    }
    Lp[n] = lnz;
    Up[n] = unz;
    // rows of L into pivot-step numbering
    for (let p = 0; p < lnz; p++) Li[p] = pinv[Li[p]];
    for (let i = 0; i < n; i++) this.rowPerm[pinv[i]] = i;
    this.Lp = Lp;
    this.Li = Li;
    this.Lx = Lx;
    this.Up = Up;
    this.Ui = Ui;
    this.Ux = Ux;
    this.values = values;
  }

  /** Numeric refactorisation with the old pattern and pivots; false when a pivot is unacceptable. */
  private refactorFixed(values: Float64Array): boolean {
    const n = this.n;
    const { colPtr, colPerm, Lp, Li, Lx, Up, Ui, Ux, udiag, x } = this;
    let aStep = this.aStep;
    if (!aStep) {
      const nz = colPtr[n];
      aStep = new Int32Array(nz);
      for (let p = 0; p < nz; p++) aStep[p] = this.pinv[this.rowIdx[p]];
      this.aStep = aStep;
    }
    const refTol = this.refTol;
    const singTol = this.singTol;
    for (let k = 0; k < n; k++) {
      const j = colPerm[k];
      for (let p = colPtr[j]; p < colPtr[j + 1]; p++) x[aStep[p]] = values[p];
      let umax = 0;
      for (let p = Up[k], pe = Up[k + 1]; p < pe; p++) {
        const s = Ui[p];
        const v = x[s];
        x[s] = 0;
        Ux[p] = v;
        if (v === 0) continue;
        const a = Math.abs(v);
        if (a > umax) umax = a;
        for (let q = Lp[s], qe = Lp[s + 1]; q < qe; q++) x[Li[q]] -= Lx[q] * v;
      }
      const pivot = x[k];
      x[k] = 0;
      const ap = Math.abs(pivot);
      let lmax = 0;
      const l0 = Lp[k];
      const l1 = Lp[k + 1];
      for (let q = l0; q < l1; q++) {
        const a = Math.abs(x[Li[q]]);
        if (a > lmax) lmax = a;
      }
      const colMax = Math.max(ap, lmax, umax);
      if (!(ap > singTol * colMax) || ap < refTol * lmax || !Number.isFinite(pivot)) {
        x.fill(0);
        return false;
      }
      udiag[k] = pivot;
      const inv = 1 / pivot;
      for (let q = l0; q < l1; q++) {
        const r = Li[q];
        Lx[q] = x[r] * inv;
        x[r] = 0;
      }
    }
    return true;
  }

  refactor(values: Float64Array): void {
    const nz = this.colPtr[this.n];
    if (values.length !== nz) {
      throw new InputError('BAD_DIMENSIONS', `refactor got ${values.length} values, expected ${nz} (the pattern's entries)`);
    }
    for (let p = 0; p < nz; p++) {
      if (!Number.isFinite(values[p])) {
        const j = this.columnOfEntry(p);
        throw new InputError('BAD_VALUE', `entry (${this.rowIdx[p]}, ${j}) is ${values[p]}, expected a finite number`, {
          row: this.rowIdx[p] + 1,
          column: j + 1,
        });
      }
    }
    if (this.refactorFixed(values)) {
      this.values = values;
      return;
    }
    this.repivotCount++;
    this.factorWithPivoting(values);
  }

  private columnOfEntry(p: number): number {
    let lo = 0;
    let hi = this.n;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (this.colPtr[mid] <= p) lo = mid;
      else hi = mid;
    }
    return lo;
  }

  private checkLengths(b: Float64Array, out: Float64Array | undefined): Float64Array {
    if (b.length !== this.n) {
      throw new InputError('BAD_DIMENSIONS', `right-hand side has ${b.length} entries, expected ${this.n}`);
    }
    const o = out ?? new Float64Array(this.n);
    if (o.length !== this.n) {
      throw new InputError('BAD_DIMENSIONS', `output has ${o.length} entries, expected ${this.n}`);
    }
    return o;
  }

  private checkFinite(out: Float64Array): Float64Array {
    let s = 0;
    for (let i = 0; i < out.length; i++) s += out[i] * 0;
    if (s !== 0) {
      throw new NumericError(
        'NON_FINITE_RESULT',
        'the solution has infinite or NaN entries (non-finite right-hand side, or a matrix too ill-conditioned)',
      );
    }
    return out;
  }

  solve(b: Float64Array, out?: Float64Array): Float64Array {
    const o = this.checkLengths(b, out);
    const n = this.n;
    const { Lp, Li, Lx, Up, Ui, Ux, udiag, y, rowPerm, colPerm } = this;
    for (let k = 0; k < n; k++) y[k] = b[rowPerm[k]];
    for (let k = 0; k < n; k++) {
      const v = y[k];
      if (v === 0) continue;
      for (let p = Lp[k], pe = Lp[k + 1]; p < pe; p++) y[Li[p]] -= Lx[p] * v;
    }
    for (let k = n - 1; k >= 0; k--) {
      const v = y[k] / udiag[k];
      y[k] = v;
      if (v === 0) continue;
      for (let p = Up[k], pe = Up[k + 1]; p < pe; p++) y[Ui[p]] -= Ux[p] * v;
    }
    for (let k = 0; k < n; k++) o[colPerm[k]] = y[k];
    return this.checkFinite(o);
  }

  solveTransposed(b: Float64Array, out?: Float64Array): Float64Array {
    const o = this.checkLengths(b, out);
    const n = this.n;
    const { Lp, Li, Lx, Up, Ui, Ux, udiag, y, rowPerm, colPerm } = this;
    for (let k = 0; k < n; k++) y[k] = b[colPerm[k]];
    for (let k = 0; k < n; k++) {
      let s = y[k];
      for (let p = Up[k], pe = Up[k + 1]; p < pe; p++) s -= Ux[p] * y[Ui[p]];
      y[k] = s / udiag[k];
    }
    for (let k = n - 1; k >= 0; k--) {
      let s = y[k];
      for (let p = Lp[k], pe = Lp[k + 1]; p < pe; p++) s -= Lx[p] * y[Li[p]];
      y[k] = s;
    }
    for (let k = 0; k < n; k++) o[rowPerm[k]] = y[k];
    return this.checkFinite(o);
  }

  factors(): { L: CscMatrix; U: CscMatrix; rowPerm: Int32Array; colPerm: Int32Array } {
    const n = this.n;
    const { Lp, Li, Lx, Up, Ui, Ux, udiag } = this;
    const lp = new Int32Array(n + 1);
    const li = new Int32Array(Lp[n] + n);
    const lx = new Float64Array(Lp[n] + n);
    const up = new Int32Array(n + 1);
    const ui = new Int32Array(Up[n] + n);
    const ux = new Float64Array(Up[n] + n);
    let lq = 0;
    let uq = 0;
    const order: number[] = [];
    for (let k = 0; k < n; k++) {
      li[lq] = k;
      lx[lq++] = 1;
      order.length = 0;
      for (let p = Lp[k]; p < Lp[k + 1]; p++) order.push(p);
      order.sort((a, b) => Li[a] - Li[b]);
      for (const p of order) {
        li[lq] = Li[p];
        lx[lq++] = Lx[p];
      }
      lp[k + 1] = lq;
      order.length = 0;
      for (let p = Up[k]; p < Up[k + 1]; p++) order.push(p);
      order.sort((a, b) => Ui[a] - Ui[b]);
      for (const p of order) {
        ui[uq] = Ui[p];
        ux[uq++] = Ux[p];
      }
      ui[uq] = k;
      ux[uq++] = udiag[k];
      up[k + 1] = uq;
    }
    return {
      L: { nRows: n, nCols: n, colPtr: lp, rowIdx: li, values: lx },
      U: { nRows: n, nCols: n, colPtr: up, rowIdx: ui, values: ux },
      rowPerm: this.rowPerm.slice(),
      colPerm: this.colPerm.slice(),
    };
  }

  conditionEstimate(): number {
    const n = this.n;
    if (n === 0) return 0;
    const normA = cscNormOne({ nRows: n, nCols: n, colPtr: this.colPtr, rowIdx: this.rowIdx, values: this.values });
    // Hager's method as refined by Higham (LAPACK xLACON): estimate ‖A⁻¹‖₁.
    let x = new Float64Array(n).fill(1 / n);
    const y = new Float64Array(n);
    const z = new Float64Array(n);
    let est = 0;
    let jPrev = -1;
    for (let iter = 0; iter < 5; iter++) {
      this.solve(x, y);
      let e = 0;
      for (let i = 0; i < n; i++) e += Math.abs(y[i]);
      if (iter > 0 && e <= est) {
        est = Math.max(est, e);
        break;
      }
      est = e;
      for (let i = 0; i < n; i++) x[i] = y[i] >= 0 ? 1 : -1;
      this.solveTransposed(x, z);
      let jMax = 0;
      for (let i = 1; i < n; i++) if (Math.abs(z[i]) > Math.abs(z[jMax])) jMax = i;
      if (jMax === jPrev) break;
      jPrev = jMax;
      x = new Float64Array(n);
      x[jMax] = 1;
    }
    // Higham's alternating-sign vector guards against the method's bad cases.
    const alt = new Float64Array(n);
    for (let i = 0; i < n; i++) alt[i] = (i % 2 === 0 ? 1 : -1) * (1 + i / Math.max(n - 1, 1));
    this.solve(alt, y);
    let t = 0;
    for (let i = 0; i < n; i++) t += Math.abs(y[i]);
    t = (2 * t) / (3 * n);
    return normA * Math.max(est, t);
  }
}
