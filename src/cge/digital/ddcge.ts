/**
 * `ddcge` — the digital-divide CGE model. Its document, docs/models/digital-divide.md, is generated
 * from this definition (`digicge cge document --model ddcge`) and checked against it by a test.
 *
 * The standard model of Hosoe, Gasawa & Hashimoto (2010) — Leontief intermediates, production tax,
 * Armington imports, CET exports, government and savings-driven investment, foreign savings with a
 * flexible exchange rate; one account per good for the activity and the commodity — extended with:
 * - CES value added over labour by digital skill and capital, in efficiency units (`EFF`), with
 *   total factor productivity `TFP` by activity;
 * - households by location × digital access, each with a linear expenditure system per capita
 *   (`POP`, `gam`, `bet`) and its own direct-tax and saving rates, owning factor endowments `FFH`;
 * - the four connectivity channels: telecom access bought by connected people (`acc`), a cheaper
 *   effective price of digitally ordered goods for connected households (`dpo`, a resource
 *   saving), a productivity premium of newly connected workers (carried in `FFH`) and spillovers to
 *   industries by their digital input intensity (`TFP`);
 * - a programme of investment (`XvP`) financed by the government (`gshare`), from abroad
 *   (`fshare`) or out of private savings (the rest).
 *
 * SAM accounts (rows receive, columns pay): goods, factors (paying the households), `IDT`, `TRF`,
 * the households, `GOV`, `INV`, `EXT`. Money in the SAM's unit; populations in persons. The
 * parameter file's keys are listed in the model's documentation (`ddcge-document.ts`).
 * @module
 */
import { InputError, ModelError } from '../../errors.js';
import type { CalibratedModel, CgeModelDefinition, LevelReader, ParameterReader } from '../definition.js';
import { CalibrationRecorder, type Calibration } from '../listing/calibration.js';
import { openEconomyClosures } from '../models/closures.js';
import { CgeModel } from '../model/model.js';
import { elementValue } from '../models/params.js';
import { assertSamBalanced, SamCells, samAccumulator, type SamInput } from '../sam-input.js';
import { DDCGE_DOCUMENTATION_PARTS } from './ddcge-document.js';
import { ddcgeSetup, type DdcgeSetup } from './ddcge-setup.js';
import { calibrateLes } from './les.js';

export {
  channelsOf,
  ddcgeHouseholds,
  ddcgeSetup,
  DDCGE_ACCOUNTS,
  type DdcgeChannels,
  type DdcgeHousehold,
  type DdcgeSetup,
} from './ddcge-setup.js';

