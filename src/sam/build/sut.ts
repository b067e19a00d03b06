/**
 * Supply and use tables to a symmetric product-by-product input–output table, under a stated
 * technology assumption (Eurostat Manual of Supply, Use and Input–Output Tables 2008, ch. 11;
 * Miller & Blair 2009, ch. 5), ready for {@link buildSamFromIo} with macro data.
 *
 * Notation (Miller & Blair): U products × industries (domestic use), V industries × products
 * (make: the supply table transposed), g = V·1 industry output, q = Vᵀ·1 product output,
 * W value-added rows by industry.
 * - **industry technology** (Eurostat model B): every product an industry makes uses the
 *   industry's input mix; Z = U ĝ⁻¹ V, W_p = W ĝ⁻¹ V. Never negative.
 * - **product technology** (model A): a product has one input mix, whichever industry makes it;
 *   Z = U (Vᵀ)⁻¹ q̂, W_p = W (Vᵀ)⁻¹ q̂. Needs as many industries as products and an invertible V,
 *   and **can give negative flows** where an industry's secondary products carry inputs it does
 *   not use: they are kept and listed in `negatives`, never set to zero silently.
 * Both keep the totals: Z·1 = U·1 (uses of each product) and 1ᵀZ + 1ᵀW_p = qᵀ (costs = output).
 * @module
 */
import { InputError } from '../../errors.js';
import { luFactor, luSolveMany, matrix } from '../../linalg/index.js';
import { FINAL_DEMAND_CATEGORIES, type FinalDemandCategory, type IoTable } from './io-table.js';
import { buildSamFromIo, type IoBuild, type IoMacroAggregates } from './io-build.js';
import { Sam } from '../sam.js';

/** Technology assumption of {@link sutToIoTable}. */
export type TechnologyAssumption = 'industry' | 'product';

/** A supply and use table at basic prices, domestic flows, in one unit. */
export interface SupplyUseTable {
  unit: string;
  products: { code: string; name: string }[];
  industries: { code: string; name: string }[];
  /** Make matrix V, industries × products row-major: V[k·p + j] = output of product j by industry k. */
  make: Float64Array;
  /** Domestic use U, products × industries row-major. */
  use: Float64Array;
  /** Imported intermediate inputs by industry. */
  importsIntermediate: Float64Array;
  /** Value added by industry (same rows as an {@link IoTable}). */
  wages: Float64Array;
  surplus: Float64Array;
  depreciation: Float64Array;
  indirectTaxes: Float64Array;
  subsidies: Float64Array;
  /** Final demand for domestic products by category. */
  finalDemand: Record<FinalDemandCategory, Float64Array>;
  /** Imports used by each final demand category, all products. */
  importedFinal: Record<FinalDemandCategory, number>;
}

/** Result of {@link sutToIoTable}. */
export interface SutTransformation {
  io: IoTable;
  technology: TechnologyAssumption;
  /** Negative flows produced by the product technology assumption (row product, column product, value). */
  negatives: { row: string; column: string; value: number }[];
  /** One sentence per step, for the SAM's provenance. */
  notes: string[];
}

function checkShapes(s: SupplyUseTable): void {
  const p = s.products.length;
  const m = s.industries.length;
  const bad = (what: string, got: number, want: number) => {
    if (got !== want) throw new InputError('SUT_SHAPE', `${what} has ${got} values, expected ${want}`);
  };
  bad('the make matrix (industries × products)', s.make.length, m * p);
  bad('the use matrix (products × industries)', s.use.length, p * m);
  for (const k of ['importsIntermediate', 'wages', 'surplus', 'depreciation', 'indirectTaxes', 'subsidies'] as const)
    bad(k, s[k].length, m);
  for (const c of FINAL_DEMAND_CATEGORIES) bad(`final demand ${c}`, s.finalDemand[c].length, p);
}

/**
 * Turns a supply and use table into a product-by-product {@link IoTable} under the stated
 * technology assumption (see the module notes for the formulas). An industry with no output is an
 * error (`SUT_ZERO_OUTPUT`); the product technology needs a square, invertible make matrix
 * (`SUT_NOT_SQUARE`, `MATRIX_SINGULAR`).
 */
