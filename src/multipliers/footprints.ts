/**
 * Footprints of a multi-regional input-output system with pymrio's definitions (pymrio
 * `tools/iomath.py::calc_accounts` and `core/mriosystem.py::Extension.calc_system`).
 *
 * The n = R·S sectors are ordered region-major (sector s of region r at r·S + s), as in pymrio.
 * With Y_agg (n×R) the final demand of each consuming region summed over its categories and
 * `Y_diag` its product-wise diagonalisation (column (r, s) holds Y_agg[(p, s), r] in the rows of
 * product s of every producing region p):
 *
 * ```
 * x_diag = L Y_diag                    output needed for region r's final demand of product s
 * D_cba  = S x_diag        (k × R·S)    footprint by consuming region × product
 * D_pba  = S diag(x_diag 1)  (k × n)    territorial (production-based) use by producing region × sector
 * x_trade = x_diag without its domestic blocks (rows of region r in the columns of region r)
 * D_imp  = S x_trade       (k × R·S)    the part of D_cba emitted abroad (imported)
 * D_exp  = S diag(x_trade 1) (k × n)    the part of D_pba caused by foreign final demand (exported)
 * D_cba_reg = D_cba summed by region + F_Y;  D_pba_reg = D_pba summed by region + F_Y
 * D_imp_reg, D_exp_reg = summed by region
 * ```
 *
 * F_Y are the direct final-demand stressors (household emissions …), summed by consuming region.
 * The identity D_cba_reg = D_pba_reg − D_exp_reg + D_imp_reg holds region by region.
 *
 * Nothing goes through the explicit inverse: D_cba = M Y_diag with M = S L from k transposed solves;
 * the domestic part of D_cba from the k·R transposed solves (S restricted to region r) L; x_diag 1
 * and the exports from the R solves L Y_agg.
 * @module
 */
import { InputError } from '../errors.js';
import { assertFinite, luSolveMany, type Matrix } from '../linalg/dense/index.js';
import { leontiefRowMultipliers, type LeontiefSystem } from './leontief.js';

/** The shape of a multi-regional system: R regions of S sectors each, region-major. */
export interface MrioShape {
  /** Number of regions R. */
  readonly regions: number;
  /** Number of sectors (products) per region S. */
  readonly sectors: number;
}

/** pymrio's footprint accounts of one satellite extension (k stressor rows). */
export interface MrioAccounts {
  /** Multipliers M = S L (k × n). */
  readonly M: Matrix;
  /** pymrio's D_cba (k × R·S): consuming region × product. */
  readonly Dcba: Matrix;
  /** pymrio's D_pba (k × n): producing region × sector. */
  readonly Dpba: Matrix;
  /** pymrio's D_imp (k × R·S): consuming region × product, the part emitted in other regions. */
  readonly Dimp: Matrix;
  /** pymrio's D_exp (k × n): producing region × sector, the part caused by other regions' final demand. */
  readonly Dexp: Matrix;
  /** pymrio's D_cba_reg (k × R): regional footprints, including the direct final-demand stressors F_Y. */
  readonly DcbaReg: Matrix;
  /** pymrio's D_pba_reg (k × R): territorial accounts, including F_Y. */
  readonly DpbaReg: Matrix;
  /** pymrio's D_imp_reg (k × R). */
  readonly DimpReg: Matrix;
  /** pymrio's D_exp_reg (k × R). */
  readonly DexpReg: Matrix;
}

/**
 * Sums the columns of a matrix in consecutive groups of `size` (k × g·size → k × g): final demand
 * or F_Y by region from their region × category columns.
 */
export function sumColumnGroups(m: Matrix, size: number): Matrix {
  if (!Number.isInteger(size) || size < 1 || m.cols % size !== 0) {
    throw new InputError('MATRIX_DIMENSION_MISMATCH', `${m.cols} columns cannot be summed in groups of ${size}`);
  }
  const g = m.cols / size;
  const out = new Float64Array(m.rows * g);
  for (let i = 0; i < m.rows; i++) {
    for (let c = 0; c < m.cols; c++) out[i * g + Math.floor(c / size)] += m.data[i * m.cols + c];
  }
  return { rows: m.rows, cols: g, data: out };
}

function checkShape(sys: LeontiefSystem, S: Matrix, Y: Matrix, shape: MrioShape, FY?: Matrix): number {
  const { regions: R, sectors: nS } = shape;
  if (!Number.isInteger(R) || !Number.isInteger(nS) || R < 1 || nS < 1 || R * nS !== sys.n) {
    throw new InputError('MATRIX_DIMENSION_MISMATCH', `${R} regions × ${nS} sectors do not make the system's ${sys.n} sectors`);
  }
  if (S.cols !== sys.n) throw new InputError('MATRIX_DIMENSION_MISMATCH', `S has ${S.cols} columns, expected ${sys.n}`);
  if (Y.rows !== sys.n || Y.cols % R !== 0 || Y.cols === 0) {
    throw new InputError(
      'MATRIX_DIMENSION_MISMATCH',
      `final demand Y is ${Y.rows}×${Y.cols}; expected ${sys.n} rows and a multiple of ${R} columns (region × category)`,
    );
  }
  if (FY && (FY.rows !== S.rows || FY.cols % R !== 0 || FY.cols === 0)) {
    throw new InputError(
      'MATRIX_DIMENSION_MISMATCH',
      `F_Y is ${FY.rows}×${FY.cols}; expected ${S.rows} rows and a multiple of ${R} columns (region × category)`,
    );
  }
  assertFinite(Y, 'final demand Y');
  if (FY) assertFinite(FY, 'F_Y');
  return Y.cols / R;
}

