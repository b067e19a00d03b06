/**
 * The prior structure of {@link buildSamFromControlTotals} read off an IFPRI-style SAM (activities
 * `a*` and commodities `c*` with competitive imports, several labour types, household groups,
 * activity, import, sales and direct taxes) by a mapping file: an economy's own SAM instead of the
 * Thai SAM 2006 wherever one is at hand (IFPRI's 2018 SAM for the Philippines).
 *
 * IFPRI SAMs hold imports in the commodity rows (`row ← c`): the domestic part of each commodity's
 * use is its domestic share of supply, 1 − m_c with m_c = imports / (domestic output + imports) —
 * the proportionality assumption of every split of competitive imports, stated in the notes.
 * Transaction costs (`trc`) and sales taxes (`stax`) have no account in the common layout and are
 * left out of the patterns (said in the notes).
 * @module
 */
import { InputError } from '../../errors.js';
import { macroIdentities } from '../macro.js';
import type { Sam } from '../sam.js';
import { COMMON_SECTOR_CODES } from './common-classification.js';
import type { PriorStructure } from './thai-prior.js';

/** The mapping file of {@link ifpriPriorStructure} (e.g. `datasets/sam/published/phl_ifpri_2018/to-common.json`). */
export interface IfpriCommonMapping {
  description?: string;
  source: string;
  /** Why each pattern weight other than 1 is what it is. */
  weightAssumptions?: Readonly<Record<string, string>>;
  /** Each activity code in the common sectors with pattern weights summing to 1; its commodity is `c` + the code without its `a`. */
  activities: Readonly<Record<string, Readonly<Record<string, number>>>>;
  accounts: {
    labour: readonly string[];
    capital: readonly string[];
    households: readonly string[];
    enterprise: string;
    government: string;
    /** Tax on activities (IFPRI `atax`); absent in SAMs whose production taxes fall on factors (Indonesia). */
    activityTax?: string;
    /**
     * Tax on factor income (IFPRI `ftax`, Indonesia): an other tax on production in the SNA, so each
     * activity's share of it (by the factor income it pays) counts as its tax on production, and
     * factor income net of it is what the institutions receive.
     */
    factorTax?: string;
    importTax: string;
    directTax: string;
    savings: string;
    investment: readonly string[];
    restOfWorld: string;
  };
}

/** Checks the mapping against the SAM: every account named exists, every weight row sums to 1 over known sectors. */
function checkMapping(sam: Sam, map: IfpriCommonMapping, file?: string): void {
  const loc = (jsonPath: string) => ({ ...(file !== undefined ? { file } : {}), jsonPath });
  const a = map.accounts;
  const named = [
    ...a.labour,
    ...a.capital,
    ...a.households,
    a.enterprise,
    a.government,
    ...(a.activityTax !== undefined ? [a.activityTax] : []),
    ...(a.factorTax !== undefined ? [a.factorTax] : []),
    a.importTax,
    a.directTax,
    a.savings,
    ...a.investment,
    a.restOfWorld,
  ];
  for (const l of named)
    if (!sam.has(l))
      throw new InputError('PRIOR_ACCOUNT_MISSING', `the SAM has no account '${l}' named by the mapping`, {
        ...loc('/accounts'),
        account: l,
      });
  for (const [act, w] of Object.entries(map.activities)) {
    if (!sam.has(act) || !sam.has(`c${act.slice(1)}`)) {
      throw new InputError('PRIOR_ACCOUNT_MISSING', `the SAM has no activity '${act}' or commodity 'c${act.slice(1)}'`, {
        ...loc(`/activities/${act}`),
        account: act,
      });
    }
    const s = Object.values(w).reduce((x, y) => x + y, 0);
    const unknown = Object.keys(w).filter((k) => !COMMON_SECTOR_CODES.includes(k));
    if (unknown.length > 0 || Math.abs(s - 1) > 1e-12) {
      throw new InputError(
        'PRIOR_MAPPING_INVALID',
        `activity '${act}': weights must be common sectors (${COMMON_SECTOR_CODES.join(', ')}) summing to 1, got ${JSON.stringify(w)}`,
        loc(`/activities/${act}`),
      );
    }
  }
  const mapped = new Set(Object.keys(map.activities));
  const missing = sam.accounts.filter((x) => x.group === 'activity' && !mapped.has(x.label)).map((x) => x.label);
  if (missing.length > 0)
    throw new InputError('PRIOR_MAPPING_INVALID', `activities of the SAM not in the mapping: ${missing.join(', ')}`, loc('/activities'));
}

/**
 * Reads the {@link PriorStructure} off an IFPRI-style SAM through `map` (see the module notes).
 * @param sam the SAM, with its groups (as read by `readSam`, groups from IFPRI's description column)
 * @param map the activity-to-common-sector weights and the names of the other accounts
 */
