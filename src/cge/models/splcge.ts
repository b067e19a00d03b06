/**
 * The simple CGE model of Hosoe, Gasawa & Hashimoto (2010), chapter 5 — `splcge` of the GAMS Model
 * Library: two goods produced from two factors with Cobb-Douglas technology, one household with
 * Cobb-Douglas utility, no government, no trade. The equations are the GAMS ones.
 *
 * SAM accounts: goods, factors (the accounts paying the household) and HOH. The square system
 * drops one factor-market equation, redundant by Walras' law, and fixes the numeraire.
 * @module
 */
import type { Closure } from '../closure.js';
import type { CalibratedModel, CgeModelDefinition, LevelReader, ParameterReader } from '../definition.js';
import { CgeModel } from '../model/model.js';
import { assertSamBalanced, SamCells, samAccumulator, type SamInput } from '../sam-input.js';
import { InputError } from '../../errors.js';
import { CalibrationRecorder, type Calibration } from '../listing/calibration.js';
import { SPLCGE_DOCUMENTATION_PARTS } from './splcge-document.js';
import { numeraireOf } from './params.js';

/** The splcge equations in the text form of the model language (GAMS notation). */
export const SPLCGE_EQUATIONS = `
eqX(i)..   X(i)   =e= alpha(i)*sum(h, pf(h)*FF(h))/px(i);
eqpz(j)..  Z(j)   =e= b(j)*prod(h, F(h,j)**beta(h,j));
eqF(h,j).. F(h,j) =e= beta(h,j)*pz(j)*Z(j)/pf(h);
eqpx(i)..  X(i)   =e= Z(i);
eqpf(h)..  sum(j, F(h,j)) =e= FF(h);
eqZ(i)..   px(i)  =e= pz(i);
obj..      UU     =e= prod(i, X(i)**alpha(i));
`;

/** Builds and calibrates splcge. */
export function calibrateSplcge(sam: SamInput, params: Readonly<Record<string, unknown>>): CalibratedModel {
  assertSamBalanced(sam);
  const S = new SamCells(sam);
  S.index('HOH');
  const factors = S.labels.filter((l) => l !== 'HOH' && S.get('HOH', l) > 0);
  const goods = S.labels.filter((l) => l !== 'HOH' && !factors.includes(l));
  if (!goods.length || !factors.length)
    throw new InputError('SAM_NO_GOODS', 'splcge needs goods and factor accounts besides HOH', sam.file ? { file: sam.file } : undefined);
  const m = new CgeModel('splcge');
  m.set('i', goods, { description: 'goods' });
  m.set('h', factors, { description: 'factors' });
  m.alias('i', 'j');
  m.alias('h', 'k');
  const rec = new CalibrationRecorder();
  const X0 = rec.datum('X0', ['i'], "SAM(i,'HOH')", 'household consumption of the i-th good', (i) => S.get(i, 'HOH'));
  const F0 = rec.datum('F0', ['h', 'j'], 'SAM(h,j)', 'the h-th factor input by the j-th firm', (h, j) => S.get(h, j));
  const Z0 = rec.datum('Z0', ['j'], 'sum(h, F0(h,j))', 'output of the j-th good', (j) => factors.reduce((s, h) => s + F0(h, j), 0));
  const FF = (h: string) => S.get('HOH', h);
  const sumX = goods.reduce((s, g) => s + X0(g), 0);
  const par = (name: string, domain: string[], description: string, text: Calibration, f: (...ix: string[]) => number) => {
    m.parameter(name, domain, { description });
    for (const t of m.tuples(domain)) m.setParameter(name, t, f(...t));
    rec.add('parameter', name, domain, text);
  };
  par('FF', ['h'], 'factor endowment of the h-th factor', "SAM('HOH',h)", FF);
  par('alpha', ['i'], 'share parameter in utility function', 'X0(i)/sum(j, X0(j))', (i) => X0(i) / sumX);
  par('beta', ['h', 'j'], 'share parameter in production function', 'F0(h,j)/Z0(j)', (h, j) => F0(h, j) / Z0(j));
  par(
    'b',
    ['j'],
    'scale parameter in production function',
    'Z0(j)/prod(h, F0(h,j)**beta(h,j))',
    (j) => Z0(j) / factors.reduce((p, h) => p * Math.pow(F0(h, j), F0(h, j) / Z0(j)), 1),
  );
  const v = (name: string, domain: string[], description: string, text: Calibration, level: (...ix: string[]) => number, lower = 0.001) => {
    m.variable(name, domain, { description, lower });
    for (const t of m.tuples(domain)) m.setLevel(name, t, level(...t));
    rec.add('level', name, domain, text);
  };
  v('X', ['i'], 'household consumption of the i-th good', 'X0(i)', X0);
  v('F', ['h', 'j'], 'the h-th factor input by the j-th firm', 'F0(h,j)', F0);
  v('Z', ['j'], 'output of the j-th good', 'Z0(j)', Z0);
  v('px', ['i'], 'demand price of the i-th good', '1', () => 1);
  v('pz', ['j'], 'supply price of the i-th good', '1', () => 1);
  v('pf', ['h'], 'the h-th factor price', '1', () => 1);
  v('UU', [], 'utility', 'prod(i, X0(i)**alpha(i))', () => goods.reduce((p, i) => p * Math.pow(X0(i), X0(i) / sumX), 1), -Infinity);
  m.equations(SPLCGE_EQUATIONS, {
    eqX: 'household demand function',
    eqpz: 'production function',
    eqF: 'factor demand function',
    eqpx: 'good market clearing condition',
    eqpf: 'factor market clearing condition',
    eqZ: 'price equation',
    obj: 'utility function',
  });
  const last = factors[factors.length - 1];
  const num = numeraireOf(params, { variable: 'pf', index: [last], value: 1 });
  const closures: Record<string, Closure> = {
    default: {
      name: 'default',
      description: 'numeraire fixed; factor endowments fixed and mobile',
      fix: [{ variable: num.variable, index: num.index, value: num.value, reason: 'numeraire' }],
      drop: [{ equation: 'eqpf', index: [last], reason: "redundant by Walras' law" }],
    },
  };
  return {
    model: m,
    closures,
    defaultClosure: 'default',
    nominal: ['px', 'pz', 'pf'],
    households: [{ household: 'HOH', goods: 'i', consumption: 'X', price: 'px', share: 'alpha' }],
    calibration: rec.result(),
    gdp: (L: LevelReader, B: LevelReader) => ({
      nominal: goods.reduce((s, i) => s + L('px', [i]) * L('X', [i]), 0),
      real: goods.reduce((s, i) => s + B('px', [i]) * L('X', [i]), 0),
    }),
    samOf: (L: LevelReader, P: ParameterReader) => {
      const { put, result } = samAccumulator(S.labels);
      for (const j of goods) {
        for (const h of factors) put(h, j, L('pf', [h]) * L('F', [h, j]));
        put(j, 'HOH', L('px', [j]) * L('X', [j]));
      }
      for (const h of factors) put('HOH', h, L('pf', [h]) * P('FF', [h]));
      return result();
    },
  };
}

/** The splcge model of the library. */
export const splcge: CgeModelDefinition = {
  name: 'splcge',
  description: 'Simple CGE model of Hosoe, Gasawa & Hashimoto (2010), chapter 5 (GAMS Model Library splcge)',
  calibrate: calibrateSplcge,
  documentation: { ...SPLCGE_DOCUMENTATION_PARTS, equations: SPLCGE_EQUATIONS },
};
