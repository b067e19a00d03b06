import { InputError } from '../../errors.js';
import { macroIdentities } from '../macro.js';
import type { Sam } from '../sam.js';
import { COMMON_SECTOR_CODES, THAI_ITS_PATTERN_WEIGHT, THAI_TO_COMMON } from './common-classification.js';

/**
 * Structure of the Thai SAM 2006 mapped to the common classification: the patterns and ratios that
 * {@link buildSamFromControlTotals} spreads over an economy's control totals. Patterns are by common
 * sector (index of `COMMON_SECTOR_CODES`); ratios are shares of the named total.
 */
export interface PriorStructure {
  /** Intermediate use, commodity row × activity column, m×m row-major (margins paid by activities go to TRD). */
  intermediate: Float64Array;
  /** Shares of value added by activity: labour, capital, production taxes (each row sums to 1). */
  valueAdded: { labour: number; capital: number; productionTax: number }[];
  /** Imported intermediate inputs by commodity (pattern). */
  importsIntermediate: Float64Array;
  /** Imported final goods by commodity (pattern). */
  importsFinal: Float64Array;
  /** Taxes on imports per unit of imports, by commodity. */
  tariffRate: Float64Array;
  /** Shares of domestic final demand for each commodity: households, government, investment. */
  finalDemand: { household: number; government: number; investment: number }[];
  /** Imported final goods / domestic final demand (all commodities). */
  finalImportRatio: number;
  /** Where capital income goes: households, enterprises, government, savings (depreciation), rest of world. */
  capital: { household: number; enterprise: number; government: number; savings: number; restOfWorld: number };
  /** Per unit of household income: direct tax, transfers to enterprises, to government, to rest of world. */
  household: { directTax: number; enterprise: number; government: number; restOfWorld: number };
  /** Per unit of enterprise income: direct tax, distributions to households, transfers to government. */
  enterprise: { directTax: number; household: number; government: number };
  /** Per unit of GDP: government transfers to households and enterprises, remittances from abroad to households. */
  perGdp: { govToHousehold: number; govToEnterprise: number; rowToHousehold: number };
  /** Shares used to split the mixed Thai sectors (from the guideline), for the provenance log. */
  splitShares: Readonly<Record<string, number>>;
}

/** Shares of the mixed Thai sectors in digital sectors, from the guideline's `THAI_SAM_2006` concordance. */
export interface ThaiSplitShares {
  /** ICT goods share of `MachProd` (ICT_GOODS). */
  MachProd: number;
  /** Telecommunications share of `TransComm` (TELECOM). */
  TransComm: number;
}

const DIGITAL_OF: Readonly<Record<string, string>> = { MachProd: 'ICT', TransComm: 'TEL' };

/** Weights of each Thai sector in the common sectors (rows: Thai sector; Σ over common ≥ 1 for Services). */
function weights(shares: ThaiSplitShares): Map<string, Map<number, number>> {
  const pos = new Map(COMMON_SECTOR_CODES.map((c, i) => [c, i]));
  const w = new Map<string, Map<number, number>>();
  for (const [s, target] of Object.entries(THAI_TO_COMMON)) {
    const m = new Map<number, number>();
    if (typeof target === 'string') m.set(pos.get(target)!, 1);
    else {
      const share = shares[s as keyof ThaiSplitShares];
      m.set(pos.get(DIGITAL_OF[s])!, share);
      m.set(pos.get(target.rest)!, 1 - share);
    }
    if (s === 'Services') {
      m.set(pos.get('SRV')!, 1 - THAI_ITS_PATTERN_WEIGHT);
      m.set(pos.get('ITS')!, THAI_ITS_PATTERN_WEIGHT);
    }
    w.set(s, m);
  }
  return w;
}

/**
 * Reads the prior structure off the Thai SAM 2006 (labels `A-*`, `C-*`, `M-*`, Labor, Capital,
 * Water, Land, HH1…HH10, ENT, Govt, Margin, Itax, Ttax, Dtax, CapAcct, ROW).
 * @param sam the Thai SAM 2006 as read from `datasets/sam/thai/ThaiSAM2006.csv`
 * @param shares digital shares of the mixed sectors, from the guideline
 */