/** The ddcge equations in the text form of the model language (GAMS notation). */
export const DDCGE_EQUATIONS = `
* domestic production: CES value added in efficiency units, Leontief top
eqpy(j)..   Y(j)   =e= b(j)*TFP(j)*sum(f$(hasF(f,j) <> 0), beta(f,j)*F(f,j)**rho(j))**(1/rho(j));
eqF(f,j)$(hasF(f,j) <> 0)..  pf(f) =e= py(j)*(b(j)*TFP(j))**rho(j)*beta(f,j)*(Y(j)/F(f,j))**(1-rho(j));
eqX(i,j)..  X(i,j) =e= ax(i,j)*Z(j);
eqY(j)..    Y(j)   =e= ay(j)*Z(j);
eqpzs(j)..  pz(j)  =e= ay(j)*py(j) + sum(i, ax(i,j)*pq(i));
* household income, taxes and savings
eqYH(hh)..  YH(hh) =e= sum(f, pf(f)*EFF(f)*FFH(f,hh));
eqTd..      Td     =e= sum(hh, taud(hh)*YH(hh));
eqTz(j)..   Tz(j)  =e= tauz(j)*pz(j)*Z(j);
eqTm(i)..   Tm(i)  =e= taum(i)*pm(i)*M(i);
eqSp..      Sp     =e= sum(hh, ssp(hh)*YH(hh));
eqSg..      Sg     =e= ssg*(Td + sum(j, Tz(j)) + sum(j, Tm(j)));
eqEH(hh)..  EH(hh) =e= (1 - ssp(hh) - taud(hh))*YH(hh);
* government and investment demand; the investment programme XvP and its financing
eqGINV..    GINV   =e= gshare*sum(j, pq(j)*XvP(j));
eqSfP..     epsilon*SfP =e= fshare*sum(j, pq(j)*XvP(j));
eqXg(i)..   Xg(i)  =e= mu(i)*(Td + sum(j, Tz(j)) + sum(j, Tm(j)) - Sg - GINV)/pq(i);
eqXv(i)..   Xv(i)  =e= lambda(i)*(Sp + Sg + epsilon*Sf + GINV + epsilon*SfP - sum(j, pq(j)*XvP(j)))/pq(i) + XvP(i);
* household demand: LES per capita at the effective price pq*(1-dpo), telecom access for the connected
eqXH(i,hh)..  pq(i)*(1-dpo(i,hh))*XH(i,hh) =e= pq(i)*(1-dpo(i,hh))*POP(hh)*(gam(i,hh) + acc(i,hh)) + bet(i,hh)*(EH(hh) - sum(j, pq(j)*(1-dpo(j,hh))*POP(hh)*(gam(j,hh) + acc(j,hh))));
* international trade
eqpe(i)..   pe(i)  =e= epsilon*pWe(i);
eqpm(i)..   pm(i)  =e= epsilon*pWm(i);
eqepsilon.. sum(i, pWe(i)*E(i)) + Sf + SfP =e= sum(i, pWm(i)*M(i));
* Armington function (goods with imports), or domestic supply alone
eqpqs(i)$(hasM(i) <> 0)..  Q(i) =e= gamma(i)*(deltam(i)*M(i)**eta(i) + deltad(i)*D(i)**eta(i))**(1/eta(i));
eqM(i)$(hasM(i) <> 0)..    M(i) =e= (gamma(i)**eta(i)*deltam(i)*pq(i)/((1+taum(i))*pm(i)))**(1/(1-eta(i)))*Q(i);
eqD(i)$(hasM(i) <> 0)..    D(i) =e= (gamma(i)**eta(i)*deltad(i)*pq(i)/pd(i))**(1/(1-eta(i)))*Q(i);
eqpqsD(i)$(noM(i) <> 0)..  Q(i) =e= D(i);
eqpqD(i)$(noM(i) <> 0)..   pq(i) =e= pd(i);
* transformation function (goods with exports), or domestic sales alone
eqpzd(i)$(hasE(i) <> 0).. Z(i) =e= theta(i)*(xie(i)*E(i)**phi(i) + xid(i)*D(i)**phi(i))**(1/phi(i));
eqE(i)$(hasE(i) <> 0)..   E(i) =e= (theta(i)**phi(i)*xie(i)*(1+tauz(i))*pz(i)/pe(i))**(1/(1-phi(i)))*Z(i);
eqDs(i)$(hasE(i) <> 0)..  D(i) =e= (theta(i)**phi(i)*xid(i)*(1+tauz(i))*pz(i)/pd(i))**(1/(1-phi(i)))*Z(i);
eqpzdD(i)$(noE(i) <> 0).. Z(i) =e= theta(i)*D(i);
eqDsD(i)$(noE(i) <> 0)..  pd(i) =e= (1+tauz(i))*pz(i)*theta(i);
* market clearing: connected households need (1-dpo) market units per unit consumed
eqpqd(i)..  Q(i)   =e= sum(hh, (1-dpo(i,hh))*XH(i,hh)) + Xg(i) + Xv(i) + sum(j, X(i,j));
eqpf(f)..   sum(j, F(f,j)) =e= EFF(f)*sum(hh, FFH(f,hh));
`;

const DESCRIPTIONS: Record<string, string> = {
  eqpy: 'CES value added in efficiency units',
  eqF: 'factor demand (marginal product = factor price)',
  eqX: 'intermediate demand',
  eqY: 'value-added demand',
  eqpzs: 'unit cost',
  eqYH: 'household factor income',
  eqTd: 'direct tax revenue',
  eqTz: 'production tax revenue',
  eqTm: 'import tariff revenue',
  eqSp: 'private saving',
  eqSg: 'government saving',
  eqEH: 'household consumption spending',
  eqGINV: 'government financing of the investment programme',
  eqSfP: 'foreign financing of the investment programme',
  eqXg: 'government demand',
  eqXv: 'investment demand',
  eqXH: 'household demand (linear expenditure system)',
  eqpe: 'export price',
  eqpm: 'import price',
  eqepsilon: 'balance of payments',
  eqpqs: 'Armington function',
  eqM: 'import demand',
  eqD: 'domestic good demand',
  eqpqsD: 'composite good without imports',
  eqpqD: 'composite price without imports',
  eqpzd: 'transformation function',
  eqE: 'export supply',
  eqDs: 'domestic good supply',
  eqpzdD: 'output without exports',
  eqDsD: 'domestic price without exports',
  eqpqd: 'market clearing, composite good',
  eqpf: 'factor market clearing (efficiency units)',
};

type Fn = (...ix: string[]) => number;

