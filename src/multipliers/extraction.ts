/**
 * Hypothetical extraction (Miller & Blair 2009, §12.2.5; Dietzenbacher & Lahr 2013): remove a set of
 * sectors — their rows and columns of A and their final demand — and measure how much output (and
 * value added) the economy loses. Textbook: x̄ = (I − Ā)⁻¹ ȳ on the remaining sectors,
 * T = 1ᵀx − 1ᵀx̄.
 * @module
 */
import { InputError } from '../errors.js';
import type { Matrix } from '../linalg/dense/index.js';
import { leontiefFactor, leontiefSolve } from './leontief.js';

/** Result of {@link hypotheticalExtraction}. */
export interface ExtractionResult {
  /** Output with every sector present: x = (I − A)⁻¹ y. */
  readonly x: Float64Array;
  /** Output after extraction (0 for the extracted sectors). */
  readonly xExtracted: Float64Array;
  /** Total output lost, 1ᵀx − 1ᵀx̄ (the total linkage of the set). */
  readonly outputLoss: number;
  /** Output lost as a share of total output. */
  readonly outputLossShare: number;
  /** Value added lost, vᵀx − vᵀx̄, when value-added coefficients are given. */
  readonly valueAddedLoss?: number;
  /** Value added lost as a share of total value added (GDP), when value-added coefficients are given. */
  readonly valueAddedLossShare?: number;
}

/** Positions of `set` in `labels`; an unknown label is an error naming it. */
export function positionsOf(labels: readonly string[], set: readonly string[], what = 'sector'): number[] {
  return set.map((s) => {
    const i = labels.indexOf(s);
    if (i < 0) {
      throw new InputError('UNKNOWN_ACCOUNT', `no ${what} '${s}' (known: ${labels.join(', ')})`, { account: s });
    }
    return i;
  });
}

/**
 * Extracts the sectors at positions `set` (rows, columns and final demand) and solves the remaining
 * economy. Throws on an empty or full set.
 * @param A technical coefficients (n×n)
 * @param y final demand (length n)
 * @param set positions of the extracted sectors
 * @param v value-added coefficients (optional), for the value-added loss
 */
export function hypotheticalExtraction(
  A: Matrix,
  y: Float64Array,
  set: readonly number[],
  v?: Float64Array,
  labels?: readonly string[],
): ExtractionResult {
  const n = A.rows;
  const out = new Set(set);
  if (out.size === 0 || out.size >= n) {
    throw new InputError('EXTRACTION_BAD_SET', `extract at least one and fewer than all ${n} sectors, got ${out.size}`);
  }
  const keep: number[] = [];
  for (let i = 0; i < n; i++) if (!out.has(i)) keep.push(i);
  const m = keep.length;
  const Ab = new Float64Array(m * m);
  const yb = new Float64Array(m);
  for (let a = 0; a < m; a++) {
    yb[a] = y[keep[a]];
    for (let b = 0; b < m; b++) Ab[a * m + b] = A.data[keep[a] * n + keep[b]];
  }
  const x = leontiefSolve(leontiefFactor(A, labels ? { labels } : {}), y);
  const xr = leontiefSolve(leontiefFactor({ rows: m, cols: m, data: Ab }, labels ? { labels: keep.map((i) => labels[i]) } : {}), yb);
  const xExtracted = new Float64Array(n);
  keep.forEach((i, a) => (xExtracted[i] = xr[a]));
  let tx = 0;
  let txb = 0;
  let va = 0;
  let vab = 0;
  for (let i = 0; i < n; i++) {
    tx += x[i];
    txb += xExtracted[i];
    if (v) {
      va += v[i] * x[i];
      vab += v[i] * xExtracted[i];
    }
  }
  const base = { x, xExtracted, outputLoss: tx - txb, outputLossShare: (tx - txb) / tx };
  return v ? { ...base, valueAddedLoss: va - vab, valueAddedLossShare: (va - vab) / va } : base;
}
