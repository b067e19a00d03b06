/**
 * `ddcge` — the digital-divide CGE model (specification: docs/models/digital-divide.md).
 *
 * The standard model of Hosoe, Gasawa & Hashimoto (2010) — Leontief intermediates, production tax,
 * Armington imports, CET exports, government and savings-driven investment, foreign savings with a
 * flexible exchange rate — extended with:
 * - CES value added over labour by digital skill and capital, in efficiency units (`EFF`), with
 *   total factor productivity `TFP` by activity;
 * - households by location × digital access, each with a linear expenditure system per capita
 *   (`POP`, `gam`, `bet`) and its own direct-tax and saving rates, owning factor endowments `FFH`;
 * - the four connectivity channels: telecom access bought by connected people (`acc`), a cheaper
 *   effective price of digitally ordered goods for connected households (`dpo`, a resource
 *   saving), a productivity premium of newly connected workers (carried in `FFH`) and spillovers to
 *   industries by their digital input intensity (`TFP`); `EFF` scales a factor's efficiency (e.g.
 *   training);
 * - a programme of investment (`XvP`) financed by the government (`gshare`), from abroad
 *   (`fshare`) or out of private savings (the rest).
 *
 * SAM accounts (rows receive, columns pay): goods (activity and commodity in one account, as in
 * stdcge), factors (the accounts paying households), `IDT`, `TRF`, the households, `GOV`, `INV`,
 * `EXT`. Money in the SAM's unit; populations in persons.
 *
 * Parameter file keys: `armington_elasticity`, `transformation_elasticity`, `va_elasticity`,
 * `income_elasticity` (by good); `frisch` (by household); `population` (by household);
 * `households` (`{"URB_CON": {"location": "urban", "connected": true}, …}`); `factors` and
 * `labour` (lists); `digital_goods`, `orderable_goods` (lists); `telecom` (a good);
 * `channels`: `access_quantity` (telecom units bought per connected person, ≥ 0),
 * `price_discount` (effective price reduction of orderable goods for connected households, in
 * [0, 1)), `productivity_premium` (by labour type), `spillover` (TFP elasticity to connectivity);
 * optional `world_export_price`, `world_import_price`, `numeraire`.
 *
 * Every channel acts through the people a scenario connects (see `connectivityScenario`): each
 * newly connected person buys `access_quantity` of telecom services for access and faces the
 * `price_discount` on orderable goods (at group level, both scaled by the newly connected share of
 * the group: `acc`, `dpo`); a newly connected worker's labour becomes `1 + productivity_premium`
 * times as productive (`FFH`); and industries gain TFP by `spillover × dint × ΔCON/CON` (`TFP`).
 * All are zero in the benchmark, which therefore replicates whatever the channels' values.
 * @module
 */
import { InputError, ModelError } from '../../errors.js';
import type { CalibratedModel, CgeModelDefinition, LevelReader, ParameterReader } from '../definition.js';
import { openEconomyClosures } from '../models/closures.js';
import { CgeModel } from '../model/model.js';
import { elementValue } from '../models/params.js';
import { assertSamBalanced, SamCells, samAccumulator, type SamInput } from '../sam-input.js';
import { calibrateLes } from './les.js';

/** Institutional accounts a ddcge SAM must have. */
export const DDCGE_ACCOUNTS = ['IDT', 'TRF', 'GOV', 'INV', 'EXT'] as const;

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

/** Household group attributes in the parameter file. */
export interface DdcgeHousehold {
  location: 'urban' | 'rural';
  connected: boolean;
}

function list(params: Readonly<Record<string, unknown>>, key: string, file?: string): string[] {
  const v = params[key];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
    throw new ModelError('MISSING_PARAMETER', `the parameter file needs "${key}": a list of account labels`, { ...(file ? { file } : {}), jsonPath: `/${key}` });
  }
  return v as string[];
}