export function ifpriPriorStructure(sam: Sam, map: IfpriCommonMapping, file?: string): PriorStructure {
  checkMapping(sam, map, file);
  const m = COMMON_SECTOR_CODES.length;
  const pos = new Map(COMMON_SECTOR_CODES.map((c, i) => [c, i]));
  const g = (r: string, c: string) => sam.get(r, c);
  const acts = Object.keys(map.activities);
  const com = (a: string) => `c${a.slice(1)}`;
  const w = (a: string) => Object.entries(map.activities[a]).map(([k, x]) => [pos.get(k)!, x] as const);
  const A = map.accounts;
  const fdCols = [...A.households, A.government, ...A.investment];
  const sumCols = (r: string, cols: readonly string[]) => cols.reduce((s, c) => s + g(r, c), 0);
  // import share of supply of each commodity: imports / (domestic output + imports)
  const importShare = (a: string) => {
    const c = com(a);
    const domestic = acts.reduce((s, x) => s + g(x, c), 0);
    const imp = g(A.restOfWorld, c);
    return domestic + imp > 0 ? imp / (domestic + imp) : 0;
  };
  // share of each factor's income taken by the factor tax (0 without one)
  const taxOn = (f: string) => (A.factorTax ? g(A.factorTax, f) / sam.colTotals()[sam.index(f)] : 0);
  const intermediate = new Float64Array(m * m);
  const valueAdded = Array.from({ length: m }, () => ({ labour: 0, capital: 0, productionTax: 0 }));
  const importsIntermediate = new Float64Array(m);
  const importsFinal = new Float64Array(m);
  const imports = new Float64Array(m);
  const tariffs = new Float64Array(m);
  const fd = Array.from({ length: m }, () => ({ household: 0, government: 0, investment: 0 }));
  for (const t of acts) {
    for (const [ai, wa] of w(t)) {
      for (const s of acts) {
        const use = g(com(s), t);
        if (use === 0) continue;
        for (const [ci, wc] of w(s)) {
          intermediate[ci * m + ai] += wc * wa * use * (1 - importShare(s));
          importsIntermediate[ci] += wc * wa * use * importShare(s);
        }
      }
      valueAdded[ai].labour += wa * A.labour.reduce((x, f) => x + g(f, t) * (1 - taxOn(f)), 0);
      valueAdded[ai].capital += wa * A.capital.reduce((x, f) => x + g(f, t) * (1 - taxOn(f)), 0);
      valueAdded[ai].productionTax +=
        (A.activityTax ? wa * g(A.activityTax, t) : 0) + wa * [...A.labour, ...A.capital].reduce((x, f) => x + g(f, t) * taxOn(f), 0);
    }
    const c = com(t);
    const mShare = importShare(t);
    for (const [ci, wc] of w(t)) {
      importsFinal[ci] += wc * sumCols(c, fdCols) * mShare;
      imports[ci] += wc * g(A.restOfWorld, c);
      tariffs[ci] += wc * g(A.importTax, c);
      fd[ci].household += wc * sumCols(c, A.households);
      fd[ci].government += wc * g(c, A.government);
      fd[ci].investment += wc * sumCols(c, A.investment);
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
    } else f.household = 1;
  }
  const tariffRate = Float64Array.from(imports, (v, i) => (v > 0 ? tariffs[i] / v : 0));
  const finalDemandTotal = acts.reduce((s, a) => s + sumCols(com(a), fdCols), 0);
  const finalImportRatio = importsFinal.reduce((s, x) => s + x, 0) / finalDemandTotal;
  const rowTotal = (l: string) => sam.rowTotals()[sam.index(l)];
  const capTotal = A.capital.reduce((s, f) => s + sam.colTotals()[sam.index(f)] - (A.factorTax ? g(A.factorTax, f) : 0), 0);
  const fromCap = (rows: readonly string[]) => rows.reduce((s, r) => s + A.capital.reduce((x, f) => x + g(r, f), 0), 0) / capTotal;
  const hhIncome = A.households.reduce((s, h) => s + rowTotal(h), 0);
  const fromHh = (r: string) => A.households.reduce((s, h) => s + g(r, h), 0) / hhIncome;
  const entIncome = rowTotal(A.enterprise);
  const gdp = macroIdentities(sam).production?.gdp ?? Number.NaN;
  const toHh = (c: string) => A.households.reduce((s, h) => s + g(h, c), 0);
  const capitalShares = {
    household: fromCap(A.households),
    enterprise: fromCap([A.enterprise]),
    government: fromCap([A.government]),
    savings: fromCap([A.savings]),
    restOfWorld: fromCap([A.restOfWorld]),
  };
  const capSum = Object.values(capitalShares).reduce((a, b) => a + b, 0);
  if (Math.abs(capSum - 1) > 1e-9) {
    throw new InputError(
      'PRIOR_MAPPING_INVALID',
      `capital income goes to accounts the mapping does not name: the named ones receive ${capSum} of it (name a factor tax, or the account, in /accounts)`,
      { ...(file !== undefined ? { file } : {}), jsonPath: '/accounts' },
    );
  }
  return {
    intermediate,
    valueAdded,
    importsIntermediate,
    importsFinal,
    tariffRate,
    finalDemand: fd,
    finalImportRatio,
    capital: capitalShares,
    household: {
      directTax: fromHh(A.directTax),
      enterprise: fromHh(A.enterprise),
      government: fromHh(A.government),
      restOfWorld: fromHh(A.restOfWorld),
    },
    enterprise: {
      directTax: g(A.directTax, A.enterprise) / entIncome,
      household: toHh(A.enterprise) / entIncome,
      government: g(A.government, A.enterprise) / entIncome,
    },
    perGdp: {
      govToHousehold: toHh(A.government) / gdp,
      govToEnterprise: g(A.enterprise, A.government) / gdp,
      rowToHousehold: toHh(A.restOfWorld) / gdp,
    },
    splitShares: Object.fromEntries(
      Object.entries(map.activities)
        .filter(([, x]) => Object.keys(x).length > 1)
        .flatMap(([a, x]) => Object.entries(x).map(([k, v]) => [`${a}→${k} (pattern weight)`, v])),
    ),
  };
}
