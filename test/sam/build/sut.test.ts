import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildSamFromSut, checkSam, macroIdentities, sutToIoTable, type DigicgeError, type SupplyUseTable } from '../../../src/index.js';

/**
 * Two products, two industries; industry 1 makes 10 of product 2 as a secondary product.
 * Product balance: U·1 + final demand = q = (90, 110); industry costs: 1ᵀU + imports + VA = g = (100, 100).
 */
function example(u11 = 10): SupplyUseTable {
  const fd = {
    household: Float64Array.of(30, 40),
    government: Float64Array.of(0, 20),
    gfcf: Float64Array.of(5, 10),
    stocks: Float64Array.of(0, 0),
    exportsAbroad: Float64Array.of(5 + (10 - u11), 5),
    exportsDomestic: Float64Array.of(0, 0),
  };
  return {
    unit: 'million',
    products: [
      { code: 'P1', name: 'goods' },
      { code: 'P2', name: 'services' },
    ],
    industries: [
      { code: 'I1', name: 'manufacturing' },
      { code: 'I2', name: 'services' },
    ],
    make: Float64Array.of(90, 10, 0, 100),
    use: Float64Array.of(u11, 40, 30, 5),
    importsIntermediate: Float64Array.of(5, 3),
    wages: Float64Array.of(30, 30),
    surplus: Float64Array.of(20 + (10 - u11), 17),
    depreciation: Float64Array.of(3, 3),
    indirectTaxes: Float64Array.of(2, 2),
    subsidies: Float64Array.of(0, 0),
    finalDemand: fd,
    importedFinal: { household: 6, government: 0, gfcf: 2, stocks: 0, exportsAbroad: 0, exportsDomestic: 0 },
  };
}

/** Z under the product technology by the closed-form 2×2 inverse: Z = U (Vᵀ)⁻¹ q̂. */
function productTechnologyByHand(s: SupplyUseTable): number[] {
  const [v11, v12, v21, v22] = s.make; // V rows = industries
  // Vᵀ = [[v11, v21], [v12, v22]]; its inverse
  const det = v11 * v22 - v21 * v12;
  const inv = [v22 / det, -v21 / det, -v12 / det, v11 / det];
  const q = [v11 + v21, v12 + v22];
  const [u11, u12, u21, u22] = s.use;
  const z = [u11 * inv[0] + u12 * inv[2], u11 * inv[1] + u12 * inv[3], u21 * inv[0] + u22 * inv[2], u21 * inv[1] + u22 * inv[3]];
  return [z[0] * q[0], z[1] * q[1], z[2] * q[0], z[3] * q[1]];
}

const macro = {
  source: 'test assumptions',
  capital: { household: 0.6, enterprise: 0.3, government: 0.05, restOfWorld: 0.05 },
  directTaxRate: { household: 0.05, enterprise: 0.2 },
  enterpriseToHousehold: 0.5,
  transfers: { governmentToHousehold: 2, restOfWorldToHousehold: 1 },
};

