/**
 * The core digital economy measured from an input-output table, after ADB (2021) "Capturing the
 * Digital Economy: A Proposed Measurement Framework and Its Applications": the value added of the
 * digital sectors plus the value added they induce in the other sectors along their backward
 * linkages, as a share of GDP.
 *
 * Formulation used here (D = digital sectors, N = the others; v value-added coefficients;
 * x gross output):
 *
 *     direct  = v_Dᵀ x_D                                  value added of the digital sectors
 *     x_N*    = (I − A_NN)⁻¹ A_ND x_D                     non-digital output needed to produce x_D
 *     induced = v_Nᵀ x_N*                                 value added embodied in it
 *     share   = (direct + induced) / vᵀx                  vᵀx = total value added of the table
 *
 * The share's denominator is whatever value added the table carries: for the industry-by-industry
 * table of a SAM (industry-by-industry.ts), gross value added at basic prices — the deliverables
 * name it so, never "GDP". A, x and v must be domestic (imports left out), or the induced part
 * counts imported inputs as domestic output; ddcge's results (src/cge/digital/simulate.ts) use the
 * same table built from the model's flows, so the two give one number at the benchmark.
 *
 * The non-digital block's own Leontief inverse (I − A_NN)⁻¹ is used so that digital inputs into
 * digital output, already in x_D, are not counted twice. When y = x − Z1, the total equals the
 * value added lost in a full hypothetical extraction of the digital sectors (rows, columns and final
 * demand), since x_N − x̄_N = (I − A_NN)⁻¹ A_ND x_D; the tests check that identity. The exact equation of the ADB report was
 * not checked line by line: this is the backward-linkage reading stated in its summary.
 * @module
 */
import { InputError } from '../errors.js';
import type { Matrix } from '../linalg/dense/index.js';
import { leontiefFactor, leontiefSolve } from './leontief.js';

/** Result of {@link digitalValueAdded}. */
export interface DigitalValueAdded {
  /** Value added of the digital sectors, v_Dᵀ x_D. */
  readonly direct: number;
  /** Value added induced in the non-digital sectors along the digital sectors' backward linkages. */
  readonly induced: number;
  /** direct + induced. */
  readonly total: number;
  /** Total value added of the table, vᵀx (for a SAM's industry table: gross value added at basic prices). */
  readonly gdp: number;
  /** total / gdp: the digital economy's share of the table's value added. */
  readonly share: number;
  /** Non-digital output needed by the digital sectors, x_N* (length n, 0 for digital sectors). */
  readonly inducedOutput: Float64Array;
}

/**
 * Digital value added: direct plus induced along backward linkages, and its share of GDP.
 * @param A technical coefficients (n×n)
 * @param x gross output (length n)
 * @param v value-added coefficients (length n)
 * @param digital positions of the digital sectors
 */
export function digitalValueAdded(
  A: Matrix,
  x: Float64Array,
  v: Float64Array,
  digital: readonly number[],
  labels?: readonly string[],
): DigitalValueAdded {
  const n = A.rows;
  const D = [...new Set(digital)].sort((a, b) => a - b);
  if (D.length === 0 || D.length >= n) {
    throw new InputError('DIGITAL_BAD_SET', `name at least one and fewer than all ${n} sectors as digital, got ${D.length}`);
  }
  const isD = new Uint8Array(n);
  for (const d of D) isD[d] = 1;
  const N: number[] = [];
  for (let i = 0; i < n; i++) if (!isD[i]) N.push(i);
  const m = N.length;
  const ANN = new Float64Array(m * m);
  const demand = new Float64Array(m); // A_ND x_D
  for (let a = 0; a < m; a++) {
    const r = N[a] * n;
    for (let b = 0; b < m; b++) ANN[a * m + b] = A.data[r + N[b]];
    let s = 0;
    for (const d of D) s += A.data[r + d] * x[d];
    demand[a] = s;
  }
  const xN = leontiefSolve(leontiefFactor({ rows: m, cols: m, data: ANN }, labels ? { labels: N.map((i) => labels[i]) } : {}), demand);
  let direct = 0;
  for (const d of D) direct += v[d] * x[d];
  let induced = 0;
  const inducedOutput = new Float64Array(n);
  N.forEach((i, a) => {
    induced += v[i] * xN[a];
    inducedOutput[i] = xN[a];
  });
  let gdp = 0;
  for (let i = 0; i < n; i++) gdp += v[i] * x[i];
  const total = direct + induced;
  return { direct, induced, total, gdp, share: total / gdp, inducedOutput };
}
