import { describe, expect, it } from 'vitest';
import { CgeModel, homogeneityCheck, prepareCalibrated, solveBenchmark, type CalibratedModel } from '../../src/cge/index.js';

/**
 * A one-good economy with a transfer TR fixed in currency: income Y = w·L + TR, spent on the good
 * (p·X = Y), produced from labour at unit cost (p = w/a, Ld = X/a). Every equation is homogeneous
 * of degree 1 in (w, p, Y, TR): doubling the numeraire w and the transfer doubles p and Y and
 * leaves X and Ld. With `illusion`, the household also spends a fixed number of units of money
 * (p·X = Y + 1, the 1 not in currency terms): then the model is not homogeneous.
 */
function economy(opts: { nominal: string[]; nominalParameters?: string[]; illusion?: boolean }): CalibratedModel {
  const m = new CgeModel('transfer');
  m.parameter('L', [], { value: 10 });
  m.parameter('TR', [], { value: 5 });
  m.parameter('a', [], { value: 2 });
  m.parameter('c', [], { value: opts.illusion ? 1 : 0 });
  const L = 10;
  const TR = 5;
  const a = 2;
  const Y = L + TR + (opts.illusion ? 1 : 0);
  m.variable('w', [], { level: 1 });
  m.variable('p', [], { level: 1 / a });
  m.variable('Y', [], { level: L + TR });
  m.variable('X', [], { level: Y * a });
  m.variable('Ld', [], { level: Y });
  m.equations(`
eqY..  Y  =e= w*L + TR;
eqX..  p*X =e= Y + c;
eqp..  p  =e= w/a;
eqL..  Ld =e= X/a;`);
  return {
    model: m,
    closures: { default: { name: 'default', fix: [{ variable: 'w', value: 1, reason: 'numeraire' }] } },
    defaultClosure: 'default',
    nominal: opts.nominal,
    ...(opts.nominalParameters ? { nominalParameters: opts.nominalParameters } : {}),
    households: [],
    gdp: () => ({ nominal: 0, real: 0 }),
    samOf: () => ({ accounts: [], values: new Float64Array(0) }),
  };
}

describe('homogeneity check: the numeraire and every fixed nominal quantity scaled together', () => {
  it('passes a homogeneous model with a nominal transfer, which scaling the numeraire alone would fail', () => {
    const prep = prepareCalibrated(economy({ nominal: ['w', 'p', 'Y'], nominalParameters: ['TR'] }));
    const h = homogeneityCheck(prep, solveBenchmark(prep));
    expect(h.passed).toBe(true);
    expect(h.scaled).toEqual(['w', 'TR']);
    expect(h.misclassified).toEqual([]);
    // Without the transfer declared nominal, Y = 2w·L + TR is not 2Y: the check must fail.
    const prep2 = prepareCalibrated(economy({ nominal: ['w', 'p', 'Y'] }));
    const h2 = homogeneityCheck(prep2, solveBenchmark(prep2));
    expect(h2.passed).toBe(false);
  });

  it('classifies variables by the solution, not by name: a wrong nominal list is reported, not failed', () => {
    const prep = prepareCalibrated(economy({ nominal: ['w', 'X'], nominalParameters: ['TR'] }));
    const h = homogeneityCheck(prep, solveBenchmark(prep));
    expect(h.passed).toBe(true);
    // p and Y scale but are not listed; X is listed but stays.
    expect(h.misclassified).toEqual(['X', 'Y', 'p']);
  });

  it('fails a model with money illusion', () => {
    const prep = prepareCalibrated(economy({ nominal: ['w', 'p', 'Y'], nominalParameters: ['TR'], illusion: true }));
    const h = homogeneityCheck(prep, solveBenchmark(prep));
    expect(h.passed).toBe(false);
    expect(h.maxDeviation).toBeGreaterThan(1e-3);
  });
});
