import { describe, expect, it } from 'vitest';
import { CgeModel, parseEquations } from '../../../src/cge/index.js';
import { compileModel, parameterVector } from '../../../src/cge/compile/compile.js';
import { parseAllEquations } from '../../../src/cge/model/parse.js';
import { DigicgeError, type ModelError } from '../../../src/errors.js';

/**
 * A small model over the ordered set t = {t1, t2, t3}: parameter a(t) = (2, 3, 5), variable
 * X(t) with levels x; the residuals lhs − rhs of `text` at x, by row name.
 */
function residuals(text: string, x: readonly number[] = [1.5, 2, 4]): Record<string, number> {
  const m = new CgeModel('t');
  m.set('t', ['t1', 't2', 't3']);
  m.alias('t', 'tt');
  m.parameter('a', ['t']);
  [2, 3, 5].forEach((v, k) => m.setParameter('a', [`t${k + 1}`], v));
  m.parameter('PE_fob', [], { value: 7 });
  m.variable('X', ['t']);
  m.variable('Y', []);
  x.forEach((v, k) => m.setLevel('X', [`t${k + 1}`], v));
  m.setLevel('Y', [], 10);
  m.equations(text);
  const cm = compileModel(m);
  const p = parameterVector(m, cm.params);
  const q = new Float64Array(cm.qSize);
  cm.prepare(p, q);
  const xv = new Float64Array(cm.vars.size);
  for (const v of m.variableList) xv.set(v.level, cm.vars.offset.get(v.name)!);
  const F = new Float64Array(cm.rows.length);
  cm.residual(xv, p, q, F);
  const out: Record<string, number> = {};
  cm.rows.forEach((r, k) => (out[r.index.length ? `${r.name}(${r.index.join(',')})` : r.name] = F[k]));
  return out;
}

describe('GAMS equation text as GAMS reads it', () => {
  it('keeps an indented line starting with * as code: it multiplies, it is not a comment', () => {
    // In GAMS a * starts a comment only in column 1; the indented *a(t) continues the product.
    const r = residuals('e(t)..  Y =e= X(t)\n     *a(t);\n* a real comment in column 1\n');
    // Y − X(t)·a(t) at Y = 10: 10 − 3, 10 − 6, 10 − 20.
    expect(r).toEqual({ 'e(t1)': 7, 'e(t2)': 4, 'e(t3)': -10 });
  });

  it('reads statements over several lines: a break after .., before an operator, inside sum(…)', () => {
    const r = residuals('e..\n   Y\n   =e= sum(t,\n        X(t)\n        + 1);');
    expect(r.e).toBeCloseTo(10 - (1.5 + 2 + 4 + 3), 14);
  });

  it('reads [ ] and { } as brackets', () => {
    const r = residuals('e.. Y =e= [X("t1") + {X("t2")}] * sum[t, a(t)];');
    expect(r.e).toBeCloseTo(10 - 3.5 * 10, 14);
  });

  it('folds case: SUM, PROD, pe_FOB and x(T) are sum, prod, PE_fob and X(t)', () => {
    const r = residuals('E(T).. y =E= SUM(TT, x(TT)) + Prod(tt, A(tt)) * pe_FOB;');
    expect(r['E(t1)']).toBeCloseTo(10 - (7.5 + 30 * 7), 12);
  });

  it('reads eq ne lt le gt ge in conditions, as words and as symbols', () => {
    const r = residuals(
      'e1.. Y =e= sum(t$(a(t) gt 2), X(t));\ne2.. Y =e= sum(t$(a(t) le 3 and a(t) ne 2), X(t));\ne3.. Y =e= sum(t$(a(t) eq 5 or a(t) < 2.5), X(t));\ne4.. Y =e= sum(t$(a(t) >= 3), X(t));',
    );
    expect(r).toEqual({ e1: 10 - 6, e2: 10 - 2, e3: 10 - 5.5, e4: 10 - 6 });
  });

  it('applies $ conditions on expressions as well as on indices and domains', () => {
    const r = residuals('e(t)$(a(t) > 2).. Y =e= X(t)$(a(t) = 5) + 1$(a(t) < 4);');
    // t1 is outside the domain condition; t2: 0 + 1; t3: 4 + 0.
    expect(r).toEqual({ 'e(t2)': 9, 'e(t3)': 6 });
  });

  it('reads sqr, power, max, min and abs and differentiates them', () => {
    const r = residuals('e(t).. Y =e= sqr(X(t)) + power(X(t), 3) + max(X(t), 2, a(t)-1) - min(X(t), 2) + abs(X(t) - 3);');
    const want = [1.5, 2, 4].map((x, k) => 10 - (x * x + x ** 3 + Math.max(x, 2, [2, 3, 5][k] - 1) - Math.min(x, 2) + Math.abs(x - 3)));
    ['e(t1)', 'e(t2)', 'e(t3)'].forEach((k, i) => expect(r[k]).toBeCloseTo(want[i], 12));
  });

  it('reads lags and leads on an ordered set; outside the set the reference is 0', () => {
    const r = residuals('e(t).. X(t) =e= X(t-1) + 2*X(t+1);');
    // t1: X(t0) does not exist → 1.5 − (0 + 4); t2: 2 − (1.5 + 8); t3: 4 − (2 + 0).
    expect(r).toEqual({ 'e(t1)': -2.5, 'e(t2)': -7.5, 'e(t3)': 2 });
  });

  it('reads =g= and =l= with their relation; a square system rejects them by name', () => {
    const eqs = parseAllEquations('lo(t).. X(t) =G= 1;\nhi.. Y =l= 3;');
    expect(eqs.map((e) => [e.name, e.relation])).toEqual([
      ['lo', 'g'],
      ['hi', 'l'],
    ]);
    try {
      parseEquations('eqA(i).. x(i) =g= 1;');
      expect.unreachable();
    } catch (err) {
      expect((err as ModelError).code).toBe('MODEL_UNSUPPORTED');
      expect((err as ModelError).location?.equation).toBe('eqA');
    }
  });

  it('reports text it does not understand with its line and column, never drops it', () => {
    const cases: [string, number, number][] = [
      ['e.. Y =e= 1\n  + ? X("t1");', 2, 5],
      ['e.. Y =e= (1 +\n 2;', 2, 3],
      ['e.. Y =x= 1;', 1, 7],
      ['e(t) Y =e= 1;', 1, 1],
      ['e.. Y =e= X("t1") X("t2");', 1, 19],
    ];
    for (const [text, line, col] of cases) {
      try {
        parseAllEquations(text);
        expect.unreachable(text);
      } catch (err) {
        expect(err, text).toBeInstanceOf(DigicgeError);
        expect([(err as DigicgeError).location?.row, (err as DigicgeError).location?.column], text).toEqual([line, col]);
      }
    }
  });

  it('reads $ontext … $offtext as a comment block', () => {
    const r = residuals('$ontext\ne2.. Y =e= 99;\n$offtext\ne.. Y =e= 1;');
    expect(r).toEqual({ e: 9 });
  });
});