/**
 * out[q, (r, s)] = Σ_p X[row(q, r), (p, s)] Y_agg[(p, s), r] for q < k: a k-row block of X (rows
 * chosen per consuming region r) times the product-wise diagonalised final demand Y_diag.
 */
function timesYdiag(X: Float64Array, k: number, row: (q: number, r: number) => number, Yagg: Matrix, shape: MrioShape): Float64Array {
  const { regions: R, sectors: nS } = shape;
  const n = R * nS;
  const out = new Float64Array(k * n);
  for (let q = 0; q < k; q++) {
    for (let r = 0; r < R; r++) {
      const xo = row(q, r) * n;
      for (let s = 0; s < nS; s++) {
        let acc = 0;
        for (let p = 0; p < R; p++) acc += X[xo + p * nS + s] * Yagg.data[(p * nS + s) * R + r];
        out[q * n + r * nS + s] = acc;
      }
    }
  }
  return out;
}

/** Row sums of each region's block of columns (k × n → k × R), plus `add` (k × R) when given. */
function byRegion(D: Float64Array, k: number, shape: MrioShape, add?: Matrix): Matrix {
  const { regions: R, sectors: nS } = shape;
  const n = R * nS;
  const out = new Float64Array(k * R);
  for (let q = 0; q < k; q++) {
    for (let r = 0; r < R; r++) {
      let acc = 0;
      for (let s = 0; s < nS; s++) acc += D[q * n + r * nS + s];
      out[q * R + r] = acc + (add ? add.data[q * R + r] : 0);
    }
  }
  return { rows: k, cols: R, data: out };
}

/**
 * pymrio's consumption-, production-, import- and export-based accounts of a satellite extension
 * (see the module text).
 * @param sys the factorised Leontief system of the n = R·S sectors
 * @param S stressor coefficients S = F diag(x)⁻¹ (k × n)
 * @param Y final demand (n × R·c): the c categories of each consuming region, region-major
 * @param shape regions and sectors per region
 * @param FY direct final-demand stressors (k × R·c', e.g. pymrio's F_Y), summed by region into the
 *   regional footprints; absent: none
 */
export function mrioAccounts(sys: LeontiefSystem, S: Matrix, Y: Matrix, shape: MrioShape, FY?: Matrix): MrioAccounts {
  const c = checkShape(sys, S, Y, shape, FY);
  const { regions: R, sectors: nS } = shape;
  const n = sys.n;
  const k = S.rows;
  const Yagg = sumColumnGroups(Y, c);
  const FYreg = FY ? sumColumnGroups(FY, FY.cols / R) : undefined;
  const M = leontiefRowMultipliers(sys, S);
  const Dcba = timesYdiag(M.data, k, (q) => q, Yagg, shape);
  // domestic part: rows (q, r) = S_q restricted to the sectors of region r, times L
  const Sdom = new Float64Array(k * R * n);
  for (let q = 0; q < k; q++) {
    for (let r = 0; r < R; r++) {
      const o = (q * R + r) * n + r * nS;
      Sdom.set(S.data.subarray(q * n + r * nS, q * n + r * nS + nS), o);
    }
  }
  const Mdom = leontiefRowMultipliers(sys, { rows: k * R, cols: n, data: Sdom }).data;
  const Ddom = timesYdiag(Mdom, k, (q, r) => q * R + r, Yagg, shape);
  const Dimp = Dcba.map((v, t) => v - Ddom[t]);
  // x = L Y_agg 1 and the output for foreign final demand
  const XL = luSolveMany(sys.factors, Yagg).data;
  const Dpba = new Float64Array(k * n);
  const Dexp = new Float64Array(k * n);
  for (let i = 0; i < n; i++) {
    const home = Math.floor(i / nS);
    let xtot = 0;
    for (let r = 0; r < R; r++) xtot += XL[i * R + r];
    const xexp = xtot - XL[i * R + home];
    for (let q = 0; q < k; q++) {
      Dpba[q * n + i] = S.data[q * n + i] * xtot;
      Dexp[q * n + i] = S.data[q * n + i] * xexp;
    }
  }
  const mat = (data: Float64Array): Matrix => ({ rows: k, cols: n, data });
  return {
    M,
    Dcba: mat(Dcba),
    Dpba: mat(Dpba),
    Dimp: mat(Dimp),
    Dexp: mat(Dexp),
    DcbaReg: byRegion(Dcba, k, shape, FYreg),
    DpbaReg: byRegion(Dpba, k, shape, FYreg),
    DimpReg: byRegion(Dimp, k, shape),
    DexpReg: byRegion(Dexp, k, shape),
  };
}
