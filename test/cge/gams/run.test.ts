import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGams, type GamsRunResult, type GVariable } from '../../../src/cge/index.js';
import { DigicgeError } from '../../../src/errors.js';

const DIR = join(import.meta.dirname, '../../../datasets/models');
const read = (name: string) => readFileSync(join(DIR, 'gams', name), 'utf8');

function level(r: GamsRunResult, name: string, ...index: string[]): number {
  const v = r.state.get(name) as GVariable;
  const a = v.attrs.get(index.join('\u0001'));
  if (!a) throw new Error(`no level for ${name}(${index.join(',')})`);
  return a.l;
}

function param(r: GamsRunResult, name: string, ...index: string[]): number {
  const p = r.state.get(name);
  if (p?.kind !== 'parameter') throw new Error(`${name} is not a parameter`);
  return p.values.get(index.join('\u0001')) ?? 0;
}

describe('digicge cge run on the GAMS Model Library files, verbatim', () => {
  it('splcge.gms (SEQ=275) replicates its SAM at the benchmark', () => {
    const r = runGams(read('splcge.gms'), 'splcge.gms');
    expect(r.title).toBe('A Simple CGE Model in Ch. 5 (SPLCGE,SEQ=275)');
    expect(r.solves).toHaveLength(1);
    expect(r.skipped).toEqual([]);
    const sam: [string, string[], number][] = [
      ['X', ['BRD'], 15],
      ['X', ['MLK'], 35],
      ['F', ['CAP', 'BRD'], 5],
      ['F', ['CAP', 'MLK'], 20],
      ['F', ['LAB', 'BRD'], 10],
      ['F', ['LAB', 'MLK'], 15],
      ['Z', ['BRD'], 15],
      ['Z', ['MLK'], 35],
      ['px', ['BRD'], 1],
      ['pz', ['MLK'], 1],
      ['pf', ['CAP'], 1],
      ['pf', ['LAB'], 1],
    ];
    for (const [v, ix, want] of sam) expect(level(r, v, ...ix), `${v}(${ix})`).toBeCloseTo(want, 9);
    expect(level(r, 'UU')).toBeCloseTo(15 ** 0.3 * 35 ** 0.7, 9);
  });

  it('stdcge.gms (SEQ=276) gives the published levels of the tariff abolition and EV = 1.145', () => {
    const pub = JSON.parse(readFileSync(join(DIR, 'stdcge/published_results.json'), 'utf8')) as {
      utility_base: number;
      utility_after: number;
      equivalent_variation: number;
      levels_after: Record<string, number | Record<string, number | Record<string, number>>>;
    };
    const r = runGams(read('stdcge.gms'), 'stdcge.gms');
    expect(r.solves.map((s) => [s.line, s.type, s.objective])).toEqual([
      [307, 'nlp', 'UU'],
      [314, 'nlp', 'UU'],
    ]);
    // The listing prints four decimals: every level within half a unit of the last.
    let checked = 0;
    for (const [name, v] of Object.entries(pub.levels_after)) {
      const walk = (x: number | Record<string, unknown>, ix: string[]) => {
        if (typeof x === 'number') {
          expect(Math.abs(level(r, name, ...ix) - x), `${name}(${ix})`).toBeLessThanOrEqual(5.001e-5);
          checked++;
        } else for (const [k, y] of Object.entries(x)) walk(y as number | Record<string, unknown>, [...ix, k]);
      };
      walk(v, []);
    }
    expect(checked).toBe(48);
    expect(level(r, 'UU')).toBeCloseTo(pub.utility_after, 6);
    const ev = r.displays.find((d) => d.name === 'EV')!;
    expect(ev.line).toBe(362);
    expect(Math.abs(ev.values[0].value - pub.equivalent_variation)).toBeLessThan(5e-4);
    // The benchmark utility, as the model computes it in UU0 (the base run's solution).
    expect(param(r, 'UU0')).toBeCloseTo(pub.utility_base, 9);
    // Published percentage changes (List 8.1 display).
    expect(param(r, 'depsilon')).toBeCloseTo(6.282, 3);
    expect(param(r, 'dSg')).toBeCloseTo(-8.597, 3);
    expect(param(r, 'dTm', 'MLK')).toBeCloseTo(-100, 9);
  });

  it('reports what it skips, by line: option, File, put, loop and the put-file attribute', () => {
    const r = runGams(read('stdcge.gms'), 'stdcge.gms');
    const first = r.skipped.slice(0, 5).map((k) => [k.line, k.statement]);
    expect(first).toEqual([
      [312, 'option'],
      [365, 'File'],
      [366, 'put'],
      [368, 'listA1out…'],
      [371, 'put'],
    ]);
    // Every put/loop statement of the file's last part (lines 365–404) is listed.
    const text = read('stdcge.gms').split('\n');
    const putLines = text.flatMap((l, k) => (/^(put|loop)\b/.test(l) && k + 1 >= 365 ? [k + 1] : []));
    expect(r.skipped.filter((k) => k.statement === 'put' || k.statement === 'loop').map((k) => k.line)).toEqual(putLines);
  });

  it('runs calibration assignments with $ conditions, smax, ranges and lags, as GAMS defines them', () => {
    const r = runGams(`
Set t 'periods' / t1*t4 /;
Parameter g(t) / t1 2, t3 -1 /, c(t), s;
c(t)$(g(t) ne 0) = 10;
c(t)$(ord(t) > 1) = c(t) + c(t-1);
s = smax(t, c(t)) + card(t);
display c, s;`);
    // c: t1 10, t2 0+10, t3 10+10, t4 0+20 — each assignment uses values already updated.
    expect(r.displays[0].values.map((v) => v.value)).toEqual([10, 10, 20, 20]);
    expect(r.displays[1].values[0].value).toBe(24);
  });

  it('solves an MCP with a wage floor: =g= paired with unemployment, in both regimes', () => {
    const text = (A: number) => `
Scalar A / ${A} /, Ls / 10 /, wbar / 1 /;
Positive Variable U;
Variable w;
Equation floor, market;
floor..  w =g= wbar;
market.. Ls - U =e= A/w;
w.l = 1; U.l = 1; w.lo = 0.01;
Model lab / floor.U, market.w /;
solve lab using mcp;`;
    const at = (r: GamsRunResult, v: string) => level(r, v);
    // Demand A/w at the floor is 8 < 10: the floor binds, 2 unemployed.
    const bind = runGams(text(8));
    expect(at(bind, 'w')).toBeCloseTo(1, 12);
    expect(at(bind, 'U')).toBeCloseTo(2, 12);
    // Demand 12 at the floor exceeds supply: full employment at w = 12/10, the floor slack.
    const slack = runGams(text(12));
    expect(at(slack, 'w')).toBeCloseTo(1.2, 10);
    expect(at(slack, 'U')).toBeCloseTo(0, 10);
    // Without the pairing and mcp, an inequality is refused, naming the equation.
    expect(() => runGams(text(8).replace('floor.U, market.w', 'floor, market'))).toThrow(
      /needs solve using mcp and a complementary variable/,
    );
  });

  it('reads unquoted explanatory text to the end of its line, apostrophes and brackets included', () => {
    const r = runGams(`Set j 'industries' / agr, ind /;
Parameter
 PO(j)     Basic price of industry j's production (excluding taxes)
 XSO(j)    Output;
PO(j) = 1;
display PO;`);
    const po = r.state.get('PO');
    expect(po?.kind === 'parameter' && po.text).toBe("Basic price of industry j's production (excluding taxes)");
    expect(r.state.get('XSO')?.kind).toBe('parameter');
    expect(r.displays[0].values.map((v) => v.value)).toEqual([1, 1]);
  });

  it('makes anything it does not understand an error with line and column', () => {
    const bad: [string, number, number][] = [
      ['Set i / a /;\nfoo bar;', 2, 1],
      ['Set i / a /;\nParameter p(i);\np(j) = 1;', 3, 1],
      ['Set i / a /;\nParameter p(i);\np(i) = 1/0;', 3, 9],
      ['$include other.gms\nSet i / a /;', 1, 1],
      ['Set i / a /;\nTable t(i,i)\n     a\n a         3 ;', 4, 12],
    ];
    for (const [text, line, col] of bad) {
      try {
        runGams(text, 'x.gms');
        expect.unreachable(text);
      } catch (err) {
        expect(err, text).toBeInstanceOf(DigicgeError);
        expect([(err as DigicgeError).location?.row, (err as DigicgeError).location?.column], text).toEqual([line, col]);
        expect((err as DigicgeError).location?.file).toBe('x.gms');
      }
    }
  });
});
