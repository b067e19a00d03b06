import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import {
  denseLu,
  homogeneityCheck,
  levelReader,
  prepareModel,
  readScenarioFile,
  replicationCheck,
  runScenario,
  solveBenchmark,
  stdcge,
  type PreparedModel,
  type ScenarioResult,
  type CgeSolution,
} from '../../../src/cge/index.js';
import { loadSam, STDCGE_DIR } from '../helpers/sam.js';

/** The published GAMS solution, independent of this code (GAMS 47.4 / CONOPT 4). */
const published = JSON.parse(readFileSync(join(STDCGE_DIR, 'published_results.json'), 'utf8')) as {
  utility_base: number;
  utility_after: number;
  equivalent_variation: number;
  levels_after: Record<string, unknown>;
  percent_change: Record<string, unknown>;
};

/** Flattens `{X: {BRD: {MLK: 7.8}}}` into [variable, index, value] triples. */
function flatten(obj: Record<string, unknown>): [string, string[], number][] {
  const out: [string, string[], number][] = [];
  const walk = (name: string, idx: string[], v: unknown) => {
    if (typeof v === 'number') out.push([name, idx, v]);
    else for (const [k, w] of Object.entries(v as Record<string, unknown>)) walk(name, [...idx, k], w);
  };
  for (const [k, v] of Object.entries(obj)) walk(k, [], v);
  return out;
}

/** Levels are printed with 4 decimals and percentage changes with 3 in the published listing. */
const LEVEL_TOL = 0.5e-4;
const PCT_TOL = 0.5e-3;

describe('stdcge (Hosoe, Gasawa & Hashimoto 2010, ch. 6) against the published GAMS solution', () => {
  let prep: PreparedModel;
  let bench: CgeSolution;
  let sim: ScenarioResult;
  beforeAll(async () => {
    const sam = await loadSam(join(STDCGE_DIR, 'sam.csv'));
    const params = JSON.parse(readFileSync(join(STDCGE_DIR, 'parameters.json'), 'utf8'));
    prep = prepareModel(stdcge, sam, params);
    bench = solveBenchmark(prep);
    const [scenario] = await readScenarioFile(join(STDCGE_DIR, 'scenarios/tariff-abolition.json'));
    sim = runScenario(prep, bench, scenario);
  });

  it('reports its size and is square under the default closure', () => {
    expect(prep.compiled.rows.length).toBe(49);
    expect(prep.compiled.vars.size).toBe(50); // 49 GAMS variables + Sf (a parameter in GAMS, fixed by the closure)
    expect(prep.compiled.nnz).toBeGreaterThan(100);
  });

  it('replicates the benchmark and the SAM', () => {
    const rep = replicationCheck(prep);
    expect(rep.initialResidual).toBeLessThan(1e-10);
    expect(rep.benchmarkResidual).toBeLessThan(1e-10);
    expect(rep.samMaxDiff).toBeLessThan(1e-12);
    expect(rep.passed).toBe(true);
    const u0 = levelReader(prep.compiled, bench.x)('UU');
    expect(Math.abs(u0 / published.utility_base - 1)).toBeLessThan(1e-9);
  });

  it('reproduces the utility after tariff abolition to 1e-9 and EV 1.145', () => {
    const uu = sim.variables.find((v) => v.variable === 'UU')!;
    expect(Math.abs(uu.level / published.utility_after - 1)).toBeLessThan(1e-9);
    expect(sim.welfare[0].household).toBe('HOH');
    expect(Math.abs(sim.welfare[0].utility / published.utility_after - 1)).toBeLessThan(1e-9);
    expect(sim.welfare[0].ev.toFixed(3)).toBe(published.equivalent_variation.toFixed(3));
    // EV ≥ CV for a welfare gain with a normal good (Cobb-Douglas)
    expect(sim.welfare[0].cv).toBeLessThan(sim.welfare[0].ev);
    expect(sim.walrasResidual).toBeLessThan(1e-9);
    expect(sim.scaledResidual).toBeLessThan(1e-10);
  });

  it('reproduces every published level to its printed decimals', () => {
    const cases = flatten(published.levels_after);
    expect(cases.length).toBe(48);
    for (const [name, index, value] of cases) {
      const v = sim.variables.find((r) => r.variable === name && r.index.join(',') === index.join(','));
      expect(v, `${name}(${index.join(',')})`).toBeDefined();
      expect(Math.abs(v!.level - value), `${name}(${index.join(',')}) = ${v!.level}, published ${value}`).toBeLessThanOrEqual(
        LEVEL_TOL + 1e-12,
      );
    }
  });

  it('reproduces every published percentage change to its printed decimals', () => {
    const cases = flatten(published.percent_change);
    expect(cases.length).toBe(19);
    for (const [key, idx, value] of cases) {
      const [name, ...rest] = key.split('_');
      const index = rest.length ? rest : idx;
      const v = sim.variables.find((r) => r.variable === name && r.index.join(',') === index.join(','));
      expect(v, key).toBeDefined();
      expect(Math.abs(v!.pctChange! - value), `${key}${idx.length ? `(${idx.join(',')})` : ''}`).toBeLessThanOrEqual(PCT_TOL + 1e-12);
    }
  });

  it('gives the same solution with the sparse LU (default) and the dense LU', () => {
    const dense = prepareModel(stdcge, prep.sam!, JSON.parse(readFileSync(join(STDCGE_DIR, 'parameters.json'), 'utf8')), {
      linearSolver: denseLu,
    });
    const r = runScenario(dense, solveBenchmark(dense), { name: 'tariff-abolition', shocks: [{ parameter: 'taum', set: 0 }] });
    r.variables.forEach((v, k) => expect(Math.abs(v.level - sim.variables[k].level)).toBeLessThan(1e-10 * Math.max(1, Math.abs(v.level))));
  });

  it('passes the homogeneity check: doubling pf(LAB) doubles prices and values, keeps quantities', () => {
    const h = homogeneityCheck(prep, bench, 2);
    expect(h.numeraire).toBe('pf(LAB)');
    expect(h.maxDeviation).toBeLessThan(1e-8);
    expect(h.passed).toBe(true);
  });

  it('swaps closures: with a fixed exchange rate foreign savings adjust and the benchmark still solves', () => {
    const r = runScenario(prep, bench, {
      name: 'tariff-abolition-fixed-exchange-rate',
      shocks: [{ parameter: 'taum', set: 0 }],
      swaps: [{ fix: { variable: 'epsilon' }, unfix: { variable: 'Sf' } }],
    });
    const eps = r.variables.find((v) => v.variable === 'epsilon')!;
    const sf = r.variables.find((v) => v.variable === 'Sf')!;
    expect(eps.level).toBe(1);
    expect(Math.abs(sf.level - sf.base)).toBeGreaterThan(1e-3);
    // balance of payments still holds: sum pWe·E + Sf = sum pWm·M
    const E = r.variables.filter((v) => v.variable === 'E').reduce((s, v) => s + v.level, 0);
    const M = r.variables.filter((v) => v.variable === 'M').reduce((s, v) => s + v.level, 0);
    expect(Math.abs(E + sf.level - M)).toBeLessThan(1e-9);
    // a zero shock from the benchmark under the swapped closure leaves everything at the benchmark
    const z = runScenario(prep, bench, { name: 'none', swaps: [{ fix: { variable: 'epsilon' }, unfix: { variable: 'Sf' } }] });
    for (const v of z.variables) expect(Math.abs(v.level - v.base)).toBeLessThan(1e-9 * Math.max(1, Math.abs(v.base)));
  });
});
