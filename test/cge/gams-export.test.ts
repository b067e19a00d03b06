import { beforeAll, describe, expect, it } from 'vitest';
import {
  CgeModel,
  formatModelGams,
  formatScenarioGams,
  levelReader,
  parseScenarios,
  prepareModel,
  runGams,
  runScenario,
  type CgeSolution,
  type GVariable,
  type PreparedModel,
} from '../../src/cge/index.js';
import { ddcge } from '../../src/cge/digital/index.js';
import { ddcgeTestParams, ddcgeTestSam } from './digital/fixture.js';
import { lintGams } from './gams-lint.js';
import { preparedStdcge } from './helpers/sam.js';

let prep: PreparedModel;
let bench: CgeSolution;
beforeAll(async () => {
  ({ prep, bench } = await preparedStdcge());
});

const exportOf = (p: PreparedModel) => formatModelGams(p.calibrated.model, { closure: p.calibrated.closures[p.calibrated.defaultClosure] });

/** Levels of a GAMS run's variables by digicge's variable order. */
function gamsLevels(p: PreparedModel, text: string): Float64Array {
  const r = runGams(text, 'export.gms');
  const cm = p.compiled;
  return Float64Array.from(cm.vars.refs, (ref) => (r.state.get(ref.name) as GVariable).attrs.get(ref.index.join('\u0001'))!.l);
}