export function thaiPriorStructure(sam: Sam, shares: ThaiSplitShares): PriorStructure {
  for (const l of ['Labor', 'Capital', 'ENT', 'Govt', 'Margin', 'Itax', 'Ttax', 'Dtax', 'CapAcct', 'ROW', 'HH1']) {
    if (!sam.has(l)) throw new InputError('PRIOR_ACCOUNT_MISSING', `the Thai SAM lacks account '${l}'`, { account: l });
  }
  const m = COMMON_SECTOR_CODES.length;
  const w = weights(shares);
  const g = (r: string, c: string) => (sam.has(r) && sam.has(c) ? sam.get(r, c) : 0);
  const hh = sam.labels.filter((l) => /^HH\d+$/.test(l));
  const sum = (rows: readonly string[], cols: readonly string[]) => rows.reduce((a, r) => a + cols.reduce((b, c) => b + g(r, c), 0), 0);
  const thai = Object.keys(THAI_TO_COMMON);
  const C = (s: string) => `C-${s}`;
  const M = (s: string) => `M-${s}`;
  const A = (s: string) => `A-${s}`;
  const intermediate = new Float64Array(m * m);
  const valueAdded = Array.from({ length: m }, () => ({ labour: 0, capital: 0, productionTax: 0 }));
  const importsIntermediate = new Float64Array(m);
  const importsFinal = new Float64Array(m);
  const imports = new Float64Array(m);
  const tariffs = new Float64Array(m);
  const fd = Array.from({ length: m }, () => ({ household: 0, government: 0, investment: 0 }));
  const trd = COMMON_SECTOR_CODES.indexOf('TRD');
  const cCols = thai.map(C);
  for (const t of thai) {
    for (const [a, wa] of w.get(t)!) {
      for (const s of thai) for (const [c, wc] of w.get(s)!) intermediate[c * m + a] += wc * wa * g(C(s), A(t));
      intermediate[trd * m + a] += wa * g('Margin', A(t));
      valueAdded[a].labour += wa * g('Labor', A(t));
      valueAdded[a].capital += wa * (g('Capital', A(t)) + g('Water', A(t)) + g('Land', A(t)));
      valueAdded[a].productionTax += wa * g('Itax', A(t));
    }
    for (const [c, wc] of w.get(t)!) {
      importsIntermediate[c] += wc * sum([M(t)], cCols);
      importsFinal[c] += wc * sum([M(t)], [...hh, 'Govt', 'CapAcct']);
      imports[c] += wc * g('ROW', M(t));
      tariffs[c] += wc * g('Ttax', M(t));
      fd[c].household += wc * sum([C(t), M(t)], hh);
      fd[c].government += wc * sum([C(t), M(t)], ['Govt']);
      fd[c].investment += wc * sum([C(t), M(t)], ['CapAcct']);
    }
  }
  for (const v of valueAdded) {
    const s = v.labour + v.capital + v.productionTax;
    v.labour /= s;
    v.capital /= s;
    v.productionTax /= s;
  }
  for (const f of fd) {
    const s = f.household + f.government + f.investment;
    if (s > 0) {
      f.household /= s;
      f.government /= s;
      f.investment /= s;
    } else {
      f.household = 1;
    }
  }
  const tariffRate = Float64Array.from(imports, (v, i) => (v > 0 ? tariffs[i] / v : 0));
  const allGoods = [...thai.map(C), ...thai.map(M)];
  const domesticFinal = sum(allGoods, [...hh, 'Govt', 'CapAcct']);
  const finalImportRatio = sum(thai.map(M), [...hh, 'Govt', 'CapAcct']) / domesticFinal;
  const capTotal = sam.colTotals()[sam.index('Capital')];
  const capital = {
    household: sum(hh, ['Capital']) / capTotal,
    enterprise: g('ENT', 'Capital') / capTotal,
    government: g('Govt', 'Capital') / capTotal,
    savings: g('CapAcct', 'Capital') / capTotal,
    restOfWorld: g('ROW', 'Capital') / capTotal,
  };
  const hhIncome = hh.reduce((a, h) => a + sam.rowTotals()[sam.index(h)], 0);
  const household = {
    directTax: sum(['Dtax'], hh) / hhIncome,
    enterprise: sum(['ENT'], hh) / hhIncome,
    government: sum(['Govt'], hh) / hhIncome,
    restOfWorld: sum(['ROW'], hh) / hhIncome,
  };
  const entIncome = sam.rowTotals()[sam.index('ENT')];
  const enterprise = {
    directTax: g('Dtax', 'ENT') / entIncome,
    household: sum(hh, ['ENT']) / entIncome,
    government: g('Govt', 'ENT') / entIncome,
  };
  const gdp = macroIdentities(sam).production?.gdp ?? Number.NaN;
  const perGdp = {
    govToHousehold: sum(hh, ['Govt']) / gdp,
    govToEnterprise: g('ENT', 'Govt') / gdp,
    rowToHousehold: sum(hh, ['ROW']) / gdp,
  };
  return {
    intermediate,
    valueAdded,
    importsIntermediate,
    importsFinal,
    tariffRate,
    finalDemand: fd,
    finalImportRatio,
    capital,
    household,
    enterprise,
    perGdp,
    splitShares: {
      'A-MachProd→ICT_GOODS': shares.MachProd,
      'A-TransComm→TELECOM': shares.TransComm,
      'A-Services→IT_INFO (pattern weight)': THAI_ITS_PATTERN_WEIGHT,
    },
  };
}
