/**
 * Whether technical coefficients describe a productive economy, checked before any multiplier is
 * reported. For A ≥ 0 the Hawkins–Simon condition — every leading principal minor of I − A
 * positive, equivalently ρ(A) < 1 — holds exactly when L = (I − A)⁻¹ ≥ 0, and then exactly when
 * z = L·1 (the row sums of L) is positive: I − A is a Z-matrix, and a Z-matrix with a positive
 * vector z such that (I − A) z > 0 is a nonsingular M-matrix (Berman & Plemmons 1994, ch. 6,
 * condition I27). One solve decides it, without forming L.
 *
 * A table outside that domain gives negative multipliers: an error. Sectors whose intermediate
 * inputs exceed their output (negative value added) and negative coefficients are stated as
 * warnings, since the multipliers may still be meaningful.
 * @module
 */
import { NumericError } from '../errors.js';
import type { Matrix } from '../linalg/dense/index.js';
import { leontiefSolve, type LeontiefSystem } from './leontief.js';

const name = (labels: readonly string[] | undefined, j: number) => labels?.[j] ?? `sector ${j + 1}`;

/** Column sums of A: the intermediate inputs per unit of output of each sector. */
export function inputShares(A: Matrix): Float64Array {
  const s = new Float64Array(A.cols);
  for (let i = 0; i < A.rows; i++) for (let j = 0; j < A.cols; j++) s[j] += A.data[i * A.cols + j];
  return s;
}

/**
 * Checks the domain of an input-output system and returns its warnings (one sentence each).
 * @param system the factorised I − A
 * @param v value-added coefficients va_j / x_j, when the table gives value added
 * @throws NumericError `IO_NOT_PRODUCTIVE` when A ≥ 0 and L has negative entries (ρ(A) ≥ 1), naming
 *   the sectors whose inputs reach or exceed their output
 */
export function checkProductive(system: LeontiefSystem, v?: Float64Array): string[] {
  const { A, labels } = system;
  const n = A.rows;
  const warnings: string[] = [];
  const shares = inputShares(A);
  const over: number[] = [];
  for (let j = 0; j < n; j++) if (shares[j] >= 1) over.push(j);
  const negVa = v ? [...v.keys()].filter((j) => v[j] < 0) : [];
  for (const j of new Set([...over.filter((j) => shares[j] > 1), ...negVa])) {
    warnings.push(
      `value added of ${name(labels, j)} is negative: its intermediate inputs are ${shares[j].toFixed(4)} of its output${v ? ` (value-added coefficient ${v[j].toFixed(4)})` : ''}`,
    );
  }
  let negatives = 0;
  let first = -1;
  for (let k = 0; k < A.data.length; k++) {
    if (A.data[k] < 0) {
      negatives++;
      if (first < 0) first = k;
    }
  }
  if (negatives > 0) {
    const i = Math.floor(first / n);
    const j = first % n;
    warnings.push(
      `A has ${negatives} negative coefficient(s), e.g. ${name(labels, i)} → ${name(labels, j)} = ${A.data[first]}: multipliers are not bounded below by 1 and may be negative`,
    );
    return warnings;
  }
  const z = leontiefSolve(system, new Float64Array(n).fill(1));
  const bad = [...z.keys()].filter((i) => !(z[i] > 0));
  if (bad.length > 0) {
    const culprits = over.map((j) => `${name(labels, j)} (inputs ${shares[j].toFixed(4)} of output)`);
    const worst = over.length ? over.reduce((a, b) => (shares[b] > shares[a] ? b : a)) : bad[0];
    throw new NumericError(
      'IO_NOT_PRODUCTIVE',
      `the technical coefficients do not describe a productive economy: the Leontief inverse (I − A)⁻¹ has negative entries (Hawkins–Simon condition fails, spectral radius of A ≥ 1), so every multiplier would be meaningless${culprits.length ? `; sectors using at least their own output as inputs: ${culprits.join(', ')}` : ''}`,
      labels ? { account: labels[worst]! } : { column: worst + 1 },
    );
  }
  return warnings;
}
