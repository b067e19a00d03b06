/**
 * The standard CGE model of Hosoe, Gasawa & Hashimoto (2010), *Textbook of Computable General
 * Equilibrium Modelling*, chapter 6 — `stdcge` (SEQ=276) of the GAMS Model Library. The equations
 * below are the GAMS ones, in the same order and notation, so they can be read next to the book.
 *
 * SAM accounts: goods (any labels), factors (the accounts paying the household, e.g. CAP, LAB), and
 * IDT (production tax), TRF (import tariff), HOH (household), GOV (government), INV
 * (savings-investment), EXT (rest of the world). Rows receive, columns pay.
 *
 * Parameter file keys: `armington_elasticity`, `transformation_elasticity` (by good),
 * `world_export_price`, `world_import_price` (by good, default 1), `numeraire`
 * (`{"variable":"pf","index":"LAB","value":1}`).
 *
 * Differences from the GAMS file, none of which changes the solution: foreign savings `Sf` is a
 * variable fixed by the default closure (so that a closure swap can free it against the exchange
 * rate); the model is solved as a square system, so one factor-market equation, redundant by
 * Walras' law, is dropped by the closure and its residual is reported as a check.
 * @module
 */
import { InputError } from '../../errors.js';
import type { CalibratedModel, CgeModelDefinition, LevelReader, ParameterReader } from '../definition.js';
import { CalibrationRecorder, type Calibration } from '../listing/calibration.js';
import { STDCGE_DOCUMENTATION_PARTS } from './stdcge-document.js';
import { openEconomyClosures } from './closures.js';
import { CgeModel } from '../model/model.js';
import { assertSamBalanced, SamCells, samAccumulator, type SamInput } from '../sam-input.js';
import { elementValue } from './params.js';

/** Institutional accounts the stdcge SAM must have. */
export const STDCGE_ACCOUNTS = ['IDT', 'TRF', 'HOH', 'GOV', 'INV', 'EXT'] as const;

/** The stdcge equations in the text form of the model language (GAMS notation). */
export const STDCGE_EQUATIONS = `
* domestic production
eqpy(j)..   Y(j)   =e= b(j)*prod(h, F(h,j)**beta(h,j));
eqF(h,j)..  F(h,j) =e= beta(h,j)*py(j)*Y(j)/pf(h);
eqX(i,j)..  X(i,j) =e= ax(i,j)*Z(j);
eqY(j)..    Y(j)   =e= ay(j)*Z(j);
eqpzs(j)..  pz(j)  =e= ay(j)*py(j) + sum(i, ax(i,j)*pq(i));
* government behavior
eqTd..      Td     =e= taud*sum(h, pf(h)*FF(h));
eqTz(j)..   Tz(j)  =e= tauz(j)*pz(j)*Z(j);
eqTm(i)..   Tm(i)  =e= taum(i)*pm(i)*M(i);
eqXg(i)..   Xg(i)  =e= mu(i)*(Td + sum(j, Tz(j)) + sum(j, Tm(j)) - Sg)/pq(i);
* investment behavior
eqXv(i)..   Xv(i)  =e= lambda(i)*(Sp + Sg + epsilon*Sf)/pq(i);
* savings
eqSp..      Sp     =e= ssp*sum(h, pf(h)*FF(h));
eqSg..      Sg     =e= ssg*(Td + sum(j, Tz(j)) + sum(j, Tm(j)));
* household consumption
eqXp(i)..   Xp(i)  =e= alpha(i)*(sum(h, pf(h)*FF(h)) - Sp - Td)/pq(i);
* international trade
eqpe(i)..   pe(i)  =e= epsilon*pWe(i);
eqpm(i)..   pm(i)  =e= epsilon*pWm(i);
eqepsilon.. sum(i, pWe(i)*E(i)) + Sf =e= sum(i, pWm(i)*M(i));
* Armington function
eqpqs(i)..  Q(i)   =e= gamma(i)*(deltam(i)*M(i)**eta(i) + deltad(i)*D(i)**eta(i))**(1/eta(i));
eqM(i)..    M(i)   =e= (gamma(i)**eta(i)*deltam(i)*pq(i)/((1+taum(i))*pm(i)))**(1/(1-eta(i)))*Q(i);
eqD(i)..    D(i)   =e= (gamma(i)**eta(i)*deltad(i)*pq(i)/pd(i))**(1/(1-eta(i)))*Q(i);
* transformation function
eqpzd(i)..  Z(i)   =e= theta(i)*(xie(i)*E(i)**phi(i) + xid(i)*D(i)**phi(i))**(1/phi(i));
eqE(i)..    E(i)   =e= (theta(i)**phi(i)*xie(i)*(1+tauz(i))*pz(i)/pe(i))**(1/(1-phi(i)))*Z(i);
eqDs(i)..   D(i)   =e= (theta(i)**phi(i)*xid(i)*(1+tauz(i))*pz(i)/pd(i))**(1/(1-phi(i)))*Z(i);
* market clearing condition
eqpqd(i)..  Q(i)   =e= Xp(i) + Xg(i) + Xv(i) + sum(j, X(i,j));
eqpf(h)..   sum(j, F(h,j)) =e= FF(h);
* utility function (the objective of the GAMS NLP)
obj..       UU     =e= prod(i, Xp(i)**alpha(i));
`;

