import { describe, expect, it } from 'vitest';
import {
  balanceCrossEntropy,
  balanceGras,
  balanceLabelledMatrix,
  balanceSam,
  formatBalanceReport,
} from '../../../src/sam/balance/index.js';
import { Sam } from '../../../src/sam/sam.js';
import { InputError, NumericError, UsageError } from '../../../src/errors.js';

function thrown(f: () => unknown): { code: string; location: unknown; message: string } {
  try {
    f();
  } catch (e) {
    return e as { code: string; location: unknown; message: string };
  }
  throw new Error('expected an error');
}

const labels = ['A-AGR', 'C-AGR', 'HH'];
const m = { rowLabels: labels, colLabels: labels, values: Float64Array.from([0, 5, 3, 4, 0, 6, 2, 4, 0]) };

describe('balanceLabelledMatrix and balanceSam', () => {
  it('mirrors row totals to the columns of a SAM, and records the balancing in the provenance', () => {
    const sam = new Sam(labels, Float64Array.from(m.values), { unit: 'billion THB' });
    const { sam: out, report } = balanceSam(sam, { totals: { rows: { 'A-AGR': 8, 'C-AGR': 10, HH: 9 } } });
    expect(report.converged).toBe(true);
    expect(report.targets).toBe('row totals, mirrored to columns');
    const rt = out.rowTotals();
    const ct = out.colTotals();
    [8, 10, 9].forEach((t, i) => {
      expect(Math.abs(rt[i] - t)).toBeLessThanOrEqual(report.tolerance);
      expect(Math.abs(ct[i] - t)).toBeLessThanOrEqual(report.tolerance);
    });
    expect(out.unit).toBe('billion THB');
    expect(out.accounts).toEqual(sam.accounts);
    expect(out.provenance.at(-1)?.operation).toBe('balance');
    expect(formatBalanceReport(report)).toMatch(
      /^RAS converged in \d+ iterations; largest remaining imbalance .* targets: row totals, mirrored to columns$/,
    );
  });

  it('rejects totals for an unknown account, naming it', () => {
    const e = thrown(() => balanceLabelledMatrix(m, { totals: { rows: { 'A-AGR': 8, 'C-AGR': 10, HHX: 9 } } }));
    expect(e).toBeInstanceOf(InputError);
    expect(e.code).toBe('BALANCE_UNKNOWN_ACCOUNT');
    expect(e.location).toEqual({ account: 'HHX' });
  });

  it('asks for every total with RAS, naming the account without one', () => {
    const e = thrown(() => balanceLabelledMatrix(m, { totals: { rows: { 'A-AGR': 8, HH: 9 } } }));
    expect(e.code).toBe('BALANCE_TOTAL_MISSING');
    expect(e.location).toEqual({ account: 'C-AGR' });
  });

  it('takes bands and macro controls with every method, error terms with cross-entropy only', () => {
    const e = thrown(() =>
      balanceLabelledMatrix(m, { method: 'gras', totals: { rows: { 'A-AGR': { value: 8, support: [-1, 0, 1] }, 'C-AGR': 10, HH: 9 } } }),
    );
    expect(e).toBeInstanceOf(UsageError);
    expect(e.code).toBe('USAGE_BAD_OPTION');
    const band = balanceLabelledMatrix(m, {
      method: 'gras',
      totals: { rows: { 'A-AGR': { lower: 9, upper: 9.5 }, 'C-AGR': 10, HH: 9 } },
      tolerance: 1e-10,
    });
    expect(band.report.converged).toBe(true);
    expect(band.report.targets).toMatch(/GRAS's information loss/);
    const rowA = band.values[0] + band.values[1] + band.values[2];
    expect(rowA).toBeGreaterThanOrEqual(9 - 1e-9);
    expect(rowA).toBeLessThanOrEqual(9.5 + 1e-9);
    const ok = balanceLabelledMatrix(m, {
      method: 'cross-entropy',
      macro: [{ name: 'wages', cells: [{ row: 'HH', col: 'A-AGR' }], value: 3 }],
      tolerance: 1e-10,
    });
    expect(ok.report.converged).toBe(true);
    expect(ok.values[2 * 3 + 0]).toBeCloseTo(3, 9);
  });

  it('needs totals for a rectangular matrix', () => {
    const rect = { rowLabels: ['a', 'b'], colLabels: ['x', 'y', 'z'], values: Float64Array.from([1, 2, 3, 4, 5, 6]) };
    expect(thrown(() => balanceLabelledMatrix(rect, {})).code).toBe('USAGE_MISSING_TOTALS');
    expect(thrown(() => balanceLabelledMatrix(rect, { method: 'cross-entropy' })).code).toBe('USAGE_MISSING_TOTALS');
    expect(thrown(() => balanceLabelledMatrix(m, { method: 'simplex' as 'ras' })).code).toBe('USAGE_BAD_OPTION');
  });
});

describe('more infeasible and malformed inputs', () => {
  const opts = { rowLabels: labels, colLabels: labels };
  it('GRAS: a zero row and a column with only negative cells but a positive target', () => {
    const e = thrown(() => balanceGras(Float64Array.from([1, 2, 3, 0, 0, 0, 1, 1, 1]), 3, 3, [6, 2, 3], [4, 4, 3], opts));
    expect(e).toBeInstanceOf(NumericError);
    expect(e.code).toBe('BALANCE_ZERO_ROW');
    expect(e.location).toEqual({ account: 'C-AGR' });
    const e2 = thrown(() => balanceGras(Float64Array.from([1, -2, 3, 4, -1, 1, 1, -1, 1]), 3, 3, [2, 4, 1], [6, 1, 0], opts));
    expect(e2.code).toBe('BALANCE_SIGN_CONFLICT');
    expect(e2.location).toEqual({ column: 'C-AGR' });
  });
  it('cross-entropy: an empty band, a row whose only cell is negative with a positive total, support without a centre', () => {
    const p = Float64Array.from([1, 2, 3, 4]);
    const e = thrown(() =>
      balanceCrossEntropy(p, 2, 2, { rowTotals: [{ lower: 5, upper: 4 }, 7], rowLabels: ['a', 'b'], colLabels: ['c', 'd'] }),
    );
    expect(e.code).toBe('BALANCE_TOTAL_SPEC');
    expect(e.location).toEqual({ account: 'a' });
    // cells keep their prior's sign: a row of one negative cell cannot reach a positive total
    const e2 = thrown(() => balanceCrossEntropy(Float64Array.from([0, -2, 3, 4]), 2, 2, { rowTotals: [1, 7] }));
    expect(e2.code).toBe('BALANCE_SIGN_CONFLICT');
    expect(e2.location).toEqual({ account: 'row 1' });
    const e3 = thrown(() => balanceCrossEntropy(p, 2, 2, { colTotals: [4, { support: [-1, 0, 1] }] }));
    expect(e3.code).toBe('BALANCE_TOTAL_SPEC');
    expect(e3.location).toEqual({ column: 'column 2' });
  });
});