/** Reads the household groups declared in the parameter file, checked against the SAM. */
export function ddcgeHouseholds(params: Readonly<Record<string, unknown>>, cells: SamCells, file?: string): Record<string, DdcgeHousehold> {
  const h = params.households;
  if (!h || typeof h !== 'object') {
    throw new ModelError('MISSING_PARAMETER', 'the parameter file needs "households": {"<account>": {"location": "urban"|"rural", "connected": true|false}}', {
      ...(file ? { file } : {}),
      jsonPath: '/households',
    });
  }
  const out: Record<string, DdcgeHousehold> = {};
  for (const [label, attrs] of Object.entries(h as Record<string, unknown>)) {
    cells.index(label);
    const a = attrs as Partial<DdcgeHousehold>;
    if ((a.location !== 'urban' && a.location !== 'rural') || typeof a.connected !== 'boolean') {
      throw new ModelError('MISSING_PARAMETER', `household ${label} needs "location" ("urban" or "rural") and "connected" (true or false)`, {
        ...(file ? { file } : {}),
        jsonPath: `/households/${label}`,
      });
    }
    out[label] = { location: a.location, connected: a.connected };
  }
  return out;
}

/** The connectivity channels' parameters. */
export interface DdcgeChannels {
  /** Telecom units bought for access by each newly connected person (≥ 0). */
  accessQuantity: number;
  /** Effective price reduction of orderable goods for a newly connected person, in [0, 1). */
  priceDiscount: number;
  /** Efficiency gain of a labour type per unit rise of its connected share, by labour type. */
  productivityPremium: Record<string, number>;
  /** TFP gain per unit relative rise of the connected population share, times digital input intensity. */
  spillover: number;
}

/** Reads `channels` from a parameter file (every channel off when absent), with located errors. */
export function channelsOf(params: Readonly<Record<string, unknown>>, labour: readonly string[], file?: string): DdcgeChannels {
  const c = (params.channels ?? {}) as Record<string, unknown>;
  const at = (k: string) => ({ ...(file ? { file } : {}), jsonPath: `/channels/${k}` });
  const num = (k: string, ok: (x: number) => boolean, what: string): number => {
    const v = c[k] ?? 0;
    if (typeof v !== 'number' || !Number.isFinite(v) || !ok(v)) throw new ModelError('BAD_CHANNEL', `channels.${k} must be ${what}, got ${JSON.stringify(v)}`, at(k));
    return v;
  };
  const prem = (c.productivity_premium ?? {}) as Record<string, unknown>;
  const productivityPremium: Record<string, number> = {};
  for (const [f, v] of Object.entries(prem)) {
    if (!labour.includes(f)) throw new ModelError('UNKNOWN_ELEMENT', `channels.productivity_premium names "${f}", which is not a labour type (${labour.join(', ')})`, at(`productivity_premium/${f}`));
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new ModelError('BAD_CHANNEL', `channels.productivity_premium.${f} must be a number ≥ 0`, at(`productivity_premium/${f}`));
    productivityPremium[f] = v;
  }
  return {
    accessQuantity: num('access_quantity', (x) => x >= 0, 'a number ≥ 0'),
    priceDiscount: num('price_discount', (x) => x >= 0 && x < 1, 'a number in [0, 1)'),
    productivityPremium,
    spillover: num('spillover', (x) => x >= 0, 'a number ≥ 0'),
  };
}

