import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  levelReader,
  parseScenarios,
  runGams,
  runScenario,
  type CgeSolution,
  type GVariable,
  type PreparedModel,
} from '../../src/cge/index.js';
import type { ModelError } from '../../src/errors.js';
import { preparedStdcge, ROOT } from './helpers/sam.js';

let prep: PreparedModel;
let bench: CgeSolution;
beforeAll(async () => {
  ({ prep, bench } = await preparedStdcge());
});

describe('shocks on variables the closure fixes', () => {
  it('foreign savings × 1.1 gives what the GAMS file gives with Sf = 1.1*Sf (a second, independent model text)', () => {
    const [sc] = parseScenarios({ name: 'fsav', variables: [{ variable: 'Sf', scale: 1.1 }] });
    const r = runScenario(prep, bench, sc);
    // The verbatim stdcge.gms, its simulation replaced by a 10 % rise in foreign savings.
    const gms = readFileSync(join(ROOT, 'datasets/models/gams/stdcge.gms'), 'utf8').replace('taum(i) = 0;', 'Sf = 1.1*Sf;');
    const g = runGams(gms, 'stdcge-fsav.gms');
    const level = (name: string, ...ix: string[]) => (g.state.get(name) as GVariable).attrs.get(ix.join('\u0001'))!.l;
    const lib = levelReader(prep.compiled, Float64Array.from(r.variables.map((v) => v.level)));
    for (const [v, ix] of [
      ['Xp', ['BRD']],
      ['Xv', ['MLK']],
      ['M', ['BRD']],
      ['epsilon', []],
      ['pf', ['CAP']],
    ] as [string, string[]][])
      expect(lib(v, ix), `${v}(${ix})`).toBeCloseTo(level(v, ...ix), 9);
    expect(lib('Sf', [])).toBeCloseTo(1.1 * bench.x[prep.compiled.vars.offset.get('Sf')!], 12);
  });

  it('the numeraire × 1.1 scales every price and value by 1.1 and leaves quantities (homogeneity of degree 0)', () => {
    const [sc] = parseScenarios({ name: 'num', variables: [{ variable: 'pf', index: ['LAB'], scale: 1.1 }] });
    const r = runScenario(prep, bench, sc);
    const nominal = new Set(prep.calibrated.nominal);
    for (const v of r.variables) {
      if (v.variable === 'UU' || v.base === 0) continue;
      const want = nominal.has(v.variable) ? 1.1 * v.base : v.base;
      expect(v.level, `${v.variable}(${v.index})`).toBeCloseTo(want, 9);
    }
  });

  it('refuses to shock a free variable, naming it and the JSON path', () => {
    const [sc] = parseScenarios({ name: 'bad', variables: [{ variable: 'epsilon', scale: 1.1 }] });
    try {
      runScenario(prep, bench, sc);
      expect.unreachable();
    } catch (err) {
      expect((err as ModelError).code).toBe('VARIABLE_SHOCK_NOT_FIXED');
      expect((err as ModelError).location?.jsonPath).toBe('/variables/0');
    }
    expect(() => parseScenarios({ name: 'two', variables: [{ variable: 'Sf', set: 1, scale: 2 }] })).toThrow(/exactly one of set, scale/);
  });
});
