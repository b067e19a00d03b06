/**
 * The Theil T index (GE(1)) and its exact within/between-group decomposition (pure kernels).
 *
 * With population weights p_i (P = Σ p_i) and values x_i ≥ 0 of mean μ = Σ p_i x_i / P:
 * T = Σ_i (p_i / P) (x_i / μ) ln(x_i / μ), with 0·ln 0 = 0. T ∈ [0, ln(P / min p)] (ln n unweighted).
 * For groups g with population P_g, mean μ_g and share of the total s_g = P_g μ_g / (P μ):
 * T = Σ_g s_g T_g (within) + Σ_g s_g ln(μ_g / μ) (between).
 * @module
 */
import { NumericError } from '../errors.js';

/** Result of {@link theilDecomposition}; `within + between` equals `total` up to rounding. */
export interface TheilDecomposition {
  /** Theil T over all units. */
  total: number;
  /** Σ_g s_g T_g: inequality inside the groups, weighted by each group's share of the total. */
  within: number;
  /** Σ_g s_g ln(μ_g / μ): inequality between the group means. */
  between: number;
  /** Per group, in order of first appearance: its key, T_g, share s_g, mean μ_g and population. */
  groups: { group: string; theil: number; share: number; mean: number; population: number }[];
}

function check(x: ArrayLike<number>, w: ArrayLike<number> | undefined): void {
  if (x.length === 0) throw new NumericError('THEIL_EMPTY', 'the Theil index needs at least one value, got none');
  if (w && w.length !== x.length) {
    throw new NumericError('THEIL_LENGTH', `the Theil index: ${x.length} values but ${w.length} weights`);
  }
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i]) || x[i] < 0) {
      throw new NumericError('THEIL_BAD_VALUE', `the Theil index needs finite non-negative values; value ${i} is ${x[i]}`);
    }
    if (w && (!Number.isFinite(w[i]) || w[i] < 0)) {
      throw new NumericError('THEIL_BAD_WEIGHT', `the Theil index needs finite non-negative weights; weight ${i} is ${w[i]}`);
    }
  }
}

/**
 * Theil T index of `x` with optional population weights `w`.
 * @throws NumericError `THEIL_ZERO_MEAN` when the weighted mean is 0 (T is undefined), and the input checks
 */
export function theilT(x: ArrayLike<number>, w?: ArrayLike<number>): number {
  check(x, w);
  let P = 0;
  let S = 0;
  for (let i = 0; i < x.length; i++) {
    const p = w ? w[i] : 1;
    P += p;
    S += p * x[i];
  }
  if (!(P > 0) || !(S > 0)) {
    throw new NumericError('THEIL_ZERO_MEAN', 'the Theil index is undefined when the (weighted) mean is 0');
  }
  const mu = S / P;
  let t = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] === 0) continue;
    const r = x[i] / mu;
    t += ((w ? w[i] : 1) / P) * r * Math.log(r);
  }
  return Math.max(0, t);
}

/**
 * Decomposes Theil T into within- and between-group parts.
 * @param x values, one per unit (e.g. province)
 * @param w population weights (all 1 when omitted)
 * @param groups group key of each unit (e.g. the country of each province)
 */
export function theilDecomposition(x: ArrayLike<number>, w: ArrayLike<number> | undefined, groups: readonly string[]): TheilDecomposition {
  check(x, w);
  if (groups.length !== x.length) {
    throw new NumericError('THEIL_LENGTH', `the Theil decomposition: ${x.length} values but ${groups.length} group keys`);
  }
  const total = theilT(x, w);
  let P = 0;
  let S = 0;
  const idx = new Map<string, number[]>();
  for (let i = 0; i < x.length; i++) {
    const p = w ? w[i] : 1;
    P += p;
    S += p * x[i];
    const list = idx.get(groups[i]);
    if (list) list.push(i);
    else idx.set(groups[i], [i]);
  }
  const mu = S / P;
  let within = 0;
  let between = 0;
  const out: TheilDecomposition['groups'] = [];
  for (const [group, members] of idx) {
    const xs = members.map((i) => x[i]);
    const ws = members.map((i) => (w ? w[i] : 1));
    const Pg = ws.reduce((a, b) => a + b, 0);
    const Sg = xs.reduce((a, v, k) => a + v * ws[k], 0);
    const mug = Pg > 0 ? Sg / Pg : 0;
    const share = Sg / S;
    const tg = Sg > 0 ? theilT(xs, ws) : 0;
    within += share * tg;
    if (share > 0) between += share * Math.log(mug / mu);
    out.push({ group, theil: tg, share, mean: mug, population: Pg });
  }
  return { total, within, between, groups: out };
}