/** The benchmark values of a ddcge SAM, each declared with its calibration text. */
function benchmarkValues(S: SamCells, s: DdcgeSetup, rec: CalibrationRecorder) {
  const { goods, factors, households } = s;
  const sumG = (fn: (g: string) => number) => goods.reduce((t, g) => t + fn(g), 0);
  const sumF = (fn: (f: string) => number) => factors.reduce((t, f) => t + fn(f), 0);
  const sumH = (fn: (h: string) => number) => households.reduce((t, h) => t + fn(h), 0);
  const d = <F extends Fn>(name: string, domain: string[], text: string, description: string, fn: F) =>
    rec.datum(name, domain, text, description, fn);
  const F0 = d('F0', ['f', 'j'], 'SAM(f,j)', 'factor payments of activity j', (f, j) => S.get(f, j));
  const Y0 = d('Y0', ['j'], 'sum(f, F0(f,j))', 'value added', (j) => sumF((f) => F0(f, j)));
  const X0 = d('X0', ['i', 'j'], 'SAM(i,j)', 'intermediate use', (i, j) => S.get(i, j));
  const Z0 = d('Z0', ['j'], 'Y0(j) + sum(i, X0(i,j))', 'gross output at producer prices', (j) => Y0(j) + sumG((i) => X0(i, j)));
  const Tz0 = d('Tz0', ['j'], "SAM('IDT',j)", 'production tax', (j) => S.get('IDT', j));
  const Tm0 = d('Tm0', ['i'], "SAM('TRF',i)", 'import tariff', (i) => S.get('TRF', i));
  const M0 = d('M0', ['i'], "SAM('EXT',i)", 'imports', (i) => S.get('EXT', i));
  const E0 = d('E0', ['i'], "SAM(i,'EXT')", 'exports', (i) => S.get(i, 'EXT'));
  const XH0 = d('XH0', ['i', 'hh'], 'SAM(i,hh)', 'household consumption', (i, h) => S.get(i, h));
  const Xg0 = d('Xg0', ['i'], "SAM(i,'GOV')", 'government consumption', (i) => S.get(i, 'GOV'));
  const Xv0 = d('Xv0', ['i'], "SAM(i,'INV')", 'investment demand', (i) => S.get(i, 'INV'));
  const FFH0 = d('FFH0', ['f', 'hh'], 'SAM(hh,f)', 'factor income of the household group', (f, h) => S.get(h, f));
  const YH0 = d('YH0', ['hh'], 'sum(f, FFH0(f,hh))', 'household income', (h) => sumF((f) => FFH0(f, h)));
  const Td0 = d('Td0', ['hh'], "SAM('GOV',hh)", 'direct tax', (h) => S.get('GOV', h));
  const Sp0 = d('Sp0', ['hh'], "SAM('INV',hh)", 'household saving', (h) => S.get('INV', h));
  const Sg0 = d('Sg0', [], "SAM('INV','GOV')", 'government saving', () => S.get('INV', 'GOV'));
  const Sf0 = d('Sf0', [], "SAM('INV','EXT')", 'foreign saving', () => S.get('INV', 'EXT'));
  const Q0 = d(
    'Q0',
    ['i'],
    'sum(hh, XH0(i,hh)) + Xg0(i) + Xv0(i) + sum(j, X0(i,j))',
    'Armington composite (domestic demand)',
    (i) => sumH((h) => XH0(i, h)) + Xg0(i) + Xv0(i) + sumG((j) => X0(i, j)),
  );
  return { F0, Y0, X0, Z0, Tz0, Tm0, M0, E0, XH0, Xg0, Xv0, FFH0, YH0, Td0, Sp0, Sg0, Sf0, Q0, sumG, sumF, sumH };
}
type Benchmark = ReturnType<typeof benchmarkValues>;

/** The SAM conditions ddcge needs: every good produced and sold at home, every household with income, factor income all paid to households. */
function checkBenchmark(s: DdcgeSetup, b: Benchmark, D0: (i: string) => number): void {
  for (const g of s.goods) {
    if (!(b.Z0(g) > 0))
      throw new InputError('SAM_EMPTY_ACTIVITY', `good ${g} has no production (no value added nor intermediate inputs)`, { account: g });
    if (!(D0(g) > 0)) throw new InputError('SAM_NO_DOMESTIC_SALES', `good ${g} sells nothing at home (output ≤ exports)`, { account: g });
  }
  for (const h of s.households) {
    if (!(b.YH0(h) > 0)) throw new InputError('SAM_EMPTY_HOUSEHOLD', `household ${h} receives no factor income`, { account: h });
  }
  for (const f of s.factors) {
    const paid = b.sumH((h) => b.FFH0(f, h));
    const earned = b.sumG((j) => b.F0(f, j));
    if (Math.abs(paid - earned) > 1e-9 * Math.max(1, earned)) {
      throw new InputError(
        'SAM_FACTOR_NOT_TO_HOUSEHOLDS',
        `factor ${f} earns ${earned} but pays ${paid} to the households: ddcge needs all factor income paid to households`,
        { account: f },
      );
    }
  }
}

/** Declares the sets of a ddcge model. */
function declareSets(s: DdcgeSetup): CgeModel {
  const m = new CgeModel('ddcge');
  m.set('i', s.goods, { description: 'goods (activities and commodities)' });
  m.set('f', s.factors, { description: 'factors' });
  m.set('hh', s.households, { description: 'households by location and digital access' });
  m.set('lab', s.labour, { parent: 'f', description: 'labour by digital skill' });
  m.set('hcon', s.connected, { parent: 'hh', description: 'connected households' });
  m.set('dig', s.digital, { parent: 'i', description: 'digital goods and services' });
  m.alias('i', 'j');
  return m;
}

