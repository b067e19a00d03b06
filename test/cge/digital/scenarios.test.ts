import { describe, expect, it } from 'vitest';
import { connectivityScenario, connectivityShift } from '../../../src/cge/digital/index.js';
import { parseDigitalScenario, translateDigitalScenario, type DigitalScenario } from '../../../src/cge/digital/scenarios.js';
import { prepareDatabase, simulateScenario } from '../../../src/cge/digital/simulate.js';
import { fixtureDatabase } from './db-fixture.js';

const db = fixtureDatabase();
const pd = prepareDatabase(db);
const p = (name: string, index: string[] = []) => {
  const m = pd.prep.calibrated.model;
  return pd.prep.p0[pd.prep.compiled.params.offset.get(name)! + m.flatIndex(m.getParameter(name), index)]!;
};

const STATED: DigitalScenario = parseDigitalScenario({
  name: 'package',
  targets: [
    { kind: 'close-gap', fraction: 0.5 },
    {
      kind: 'broadband',
      baselinePer100: { value: 10, source: 'test' },
      targetPer100: 30,
      costPerSubscription: { value: 400, source: 'test' },
      moneyUnitPerUsd: 1e-9,
      allocation: { TEL: 0.6, ICT: 0.4 },
      financing: 'government',
    },
    {
      kind: 'skills-training',
      share: { value: 0.05, source: 'test' },
      skillPremium: { value: 0.3, source: 'test' },
      groups: ['RUR_CON', 'URB_UNC'],
    },
    { kind: 'remove-ict-tariffs' },
  ],
});

describe('digital scenarios stated in indicators', () => {
  it('give the same shocks as their explicit statement, and the same results', () => {
    const t = translateDigitalScenario(pd.prep, db.baseline, STATED);
    // explicit equivalent, built by hand from the formulas of the specification
    const rural = 2 / 4.5 + 0.5 * (2.2 / 3 - 2 / 4.5);
    const conn = connectivityScenario(
      pd.prep,
      connectivityShift(db.baseline, { kind: 'use-reaches', urbanisation: 'R', percent: 100 * rural }),
      'x',
    );
    const ffh = new Map<string, number>();
    for (const s of conn.shocks!) if (s.parameter === 'FFH') ffh.set(s.index!.join('|'), s.set!);
    const f = (k: string) => ffh.get(k) ?? p('FFH', k.split('|'));
    for (const h of ['RUR_CON', 'URB_UNC']) {
      const ot = f(`LAB_OT|${h}`);
      const ds = f(`LAB_DS|${h}`);
      ffh.set(`LAB_OT|${h}`, ot * 0.95);
      ffh.set(`LAB_DS|${h}`, ds + 0.05 * ot * 1.3);
    }
    const investment = ((30 - 10) / 100) * 7.5e6 * 400 * 1e-9; // persons × US$ → the fixture's unit (US$ billion)
    const explicit = parseDigitalScenario({
      name: 'package',
      shocks: [
        ...conn.shocks!.filter((s) => s.parameter !== 'FFH'),
        { parameter: 'XvP', index: ['ICT'], set: 0.4 * investment },
        { parameter: 'XvP', index: ['TEL'], set: 0.6 * investment },
        { parameter: 'gshare', set: 1 },
        { parameter: 'taum', index: ['ICT'], set: 0 },
        { parameter: 'taum', index: ['TEL'], set: 0 },
        ...[...ffh].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => ({ parameter: 'FFH', index: k.split('|'), set: v })),
      ],
    });
    const key = (s: { parameter: string; index?: string[] }) => `${s.parameter}(${(s.index ?? []).join(',')})`;
    const a = new Map(t.scenario.shocks!.map((s) => [key(s), s.set!]));
    const b = new Map(explicit.shocks!.map((s) => [key(s), s.set!]));
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [k, v] of a) expect(v).toBeCloseTo(b.get(k)!, 9);
    const r1 = simulateScenario(pd, STATED);
    const r2 = simulateScenario(pd, explicit);
    expect(r1.gdp.real).toBeCloseTo(r2.gdp.real, 9);
    r1.welfare.forEach((w, k) => expect(w.evPerCapita).toBeCloseTo(r2.welfare[k]!.evPerCapita, 12));
    expect(t.statements).toHaveLength(4);
    expect(t.observations).toEqual(['HH7/_T/2022@test:1']);
  });

  it('refuses a schema violation with its JSON path', () => {
    expect(() => parseDigitalScenario({ name: 'x', targets: [{ kind: 'close-gap', fraction: 2 }] }, 'x.json')).toThrow(
      expect.objectContaining({ code: 'SCHEMA_INVALID', location: expect.objectContaining({ file: 'x.json' }) }),
    );
  });

  it('refuses a broadband allocation that does not sum to one, naming it', () => {
    const s = parseDigitalScenario({
      name: 'x',
      targets: [
        {
          kind: 'broadband',
          baselinePer100: { value: 10, source: 't' },
          targetPer100: 30,
          costPerSubscription: { value: 400, source: 't' },
          allocation: { TEL: 0.5 },
          financing: 'private',
        },
      ],
    });
    expect(() => translateDigitalScenario(pd.prep, db.baseline, s, 's.json')).toThrow(
      expect.objectContaining({
        code: 'ALLOCATION_NOT_ONE',
        location: expect.objectContaining({ file: 's.json', jsonPath: '/targets/0/allocation' }),
      }),
    );
  });

  it('refuses a rural target below the baseline', () => {
    const s = parseDigitalScenario({ name: 'x', targets: [{ kind: 'use-reaches', urbanisation: 'R', percent: 10 }] });
    expect(() => translateDigitalScenario(pd.prep, db.baseline, s)).toThrow(expect.objectContaining({ code: 'TARGET_BELOW_BASELINE' }));
  });
});
