import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { DigicgeError, InputError, ModelError, NumericError, SchemaError } from '../../../src/errors.js';
import {
  CgeModel,
  ConvergenceError,
  parseScenarios,
  prepareCalibrated,
  prepareModel,
  runScenario,
  solveBenchmark,
  solveModel,
  stdcge,
  type CalibratedModel,
  type PreparedModel,
  type SamInput,
  type CgeSolution,
} from '../../../src/cge/index.js';
import { loadSam, STDCGE_DIR } from '../helpers/sam.js';

function caught(f: () => unknown): DigicgeError {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(DigicgeError);
    return err as DigicgeError;
  }
  throw new Error('expected an error');
}

/** A calibrated wrapper around a hand-written model (no SAM), for the diagnostics. */
function toy(m: CgeModel, fix: { variable: string; index?: string[] }[] = []): CalibratedModel {
  return {
    model: m,
    closures: { default: { name: 'default', fix } },
    defaultClosure: 'default',
    nominal: [],
    households: [],
    gdp: () => ({ nominal: 0, real: 0 }),
    samOf: () => ({ accounts: [], values: new Float64Array(0) }),
  };
}

describe('diagnostics with names and indices', () => {
  let sam: SamInput;
  let params: Record<string, unknown>;
  let prep: PreparedModel;
  let bench: CgeSolution;
  beforeAll(async () => {
    sam = await loadSam(join(STDCGE_DIR, 'sam.csv'));
    params = JSON.parse(readFileSync(join(STDCGE_DIR, 'parameters.json'), 'utf8'));
    prep = prepareModel(stdcge, sam, params);
    bench = solveBenchmark(prep);
  });

  it('NOT_SQUARE: stdcge without dropping the Walras equation has one equation too many', () => {
    const closure = { name: 'no-walras', fix: [{ variable: 'pf', index: ['LAB'], value: 1 }, { variable: 'Sf' }] };
    const err = caught(() => solveModel(prep, closure));
    expect(err).toBeInstanceOf(ModelError);
    expect(err.code).toBe('NOT_SQUARE');
    expect(err.message).toMatch(/49 equations and 48 free variables/);
    expect(err.message).toMatch(/equations that cannot all be matched: .*eq/);
    expect(err.location?.equation).toMatch(/^eq|^obj/);
  });

  it('STRUCTURALLY_SINGULAR: names the equations and variables that cannot be matched', () => {
    const m = new CgeModel('singular');
    m.set('h', ['CAP', 'LAB']);
    m.variable('pf', ['h'], { level: 1, lower: 1e-5 });
    m.variable('F', ['h'], { level: 1 });
    m.equations(`
eqF(h).. F(h) =e= 1/pf('CAP');
eqM..    F('CAP') + F('LAB') =e= 2;
eqN..    F('LAB') =e= 1;`);
    const p = prepareCalibrated(toy(m));
    const err = caught(() => solveModel(p, p.calibrated.closures.default));
    expect(err.code).toBe('STRUCTURALLY_SINGULAR');
    expect(err.message).toMatch(/under-determined variables pf\(LAB\)/);
    expect(err.message).toMatch(/eqF\(CAP\)/);
    expect(err.message).toMatch(/eqF\(LAB\)/);
    expect(err.message).toMatch(/structural rank 3 of 4/);
  });

  it('non-convergence: a system without a real solution fails naming the largest residual, with the history', () => {
    const m = new CgeModel('nosolution');
    m.variable('x', [], { level: 1 });
    m.variable('y', [], { level: 1 });
    m.equations(`
e1.. x*x + 1 =e= 0;
e2.. y =e= 2*x;`);
    const p = prepareCalibrated(toy(m), { maxIterations: 30 });
    const err = caught(() => solveModel(p, p.calibrated.closures.default));
    expect(err).toBeInstanceOf(ConvergenceError);
    const ce = err as ConvergenceError;
    expect(['NOT_CONVERGED', 'LINE_SEARCH_FAILED', 'SINGULAR_JACOBIAN']).toContain(ce.code);
    expect(ce.largestResiduals[0].equation).toBe('e1');
    expect(ce.message).toMatch(/largest residuals: e1 = /);
    expect(ce.location?.equation).toBe('e1');
    expect(ce.history.length).toBeGreaterThan(0);
    for (const h of ce.history) expect(Number.isFinite(h.residual)).toBe(true);
  });

  it('a numerically singular Jacobian is reported with the variable without a pivot', () => {
    const m = new CgeModel('numsingular');
    m.variable('x', [], { level: 0 });
    m.variable('y', [], { level: 0 });
    m.equations(`
e1.. x + y =e= 2;
e2.. 2*x + 2*y =e= 4;`);
    const p = prepareCalibrated(toy(m));
    const err = caught(() => solveModel(p, p.calibrated.closures.default));
    expect(err).toBeInstanceOf(ConvergenceError);
    expect(err.code).toBe('SINGULAR_JACOBIAN');
    expect(err.message).toMatch(/numerically singular at variable (x|y)/);
  });

  it('variables pressed against bounds are listed when a solve fails', () => {
    const m = new CgeModel('bounded');
    m.variable('p', [], { level: 1, lower: 0.5 });
    m.equations('e.. p =e= 0.1;');
    const pr = prepareCalibrated(toy(m), { maxIterations: 5 });
    const err = caught(() => solveModel(pr, pr.calibrated.closures.default)) as ConvergenceError;
    expect(err.atBounds.map((a) => `${a.variable}:${a.bound}`)).toEqual(['p:lower']);
    expect(err.message).toMatch(/at bounds: p=lower/);
  });

  it('SAM_UNBALANCED names the account', () => {
    const values = Float64Array.from(sam.values);
    values[0 * 10 + 6] += 1; // BRD sold to HOH: the BRD row no longer equals its column
    const err = caught(() => prepareModel(stdcge, { ...sam, values }, params));
    expect(err).toBeInstanceOf(InputError);
    expect(err.code).toBe('SAM_UNBALANCED');
    expect(err.location?.account).toBe('BRD');
  });

  it('MISSING_ELASTICITY names the good and the JSON path', () => {
    const p2 = { ...params, armington_elasticity: { BRD: 2 } };
    const err = caught(() => prepareModel(stdcge, sam, p2, {}, 'parameters.json'));
    expect(err.code).toBe('MISSING_ELASTICITY');
    expect(err.location?.jsonPath).toBe('/armington_elasticity/MLK');
    expect(err.location?.file).toBe('parameters.json');
    expect(err.message).toMatch(/Armington elasticity for "MLK" is missing/);
  });

  it('an unknown set element in a shock is named with its JSON path', () => {
    const err = caught(() =>
      runScenario(prep, bench, { name: 's', shocks: [{ parameter: 'taum', index: ['RICE'], set: 0 }] }, 'scen.json'),
    );
    expect(err).toBeInstanceOf(ModelError);
    expect(err.code).toBe('UNKNOWN_ELEMENT');
    expect(err.location?.jsonPath).toBe('/shocks/0/index/0');
    expect(err.location?.file).toBe('scen.json');
    expect(err.message).toMatch(/"RICE" is not an element of set i/);
    const e2 = caught(() => runScenario(prep, bench, { name: 's', shocks: [{ parameter: 'tariff', set: 0 }] }));
    expect(e2.code).toBe('UNKNOWN_PARAMETER');
    expect(e2.location?.jsonPath).toBe('/shocks/0/parameter');
    const e3 = caught(() => runScenario(prep, bench, { name: 's', swaps: [{ fix: { variable: 'epsilon' }, unfix: { variable: 'Sp' } }] }));
    expect(e3.code).toBe('SWAP_NOT_FIXED');
    expect(e3.location?.jsonPath).toBe('/swaps/0/unfix');
  });

  it('a scenario that breaks the schema is rejected with the JSON path', () => {
    const err = caught(() => parseScenarios({ name: 'x', shocks: [{ parameter: 'taum', set: 0, scale: 2 }] }, 'bad.json'));
    expect(err).toBeInstanceOf(SchemaError);
    expect(err.location?.jsonPath).toBe('/shocks/0');
    const e2 = caught(() => parseScenarios({ shocks: [] }));
    expect(e2.message).toMatch(/name/);
  });

  it('a shock that makes the model infeasible ends in a located error, never NaN', () => {
    // direct tax above household income: consumption would have to be negative
    const err = caught(() => runScenario(prep, bench, { name: 'confiscation', shocks: [{ parameter: 'taud', set: 1.5 }] }));
    expect(err).toBeInstanceOf(NumericError);
    expect(err.location?.equation).toBeDefined();
    expect(err.message).not.toMatch(/NaN/);
    // an elasticity parameter at a singular value: located before any Newton step
    const e2 = caught(() => runScenario(prep, bench, { name: 'eta0', shocks: [{ parameter: 'eta', index: ['BRD'], set: 0 }] }));
    expect(e2).toBeInstanceOf(NumericError);
    expect(e2.code).toBe('PARAMETERS_NOT_FINITE');
    expect(e2.location?.index).toEqual(['BRD']);
  });
});