/** Builds and calibrates ddcge to a SAM and its parameter file. */
export function calibrateDdcge(sam: SamInput, params: Readonly<Record<string, unknown>>, paramsFile?: string): CalibratedModel {
  assertSamBalanced(sam);
  const S = new SamCells(sam);
  const s = ddcgeSetup(S, params, paramsFile);
  const rec = new CalibrationRecorder();
  const b = benchmarkValues(S, s, rec);
  const m = declareSets(s);
  const par = (name: string, domain: string[], description: string, text: Calibration, fn: Fn) => {
    m.parameter(name, domain, { description });
    for (const t of m.tuples(domain)) m.setParameter(name, t, fn(...t));
    rec.add('parameter', name, domain, text);
  };
  calibrateParameters(m, s, b, rec, par, params, paramsFile);
  declareVariables(m, s, b, rec);
  m.equations(DDCGE_EQUATIONS, DESCRIPTIONS);
  return {
    model: m,
    closures: openEconomyClosures(
      params,
      s.labour[s.labour.length - 1]!,
      'numeraire fixed; foreign savings fixed in foreign currency, flexible exchange rate; savings-driven investment; government saving a fixed share of revenue; factor endowments fixed and mobile',
    ),
    defaultClosure: 'default',
    nominal: ['pf', 'py', 'pz', 'pq', 'pe', 'pm', 'pd', 'epsilon', 'Sp', 'Sg', 'Td', 'Tz', 'Tm', 'YH', 'EH', 'GINV'],
    households: [],
    gdp: (L, B, P) => ddcgeGdp(s, L, B, P),
    samOf: (L, P) => ddcgeSam(S.labels, s, L, P),
    calibration: rec.result(),
  };
}

type Par = (name: string, domain: string[], description: string, text: Calibration, fn: Fn) => void;

/** The elasticities and the parameter file's numbers, read with located errors. */
function inputs(params: Readonly<Record<string, unknown>>, paramsFile?: string) {
  const pv = (key: string, el: string, what: string) => elementValue(params, key, el, paramsFile, { what });
  const sva = (j: string) => {
    const v = pv('va_elasticity', j, 'value-added substitution elasticity');
    if (!(v > 0) || Math.abs(v - 1) < 1e-9) {
      throw new ModelError('BAD_ELASTICITY', `the value-added elasticity of ${j} must be positive and not 1 (CES), got ${v}`, {
        ...(paramsFile ? { file: paramsFile } : {}),
        jsonPath: `/va_elasticity/${j}`,
        index: [j],
      });
    }
    return v;
  };
  const pop = (h: string) => {
    const p = elementValue(params, 'population', h, paramsFile, { what: 'population', code: 'MISSING_PARAMETER' });
    if (!(p > 0))
      throw new ModelError('MISSING_PARAMETER', `population of ${h} must be positive, got ${p}`, {
        ...(paramsFile ? { file: paramsFile } : {}),
        jsonPath: `/population/${h}`,
      });
    return p;
  };
  return {
    sigma: (i: string) => pv('armington_elasticity', i, 'Armington elasticity'),
    psi: (i: string) => pv('transformation_elasticity', i, 'transformation (CET) elasticity'),
    sva,
    pop,
    income: (i: string) => pv('income_elasticity', i, 'income elasticity'),
    frisch: (h: string) => elementValue(params, 'frisch', h, paramsFile, { what: 'Frisch parameter', code: 'MISSING_PARAMETER' }),
    world: (key: 'world_export_price' | 'world_import_price', i: string) =>
      elementValue(params, key, i, paramsFile, { fallback: 1, code: 'MISSING_PARAMETER' }),
  };
}