describe('GAMS hand-over that GAMS accepts', () => {
  it('stdcge: a square CNS program with a Solve, by an independent reader, that runs to the benchmark', () => {
    const text = exportOf(prep);
    expect(text).toMatch(/^Solve stdcge using cns;$/m);
    const lint = lintGams(text);
    expect(lint.errors).toEqual([]);
    // 49 scalar equations less the Walras-redundant eqpf('LAB'); 49 variables less the numeraire.
    expect(lint.solves).toEqual([{ model: 'stdcge', rows: 48, columns: 48 }]);
    const r = runGams(text, 'export.gms');
    expect(r.solves).toHaveLength(1);
    expect(r.solves[0]).toMatchObject({ type: 'cns', equations: 48, variables: 48, dropped: [] });
    const x = gamsLevels(prep, text);
    x.forEach((v, j) => expect(v, prep.compiled.vars.refs[j].name).toBeCloseTo(bench.x[j], 9));
  });

  it('stdcge with its calibration: GAMS statements compute every parameter and level from the SAM', () => {
    const c = prep.calibrated;
    const text = formatModelGams(c.model, {
      closure: c.closures[c.defaultClosure],
      calibration: { text: c.calibration!, sam: prep.sam! },
    });
    // The parameters carry no values: the statements compute them.
    expect(text).toMatch(/^Parameter alpha\(i\) '[^']*';$/m);
    expect(text).toContain('alpha(i) = Xp0(i)/sum(j, Xp0(j));');
    expect(text).toContain("Xp0(i) = SAM(i,'HOH');");
    expect(text).not.toMatch(/^Xp\.l\('BRD'\) = /m);
    expect(lintGams(text).errors).toEqual([]);
    const r = runGams(text, 'stdcge-calibrated.gms');
    for (const par of c.model.parameterList) {
      const g = r.state.get(par.name);
      if (g?.kind !== 'parameter') throw new Error(par.name);
      for (let k = 0; k < par.size; k++) {
        const t = c.model.tupleOf(par, k);
        expect(g.values.get(t.join('\u0001')) ?? 0, `${par.name}(${t})`).toBeCloseTo(par.values[k], 12);
      }
    }
    expect(r.solves[0]).toMatchObject({ iterations: 0, equations: 48, variables: 48 });
    const x = gamsLevels(prep, text);
    x.forEach((v, j) => expect(v, prep.compiled.vars.refs[j].name).toBeCloseTo(bench.x[j], 9));
  });

  it('ddcge: names unique under case folding (set f beside variable F, eqpqD beside eqpqd), square', () => {
    const p = prepareModel(ddcge, ddcgeTestSam(), ddcgeTestParams({ spillover: 0.1 }));
    const text = exportOf(p);
    const declared = [...text.matchAll(/^(?:Set|Scalar|Parameter|Variable|Model|Alias \(\w+,)\s*(\w+)/gm)].map((m) => m[1].toLowerCase());
    const eqs = text
      .slice(text.indexOf('\nEquation\n'))
      .split('\n\n')[0]
      .split('\n')
      .slice(2)
      .map((l) => l.trim().split(/[( ;]/)[0].toLowerCase());
    const all = [...declared, ...eqs];
    expect(new Set(all).size).toBe(all.length);
    expect(text).toContain('eqpqd_eq');
    expect(text).toMatch(/^Set f_set /m);
    const lint = lintGams(text);
    expect(lint.errors).toEqual([]);
    expect(lint.solves[0].rows).toBe(lint.solves[0].columns);
    const r = runGams(text, 'ddcge.gms');
    expect(r.solves[0].iterations).toBeLessThanOrEqual(1);
    // Its calibration reads inputs GAMS statements cannot take as they are: values only, and why.
    const withCal = formatModelGams(p.calibrated.model, {
      closure: p.calibrated.closures.default,
      calibration: { text: p.calibrated.calibration!, sam: p.sam! },
    });
    expect(withCal).toMatch(/^\* The calibration is written as values only: .+\.$/m);
  });

  it('a scenario with a swap keeps its value, and model + scenario run in GAMS text give what digicge gives', () => {
    const [sc] = parseScenarios({
      name: 'deval',
      shocks: [{ parameter: 'taum', set: 0 }],
      swaps: [{ fix: { variable: 'epsilon', value: 1.1 }, unfix: { variable: 'Sf' } }],
    });
    const s = formatScenarioGams(prep.calibrated.model, sc);
    expect(s).toContain('epsilon.fx = 1.1;');
    expect(s).toContain('Sf.lo = -inf; Sf.up = inf;');
    const res = runScenario(prep, bench, sc);
    const text = `${exportOf(prep)}${s}`;
    expect(lintGams(text).errors).toEqual([]);
    const x = gamsLevels(prep, text);
    const want = Float64Array.from(res.variables.map((v) => v.level));
    x.forEach((v, j) => expect(v, prep.compiled.vars.refs[j].name).toBeCloseTo(want[j], 8));
    expect(levelReader(prep.compiled, x)('epsilon')).toBe(1.1);
  });

  it('writes a variable shock as the fixed value it gives (Sf × 1.1)', () => {
    const [sc] = parseScenarios({ name: 'fsav', variables: [{ variable: 'Sf', scale: 1.1 }] });
    const s = formatScenarioGams(prep.calibrated.model, sc);
    const sf0 = levelReader(prep.compiled, bench.x)('Sf');
    expect(s).toContain(`Sf.fx = ${1.1 * sf0};`);
  });

  it('writes $onEmpty before an empty set; the independent reader catches what GAMS would reject', () => {
    const m = new CgeModel('e');
    m.set('i', ['A']);
    m.set('none', []);
    m.variable('x', ['i'], { level: 1 });
    m.parameter('a', ['i']);
    m.setParameter('a', ['A'], 1);
    m.equations('ex(i).. x(i) =e= a(i);');
    const text = formatModelGams(m);
    expect(text).toMatch(/^\$onEmpty\nSet none \/\n\/;\n\$offEmpty$/m);
    expect(lintGams(text).errors).toEqual([]);
    expect(lintGams(text.replace('$onEmpty\n', '')).errors).toEqual([expect.stringMatching(/set none is empty without \$onEmpty/)]);
    expect(lintGams(text.replace('Parameter a(i) /', 'Parameter A(i) /\n/;\nParameter a(i) /')).errors).toEqual([
      expect.stringMatching(/a is declared twice/),
    ]);
    expect(lintGams(text.replace('x.l(', 'x.fx(')).errors).toEqual([expect.stringMatching(/not square: 1 equations, 0 free variables/)]);
    expect(lintGams(text.replace('=e= a(i)', '=e= b(i)')).errors).toEqual([expect.stringMatching(/b is used before it is declared/)]);
  });
});