const DESCRIPTIONS: Record<string, string> = {
  eqpy: 'composite factor aggregation function',
  eqF: 'factor demand function',
  eqX: 'intermediate demand function',
  eqY: 'composite factor demand function',
  eqpzs: 'unit cost function',
  eqTd: 'direct tax revenue function',
  eqTz: 'production tax revenue function',
  eqTm: 'import tariff revenue function',
  eqXg: 'government demand function',
  eqXv: 'investment demand function',
  eqSp: 'private saving function',
  eqSg: 'government saving function',
  eqXp: 'household demand function',
  eqpe: 'world export price equation',
  eqpm: 'world import price equation',
  eqepsilon: 'balance of payments',
  eqpqs: 'Armington function',
  eqM: 'import demand function',
  eqD: 'domestic good demand function',
  eqpzd: 'transformation function',
  eqDs: 'domestic good supply function',
  eqE: 'export supply function',
  eqpqd: 'market clearing condition for the composite good',
  eqpf: 'factor market clearing condition',
  obj: 'utility function',
};

/** Goods and factors of a stdcge SAM: factors pay the household; goods are the other non-institutional accounts. */
export function stdcgeAccounts(cells: SamCells, params: Readonly<Record<string, unknown>>): { goods: string[]; factors: string[] } {
  for (const a of STDCGE_ACCOUNTS) cells.index(a);
  const inst = new Set<string>(STDCGE_ACCOUNTS);
  const factors = Array.isArray(params.factors)
    ? params.factors.map(String)
    : cells.labels.filter((l) => !inst.has(l) && cells.get('HOH', l) > 0);
  const fset = new Set(factors);
  const goods = Array.isArray(params.goods) ? params.goods.map(String) : cells.labels.filter((l) => !inst.has(l) && !fset.has(l));
  if (!goods.length)
    throw new InputError('SAM_NO_GOODS', 'the SAM has no goods accounts', cells.sam.file ? { file: cells.sam.file } : undefined);
  if (!factors.length)
    throw new InputError(
      'SAM_NO_FACTORS',
      'the SAM has no factor accounts (accounts paying the household HOH)',
      cells.sam.file ? { file: cells.sam.file } : undefined,
    );
  return { goods, factors };
}