/** Calibrates every parameter, each with its text. */
function calibrateParameters(
  m: CgeModel,
  s: DdcgeSetup,
  b: Benchmark,
  rec: CalibrationRecorder,
  par: Par,
  params: Readonly<Record<string, unknown>>,
  paramsFile?: string,
): void {
  const { goods, factors, households, digital, labour, channels } = s;
  const x = inputs(params, paramsFile);
  const { F0, Y0, X0, Z0, Tz0, Tm0, M0, E0, XH0, Xg0, Xv0, FFH0, YH0, Td0, Sp0, Sg0, Sf0, sumG, sumH } = b;
  // technology
  const rho = (j: string) => (x.sva(j) - 1) / x.sva(j);
  par(
    'hasF',
    ['f', 'j'],
    '1 where the activity uses the factor',
    [
      ['', '0'],
      ['F0(f,j) > 0', '1'],
    ],
    (f, j) => (F0(f, j) > 0 ? 1 : 0),
  );
  par('rho', ['j'], 'CES exponent of value added, (σ−1)/σ', '(va_elasticity(j) - 1)/va_elasticity(j)', (j) => rho(j));
  const s1 = rec.datum('sva1', ['j'], 'sum(f$(F0(f,j) > 0), F0(f,j)**(1 - rho(j)))', 'sum of the factor payments raised to 1 − ρ', (j) =>
    factors.reduce((t, f) => t + (F0(f, j) > 0 ? Math.pow(F0(f, j), 1 - rho(j)) : 0), 0),
  );
  par('beta', ['f', 'j'], 'CES share of factor f in value added', [['F0(f,j) > 0', 'F0(f,j)**(1 - rho(j))/sva1(j)']], (f, j) =>
    F0(f, j) > 0 ? Math.pow(F0(f, j), 1 - rho(j)) / s1(j) : 0,
  );
  par('b', ['j'], 'CES scale of value added', 'Y0(j)/sum(f$(F0(f,j) > 0), beta(f,j)*F0(f,j)**rho(j))**(1/rho(j))', (j) => {
    const inner = factors.reduce((t, f) => t + (F0(f, j) > 0 ? m.param('beta', [f, j]) * Math.pow(F0(f, j), rho(j)) : 0), 0);
    return Y0(j) / Math.pow(inner, 1 / rho(j));
  });
  par('TFP', ['j'], 'total factor productivity (1 in the benchmark; the spillover channel)', '1', () => 1);
  par('EFF', ['f'], 'efficiency of a unit of factor (1 in the benchmark; e.g. a training programme)', '1', () => 1);
  par('ax', ['i', 'j'], 'intermediate input coefficient', 'X0(i,j)/Z0(j)', (i, j) => X0(i, j) / Z0(j));
  par('ay', ['j'], 'value-added coefficient', 'Y0(j)/Z0(j)', (j) => Y0(j) / Z0(j));
  par(
    'dint',
    ['j'],
    'digital input intensity: digital inputs / all intermediate inputs',
    [
      ['', '0'],
      ['sum(i, X0(i,j)) > 0', 'sum(i$(dig(i)), X0(i,j))/sum(i, X0(i,j))'],
    ],
    (j) => {
      const all = sumG((i) => X0(i, j));
      return all > 0 ? digital.reduce((t, i) => t + X0(i, j), 0) / all : 0;
    },
  );
  // taxes, saving, government, investment
  const tauz = (j: string) => Tz0(j) / Z0(j);
  const taum = (i: string) => (M0(i) === 0 ? 0 : Tm0(i) / M0(i));
  par('tauz', ['i'], 'production tax rate', 'Tz0(i)/Z0(i)', (i) => tauz(i));
  par(
    'taum',
    ['i'],
    'import tariff rate',
    [
      ['', '0'],
      ['M0(i) <> 0', 'Tm0(i)/M0(i)'],
    ],
    (i) => taum(i),
  );
  const D0 = rec.datum('D0', ['i'], '(1 + tauz(i))*Z0(i) - E0(i)', 'domestic sales', (i) => (1 + tauz(i)) * Z0(i) - E0(i));
  checkBenchmark(s, b, D0);
  par('taud', ['hh'], 'direct tax rate on household income', 'Td0(hh)/YH0(hh)', (h) => Td0(h) / YH0(h));
  par('ssp', ['hh'], 'household saving rate out of income', 'Sp0(hh)/YH0(hh)', (h) => Sp0(h) / YH0(h));
  par(
    'ssg',
    [],
    'government saving propensity',
    'Sg0/(sum(hh, Td0(hh)) + sum(j, Tz0(j)) + sum(i, Tm0(i)))',
    () => Sg0() / (sumH(Td0) + sumG(Tz0) + sumG(Tm0)),
  );
  par('mu', ['i'], 'government consumption share', 'Xg0(i)/sum(j, Xg0(j))', (i) => Xg0(i) / sumG(Xg0));
  par('lambda', ['i'], 'investment demand share', 'Xv0(i)/(sum(hh, Sp0(hh)) + Sg0 + Sf0)', (i) => Xv0(i) / (sumH(Sp0) + Sg0() + Sf0()));
  par('XvP', ['i'], 'investment programme (quantity; 0 in the benchmark)', '0', () => 0);
  par('gshare', [], 'share of the programme financed by the government', '0', () => 0);
  par('fshare', [], 'share of the programme financed from abroad', '0', () => 0);
  // households and the connectivity channels
  par('POP', ['hh'], 'persons in the household group', 'population(hh)', (h) => x.pop(h));
  par('FFH', ['f', 'hh'], 'factor endowment owned by the household group (benchmark efficiency units)', 'FFH0(f,hh)', (f, h) => FFH0(f, h));
  par(
    'acc',
    ['i', 'hh'],
    'telecom access bought per person by the newly connected, averaged over the group (0 in the benchmark; the access channel)',
    '0',
    () => 0,
  );
  par(
    'dpo',
    ['i', 'hh'],
    'effective price reduction of digitally ordered goods, averaged over the group (0 in the benchmark; the price channel)',
    '0',
    () => 0,
  );
  par('isTel', ['i'], '1 for the telecom good', 'telecom(i)', (i) => (i === s.telecom ? 1 : 0));
  par('isOrd', ['i'], '1 for the digitally orderable goods', 'orderable_goods(i)', (i) => (s.orderable.includes(i) ? 1 : 0));
  par(
    'accq',
    [],
    'telecom units a newly connected person buys for access (the access channel)',
    'channels.access_quantity',
    () => channels.accessQuantity,
  );
  par(
    'pdisc',
    [],
    'price reduction of orderable goods for a newly connected person (the price channel)',
    'channels.price_discount',
    () => channels.priceDiscount,
  );
  for (const f of labour)
    par(
      `prem_${f}`,
      [],
      `productivity premium of newly connected ${f} workers`,
      `channels.productivity_premium.${f}`,
      () => channels.productivityPremium[f] ?? 0,
    );
  par(
    'spill',
    [],
    'TFP elasticity to the connected population share, scaled by digital input intensity',
    'channels.spillover',
    () => channels.spillover,
  );
  const les = new Map(
    households.map((h) => {
      const q = goods.map((i) => XH0(i, h) / x.pop(h));
      return [
        h,
        calibrateLes(
          q,
          goods.map(() => 1),
          goods.map(x.income),
          x.frisch(h),
          goods,
        ),
      ] as const;
    }),
  );
  par(
    'bet',
    ['i', 'hh'],
    'LES marginal budget share',
    'income_elasticity(i)*XH0(i,hh)/sum(j, income_elasticity(j)*XH0(j,hh))',
    (i, h) => les.get(h)!.beta[goods.indexOf(i)]!,
  );
  par(
    'gam',
    ['i', 'hh'],
    'LES subsistence quantity per capita',
    'XH0(i,hh)/POP(hh) + bet(i,hh)*sum(j, XH0(j,hh))/(POP(hh)*frisch(hh))',
    (i, h) => les.get(h)!.gamma[goods.indexOf(i)]!,
  );
  calibrateTrade(m, b, D0, par, x);
}

