import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyseIoTable, checkProductive, leontiefFactor } from '../../src/multipliers/index.js';
import type { IoData } from '../../src/multipliers/io/io-table.js';
import { millerBlair } from './helpers.js';

/** Leading principal minors of I − A for a 3×3 A, written out (the Hawkins–Simon conditions). */
function hawkinsSimonMinors(a: number[][]): [number, number, number] {
  const b = a.map((r, i) => r.map((v, j) => (i === j ? 1 : 0) - v));
  const m1 = b[0]![0]!;
  const m2 = b[0]![0]! * b[1]![1]! - b[0]![1]! * b[1]![0]!;
  const m3 =
    b[0]![0]! * (b[1]![1]! * b[2]![2]! - b[1]![2]! * b[2]![1]!) -
    b[0]![1]! * (b[1]![0]! * b[2]![2]! - b[1]![2]! * b[2]![0]!) +
    b[0]![2]! * (b[1]![0]! * b[2]![1]! - b[1]![1]! * b[2]![0]!);
  return [m1, m2, m3];
}

const matrix = (a: number[][]) => ({ rows: a.length, cols: a.length, data: Float64Array.from(a.flat()) });

describe('a productive economy (Hawkins–Simon)', () => {
  it('is refused exactly when a leading principal minor of I − A is not positive', () => {
    const coef = fc.double({ min: 0, max: 0.7, noNaN: true });
    fc.assert(
      fc.property(fc.array(fc.array(coef, { minLength: 3, maxLength: 3 }), { minLength: 3, maxLength: 3 }), (a) => {
        const minors = hawkinsSimonMinors(a);
        // leave out matrices at the boundary, where I − A is (nearly) singular
        fc.pre(minors.every((m) => Math.abs(m) > 1e-6));
        const productive = minors.every((m) => m > 0);
        const system = leontiefFactor(matrix(a), { labels: ['S1', 'S2', 'S3'] });
        if (productive) expect(() => checkProductive(system)).not.toThrow();
        else expect(() => checkProductive(system)).toThrow(expect.objectContaining({ code: 'IO_NOT_PRODUCTIVE' }));
      }),
      { numRuns: 300 },
    );
  });
  it('warns of a sector whose inputs exceed its output but lets a productive table through', () => {
    // column S2 buys 0.9 + 0.3 = 1.2 of its output; I − A still has minors 0.9 and 0.585
    const system = leontiefFactor(
      matrix([
        [0.1, 0.9],
        [0.05, 0.3],
      ]),
      { labels: ['S1', 'S2'] },
    );
    const w = checkProductive(system, Float64Array.from([0.85, -0.2]));
    expect(w).toHaveLength(1);
    expect(w[0]).toContain('value added of S2 is negative: its intermediate inputs are 1.2000 of its output');
  });
  it('lets the Miller & Blair table through without a word', () => {
    const mb = millerBlair();
    const x = Float64Array.from(mb.x);
    const A = matrix(mb.Z.map((r) => r.map((z, j) => z / mb.x[j]!)));
    expect(checkProductive(leontiefFactor(A))).toEqual([]);
    const io = {
      sectors: ['S1', 'S2'],
      Z: matrix(mb.Z),
      x,
      y: Float64Array.from(mb.x.map((v, i) => v - mb.Z[i]!.reduce((s, z) => s + z, 0))),
      va: Float64Array.from(mb.x.map((v, j) => v - mb.Z.reduce((s, r) => s + r[j]!, 0))),
      notes: [],
    } as unknown as IoData;
    expect(analyseIoTable(io).warnings).toEqual([]);
  });
  it('stops the analysis of an unproductive table before any multiplier is reported, naming the sector', () => {
    // columns buy 1.2 and 1.0 of their output: I − A has det 0.4 × 0.5 − 0.5 × 0.6 < 0
    const Z = matrix([
      [60, 50],
      [60, 50],
    ]);
    const io = {
      sectors: ['S1', 'S2'],
      Z,
      x: Float64Array.from([100, 100]),
      y: Float64Array.from([-10, -10]),
      va: Float64Array.from([-20, 0]),
      notes: [],
    } as unknown as IoData;
    expect(() => analyseIoTable(io)).toThrow(expect.objectContaining({ code: 'IO_NOT_PRODUCTIVE', location: { account: 'S1' } }));
  });
});