export function sutToIoTable(s: SupplyUseTable, technology: TechnologyAssumption): SutTransformation {
  checkShapes(s);
  const p = s.products.length;
  const m = s.industries.length;
  const g = new Float64Array(m);
  const q = new Float64Array(p);
  for (let k = 0; k < m; k++)
    for (let j = 0; j < p; j++) {
      g[k] += s.make[k * p + j];
      q[j] += s.make[k * p + j];
    }
  g.forEach((v, k) => {
    if (!(v > 0))
      throw new InputError(
        'SUT_ZERO_OUTPUT',
        `industry '${s.industries[k].code}' has output ${v}: its inputs cannot be given to products`,
        { account: s.industries[k].code },
      );
  });
  // T (industries × products): the weights that carry an industry's inputs to products
  const T = new Float64Array(m * p);
  if (technology === 'industry') {
    for (let k = 0; k < m; k++) for (let j = 0; j < p; j++) T[k * p + j] = s.make[k * p + j] / g[k];
  } else {
    if (m !== p)
      throw new InputError(
        'SUT_NOT_SQUARE',
        `the product technology needs as many industries as products, got ${m} industries and ${p} products`,
      );
    // Z = U (Vᵀ)⁻¹ q̂ = U T with T = (Vᵀ)⁻¹ q̂ (industries × products) and (Vᵀ)⁻¹ = (V⁻¹)ᵀ
    const f = luFactor(matrix(m, p, Float64Array.from(s.make)), { what: 'make matrix V', labels: s.products.map((x) => x.code) });
    const inv = luSolveMany(f, identityMatrix(m)).data; // V⁻¹, products × industries
    for (let k = 0; k < m; k++) for (let j = 0; j < p; j++) T[k * p + j] = inv[j * m + k] * q[j];
  }
  const z = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let k = 0; k < m; k++) {
      const u = s.use[i * m + k];
      if (u === 0) continue;
      for (let j = 0; j < p; j++) z[i * p + j] += u * T[k * p + j];
    }
  const row = (w: Float64Array) => {
    const out = new Float64Array(p);
    for (let k = 0; k < m; k++) for (let j = 0; j < p; j++) out[j] += w[k] * T[k * p + j];
    return out;
  };
  const negatives: SutTransformation['negatives'] = [];
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) {
      if (z[i * p + j] < -1e-9 * Math.max(1, q[j]))
        negatives.push({ row: s.products[i].code, column: s.products[j].code, value: z[i * p + j] });
    }
  const io: IoTable = {
    unit: s.unit,
    sectors: s.products.map((x) => ({ ...x })),
    z,
    importsIntermediate: row(s.importsIntermediate),
    wages: row(s.wages),
    surplus: row(s.surplus),
    depreciation: row(s.depreciation),
    indirectTaxes: row(s.indirectTaxes),
    subsidies: row(s.subsidies),
    output: q,
    finalDemand: Object.fromEntries(FINAL_DEMAND_CATEGORIES.map((c) => [c, Float64Array.from(s.finalDemand[c])])) as Record<
      FinalDemandCategory,
      Float64Array
    >,
    importedFinal: { ...s.importedFinal },
  };
  const notes = [
    technology === 'industry'
      ? `product-by-product table under the industry technology assumption (Eurostat model B): Z = U ĝ⁻¹ V, from ${p} products and ${m} industries`
      : `product-by-product table under the product technology assumption (Eurostat model A): Z = U (Vᵀ)⁻¹ q̂, from ${p} products and ${m} industries${negatives.length > 0 ? `; it gives ${negatives.length} negative flows (kept, listed)` : ''}`,
  ];
  return { io, technology, negatives, notes };
}

function identityMatrix(n: number) {
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) d[i * n + i] = 1;
  return matrix(n, n, d);
}

/** Result of {@link buildSamFromSut}. */
export interface SutBuild extends IoBuild {
  /** The symmetric table the SAM was built from, with its assumption and any negative flows. */
  transformation: SutTransformation;
}

/**
 * Builds a SAM from supply and use tables: the symmetric product-by-product table of
 * {@link sutToIoTable} under the stated technology assumption, closed with macro data and survey
 * shares for institutions by {@link buildSamFromIo}. The assumption and the negative flows it gave
 * (product technology) are in the SAM's provenance.
 */
export function buildSamFromSut(
  sut: SupplyUseTable,
  technology: TechnologyAssumption,
  macro: IoMacroAggregates,
  options: { tolerance?: number } = {},
): SutBuild {
  const transformation = sutToIoTable(sut, technology);
  const built = buildSamFromIo(transformation.io, macro, options);
  const sam = new Sam(built.sam.accounts, built.sam.values, {
    unit: sut.unit,
    provenance: [
      {
        operation: 'build',
        description: transformation.notes.join('; '),
        details: { technology, negatives: transformation.negatives },
      },
      ...built.sam.provenance,
    ],
  });
  return { ...built, sam, transformation };
}