/** Calibrates world prices, the Armington and CET functions. */
function calibrateTrade(m: CgeModel, b: Benchmark, D0: (i: string) => number, par: Par, x: ReturnType<typeof inputs>): void {
  const { M0, E0, Q0, Z0 } = b;
  const has = (v: (i: string) => number) => (i: string) => (v(i) > 0 ? 1 : 0);
  par('pWe', ['i'], 'export price in foreign currency', 'world_export_price(i)', (i) => x.world('world_export_price', i));
  par('pWm', ['i'], 'import price in foreign currency', 'world_import_price(i)', (i) => x.world('world_import_price', i));
  par(
    'hasM',
    ['i'],
    '1 where the good is imported',
    [
      ['', '0'],
      ['M0(i) > 0', '1'],
    ],
    (i) => has(M0)(i),
  );
  par(
    'noM',
    ['i'],
    '1 where the good is not imported',
    [
      ['', '1'],
      ['M0(i) > 0', '0'],
    ],
    (i) => 1 - has(M0)(i),
  );
  par(
    'hasE',
    ['i'],
    '1 where the good is exported',
    [
      ['', '0'],
      ['E0(i) > 0', '1'],
    ],
    (i) => has(E0)(i),
  );
  par(
    'noE',
    ['i'],
    '1 where the good is not exported',
    [
      ['', '1'],
      ['E0(i) > 0', '0'],
    ],
    (i) => 1 - has(E0)(i),
  );
  const eta = (i: string) => (x.sigma(i) - 1) / x.sigma(i);
  const phi = (i: string) => (x.psi(i) + 1) / x.psi(i);
  const taum = (i: string) => m.param('taum', i);
  par(
    'eta',
    ['i'],
    'Armington exponent (σ−1)/σ',
    [
      ['', '1'],
      ['M0(i) > 0', '(armington_elasticity(i) - 1)/armington_elasticity(i)'],
    ],
    (i) => (M0(i) > 0 ? eta(i) : 1),
  );
  par(
    'phi',
    ['i'],
    'CET exponent (ψ+1)/ψ',
    [
      ['', '1'],
      ['E0(i) > 0', '(transformation_elasticity(i) + 1)/transformation_elasticity(i)'],
    ],
    (i) => (E0(i) > 0 ? phi(i) : 1),
  );
  const dm = (i: string) => (1 + taum(i)) * Math.pow(M0(i), 1 - eta(i));
  const dd = (i: string) => Math.pow(D0(i), 1 - eta(i));
  const DM = '(1 + taum(i))*M0(i)**(1 - eta(i))';
  const DD = 'D0(i)**(1 - eta(i))';
  par('deltam', ['i'], 'Armington share (imports)', [['M0(i) > 0', `${DM}/(${DM} + ${DD})`]], (i) =>
    M0(i) > 0 ? dm(i) / (dm(i) + dd(i)) : 0,
  );
  par(
    'deltad',
    ['i'],
    'Armington share (domestic)',
    [
      ['', '1'],
      ['M0(i) > 0', `${DD}/(${DM} + ${DD})`],
    ],
    (i) => (M0(i) > 0 ? dd(i) / (dm(i) + dd(i)) : 1),
  );
  par(
    'gamma',
    ['i'],
    'Armington scale',
    [
      ['', '1'],
      ['M0(i) > 0', 'Q0(i)/(deltam(i)*M0(i)**eta(i) + deltad(i)*D0(i)**eta(i))**(1/eta(i))'],
    ],
    (i) => {
      if (!(M0(i) > 0)) return 1;
      const a = m.param('deltam', i) * Math.pow(M0(i), eta(i)) + m.param('deltad', i) * Math.pow(D0(i), eta(i));
      return Q0(i) / Math.pow(a, 1 / eta(i));
    },
  );
  const xe = (i: string) => Math.pow(E0(i), 1 - phi(i));
  const xd = (i: string) => Math.pow(D0(i), 1 - phi(i));
  const XE = 'E0(i)**(1 - phi(i))';
  const XD = 'D0(i)**(1 - phi(i))';
  par('xie', ['i'], 'CET share (exports)', [['E0(i) > 0', `${XE}/(${XE} + ${XD})`]], (i) => (E0(i) > 0 ? xe(i) / (xe(i) + xd(i)) : 0));
  par(
    'xid',
    ['i'],
    'CET share (domestic)',
    [
      ['', '1'],
      ['E0(i) > 0', `${XD}/(${XE} + ${XD})`],
    ],
    (i) => (E0(i) > 0 ? xd(i) / (xe(i) + xd(i)) : 1),
  );
  par(
    'theta',
    ['i'],
    'CET scale',
    [
      ['', 'Z0(i)/D0(i)'],
      ['E0(i) > 0', 'Z0(i)/(xie(i)*E0(i)**phi(i) + xid(i)*D0(i)**phi(i))**(1/phi(i))'],
    ],
    (i) => {
      if (!(E0(i) > 0)) return Z0(i) / D0(i);
      const a = m.param('xie', i) * Math.pow(E0(i), phi(i)) + m.param('xid', i) * Math.pow(D0(i), phi(i));
      return Z0(i) / Math.pow(a, 1 / phi(i));
    },
  );
}

