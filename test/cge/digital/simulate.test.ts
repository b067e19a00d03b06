import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareModel } from '../../../src/cge/run.js';
import { ddcge } from '../../../src/cge/digital/ddcge.js';
import { applyDraws, ddcgeParameterVector } from '../../../src/cge/digital/recalibrate.js';
import { writeDigitalResults } from '../../../src/cge/digital/report.js';
import { parseDigitalScenario } from '../../../src/cge/digital/scenarios.js';
import { createEvaluator, headlineOutcomes } from '../../../src/cge/digital/ssa-evaluator.js';
import { prepareDatabase, simulateScenario } from '../../../src/cge/digital/simulate.js';
import { simulateDigital } from '../../../src/cge/digital/batch.js';
import { SamCells } from '../../../src/cge/sam-input.js';
import { fixtureDatabase } from './db-fixture.js';

const db = fixtureDatabase();
const pd = prepareDatabase(db);
const RURAL = parseDigitalScenario({ name: 'rural', targets: [{ kind: 'close-gap', fraction: 0.5 }] });

describe('ddcge simulation results', () => {
  it('a scenario without shocks changes nothing (GDP, EV, gaps at their benchmark values)', () => {
    const r = simulateScenario(pd, parseDigitalScenario({ name: 'none' }));
    expect(Math.abs(r.gdp.pct)).toBeLessThan(1e-9);
    for (const w of r.welfare) expect(Math.abs(w.evPerCapita)).toBeLessThan(1e-12);
    expect(r.gaps.connectedUnconnected.ratio).toBeCloseTo(r.gaps.connectedUnconnected.ratioBase, 10);
  });

  it('reports benchmark gaps and the digital share as computed directly from the SAM', () => {
    const r = simulateScenario(pd, RURAL);
    const S = new SamCells(db.sam);
    const pop = db.params.population as Record<string, number>;
    const inc = (h: string) => ['LAB_DS', 'LAB_OT', 'CAP'].reduce((s, f) => s + S.get(h, f), 0);
    const pc = (hs: string[]) => hs.reduce((s, h) => s + inc(h), 0) / hs.reduce((s, h) => s + pop[h]!, 0);
    expect(r.gaps.connectedUnconnected.ratioBase).toBeCloseTo(pc(['URB_CON', 'RUR_CON']) / pc(['URB_UNC', 'RUR_UNC']), 10);
    expect(r.gaps.urbanRural?.ratioBase).toBeCloseTo(pc(['URB_CON', 'URB_UNC']) / pc(['RUR_CON', 'RUR_UNC']), 10);
    const goods = ['AGR', 'MAN', 'ICT', 'TEL', 'SRV'];
    const va = (j: string) => ['LAB_DS', 'LAB_OT', 'CAP', 'IDT'].reduce((s, f) => s + S.get(f, j), 0);
    expect(r.digitalShare.directBase).toBeCloseTo((va('ICT') + va('TEL')) / goods.reduce((s, j) => s + va(j), 0), 12);
    expect(r.evTotal).toBeCloseTo(
      r.welfare.reduce((s, w) => s + w.ev, 0),
      9,
    );
    expect(r.welfare.reduce((s, w) => s + w.population, 0)).toBeCloseTo(7.5e6, 3);
    expect(r.solve.maxResidual).toBeLessThan(1e-8);
  });

  it('writes byte-identical tables for the same run', async () => {
    const r = simulateScenario(pd, RURAL);
    const a = mkdtempSync(join(tmpdir(), 'sim-a-'));
    const b = mkdtempSync(join(tmpdir(), 'sim-b-'));
    const fa = await writeDigitalResults(a, [r]);
    await writeDigitalResults(b, [simulateScenario(pd, RURAL)]);
    for (const f of fa) expect(readFileSync(f, 'utf8')).toBe(readFileSync(f.replace(a, b), 'utf8'));
  });
});

describe('fast recalibration for sensitivity analysis', () => {
  it('gives the parameter vector of a full calibration under the new elasticities and channels', () => {
    const names = [
      'va_elasticity.*',
      'armington_elasticity.TEL',
      'transformation_elasticity.*',
      'income_elasticity.ICT',
      'frisch.*',
      'channels.spillover',
      'channels.productivity_premium.LAB_DS',
    ];
    const params = applyDraws(db.params, names, [0.6, 2.7, 1.3, 1.6, -2.4, 0.08, 0.11]);
    const fast = ddcgeParameterVector(pd.prep, params);
    const full = prepareModel(ddcge, db.sam, params);
    expect(full.p0.length).toBe(fast.length);
    for (let k = 0; k < fast.length; k++)
      expect(Math.abs(fast[k]! - full.p0[k]!)).toBeLessThanOrEqual(1e-10 * Math.max(1, Math.abs(full.p0[k]!)));
  });

  it('the worker evaluator at a draw equals a central run on the recalibrated database', () => {
    const names = ['va_elasticity.*', 'channels.spillover'];
    const ev = createEvaluator({
      area: 'TST',
      labels: db.sam.accounts.map((a) => a.label),
      values: Array.from(db.sam.values),
      params: db.params,
      baseline: db.baseline,
      scenario: RURAL,
      names,
    });
    const out = ev(Float64Array.from([0.6, 0.08])) as Record<string, number>;
    const direct = headlineOutcomes(simulateScenario(prepareDatabase({ ...db, params: applyDraws(db.params, names, [0.6, 0.08]) }), RURAL));
    for (const k of Object.keys(direct)) expect(out[k]).toBeCloseTo(direct[k]!, 9);
  });
});

describe('batch over member states', () => {
  it('lists a state without a database as not covered, with the reason, and simulates the others', async () => {
    const out = await simulateDigital({
      scenarios: [join(import.meta.dirname, '../../../datasets/ddcge/scenarios/ict-tariffs.json')],
      countries: ['THA', 'MMR'],
      outDir: mkdtempSync(join(tmpdir(), 'sim-batch-')),
    });
    expect(out.results.map((r) => r.area)).toEqual(['THA']);
    expect(out.notCovered).toEqual([{ area: 'MMR', reason: expect.stringMatching(/ADB MRIO/) }]);
    expect(out.results[0]!.replication.passed).toBe(true);
    const regional = readFileSync(out.outputs.find((f) => f.endsWith('regional.csv'))!, 'utf8');
    expect(regional).toMatch(/^MMR,,not covered,/m);
  });
});

describe('aggregate money-metric welfare', () => {
  it('equals the sum of group EVs when nobody moves, and differs from it by the change of group of those who move', () => {
    const tariffs = simulateScenario(pd, parseDigitalScenario({ name: 't', targets: [{ kind: 'remove-ict-tariffs' }] }));
    expect(tariffs.evAggregate).toBeCloseTo(tariffs.evTotal, 9);
    const r = simulateScenario(pd, RURAL);
    const byHand = r.welfare.reduce(
      (s, g) => s + g.population * (g.spendingPerCapitaBase + g.evPerCapita) - g.populationBase * g.spendingPerCapitaBase,
      0,
    );
    expect(r.evAggregate).toBeCloseTo(byHand, 9);
    // the difference is the movers valued at the base per-capita spending of the groups they join and leave
    const composition = r.welfare.reduce((s, g) => s + (g.population - g.populationBase) * g.spendingPerCapitaBase, 0);
    expect(Math.abs(composition)).toBeGreaterThan(0);
    expect(r.evAggregate - r.evTotal).toBeCloseTo(composition, 9);
  });
});
