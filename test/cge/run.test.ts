import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ModelError } from '../../src/errors.js';
import {
  copyModel,
  parameterVector,
  parseEquations,
  prepareCalibrated,
  prepareModel,
  replicationCheck,
  runScenario,
  solveBenchmark,
  splcge,
  SPLCGE_EQUATIONS,
} from '../../src/cge/index.js';
import { loadSam, ROOT } from './helpers/sam.js';
import { ddcge } from '../../src/cge/digital/index.js';
import { ddcgeTestParams, ddcgeTestSam } from './digital/fixture.js';

describe('a scenario never changes the prepared model', () => {
  it('a scenario that fails while the model is recompiled leaves every parameter as calibrated, and the benchmark still replicates', async () => {
    const sam = await loadSam(join(ROOT, 'datasets/models/splcge/sam.csv'));
    const c = splcge.calibrate(sam, {});
    // splcge with a market-clearing equation written so that FF decides a $ condition (the
    // factor count cancels out): a shock to FF forces a recompilation, and with every endowment
    // at 0 the count is 0 and the compiler meets a division by the constant 0
    const text = SPLCGE_EQUATIONS.replace(
      'eqpx(i)..  X(i)   =e= Z(i);',
      'eqpx(i)..  X(i)   =e= Z(i)*sum(h$(FF(h) > 0), 1)/sum(h$(FF(h) > 0), 1);',
    );
    expect(text).not.toBe(SPLCGE_EQUATIONS);
    const eqs = parseEquations(text).map((e) => ({ ...e }));
    const prep = { ...prepareCalibrated({ ...c, model: copyModel(c.model, { equations: eqs }) }), sam };
    const bench = solveBenchmark(prep);
    const model = prep.calibrated.model;
    const before = parameterVector(model, prep.compiled.params);
    let err: unknown;
    try {
      runScenario(prep, bench, { name: 'no endowments', shocks: [{ parameter: 'FF', set: 0 }] });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ModelError);
    expect((err as ModelError).code).toBe('DIVISION_BY_ZERO');
    expect(model.param('FF', ['CAP'])).toBe(25);
    expect(parameterVector(model, prep.compiled.params)).toEqual(before);
    expect(replicationCheck(prep).passed).toBe(true);
    // a later recompiling scenario (a no-op shock of FF) sees the calibrated values and solves to the benchmark
    const same = runScenario(prep, bench, { name: 'FF unchanged', shocks: [{ parameter: 'FF', index: ['CAP'], set: 25 }] });
    same.variables.forEach((v) => expect(v.level).toBeCloseTo(v.base, 10));
  });

  it('a successful recompiling scenario leaves the model as calibrated too', () => {
    const prep = prepareModel(ddcge, ddcgeTestSam(), ddcgeTestParams());
    const before = parameterVector(prep.calibrated.model, prep.compiled.params);
    runScenario(prep, solveBenchmark(prep), {
      name: 'tariff cut',
      shocks: [
        { parameter: 'taum', index: ['MAN'], set: 0 },
        { parameter: 'hasE', index: ['TEL'], set: 1 },
      ],
    });
    expect(parameterVector(prep.calibrated.model, prep.compiled.params)).toEqual(before);
  });
});
