import { describe, expect, it } from 'vitest';
import { prepareModel, solveBenchmark } from '../../../src/cge/run.js';
import { homogeneityCheck, replicationCheck } from '../../../src/cge/checks.js';
import { ddcge } from '../../../src/cge/digital/index.js';
import { ddcgeTestParams, ddcgeTestSam } from './fixture.js';

const CHANNELS = { access_quantity: 0.5e-6, price_discount: 0.05, productivity_premium: { LAB_DS: 0.2, LAB_OT: 0.1 }, spillover: 0.05 };

describe('ddcge on a balanced test SAM', () => {
  it('is square and replicates the benchmark: residual < 1e-10 and the SAM reproduced', () => {
    const prep = prepareModel(ddcge, ddcgeTestSam(), ddcgeTestParams(CHANNELS));
    const r = replicationCheck(prep);
    expect(r.passed, JSON.stringify(r)).toBe(true);
  });
  it('is homogeneous of degree one in the numeraire', () => {
    const prep = prepareModel(ddcge, ddcgeTestSam(), ddcgeTestParams(CHANNELS));
    const h = homogeneityCheck(prep, solveBenchmark(prep));
    expect(h.passed, JSON.stringify(h).slice(0, 2000)).toBe(true);
  });
});
