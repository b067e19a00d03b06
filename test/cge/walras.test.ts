import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import {
  AccountingError,
  copyModel,
  parseEquations,
  prepareCalibrated,
  prepareModel,
  runScenario,
  solveBenchmark,
  stdcge,
  type CalibratedModel,
  type CgeEquation,
  type SamInput,
} from '../../src/cge/index.js';
import { connectivityScenario, connectivityShift, ddcge, DDCGE_EQUATIONS, type ConnectivityBaseline } from '../../src/cge/digital/index.js';
import { loadSam, STDCGE_DIR } from './helpers/sam.js';
import { ddcgeTestParams, ddcgeTestSam } from './digital/fixture.js';

/** The calibrated model with its equations replaced (same sets, parameters, levels, closures). */
function withEquations(c: CalibratedModel, equations: readonly CgeEquation[]): CalibratedModel {
  return { ...c, model: copyModel(c.model, { equations }) };
}

/** The equations of a text block as the model would hold them. */
function equationsOf(c: CalibratedModel, text: string): CgeEquation[] {
  const descriptions = new Map(c.model.equationList.map((e) => [e.name, e.description]));
  return parseEquations(text).map((p) => ({ ...p, ...(descriptions.get(p.name) ? { description: descriptions.get(p.name)! } : {}) }));
}

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (err) {
    return err;
  }
  return undefined;
}

const BASELINE: ConnectivityBaseline = {
  area: 'TEST',
  year: '2022',
  urbanPopulation: 3.0e6,
  ruralPopulation: 4.5e6,
  urbanShare: 2.2 / 3.0,
  ruralShare: 2.0 / 4.5,
  provenance: [],
  assumptions: [],
};

describe("Walras' law and the solution's SAM, checked at every solve", () => {
  it('ddcge without the (1 − dpo) wedge in eqpqd: the price-channel scenario fails, located at the dropped market and the unbalanced account', () => {
    const prep = prepareModel(ddcge, ddcgeTestSam(), ddcgeTestParams({ price_discount: 0.05 }));
    const cut = DDCGE_EQUATIONS.replace('sum(hh, (1-dpo(i,hh))*XH(i,hh))', 'sum(hh, XH(i,hh))');
    expect(cut).not.toBe(DDCGE_EQUATIONS);
    const mutant = prepareCalibrated(withEquations(prep.calibrated, equationsOf(prep.calibrated, cut)));
    // the benchmark (dpo = 0) is unaffected by the cut and solves
    const bench = solveBenchmark(mutant);
    const scenario = connectivityScenario(
      mutant,
      connectivityShift(BASELINE, { kind: 'use-reaches', urbanisation: 'R', percent: 70 }),
      'rural push',
    );
    expect(scenario.shocks!.some((s) => s.parameter === 'dpo')).toBe(true);
    const err = thrown(() => runScenario(mutant, bench, scenario));
    expect(err).toBeInstanceOf(AccountingError);
    const e = err as AccountingError;
    expect(e.code).toBe('WALRAS_LAW_VIOLATED');
    expect(e.location).toMatchObject({ equation: 'eqpf', index: ['LAB_OT'] });
    expect(e.location!.account).toBeDefined();
    expect(e.scaled).toBeGreaterThan(1e-6);
    expect(e.located()).toMatch(/eqpf\(LAB_OT\)/);
    // the same scenario on the intact model solves, with both checks met
    const ok = runScenario(prep, solveBenchmark(prep), scenario);
    expect(ok.walrasResidual).toBeLessThan(1e-8);
  });

  describe('stdcge (every one-term deletion of its equations: test/cge/models/stdcge-japan.test.ts)', () => {
    let sam: SamInput;
    let params: Record<string, unknown>;
    beforeAll(async () => {
      sam = await loadSam(join(STDCGE_DIR, 'sam.csv'));
      params = JSON.parse(readFileSync(join(STDCGE_DIR, 'parameters.json'), 'utf8')) as Record<string, unknown>;
    });

    it('a SAM rebuilt without a payment fails as SOLUTION_SAM_UNBALANCED at that account', () => {
      const c = stdcge.calibrate(sam, params);
      const broken: CalibratedModel = {
        ...c,
        samOf: (L, P) => {
          const s = c.samOf(L, P);
          const n = s.accounts.length;
          const values = Float64Array.from(s.values);
          values[s.accounts.indexOf('INV') * n + s.accounts.indexOf('EXT')] = 0; // foreign savings left out
          return { accounts: s.accounts, values };
        },
      };
      const err = thrown(() => solveBenchmark(prepareCalibrated(broken)));
      expect(err).toBeInstanceOf(AccountingError);
      expect((err as AccountingError).code).toBe('SOLUTION_SAM_UNBALANCED');
      expect(['INV', 'EXT']).toContain((err as AccountingError).location!.account);
    });
  });
});