/** Declares the variables at their benchmark levels, each with its text, and fixes what the SAM rules out. */
function declareVariables(m: CgeModel, s: DdcgeSetup, b: Benchmark, rec: CalibrationRecorder): void {
  const { F0, Y0, X0, Z0, Tz0, Tm0, M0, E0, XH0, Xg0, Xv0, YH0, Td0, Sp0, Sg0, Sf0, Q0, sumG, sumH } = b;
  const D0 = (i: string) => (1 + m.param('tauz', i)) * Z0(i) - E0(i);
  const LO = 1e-8;
  const v = (name: string, domain: string[], description: string, text: Calibration, level: Fn, lower = LO) => {
    m.variable(name, domain, { description, lower });
    for (const t of m.tuples(domain)) m.setLevel(name, t, level(...t));
    rec.add('level', name, domain, text);
  };
  v('Y', ['j'], 'value added (composite factor)', 'Y0(j)', (j) => Y0(j));
  v('F', ['f', 'j'], 'factor input in efficiency units', 'F0(f,j)', (f, j) => F0(f, j), 0);
  v('X', ['i', 'j'], 'intermediate input', 'X0(i,j)', (i, j) => X0(i, j), 0);
  v('Z', ['j'], 'gross output', 'Z0(j)', (j) => Z0(j));
  v('XH', ['i', 'hh'], 'household consumption (effective units)', 'XH0(i,hh)', (i, h) => XH0(i, h), 0);
  v('Xg', ['i'], 'government consumption', 'Xg0(i)', (i) => Xg0(i), 0);
  v('Xv', ['i'], 'investment demand', 'Xv0(i)', (i) => Xv0(i), -Infinity);
  v('E', ['i'], 'exports', 'E0(i)', (i) => E0(i), 0);
  v('M', ['i'], 'imports', 'M0(i)', (i) => M0(i), 0);
  v('Q', ['i'], 'Armington composite good', 'Q0(i)', (i) => Q0(i));
  v('D', ['i'], 'domestic good', 'D0(i)', (i) => D0(i));
  const prices: [string, string][] = [
    ['py', 'price of value added'],
    ['pz', 'producer price of output'],
    ['pq', 'price of the Armington composite'],
    ['pe', 'export price in local currency'],
    ['pm', 'import price in local currency'],
    ['pd', 'price of the domestic good'],
  ];
  for (const [p, description] of prices) v(p, ['i'], description, '1', () => 1);
  v('pf', ['f'], 'factor price per efficiency unit', '1', () => 1);
  v('epsilon', [], 'exchange rate', '1', () => 1);
  v('YH', ['hh'], 'household income', 'YH0(hh)', (h) => YH0(h));
  v('EH', ['hh'], 'household consumption spending', 'sum(i, XH0(i,hh))', (h) => sumG((i) => XH0(i, h)));
  v('Sp', [], 'private saving', 'sum(hh, Sp0(hh))', () => sumH(Sp0), -Infinity);
  v('Sg', [], 'government saving', 'Sg0', () => Sg0(), -Infinity);
  v('Td', [], 'direct tax', 'sum(hh, Td0(hh))', () => sumH(Td0), -Infinity);
  v('Tz', ['j'], 'production tax', 'Tz0(j)', (j) => Tz0(j), -Infinity);
  v('Tm', ['i'], 'import tariff', 'Tm0(i)', (i) => Tm0(i), -Infinity);
  v('Sf', [], 'foreign saving in foreign currency', 'Sf0', () => Sf0(), -Infinity);
  v('SfP', [], 'foreign financing of the investment programme (foreign currency)', '0', () => 0, -Infinity);
  v('GINV', [], 'government financing of the investment programme', '0', () => 0, -Infinity);
  for (const f of s.factors) for (const j of s.goods) if (!(F0(f, j) > 0)) m.fix('F', [f, j], 0);
  rec.add('fix', 'F', ['f', 'j'], [['not (F0(f,j) > 0)', '0']]);
  for (const i of s.goods) {
    if (!(M0(i) > 0)) m.fix('M', [i], 0);
    if (!(E0(i) > 0)) m.fix('E', [i], 0);
  }
  rec.add('fix', 'M', ['i'], [['not (M0(i) > 0)', '0']]);
  rec.add('fix', 'E', ['i'], [['not (E0(i) > 0)', '0']]);
}

