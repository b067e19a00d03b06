import { describe, expect, it } from 'vitest';
import { ModelError } from '../../../src/errors.js';
import { CgeModel, formatExpr, parseEquations, parseExpr } from '../../../src/cge/index.js';

describe('text form of the model language', () => {
  it('reads GAMS powers, sums over several sets, $ conditions and quoted elements', () => {
    const e = parseExpr("b(j)*prod(h, F(h,j)**beta(h,j)) + sum((i,k)$(ax(i,k) <> 0), X(i,k)) - F('LAB',j)");
    expect(formatExpr(e)).toBe("(((b(j) * prod(h, (F(h,j) ** beta(h,j)))) + sum((i,k)$((ax(i,k) != 0)), X(i,k))) - F('LAB',j))");
  });

  it('reads equation statements with domains, conditions and comments', () => {
    const eqs = parseEquations(`
* a comment line
eqX(i,j)$(ax(i,j)).. X(i,j) =e= ax(i,j)*Z(j);
obj.. UU =E= prod(i, Xp(i)**alpha(i));`);
    expect(eqs.map((e) => e.name)).toEqual(['eqX', 'obj']);
    expect(eqs[0].domain).toEqual(['i', 'j']);
    expect(eqs[0].condition).toBeDefined();
    expect(eqs[1].domain).toEqual([]);
  });

  it('rejects inequalities in a square system, naming the equation', () => {
    try {
      parseEquations('eqA(i).. x(i) =g= 1;');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ModelError);
      expect((err as ModelError).code).toBe('MODEL_UNSUPPORTED');
      expect((err as ModelError).location?.equation).toBe('eqA');
    }
  });

  it('reports a syntax error with the statement', () => {
    expect(() => parseEquations('eqA(i).. x(i) =e= (1 + ;')).toThrow(/expected a number, a name or a bracket/);
    expect(() => parseEquations('eqA(i) x(i) =e= 1;')).toThrow(ModelError);
    expect(formatExpr(parseExpr('a + b$(c)'))).toBe('(a + (b$c))');
  });

  it('checks names, elements and arities when building a model', () => {
    const m = new CgeModel('t');
    m.set('i', ['A', 'B']);
    m.alias('i', 'j');
    m.parameter('a', ['i', 'j']);
    m.setParameter('a', ['A', 'B'], 3);
    expect(m.param('a', ['A', 'B'])).toBe(3);
    expect(() => m.setParameter('a', ['A', 'C'], 1)).toThrow(/"C" is not an element of set i/);
    expect(() => m.set('i', ['X'])).toThrow(/already declared/);
    expect(() => m.set('s', ['A', 'Z'], { parent: 'i' })).toThrow(/not an element of i/);
    expect([...m.tuples(['i', 'j'])]).toEqual([
      ['A', 'A'],
      ['A', 'B'],
      ['B', 'A'],
      ['B', 'B'],
    ]);
  });
});
