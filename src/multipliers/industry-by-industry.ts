/**
 * Industry-by-industry input–output table from a SAM's (or a supply–use table's) activity ×
 * commodity blocks, so that multipliers count each industry once.
 *
 * A SAM keeps activities and commodities apart: activities buy commodities (the use block U,
 * commodity × activity), commodities are supplied by activities (the make block V, activity ×
 * commodity), by imports and by taxes on products. Column sums of a Leontief inverse taken over
 * activity and commodity accounts together count every round of production twice (once as the
 * activity's output, once as the commodity's supply); the output multiplier of an industry is the
 * column sum of the industry-by-industry inverse.
 *
 * Assumptions (stated in every output that uses them):
 *
 * - **Industry technology, fixed product sales structure** (Eurostat Manual of Supply, Use and
 *   Input–Output Tables 2008, §11.2, model D; Miller & Blair 2009, §5.3 "industry-based
 *   technology"): each commodity is produced by the industries in fixed proportions, the market
 *   shares D = V q̂⁻¹ (d_ik = v_ik / q_k, q_k domestic output of commodity k). Chosen because it never
 *   gives negative coefficients, needs no square or invertible make matrix, and is the model
 *   Eurostat recommends for industry-by-industry tables; where each industry makes one commodity
 *   (a diagonal make block, as in the ASEAN SAMs) product and industry technology give the same table.
 * - **Import proportionality**: every domestic use of commodity k (intermediate or final, exports
 *   excluded) contains the same share s_k = (q_k − e_k) / u_k of domestic output, where e_k is its exports
 *   and u_k the value of all its domestic uses (total supply less exports); exports are domestic output.
 *
 * Then, with g industry output,
 *
 *     Z = D diag(s) U                       domestic inter-industry flows (industry × industry)
 *     A = Z ĝ⁻¹,  L = (I − A)⁻¹            technical coefficients and the Leontief inverse
 *     y = g − Z 1                           final demand for each industry's output (incl. exports)
 *
 * and value added at basic prices (factor income plus taxes on production paid by the industry)
 * closes each column: g_j = Σ_i Z_ij + imported and taxed inputs_j + va_j.
 * @module
 */
import { InputError } from '../errors.js';
import type { Matrix } from '../linalg/dense/index.js';
import type { Sam } from '../sam/index.js';
import type { IoData } from './io/io-table.js';
import { emptyAccounts } from './io/io-table.js';

/** The technology assumption, in one sentence, as printed beside every industry-by-industry figure. */
export const INDUSTRY_TECHNOLOGY_ASSUMPTION =
  'industry-by-industry table from the SAM’s make and use blocks under the industry-technology assumption (fixed product sales structure, Eurostat model D; Miller & Blair §5.3) and import proportionality (imports in the same share of every domestic use; exports are domestic output)';

/** Name of the value added of an industry-by-industry table built from a SAM: factor income plus taxes on production. */
export const GVA_BASIC_PRICES = 'gross value added at basic prices';

/** Supply and use blocks of an economy, in one money unit (rows receive, columns pay). */
export interface SupplyUse {
  /** Industry labels. */
  readonly industries: readonly string[];
  /** Commodity labels. */
  readonly commodities: readonly string[];
  /** Make block V (industries × commodities): output of commodity k by industry i. */
  readonly V: Matrix;
  /** Use block U (commodities × industries): intermediate use of commodity k by industry j, domestic and imported. */
  readonly U: Matrix;
  /** Industry output g (length industries). */
  readonly g: Float64Array;
  /** Total supply of each commodity: domestic output + imports + taxes on products (= its total use). */
  readonly supply: Float64Array;
  /** Exports of each commodity. */
  readonly exports: Float64Array;
}

/** Result of {@link industryByIndustry}. */
export interface IndustryTable {
  /** Domestic inter-industry flows Z (industries × industries). */
  readonly Z: Matrix;
  /** Market shares D = V q̂⁻¹ (industries × commodities). */
  readonly D: Matrix;
  /** Domestic-output share of each commodity's domestic uses, s_k. */
  readonly domesticShare: Float64Array;
}

function at(m: Matrix, i: number, j: number): number {
  return m.data[i * m.cols + j];
}

/**
 * Market shares and the domestic share of each commodity's domestic uses.
 * @throws InputError `IO_NO_DOMESTIC_OUTPUT` when a used commodity has no domestic output,
 *   `IO_EXPORTS_ABOVE_OUTPUT` when exports exceed domestic output (re-exports: not separable here)
 */
function sharesOf(su: SupplyUse): { D: Matrix; s: Float64Array } {
  const ni = su.industries.length;
  const nk = su.commodities.length;
  const D = new Float64Array(ni * nk);
  const s = new Float64Array(nk);
  for (let k = 0; k < nk; k++) {
    let q = 0;
    for (let i = 0; i < ni; i++) q += at(su.V, i, k);
    const label = su.commodities[k];
    if (su.exports[k] > q * (1 + 1e-12) + 1e-9) {
      throw new InputError(
        'IO_EXPORTS_ABOVE_OUTPUT',
        `commodity ${label}: exports ${su.exports[k]} exceed its domestic output ${q}; re-exports cannot be told apart here`,
        { account: label },
      );
    }
    const uses = su.supply[k] - su.exports[k];
    s[k] = uses > 0 ? Math.max(0, q - su.exports[k]) / uses : 0;
    if (q > 0) for (let i = 0; i < ni; i++) D[i * nk + k] = at(su.V, i, k) / q;
  }
  return { D: { rows: ni, cols: nk, data: D }, s };
}