/** GDP by expenditure: household consumption counts market units (1 − dpo)·XH. */
function ddcgeGdp(s: DdcgeSetup, L: LevelReader, B: LevelReader, P: ParameterReader): { nominal: number; real: number } {
  const fd = (R: LevelReader) =>
    s.goods.reduce(
      (t, i) =>
        t +
        R('pq', [i]) * (s.households.reduce((u, h) => u + (1 - P('dpo', [i, h])) * L('XH', [i, h]), 0) + L('Xg', [i]) + L('Xv', [i])) +
        R('pe', [i]) * L('E', [i]) -
        R('pm', [i]) * L('M', [i]),
      0,
    );
  return { nominal: fd(L), real: fd(B) };
}

/** The SAM a ddcge solution implies, with the parameters in force. */
function ddcgeSam(
  labels: readonly string[],
  s: DdcgeSetup,
  L: LevelReader,
  P: ParameterReader,
): { accounts: readonly string[]; values: Float64Array } {
  const { put, result } = samAccumulator(labels);
  const value = (price: string, qty: string, i: string) => L(price, [i]) * L(qty, [i]);
  for (const j of s.goods) {
    for (const i of s.goods) put(i, j, L('pq', [i]) * L('X', [i, j]));
    for (const f of s.factors) put(f, j, L('pf', [f]) * L('F', [f, j]));
    put('IDT', j, L('Tz', [j]));
    put('TRF', j, L('Tm', [j]));
    put('EXT', j, value('pm', 'M', j));
    for (const h of s.households) put(j, h, L('pq', [j]) * (1 - P('dpo', [j, h])) * L('XH', [j, h]));
    put(j, 'GOV', value('pq', 'Xg', j));
    put(j, 'INV', value('pq', 'Xv', j));
    put(j, 'EXT', value('pe', 'E', j));
    put('GOV', 'IDT', L('Tz', [j]));
    put('GOV', 'TRF', L('Tm', [j]));
  }
  for (const h of s.households) {
    for (const f of s.factors) put(h, f, L('pf', [f]) * P('EFF', [f]) * P('FFH', [f, h]));
    put('GOV', h, P('taud', [h]) * L('YH', [h]));
    put('INV', h, P('ssp', [h]) * L('YH', [h]));
  }
  put('INV', 'GOV', L('Sg') + L('GINV'));
  put('INV', 'EXT', L('epsilon') * (L('Sf') + L('SfP')));
  return result();
}

/** The ddcge model of the library. */
export const ddcge: CgeModelDefinition = {
  name: 'ddcge',
  description:
    'Digital-divide CGE model: stdcge extended with digital sectors, households by location × digital access (LES), labour by digital skill and four connectivity channels',
  calibrate: calibrateDdcge,
  documentation: { ...DDCGE_DOCUMENTATION_PARTS, equations: DDCGE_EQUATIONS },
};