/** Builds and calibrates stdcge (the GAMS calibration block, statement by statement). */
export function calibrateStdcge(sam: SamInput, params: Readonly<Record<string, unknown>>, paramsFile?: string): CalibratedModel {
  assertSamBalanced(sam);
  const S = new SamCells(sam);
  const { goods, factors } = stdcgeAccounts(S, params);
  const m = new CgeModel('stdcge');
  m.set('i', goods, { description: 'goods' });
  m.set('h', factors, { description: 'factors' });
  m.alias('i', 'j');
  m.alias('h', 'k');

  // base-year values (the GAMS file's `Parameter …0` block), each with its text
  const rec = new CalibrationRecorder();
  const sumG = (f: (g: string) => number) => goods.reduce((s, g) => s + f(g), 0);
  const sumF = (f: (h: string) => number) => factors.reduce((s, h) => s + f(h), 0);
  const d = <F extends (...ix: string[]) => number>(name: string, domain: string[], text: string, description: string, fn: F) =>
    rec.datum(name, domain, text, description, fn);
  const Td0 = d('Td0', [], "SAM('GOV','HOH')", 'direct tax', () => S.get('GOV', 'HOH'));
  const Tz0 = d('Tz0', ['j'], "SAM('IDT',j)", 'production tax', (j) => S.get('IDT', j));
  const Tm0 = d('Tm0', ['j'], "SAM('TRF',j)", 'import tariff', (j) => S.get('TRF', j));
  const F0 = d('F0', ['h', 'j'], 'SAM(h,j)', 'the h-th factor input by the j-th firm', (h, j) => S.get(h, j));
  const Y0 = d('Y0', ['j'], 'sum(h, F0(h,j))', 'composite factor', (j) => sumF((h) => F0(h, j)));
  const X0 = d('X0', ['i', 'j'], 'SAM(i,j)', 'intermediate input', (i, j) => S.get(i, j));
  const Z0 = d('Z0', ['j'], 'Y0(j) + sum(i, X0(i,j))', 'output of the j-th good', (j) => Y0(j) + sumG((i) => X0(i, j)));
  const M0 = d('M0', ['i'], "SAM('EXT',i)", 'imports', (i) => S.get('EXT', i));
  const Xp0 = d('Xp0', ['i'], "SAM(i,'HOH')", 'household consumption of the i-th good', (i) => S.get(i, 'HOH'));
  const Xg0 = d('Xg0', ['i'], "SAM(i,'GOV')", 'government consumption', (i) => S.get(i, 'GOV'));
  const Xv0 = d('Xv0', ['i'], "SAM(i,'INV')", 'investment demand', (i) => S.get(i, 'INV'));
  const E0 = d('E0', ['i'], "SAM(i,'EXT')", 'exports', (i) => S.get(i, 'EXT'));
  const Q0 = d(
    'Q0',
    ['i'],
    'Xp0(i) + Xg0(i) + Xv0(i) + sum(j, X0(i,j))',
    "Armington's composite good",
    (i) => Xp0(i) + Xg0(i) + Xv0(i) + sumG((j) => X0(i, j)),
  );
  const Sp0 = d('Sp0', [], "SAM('INV','HOH')", 'private saving', () => S.get('INV', 'HOH'));
  const Sg0 = d('Sg0', [], "SAM('INV','GOV')", 'government saving', () => S.get('INV', 'GOV'));
  const Sf0 = d('Sf0', [], "SAM('INV','EXT')", 'foreign saving in US dollars', () => S.get('INV', 'EXT'));
  const tauz = (j: string) => Tz0(j) / Z0(j);
  const taum = (j: string) => (M0(j) === 0 ? 0 : Tm0(j) / M0(j));
  const FF = (h: string) => S.get('HOH', h);

  const par = (name: string, domain: string[], description: string, text: Calibration, f: (...ix: string[]) => number) => {
    m.parameter(name, domain, { description });
    for (const t of m.tuples(domain)) m.setParameter(name, t, f(...t));
    rec.add('parameter', name, domain, text);
  };
  const sigma = (i: string) => elementValue(params, 'armington_elasticity', i, paramsFile, { what: 'Armington elasticity' });
  const psi = (i: string) => elementValue(params, 'transformation_elasticity', i, paramsFile, { what: 'transformation (CET) elasticity' });
  const eta = (i: string) => (sigma(i) - 1) / sigma(i);
  const phi = (i: string) => (psi(i) + 1) / psi(i);
  par('FF', ['h'], 'factor endowment of the h-th factor', "SAM('HOH',h)", FF);
  par('pWe', ['i'], 'export price in foreign currency', 'world_export_price(i)', (i) =>
    elementValue(params, 'world_export_price', i, paramsFile, { fallback: 1, code: 'MISSING_PARAMETER' }),
  );
  par('pWm', ['i'], 'import price in foreign currency', 'world_import_price(i)', (i) =>
    elementValue(params, 'world_import_price', i, paramsFile, { fallback: 1, code: 'MISSING_PARAMETER' }),
  );
  par('tauz', ['i'], 'production tax rate', 'Tz0(i)/Z0(i)', tauz);
  par(
    'taum',
    ['i'],
    'import tariff rate',
    [
      ['', '0'],
      ['M0(i) <> 0', 'Tm0(i)/M0(i)'],
    ],
    taum,
  );
  const D0 = d('D0', ['i'], '(1 + tauz(i))*Z0(i) - E0(i)', 'domestic good', (i) => (1 + tauz(i)) * Z0(i) - E0(i));
  par('sigma', ['i'], 'elasticity of substitution (Armington)', 'armington_elasticity(i)', sigma);
  par('psi', ['i'], 'elasticity of transformation (CET)', 'transformation_elasticity(i)', psi);
  par('eta', ['i'], 'substitution elasticity parameter', '(sigma(i) - 1)/sigma(i)', eta);
  par('phi', ['i'], 'transformation elasticity parameter', '(psi(i) + 1)/psi(i)', phi);
  par('alpha', ['i'], 'share parameter in utility function', 'Xp0(i)/sum(j, Xp0(j))', (i) => Xp0(i) / sumG(Xp0));
  par('beta', ['h', 'j'], 'share parameter in production function', 'F0(h,j)/sum(k, F0(k,j))', (h, j) => F0(h, j) / sumF((k) => F0(k, j)));
  par(
    'b',
    ['j'],
    'scale parameter in production function',
    'Y0(j)/prod(h, F0(h,j)**beta(h,j))',
    (j) => Y0(j) / factors.reduce((p, h) => p * Math.pow(F0(h, j), F0(h, j) / Y0(j)), 1),
  );
  par('ax', ['i', 'j'], 'intermediate input requirement coefficient', 'X0(i,j)/Z0(j)', (i, j) => X0(i, j) / Z0(j));
  par('ay', ['j'], 'composite factor input requirement coefficient', 'Y0(j)/Z0(j)', (j) => Y0(j) / Z0(j));
  par('mu', ['i'], 'government consumption share', 'Xg0(i)/sum(j, Xg0(j))', (i) => Xg0(i) / sumG(Xg0));
  par('lambda', ['i'], 'investment demand share', 'Xv0(i)/(Sp0 + Sg0 + Sf0)', (i) => Xv0(i) / (Sp0() + Sg0() + Sf0()));
  const dm = (i: string) => (1 + taum(i)) * Math.pow(M0(i), 1 - eta(i));
  const dd = (i: string) => Math.pow(D0(i), 1 - eta(i));
  const DM = '(1 + taum(i))*M0(i)**(1 - eta(i))';
  const DD = 'D0(i)**(1 - eta(i))';
  par('deltam', ['i'], 'share parameter in Armington function (imports)', `${DM}/(${DM} + ${DD})`, (i) => dm(i) / (dm(i) + dd(i)));
  par('deltad', ['i'], 'share parameter in Armington function (domestic)', `${DD}/(${DM} + ${DD})`, (i) => dd(i) / (dm(i) + dd(i)));
  par(
    'gamma',
    ['i'],
    'scale parameter in Armington function',
    'Q0(i)/(deltam(i)*M0(i)**eta(i) + deltad(i)*D0(i)**eta(i))**(1/eta(i))',
    (i) => {
      const a = m.param('deltam', i) * Math.pow(M0(i), eta(i)) + m.param('deltad', i) * Math.pow(D0(i), eta(i));
      return Q0(i) / Math.pow(a, 1 / eta(i));
    },
  );
  const xe = (i: string) => Math.pow(E0(i), 1 - phi(i));
  const xd = (i: string) => Math.pow(D0(i), 1 - phi(i));
  const XE = 'E0(i)**(1 - phi(i))';
  const XD = 'D0(i)**(1 - phi(i))';
  par('xie', ['i'], 'share parameter in transformation function (exports)', `${XE}/(${XE} + ${XD})`, (i) => xe(i) / (xe(i) + xd(i)));
  par('xid', ['i'], 'share parameter in transformation function (domestic)', `${XD}/(${XE} + ${XD})`, (i) => xd(i) / (xe(i) + xd(i)));
  par(
    'theta',
    ['i'],
    'scale parameter in transformation function',
    'Z0(i)/(xie(i)*E0(i)**phi(i) + xid(i)*D0(i)**phi(i))**(1/phi(i))',
    (i) => {
      const a = m.param('xie', i) * Math.pow(E0(i), phi(i)) + m.param('xid', i) * Math.pow(D0(i), phi(i));
      return Z0(i) / Math.pow(a, 1 / phi(i));
    },
  );
  par('ssp', [], 'average propensity for private saving', 'Sp0/sum(h, FF(h))', () => Sp0() / sumF(FF));
  par(
    'ssg',
    [],
    'average propensity for government saving',
    'Sg0/(Td0 + sum(j, Tz0(j)) + sum(j, Tm0(j)))',
    () => Sg0() / (Td0() + sumG(Tz0) + sumG(Tm0)),
  );
  par('taud', [], 'direct tax rate', 'Td0/sum(h, FF(h))', () => Td0() / sumF(FF));

  // variables: levels at the benchmark, lower bounds as in the GAMS file
  const LO = 1e-5;
  const v = (name: string, domain: string[], description: string, text: Calibration, level: (...ix: string[]) => number, lower = LO) => {
    m.variable(name, domain, { description, lower });
    for (const t of m.tuples(domain)) m.setLevel(name, t, level(...t));
    rec.add('level', name, domain, text);
  };
  v('Y', ['j'], 'composite factor', 'Y0(j)', Y0);
  v('F', ['h', 'j'], 'the h-th factor input by the j-th firm', 'F0(h,j)', F0);
  v('X', ['i', 'j'], 'intermediate input', 'X0(i,j)', X0);
  v('Z', ['j'], 'output of the j-th good', 'Z0(j)', Z0);
  v('Xp', ['i'], 'household consumption of the i-th good', 'Xp0(i)', Xp0);
  v('Xg', ['i'], 'government consumption', 'Xg0(i)', Xg0);
  v('Xv', ['i'], 'investment demand', 'Xv0(i)', Xv0);
  v('E', ['i'], 'exports', 'E0(i)', E0);
  v('M', ['i'], 'imports', 'M0(i)', M0);
  v('Q', ['i'], "Armington's composite good", 'Q0(i)', Q0);
  v('D', ['i'], 'domestic good', 'D0(i)', D0);
  v('pf', ['h'], 'the h-th factor price', '1', () => 1);
  v('py', ['j'], 'composite factor price', '1', () => 1);
  v('pz', ['j'], 'supply price of the i-th good', '1', () => 1);
  v('pq', ['i'], "Armington's composite good price", '1', () => 1);
  v('pe', ['i'], 'export price in local currency', '1', () => 1);
  v('pm', ['i'], 'import price in local currency', '1', () => 1);
  v('pd', ['i'], 'the i-th domestic good price', '1', () => 1);
  v('epsilon', [], 'exchange rate', '1', () => 1);
  v('Sp', [], 'private saving', 'Sp0', Sp0);
  v('Sg', [], 'government saving', 'Sg0', Sg0);
  v('Td', [], 'direct tax', 'Td0', Td0);
  v('Tz', ['j'], 'production tax', 'Tz0(j)', Tz0, 0);
  v('Tm', ['i'], 'import tariff', 'Tm0(i)', Tm0, 0);
  v('Sf', [], 'foreign saving in foreign currency', 'Sf0', Sf0, -Infinity);
  v(
    'UU',
    [],
    'utility',
    'prod(i, Xp0(i)**alpha(i))',
    () => goods.reduce((p, i) => p * Math.pow(Xp0(i), m.param('alpha', i)), 1),
    -Infinity,
  );

  m.equations(STDCGE_EQUATIONS, DESCRIPTIONS);

  const closures = openEconomyClosures(
    params,
    factors[factors.length - 1],
    'numeraire fixed; foreign savings fixed in foreign currency, flexible exchange rate; savings-driven investment; factor endowments fixed and mobile',
  );
  return {
    model: m,
    closures,
    defaultClosure: 'default',
    nominal: ['pf', 'py', 'pz', 'pq', 'pe', 'pm', 'pd', 'epsilon', 'Sp', 'Sg', 'Td', 'Tz', 'Tm'],
    households: [{ household: 'HOH', goods: 'i', consumption: 'Xp', price: 'pq', share: 'alpha' }],
    calibration: rec.result(),
    gdp: (L: LevelReader, B: LevelReader) => {
      const fd = (R: LevelReader) =>
        goods.reduce(
          (s, i) =>
            s + R('pq', [i]) * (L('Xp', [i]) + L('Xg', [i]) + L('Xv', [i])) + R('pe', [i]) * L('E', [i]) - R('pm', [i]) * L('M', [i]),
          0,
        );
      return { nominal: fd(L), real: fd(B) };
    },
    samOf: (L: LevelReader, P: ParameterReader) => {
      const { put, result } = samAccumulator(S.labels);
      for (const j of goods) {
        for (const i of goods) put(i, j, L('pq', [i]) * L('X', [i, j]));
        for (const h of factors) put(h, j, L('pf', [h]) * L('F', [h, j]));
        put('IDT', j, L('Tz', [j]));
        put('TRF', j, L('Tm', [j]));
        put('EXT', j, L('pm', [j]) * L('M', [j]));
        put(j, 'HOH', L('pq', [j]) * L('Xp', [j]));
        put(j, 'GOV', L('pq', [j]) * L('Xg', [j]));
        put(j, 'INV', L('pq', [j]) * L('Xv', [j]));
        put(j, 'EXT', L('pe', [j]) * L('E', [j]));
        put('GOV', 'IDT', L('Tz', [j]));
        put('GOV', 'TRF', L('Tm', [j]));
      }
      for (const h of factors) put('HOH', h, L('pf', [h]) * P('FF', [h]));
      put('GOV', 'HOH', L('Td'));
      put('INV', 'HOH', L('Sp'));
      put('INV', 'GOV', L('Sg'));
      put('INV', 'EXT', L('epsilon') * L('Sf'));
      return result();
    },
  };
}

/** The stdcge model of the library. */
export const stdcge: CgeModelDefinition = {
  name: 'stdcge',
  description: 'Standard CGE model of Hosoe, Gasawa & Hashimoto (2010), chapter 6 (GAMS Model Library stdcge, SEQ=276)',
  calibrate: calibrateStdcge,
  documentation: { ...STDCGE_DOCUMENTATION_PARTS, equations: STDCGE_EQUATIONS },
};