/** Industry-by-industry domestic flows Z = D diag(s) U (see the module note). */
export function industryByIndustry(su: SupplyUse): IndustryTable {
  const ni = su.industries.length;
  const nk = su.commodities.length;
  const { D, s } = sharesOf(su);
  const Z = new Float64Array(ni * ni);
  for (let i = 0; i < ni; i++) {
    for (let k = 0; k < nk; k++) {
      const d = D.data[i * nk + k] * s[k];
      if (d === 0) continue;
      for (let j = 0; j < ni; j++) Z[i * ni + j] += d * at(su.U, k, j);
    }
  }
  return { Z: { rows: ni, cols: ni, data: Z }, D, domesticShare: s };
}

/** Converts purchases of commodities (e.g. household consumption by commodity) into domestic output of each industry: D diag(s) c. */
export function domesticDemandByIndustry(t: IndustryTable, c: Float64Array): Float64Array {
  const ni = t.D.rows;
  const nk = t.D.cols;
  const out = new Float64Array(ni);
  for (let i = 0; i < ni; i++) for (let k = 0; k < nk; k++) out[i] += t.D.data[i * nk + k] * t.domesticShare[k] * c[k];
  return out;
}

/** Options of {@link industryIoFromSam}. */
export interface IndustryIoOptions {
  /** Household account closing the model for Type II multipliers (default: the first household account). */
  households?: string;
}

/**
 * The industry-by-industry {@link IoData} of a SAM with activity and commodity accounts: Z, g and
 * y as in the module note; value added at basic prices = factor rows + tax and government rows ×
 * each activity column; labour income = factor rows labelled LAB…/Labo(u)r…; household
 * consumption converted to domestic output by industry (for Type II multipliers).
 * @throws InputError `IO_NO_SECTORS` when the SAM lacks activity or commodity accounts
 */
export function industryIoFromSam(
  sam: Sam,
  options: IndustryIoOptions = {},
): IoData & { readonly table: IndustryTable; readonly supplyUse: SupplyUse } {
  const empty = new Set(emptyAccounts(sam));
  const of = (g: string) => sam.accounts.filter((a) => a.group === g && !empty.has(a.label)).map((a) => a.label);
  const industries = of('activity');
  const commodities = of('commodity');
  if (industries.length === 0 || commodities.length === 0) {
    throw new InputError('IO_NO_SECTORS', 'an industry-by-industry table needs activity and commodity accounts (A-…, C-…) in the SAM');
  }
  const row = of('rest-of-world');
  const get = (r: string, c: string) => sam.get(r, c);
  const block = (rs: readonly string[], cs: readonly string[]): Matrix => ({
    rows: rs.length,
    cols: cs.length,
    data: Float64Array.from(rs.flatMap((r) => cs.map((c) => get(r, c)))),
  });
  const ct = sam.colTotals();
  const total = (l: string) => ct[sam.labels.indexOf(l)];
  const su: SupplyUse = {
    industries,
    commodities,
    V: block(industries, commodities),
    U: block(commodities, industries),
    g: Float64Array.from(industries, total),
    supply: Float64Array.from(commodities, total),
    exports: Float64Array.from(commodities, (c) => row.reduce((s, r) => s + get(c, r), 0)),
  };
  const table = industryByIndustry(su);
  const n = industries.length;
  const x = su.g;
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += table.Z.data[i * n + j];
    y[i] = x[i] - s;
  }
  const factors = of('factor');
  const taxes = [...of('tax'), ...of('government')];
  const sumRows = (rs: readonly string[], c: string) => rs.reduce((s, r) => s + get(r, c), 0);
  const va = Float64Array.from(industries, (a) => sumRows(factors, a) + sumRows(taxes, a));
  const labourRows = factors.filter((l) => /^lab/i.test(l));
  const household = options.households ?? of('household')[0];
  const notes = [
    INDUSTRY_TECHNOLOGY_ASSUMPTION,
    `industries: ${industries.join(', ')}; commodities: ${commodities.join(', ')}`,
    `value added at basic prices: rows ${[...factors, ...taxes].join(', ')} × the activity columns`,
  ];
  let households: IoData['households'];
  if (household !== undefined && labourRows.length) {
    const c = Float64Array.from(commodities, (k) => get(k, household));
    const own = labourRows.reduce((sum, l) => sum + get(l, household), 0); // households' purchases of labour: the household row's own coefficient
    households = { consumption: domesticDemandByIndustry(table, c), own, total: total(household), label: household };
    notes.push(
      `Type II: households ${household} (domestic consumption by industry; total outlay ${total(household)}), labour income rows ${labourRows.join(', ')}`,
    );
  }
  return {
    sectors: industries,
    Z: table.Z,
    x,
    y,
    va,
    ...(labourRows.length ? { labour: Float64Array.from(industries, (a) => sumRows(labourRows, a)) } : {}),
    ...(households ? { households } : {}),
    notes,
    valueAddedConcept: GVA_BASIC_PRICES,
    table,
    supplyUse: su,
  };
}