/** Builds and calibrates ddcge to a SAM and its parameter file. */
export function calibrateDdcge(sam: SamInput, params: Readonly<Record<string, unknown>>, paramsFile?: string): CalibratedModel {
  assertSamBalanced(sam);
  const S = new SamCells(sam);
  for (const a of DDCGE_ACCOUNTS) S.index(a);
  const hhAttrs = ddcgeHouseholds(params, S, paramsFile);
  const households = Object.keys(hhAttrs);
  const factors = list(params, 'factors', paramsFile);
  const labour = list(params, 'labour', paramsFile);
  for (const f of [...factors, ...labour]) S.index(f);
  const inst = new Set<string>([...DDCGE_ACCOUNTS, ...households, ...factors]);
  const goods = S.labels.filter((l) => !inst.has(l));
  const known = new Set(goods);
  const digital = list(params, 'digital_goods', paramsFile);
  const orderable = list(params, 'orderable_goods', paramsFile);
  const telecom = typeof params.telecom === 'string' ? params.telecom : '';
  for (const [key, labels] of [['digital_goods', digital], ['orderable_goods', orderable], ['telecom', [telecom]]] as const) {
    for (const g of labels) {
      if (!known.has(g)) {
        throw new ModelError('UNKNOWN_ELEMENT', `"${g}" in "${key}" is not a goods account of the SAM (goods: ${goods.join(', ')})`, {
          ...(paramsFile ? { file: paramsFile } : {}),
          jsonPath: `/${key}`,
          index: [g],
        });
      }
    }
  }
  const connected = households.filter((h) => hhAttrs[h]!.connected);

  const m = new CgeModel('ddcge');
  m.set('i', goods, { description: 'goods (activities and commodities)' });
  m.set('f', factors, { description: 'factors' });
  m.set('hh', households, { description: 'households by location and digital access' });
  m.set('lab', labour, { parent: 'f', description: 'labour by digital skill' });
  m.set('hcon', connected, { parent: 'hh', description: 'connected households' });
  m.set('dig', digital, { parent: 'i', description: 'digital goods and services' });
  m.alias('i', 'j');

  // base-year values
  const sumG = (fn: (g: string) => number) => goods.reduce((s, g) => s + fn(g), 0);
  const sumF = (fn: (f: string) => number) => factors.reduce((s, f) => s + fn(f), 0);
  const sumH = (fn: (h: string) => number) => households.reduce((s, h) => s + fn(h), 0);
  const F0 = (f: string, j: string) => S.get(f, j);
  const Y0 = (j: string) => sumF((f) => F0(f, j));
  const X0 = (i: string, j: string) => S.get(i, j);
  const Z0 = (j: string) => Y0(j) + sumG((i) => X0(i, j));
  const Tz0 = (j: string) => S.get('IDT', j);
  const Tm0 = (j: string) => S.get('TRF', j);
  const M0 = (i: string) => S.get('EXT', i);
  const E0 = (i: string) => S.get(i, 'EXT');
  const XH0 = (i: string, h: string) => S.get(i, h);
  const Xg0 = (i: string) => S.get(i, 'GOV');
  const Xv0 = (i: string) => S.get(i, 'INV');
  const FFH0 = (f: string, h: string) => S.get(h, f);
  const YH0 = (h: string) => sumF((f) => FFH0(f, h));
  const Td0 = (h: string) => S.get('GOV', h);
  const Sp0 = (h: string) => S.get('INV', h);
  const Sg0 = S.get('INV', 'GOV');
  const Sf0 = S.get('INV', 'EXT');
  const tauz = (j: string) => Tz0(j) / Z0(j);
  const taum = (i: string) => (M0(i) === 0 ? 0 : Tm0(i) / M0(i));
  const Q0 = (i: string) => sumH((h) => XH0(i, h)) + Xg0(i) + Xv0(i) + sumG((j) => X0(i, j));
  const D0 = (i: string) => (1 + tauz(i)) * Z0(i) - E0(i);
  for (const g of goods) {
    if (!(Z0(g) > 0)) throw new InputError('SAM_EMPTY_ACTIVITY', `good ${g} has no production (no value added nor intermediate inputs)`, { account: g });
    if (!(D0(g) > 0)) throw new InputError('SAM_NO_DOMESTIC_SALES', `good ${g} sells nothing at home (output ≤ exports)`, { account: g });
  }
  for (const h of households) {
    if (!(YH0(h) > 0)) throw new InputError('SAM_EMPTY_HOUSEHOLD', `household ${h} receives no factor income`, { account: h });
  }
  for (const f of factors) {
    const paid = sumH((h) => FFH0(f, h));
    const earned = sumG((j) => F0(f, j));
    if (Math.abs(paid - earned) > 1e-9 * Math.max(1, earned)) {
      throw new InputError('SAM_FACTOR_NOT_TO_HOUSEHOLDS', `factor ${f} earns ${earned} but pays ${paid} to the households: ddcge needs all factor income paid to households`, { account: f });
    }
  }

  const par = (name: string, domain: string[], description: string, fn: (...ix: string[]) => number) => {
    m.parameter(name, domain, { description });
    for (const t of m.tuples(domain)) m.setParameter(name, t, fn(...t));
  };
  const pv = (key: string, el: string, what: string) => elementValue(params, key, el, paramsFile, { what });
  const sigma = (i: string) => pv('armington_elasticity', i, 'Armington elasticity');
  const psi = (i: string) => pv('transformation_elasticity', i, 'transformation (CET) elasticity');
  const sva = (j: string) => {
    const s = pv('va_elasticity', j, 'value-added substitution elasticity');
    if (!(s > 0) || Math.abs(s - 1) < 1e-9) {
      throw new ModelError('BAD_ELASTICITY', `the value-added elasticity of ${j} must be positive and not 1 (CES), got ${s}`, {
        ...(paramsFile ? { file: paramsFile } : {}),
        jsonPath: `/va_elasticity/${j}`,
        index: [j],
      });
    }
    return s;
  };
  const eta = (i: string) => (sigma(i) - 1) / sigma(i);
  const phi = (i: string) => (psi(i) + 1) / psi(i);
  const rho = (j: string) => (sva(j) - 1) / sva(j);

  // technology
  par('hasF', ['f', 'j'], '1 where the activity uses the factor', (f, j) => (F0(f, j) > 0 ? 1 : 0));
  par('rho', ['j'], 'CES exponent of value added, (σ−1)/σ', rho);
  const s1 = (j: string) => factors.reduce((s, f) => s + (F0(f, j) > 0 ? Math.pow(F0(f, j), 1 - rho(j)) : 0), 0);
  par('beta', ['f', 'j'], 'CES share of factor f in value added', (f, j) => (F0(f, j) > 0 ? Math.pow(F0(f, j), 1 - rho(j)) / s1(j) : 0));
  par('b', ['j'], 'CES scale of value added', (j) => {
    const inner = factors.reduce((s, f) => s + (F0(f, j) > 0 ? m.param('beta', [f, j]) * Math.pow(F0(f, j), rho(j)) : 0), 0);
    return Y0(j) / Math.pow(inner, 1 / rho(j));
  });
  par('TFP', ['j'], 'total factor productivity (1 in the benchmark; the spillover channel)', () => 1);
  par('EFF', ['f'], 'efficiency of a unit of factor (1 in the benchmark; the premium channel)', () => 1);
  par('ax', ['i', 'j'], 'intermediate input coefficient', (i, j) => X0(i, j) / Z0(j));
  par('ay', ['j'], 'value-added coefficient', (j) => Y0(j) / Z0(j));
  par('dint', ['j'], 'digital input intensity: digital inputs / all intermediate inputs', (j) => {
    const all = sumG((i) => X0(i, j));
    return all > 0 ? digital.reduce((s, i) => s + X0(i, j), 0) / all : 0;
  });
  // taxes, saving, government, investment
  par('tauz', ['i'], 'production tax rate', tauz);
  par('taum', ['i'], 'import tariff rate', taum);
  par('taud', ['hh'], 'direct tax rate on household income', (h) => Td0(h) / YH0(h));
  par('ssp', ['hh'], 'household saving rate out of income', (h) => Sp0(h) / YH0(h));
  par('ssg', [], 'government saving propensity', () => Sg0 / (sumH(Td0) + sumG(Tz0) + sumG(Tm0)));
  par('mu', ['i'], 'government consumption share', (i) => Xg0(i) / sumG(Xg0));
  par('lambda', ['i'], 'investment demand share', (i) => Xv0(i) / (sumH(Sp0) + Sg0 + Sf0));
  par('XvP', ['i'], 'investment programme (quantity; 0 in the benchmark)', () => 0);
  par('gshare', [], 'share of the programme financed by the government', () => 0);
  par('fshare', [], 'share of the programme financed from abroad', () => 0);
  // households
  const pop = (h: string) => {
    const p = elementValue(params, 'population', h, paramsFile, { what: 'population', code: 'MISSING_PARAMETER' });
    if (!(p > 0)) throw new ModelError('MISSING_PARAMETER', `population of ${h} must be positive, got ${p}`, { ...(paramsFile ? { file: paramsFile } : {}), jsonPath: `/population/${h}` });
    return p;
  };
  par('POP', ['hh'], 'persons in the household group', pop);
  par('FFH', ['f', 'hh'], 'factor endowment owned by the household group (benchmark efficiency units)', FFH0);
  const ch = channelsOf(params, labour, paramsFile);
  par('acc', ['i', 'hh'], 'telecom access bought per person by the newly connected, averaged over the group (0 in the benchmark; the access channel)', () => 0);
  par('dpo', ['i', 'hh'], 'effective price reduction of digitally ordered goods, averaged over the group (0 in the benchmark; the price channel)', () => 0);
  par('isTel', ['i'], '1 for the telecom good', (i) => (i === telecom ? 1 : 0));
  par('isOrd', ['i'], '1 for the digitally orderable goods', (i) => (orderable.includes(i) ? 1 : 0));
  par('accq', [], 'telecom units a newly connected person buys for access (the access channel)', () => ch.accessQuantity);
  par('pdisc', [], 'price reduction of orderable goods for a newly connected person (the price channel)', () => ch.priceDiscount);
  const les = new Map(
    households.map((h) => {
      const q = goods.map((i) => XH0(i, h) / pop(h));
      const eta = goods.map((i) => pv('income_elasticity', i, 'income elasticity'));
      const frisch = elementValue(params, 'frisch', h, paramsFile, { what: 'Frisch parameter', code: 'MISSING_PARAMETER' });
      return [h, calibrateLes(q, goods.map(() => 1), eta, frisch, goods)] as const;
    }),
  );
  for (const f of labour) par(`prem_${f}`, [], `productivity premium of newly connected ${f} workers`, () => ch.productivityPremium[f] ?? 0);
  par('spill', [], 'TFP elasticity to the connected population share, scaled by digital input intensity', () => ch.spillover);
  par('bet', ['i', 'hh'], 'LES marginal budget share', (i, h) => les.get(h)!.beta[goods.indexOf(i)]!);
  par('gam', ['i', 'hh'], 'LES subsistence quantity per capita', (i, h) => les.get(h)!.gamma[goods.indexOf(i)]!);
  // trade
  par('pWe', ['i'], 'export price in foreign currency', (i) => elementValue(params, 'world_export_price', i, paramsFile, { fallback: 1, code: 'MISSING_PARAMETER' }));
  par('pWm', ['i'], 'import price in foreign currency', (i) => elementValue(params, 'world_import_price', i, paramsFile, { fallback: 1, code: 'MISSING_PARAMETER' }));
  par('hasM', ['i'], '1 where the good is imported', (i) => (M0(i) > 0 ? 1 : 0));
  par('noM', ['i'], '1 where the good is not imported', (i) => (M0(i) > 0 ? 0 : 1));
  par('hasE', ['i'], '1 where the good is exported', (i) => (E0(i) > 0 ? 1 : 0));
  par('noE', ['i'], '1 where the good is not exported', (i) => (E0(i) > 0 ? 0 : 1));
  par('eta', ['i'], 'Armington exponent (σ−1)/σ', (i) => (M0(i) > 0 ? eta(i) : 1));
  par('phi', ['i'], 'CET exponent (ψ+1)/ψ', (i) => (E0(i) > 0 ? phi(i) : 1));
  const dm = (i: string) => (1 + taum(i)) * Math.pow(M0(i), 1 - eta(i));
  const dd = (i: string) => Math.pow(D0(i), 1 - eta(i));
  par('deltam', ['i'], 'Armington share (imports)', (i) => (M0(i) > 0 ? dm(i) / (dm(i) + dd(i)) : 0));
  par('deltad', ['i'], 'Armington share (domestic)', (i) => (M0(i) > 0 ? dd(i) / (dm(i) + dd(i)) : 1));
  par('gamma', ['i'], 'Armington scale', (i) => {
    if (!(M0(i) > 0)) return 1;
    const a = m.param('deltam', i) * Math.pow(M0(i), eta(i)) + m.param('deltad', i) * Math.pow(D0(i), eta(i));
    return Q0(i) / Math.pow(a, 1 / eta(i));
  });
  const xe = (i: string) => Math.pow(E0(i), 1 - phi(i));
  const xd = (i: string) => Math.pow(D0(i), 1 - phi(i));
  par('xie', ['i'], 'CET share (exports)', (i) => (E0(i) > 0 ? xe(i) / (xe(i) + xd(i)) : 0));
  par('xid', ['i'], 'CET share (domestic)', (i) => (E0(i) > 0 ? xd(i) / (xe(i) + xd(i)) : 1));
  par('theta', ['i'], 'CET scale', (i) => {
    if (!(E0(i) > 0)) return Z0(i) / D0(i);
    const a = m.param('xie', i) * Math.pow(E0(i), phi(i)) + m.param('xid', i) * Math.pow(D0(i), phi(i));
    return Z0(i) / Math.pow(a, 1 / phi(i));
  });

  // variables at the benchmark
  const LO = 1e-8;
  const v = (name: string, domain: string[], description: string, level: (...ix: string[]) => number, lower = LO) => {
    m.variable(name, domain, { description, lower });
    for (const t of m.tuples(domain)) m.setLevel(name, t, level(...t));
  };
  v('Y', ['j'], 'value added (composite factor)', Y0);
  v('F', ['f', 'j'], 'factor input in efficiency units', F0, 0);
  v('X', ['i', 'j'], 'intermediate input', X0, 0);
  v('Z', ['j'], 'gross output', Z0);
  v('XH', ['i', 'hh'], 'household consumption (effective units)', XH0, 0);
  v('Xg', ['i'], 'government consumption', Xg0, 0);
  v('Xv', ['i'], 'investment demand', Xv0, -Infinity);
  v('E', ['i'], 'exports', E0, 0);
  v('M', ['i'], 'imports', M0, 0);
  v('Q', ['i'], 'Armington composite good', Q0);
  v('D', ['i'], 'domestic good', D0);
  for (const p of ['py', 'pz', 'pq', 'pe', 'pm', 'pd']) v(p, ['i'], `price ${p}`, () => 1);
  v('pf', ['f'], 'factor price per efficiency unit', () => 1);
  v('epsilon', [], 'exchange rate', () => 1);
  v('YH', ['hh'], 'household income', YH0);
  v('EH', ['hh'], 'household consumption spending', (h) => sumG((i) => XH0(i, h)));
  v('Sp', [], 'private saving', () => sumH(Sp0), -Infinity);
  v('Sg', [], 'government saving', () => Sg0, -Infinity);
  v('Td', [], 'direct tax', () => sumH(Td0), -Infinity);
  v('Tz', ['j'], 'production tax', Tz0, -Infinity);
  v('Tm', ['i'], 'import tariff', Tm0, -Infinity);
  v('Sf', [], 'foreign saving in foreign currency', () => Sf0, -Infinity);
  v('SfP', [], 'foreign financing of the investment programme (foreign currency)', () => 0, -Infinity);
  v('GINV', [], 'government financing of the investment programme', () => 0, -Infinity);
  for (const f of factors) for (const j of goods) if (!(F0(f, j) > 0)) m.fix('F', [f, j], 0);
  for (const i of goods) {
    if (!(M0(i) > 0)) m.fix('M', [i], 0);
    if (!(E0(i) > 0)) m.fix('E', [i], 0);
  }

  m.equations(DDCGE_EQUATIONS, DESCRIPTIONS);

  const closures = openEconomyClosures(
    params,
    labour[labour.length - 1]!,
    'numeraire fixed; foreign savings fixed in foreign currency, flexible exchange rate; savings-driven investment; government saving a fixed share of revenue; factor endowments fixed and mobile',
  );
  const value = (L: LevelReader, price: string, qty: string, i: string) => L(price, [i]) * L(qty, [i]);
  return {
    model: m,
    closures,
    defaultClosure: 'default',
    nominal: ['pf', 'py', 'pz', 'pq', 'pe', 'pm', 'pd', 'epsilon', 'Sp', 'Sg', 'Td', 'Tz', 'Tm', 'YH', 'EH', 'GINV'],
    households: [],
    gdp: (L: LevelReader, B: LevelReader, P: ParameterReader) => {
      // expenditure side: household consumption counts market units (1 − dpo)·XH
      const fd = (R: LevelReader) =>
        goods.reduce(
          (s, i) =>
            s +
            R('pq', [i]) * (households.reduce((t, h) => t + (1 - P('dpo', [i, h])) * L('XH', [i, h]), 0) + L('Xg', [i]) + L('Xv', [i])) +
            R('pe', [i]) * L('E', [i]) -
            R('pm', [i]) * L('M', [i]),
          0,
        );
      return { nominal: fd(L), real: fd(B) };
    },
    samOf: (L: LevelReader, P: ParameterReader) => {
      const { put, result } = samAccumulator(S.labels);
      for (const j of goods) {
        for (const i of goods) put(i, j, L('pq', [i]) * L('X', [i, j]));
        for (const f of factors) put(f, j, L('pf', [f]) * L('F', [f, j]));
        put('IDT', j, L('Tz', [j]));
        put('TRF', j, L('Tm', [j]));
        put('EXT', j, value(L, 'pm', 'M', j));
        for (const h of households) put(j, h, L('pq', [j]) * (1 - P('dpo', [j, h])) * L('XH', [j, h]));
        put(j, 'GOV', value(L, 'pq', 'Xg', j));
        put(j, 'INV', value(L, 'pq', 'Xv', j));
        put(j, 'EXT', value(L, 'pe', 'E', j));
        put('GOV', 'IDT', L('Tz', [j]));
        put('GOV', 'TRF', L('Tm', [j]));
      }
      for (const h of households) {
        for (const f of factors) put(h, f, L('pf', [f]) * P('EFF', [f]) * P('FFH', [f, h]));
        put('GOV', h, P('taud', [h]) * L('YH', [h]));
        put('INV', h, P('ssp', [h]) * L('YH', [h]));
      }
      put('INV', 'GOV', L('Sg') + L('GINV'));
      put('INV', 'EXT', L('epsilon') * (L('Sf') + L('SfP')));
      return result();
    },
  };
}

/** The ddcge model of the library. */
export const ddcge: CgeModelDefinition = {
  name: 'ddcge',
  description: 'Digital-divide CGE model: stdcge extended with digital sectors, households by location × digital access (LES), labour by digital skill and four connectivity channels',
  calibrate: calibrateDdcge,
};
