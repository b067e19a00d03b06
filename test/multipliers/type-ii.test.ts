import { describe, expect, it } from 'vitest';
import { fromRows, toRows } from '../../src/linalg/dense/index.js';
import {
  analyseIoTable,
  closeWithHouseholds,
  ioTableFromLabelled,
  leontiefFactor,
  leontiefInverse,
  parseLabelledTable,
  technicalCoefficients,
  typeIIMultipliers,
} from '../../src/multipliers/index.js';

// Miller & Blair (2009), §2.5.3: the two-sector example of §2.3 closed with respect to households.
// Z̄ = [[150, 500, 50], [200, 100, 400], [300, 500, 50]], x̄ = (1000, 2000, 1000), so
// Ā = [[.15, .25, .05], [.2, .05, .4], [.3, .25, .05]] — households buy 50 from households
// (a33 = .05) — and the book prints L̄ to four decimals:
const LBAR = [
  [1.3651, 0.4253, 0.2509],
  [0.5273, 1.3481, 0.5954],
  [0.5698, 0.489, 1.2885],
];
const A = fromRows([
  [0.15, 0.25],
  [0.2, 0.05],
]);
const hc = Float64Array.of(0.05, 0.4);
const hr = Float64Array.of(0.3, 0.25);

describe("Type II multipliers with the household row's own coefficient: Miller & Blair (2009) §2.5.3", () => {
  it('closes A with h_hh = .05 and reproduces the published L̄ to 4 decimals', () => {
    const Abar = toRows(closeWithHouseholds(A, hc, hr, 0.05));
    expect(Abar).toEqual([
      [0.15, 0.25, 0.05],
      [0.2, 0.05, 0.4],
      [0.3, 0.25, 0.05],
    ]);
    const L = toRows(leontiefInverse(leontiefFactor(closeWithHouseholds(A, hc, hr, 0.05))));
    L.forEach((r, i) => r.forEach((v, j) => expect(v).toBeCloseTo(LBAR[i][j], 4)));
  });

  it('Type II output multipliers are the sector column sums of L̄ (1.8924, 1.7734); income the household row (.5698, .4890)', () => {
    const t2 = typeIIMultipliers(A, hc, hr, undefined, ['S1', 'S2'], 'throw', 0.05);
    expect(t2.output[0]).toBeCloseTo(LBAR[0][0] + LBAR[1][0], 3);
    expect(t2.output[1]).toBeCloseTo(LBAR[0][1] + LBAR[1][1], 3);
    expect(t2.incomeSimple[0]).toBeCloseTo(0.5698, 4);
    expect(t2.incomeSimple[1]).toBeCloseTo(0.489, 4);
    expect(t2.incomeTypeII![0]).toBeCloseTo(0.5698 / 0.3, 3);
  });

  it('leaving out the households’ own purchases (the old closure) gives a different, smaller L̄', () => {
    const t0 = typeIIMultipliers(A, hc, hr);
    const t5 = typeIIMultipliers(A, hc, hr, undefined, undefined, 'throw', 0.05);
    expect(t0.output[0]).toBeLessThan(t5.output[0] - 1e-3);
    expect(Math.abs(t0.incomeSimple[0] - 0.5698)).toBeGreaterThan(1e-3);
  });

  it('reads h_hh from the table: the labour row’s entry in the household column', () => {
    const csv = [',S1,S2,HOU,FD', 'S1,150,500,50,300', 'S2,200,100,400,1300', 'LAB,300,500,50,150', 'OVA,350,900,500,'].join('\n');
    const io = ioTableFromLabelled(parseLabelledTable(csv, 'mb.csv'), {
      sectors: ['S1', 'S2'],
      finalDemand: ['HOU', 'FD'],
      valueAdded: ['LAB', 'OVA'],
      labour: ['LAB'],
      households: 'HOU',
    });
    expect(io.households?.own).toBe(50);
    expect(io.households?.total).toBe(1000);
    const a = analyseIoTable(io);
    expect(toRows(technicalCoefficients(io.Z, io.x))).toEqual(toRows(A));
    expect(a.typeII!.incomeSimple[0]).toBeCloseTo(0.5698, 4);
    expect(a.typeII!.output[1]).toBeCloseTo(LBAR[0][1] + LBAR[1][1], 3);
  });

  it('an own coefficient outside [0, 1) is a located error', () => {
    expect(() => closeWithHouseholds(A, hc, hr, 1)).toThrow(expect.objectContaining({ code: 'TYPE_II_HOUSEHOLD_OWN' }));
    expect(() => closeWithHouseholds(A, hc, hr, Number.NaN)).toThrow(expect.objectContaining({ code: 'TYPE_II_HOUSEHOLD_OWN' }));
  });
});
