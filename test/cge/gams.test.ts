import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CgeModel } from '../../src/cge/model/model.js';
import { compileModel } from '../../src/cge/compile/compile.js';
import { maxModelResidual, prepareModel } from '../../src/cge/run.js';
import { stdcge } from '../../src/cge/models/index.js';
import { ddcge } from '../../src/cge/digital/index.js';
import { formatModelGams, formatScenarioGams, readGamsData } from '../../src/cge/gams.js';
import { readSamCsv } from '../../src/sam/index.js';
import { ddcgeTestParams, ddcgeTestSam } from './digital/fixture.js';

const REF = join(import.meta.dirname, '../../datasets/models/stdcge');

/** Rebuilds a model in digicge's language from nothing but a GAMS file it wrote. */
function rebuild(text: string): CgeModel {
  const d = readGamsData(text);
  const m = new CgeModel('rebuilt');
  for (const [name, elements] of d.sets) m.set(name, elements);
  for (const [alias, of] of d.aliases) m.alias(of, alias);
  for (const [name, values] of d.parameters) {
    m.parameter(name, d.domains.get(name)!);
    for (const [key, x] of values) m.setParameter(name, key === '' ? [] : key.split('.'), x);
  }
  for (const [name, attrs] of d.variables) {
    m.variable(name, d.domains.get(name)!, { lower: -Infinity });
    for (const [key, a] of attrs) {
      const t = key === '' ? [] : key.split('.');
      if (a.fx !== undefined) m.fix(name, t, a.fx);
      else m.setLevel(name, t, a.l!);
    }
  }
  m.equations(d.equations.join('\n'));
  return m;
}

function maxResidualAtLevels(m: CgeModel): number {
  const cm = compileModel(m);
  const x = new Float64Array(cm.vars.size);
  for (const v of m.variableList) x.set(v.level, cm.vars.offset.get(v.name)!);
  const p = new Float64Array(cm.params.size);
  for (const par of m.parameterList) p.set(par.values, cm.params.offset.get(par.name)!);
  return maxModelResidual(cm, x, p).value;
}

describe('GAMS hand-over', () => {
  it('writes stdcge so that the model rebuilt from the GAMS file alone holds at the benchmark', async () => {
    const sam = await readSamCsv(join(REF, 'sam.csv'));
    const params = JSON.parse(readFileSync(join(REF, 'parameters.json'), 'utf8'));
    const prep = prepareModel(stdcge, sam, params);
    const c = prep.calibrated;
    const text = formatModelGams(c.model, { closure: c.closures[c.defaultClosure]! });
    expect(text).toContain("Set i 'goods' /");
    expect(text).toContain('Alias (i,j);');
    expect(text).toContain("pf.fx('LAB') = 1;");
    expect(text).toMatch(/^eqpy\(j\)\.\. Y\(j\) =e= \(b\(j\) \* prod\(h, \(F\(h,j\) \*\* beta\(h,j\)\)\)\);$/m);
    const back = rebuild(text);
    for (const p of c.model.parameterList) expect(Array.from(back.getParameter(p.name).values)).toEqual(Array.from(p.values));
    expect(maxResidualAtLevels(back)).toBeLessThan(1e-9);
  });

  it('writes ddcge (conditions, subsets, fixed cells) and it rebuilds exactly', () => {
    const prep = prepareModel(ddcge, ddcgeTestSam(), ddcgeTestParams({ spillover: 0.1 }));
    const text = formatModelGams(prep.calibrated.model, { closure: prep.calibrated.closures.default! });
    // The set f is renamed beside the variable F (GAMS names are case-insensitive).
    expect(text).toContain('Set lab(f_set)');
    expect(text).toMatch(/^eqF\(f_set,j\)\$\(hasF\(f_set,j\) <> 0\)\.\. /m);
    expect(text).toContain("F.fx('LAB_DS','AGR') = 0;");
    expect(maxResidualAtLevels(rebuild(text))).toBeLessThan(1e-9);
  });

  it('writes scenario shocks and swaps as GAMS assignments', () => {
    const m = new CgeModel('t');
    m.set('i', ['BRD', 'MLK']);
    m.parameter('taum', ['i']);
    m.parameter('tz', []);
    m.variable('epsilon', [], { level: 1 });
    m.variable('Sf', [], { level: 2 });
    const text = formatScenarioGams(m, {
      name: 'tariff',
      shocks: [
        { parameter: 'taum', set: 0 },
        { parameter: 'taum', index: ['MLK'], scale: 1.5 },
        { parameter: 'tz', add: 0.01 },
      ],
      swaps: [{ fix: { variable: 'epsilon' }, unfix: { variable: 'Sf' } }],
    });
    expect(text.split('\n').slice(1, 6)).toEqual([
      'taum(i) = 0;',
      "taum('MLK') = taum('MLK')*1.5;",
      'tz = tz + 0.01;',
      'epsilon.fx = epsilon.l;',
      'Sf.lo = -inf; Sf.up = inf;',
    ]);
  });

  it('names the line of a malformed data statement', () => {
    expect(() => readGamsData("Parameter a(i) /\n  'X' 1\n  'Y' one\n/;\n", 'a.gms')).toThrow(
      expect.objectContaining({ code: 'GAMS_BAD_NUMBER', location: { file: 'a.gms', row: 3 } }),
    );
  });
});

describe('GAMS text', () => {
  it('is plain ASCII, as GAMS explanatory text must be', () => {
    const prep = prepareModel(ddcge, ddcgeTestSam(), ddcgeTestParams());
    const text = formatModelGams(prep.calibrated.model, { closure: prep.calibrated.closures.default! });
    expect(text).toMatch(/CES exponent of value added, \(sigma-1\)\/sigma/);
    expect(/[^\x09\x0a\x20-\x7e]/.test(text)).toBe(false);
  });
});
