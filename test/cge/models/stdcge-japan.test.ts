/**
 * stdcge on a SAM it was not written for: Japan 2005 (the SAM of the GAMS Model Library's DYNCGE,
 * test/cge/data/SOURCE.md), four goods, zero government saving and no government purchase of
 * agricultural goods. The accounting checks of every solve and the national-accounts identities
 * are checked on the tariff abolition, and every one-term deletion of the equations is caught.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DigicgeError } from '../../../src/errors.js';
import {
  copyModel,
  prepareCalibrated,
  replicationCheck,
  runScenario,
  solveBenchmark,
  stdcge,
  type CalibratedModel,
  type PreparedModel,
  type SamInput,
} from '../../../src/cge/index.js';
import { loadSam } from '../helpers/sam.js';

const PARAMS = { armington_elasticity: { AGR: 2, LMN: 2, HMN: 2, SRV: 2 }, transformation_elasticity: { AGR: 2, LMN: 2, HMN: 2, SRV: 2 } };

/** stdcge with government saving and consumption free to be 0 (the GAMS file's bounds are 1e-5, DYNCGE declares them free). */
function withZeroGovernment(c: CalibratedModel): CalibratedModel {
  const model = copyModel(c.model);
  model.getVariable('Sg').lower.fill(-Infinity);
  model.getVariable('Xg').lower.fill(0);
  return { ...c, model };
}

describe('stdcge on the Japanese SAM of 2005', () => {
  let sam: SamInput;
  let prep: PreparedModel;
  beforeAll(async () => {
    sam = await loadSam(join(import.meta.dirname, '../data/japan-2005-sam.csv'));
    prep = { ...prepareCalibrated(withZeroGovernment(stdcge.calibrate(sam, PARAMS))), sam };
  });

  it("with the GAMS file's bounds the benchmark cannot be reached, and the error names the variables at their bounds", () => {
    const strict = { ...prepareCalibrated(stdcge.calibrate(sam, PARAMS)), sam };
    expect(() => solveBenchmark(strict)).toThrow(/at bounds: .*Xg\(AGR\)=lower.*Sg=lower|at bounds: .*Sg=lower/);
  });

  it("replicates the SAM and abolishes tariffs with Walras' law and the national accounts holding", () => {
    expect(replicationCheck(prep).passed).toBe(true);
    const r = runScenario(prep, solveBenchmark(prep), { name: 'tariff abolition', shocks: [{ parameter: 'taum', set: 0 }] });
    const at = (v: string, ...ix: string[]) => r.variables.find((x) => x.variable === v && x.index.join() === ix.join())!.level;
    const goods = ['AGR', 'LMN', 'HMN', 'SRV'];
    // GDP by expenditure = factor income + production taxes (tariffs are 0 after the shock)
    const income = goods.reduce((s, j) => s + ['CAP', 'LAB'].reduce((t, h) => t + at('pf', h) * at('F', h, j), 0) + at('Tz', j), 0);
    expect(Math.abs(r.gdp.nominal - income) / income).toBeLessThan(1e-10);
    // balance of payments in foreign currency, the exchange rate moved
    const exports = goods.reduce((s, i) => s + at('E', i), 0);
    const imports = goods.reduce((s, i) => s + at('M', i), 0);
    expect(exports + at('Sf') - imports).toBeCloseTo(0, 6);
    expect(at('Sf')).toBeCloseTo(-6059.608, 6);
    expect(r.walrasResidual / 275620).toBeLessThan(1e-10);
    expect(at('Tm', 'HMN')).toBe(0);
    expect(r.welfare[0]!.ev).toBeGreaterThan(0);
  });

  it('every equation with one additive term deleted fails at the solve or at replication, unless the term is zero in these data', () => {
    const c = prep.calibrated;
    const shock = { name: 'tariff abolition', shocks: [{ parameter: 'taum', set: 0 }] };
    const intact = runScenario(prep, solveBenchmark(prep), shock).variables.map((v) => v.level);
    const equivalent: string[] = [];
    const eqs = c.model.equationList;
    const codes: string[] = [];
    const del = (e: cgeExprNode): cgeExprNode[] =>
      e.k === 'bin'
        ? [...(e.op === '+' || e.op === '-' ? [e.a] : []), ...del(e.a).map((a) => ({ ...e, a })), ...del(e.b).map((b) => ({ ...e, b }))]
        : e.k === 'agg'
          ? del(e.body).map((body) => ({ ...e, body }))
          : e.k === 'neg' || e.k === 'fn'
            ? del(e.a).map((a) => ({ ...e, a }))
            : [];
    eqs.forEach((eq, k) => {
      if (eq.name === 'obj') return;
      for (const side of ['lhs', 'rhs'] as const) {
        for (const cut of del(eq[side])) {
          const mutant = {
            ...prepareCalibrated({
              ...c,
              model: copyModel(c.model, { equations: eqs.map((e, i) => (i === k ? { ...e, [side]: cut } : e)) }),
            }),
            sam,
          };
          try {
            const rep = replicationCheck(mutant);
            if (!rep.passed) codes.push('NOT_REPLICATED');
            else {
              // a mutant that replicates must at least solve the scenario differently, or its term is zero here
              const levels = runScenario(mutant, rep.benchmark, shock).variables.map((v) => v.level);
              const same = levels.every((x, j) => Math.abs(x - intact[j]!) <= 1e-9 * Math.max(1, Math.abs(intact[j]!)));
              if (same) equivalent.push(`${eq.name} ${side}`);
              codes.push(same ? 'EQUIVALENT' : 'SOLVED');
            }
          } catch (err) {
            codes.push(err instanceof DigicgeError ? err.code : 'UNTYPED');
          }
        }
      }
    });
    expect(codes.length).toBeGreaterThan(15);
    expect(codes.filter((x) => x === 'SOLVED' || x === 'UNTYPED')).toEqual([]);
    // government saving is 0 in this SAM (ssg = 0, Sg = 0): deleting Sg, or a term multiplied by ssg, changes nothing
    expect(equivalent).toEqual(['eqXg rhs', 'eqXv rhs', 'eqSg rhs', 'eqSg rhs']);
    expect(codes.filter((x) => x === 'WALRAS_LAW_VIOLATED').length).toBeGreaterThan(codes.length / 2);
  });
});

type cgeExprNode = import('../../../src/cge/index.js').Expr;