describe('supply and use tables to a symmetric table', () => {
  it('industry technology: Z = U ĝ⁻¹ V, by hand', () => {
    const t = sutToIoTable(example(), 'industry');
    // ĝ⁻¹V = [[0.9, 0.1], [0, 1]]; U·that
    expect(Array.from(t.io.z)).toEqual([9, 41, 27, 8].map((x) => expect.closeTo(x, 12)));
    expect(t.negatives).toEqual([]);
  });
  it('product technology: Z = U (Vᵀ)⁻¹ q̂, against the closed-form inverse', () => {
    const s = example();
    const t = sutToIoTable(s, 'product');
    const hand = productTechnologyByHand(s);
    expect(hand).toEqual([6, 44, 29.5, 5.5].map((x) => expect.closeTo(x, 12)));
    t.io.z.forEach((v, k) => expect(v).toBeCloseTo(hand[k], 10));
  });
  it('product technology gives a negative flow when a secondary product carries inputs its maker hardly uses — listed, not hidden', () => {
    const s = example(0.5);
    const t = sutToIoTable(s, 'product');
    const hand = productTechnologyByHand(s);
    expect(hand[0]).toBeCloseTo(-3.5, 10); // 0.5·90/90 − 40·90/900
    expect(t.io.z[0]).toBeCloseTo(-3.5, 10);
    expect(t.negatives).toEqual([{ row: 'P1', column: 'P1', value: expect.closeTo(-3.5, 10) }]);
    expect(t.notes[0]).toMatch(/1 negative flows \(kept, listed\)/);
    // the industry technology never goes negative on the same table
    expect(sutToIoTable(s, 'industry').negatives).toEqual([]);
  });
  it('both assumptions keep uses and costs: Z·1 = U·1 and 1ᵀZ + value added + imports = q (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 100, noNaN: true }), { minLength: 9, maxLength: 9 }),
        fc.array(fc.double({ min: 0, max: 20, noNaN: true }), { minLength: 9, maxLength: 9 }),
        fc.constantFrom<'industry' | 'product'>('industry', 'product'),
        (mk, us, tech) => {
          const n = 3;
          // diagonal-dominant make matrix (invertible), uses below output
          const make = Float64Array.from(mk, (v, k) => (k % (n + 1) === 0 ? v * 20 : v));
          const g = [0, 1, 2].map((k) => make[k * 3] + make[k * 3 + 1] + make[k * 3 + 2]);
          const q = [0, 1, 2].map((j) => make[j] + make[3 + j] + make[6 + j]);
          const use = Float64Array.from(us, (v, idx) => (v * g[idx % 3]) / 200);
          const colU = [0, 1, 2].map((k) => use[k] + use[3 + k] + use[6 + k]);
          const rowU = [0, 1, 2].map((i) => use[i * 3] + use[i * 3 + 1] + use[i * 3 + 2]);
          const z3 = () => new Float64Array(3);
          const s: SupplyUseTable = {
            unit: 'x',
            products: ['a', 'b', 'c'].map((c) => ({ code: c, name: c })),
            industries: ['A', 'B', 'C'].map((c) => ({ code: c, name: c })),
            make,
            use,
            importsIntermediate: Float64Array.from(g, (x) => x * 0.05),
            wages: Float64Array.from(g, (x, k) => x * 0.95 - colU[k]),
            surplus: z3(),
            depreciation: z3(),
            indirectTaxes: z3(),
            subsidies: z3(),
            finalDemand: {
              household: Float64Array.from(q, (x, i) => x - rowU[i]),
              government: z3(),
              gfcf: z3(),
              stocks: z3(),
              exportsAbroad: z3(),
              exportsDomestic: z3(),
            },
            importedFinal: { household: 0, government: 0, gfcf: 0, stocks: 0, exportsAbroad: 0, exportsDomestic: 0 },
          };
          const { io } = sutToIoTable(s, tech);
          for (let i = 0; i < n; i++) {
            const zr = io.z[i * 3] + io.z[i * 3 + 1] + io.z[i * 3 + 2];
            expect(zr).toBeCloseTo(rowU[i], 8);
            const zc = io.z[i] + io.z[3 + i] + io.z[6 + i];
            expect(zc + io.wages[i] + io.importsIntermediate[i]).toBeCloseTo(q[i], 8);
          }
        },
      ),
    );
  });
  it('rejects the product technology on a rectangular table and an industry without output', () => {
    const s = example();
    const rect = { ...s, industries: [s.industries[0]], make: Float64Array.of(100, 100), use: Float64Array.of(10, 30) };
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e as DigicgeError;
      }
      throw new Error('expected an error');
    };
    const short = (a: Float64Array) => a.subarray(0, 1);
    const r = {
      ...rect,
      importsIntermediate: short(s.importsIntermediate),
      wages: short(s.wages),
      surplus: short(s.surplus),
      depreciation: short(s.depreciation),
      indirectTaxes: short(s.indirectTaxes),
      subsidies: short(s.subsidies),
    };
    expect(err(() => sutToIoTable(r, 'product')).code).toBe('SUT_NOT_SQUARE');
    expect(err(() => sutToIoTable({ ...s, make: Float64Array.of(90, 10, 0, 0) }, 'industry')).code).toBe('SUT_ZERO_OUTPUT');
  });
});

describe('SAM from supply and use tables', () => {
  it('balances, and GDP is the table’s value added plus net product taxes under either assumption', () => {
    const s = example();
    // GDP at market prices from the SUT: value added at factor cost + indirect taxes − subsidies
    const gdp = [0, 1].reduce((a, k) => a + s.wages[k] + s.surplus[k] + s.depreciation[k] + s.indirectTaxes[k] + s.subsidies[k], 0);
    expect(gdp).toBe(107);
    for (const tech of ['industry', 'product'] as const) {
      const b = buildSamFromSut(s, tech, macro);
      expect(checkSam(b.sam).balanced).toBe(true);
      const m = macroIdentities(b.prior);
      expect(m.production?.gdp).toBeCloseTo(gdp, 9);
      expect(b.sam.provenance[0].description).toMatch(tech === 'industry' ? /industry technology/ : /product technology/);
    }
  });
});
