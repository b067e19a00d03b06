import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMON_SECTOR_CODES as COMMON, ifpriPriorStructure, readSam, type IfpriCommonMapping } from '../../../src/index.js';
import { splitQuotedLine } from '../../support/independent.js';

const ROOT = join(import.meta.dirname, '../../..');
const DIR = join(ROOT, 'datasets/sam/published/phl_ifpri_2018');
const map = JSON.parse(readFileSync(join(DIR, 'to-common.json'), 'utf8')) as IfpriCommonMapping;

/** The IFPRI CSV read by hand: cell (row code, column code). */
function byHand() {
  const lines = readFileSync(join(DIR, '002_IFPRI_SAM_PHL_2018_SAM.csv'), 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\n');
  const split = (l: string) => splitQuotedLine(l, ',');
  const rows = lines.map(split);
  const cols = rows[0];
  const at = new Map(rows.map((r, i) => [r[1], i]));
  return (r: string, c: string) => {
    const v = rows[at.get(r)!][cols.indexOf(c)] ?? '';
    return v.trim() === '' ? 0 : Number(v.replaceAll(',', ''));
  };
}

describe("the Philippine structure read off IFPRI's 2018 SAM", async () => {
  const sam = await readSam(join(DIR, '002_IFPRI_SAM_PHL_2018_SAM.csv'), { totalsTolerance: 5, totalsAbsolute: true });
  const p = ifpriPriorStructure(sam, map);
  const g = byHand();
  const hh = map.accounts.households;
  const agr = Object.entries(map.activities)
    .filter(([, w]) => w.AGR === 1)
    .map(([a]) => a);
  it('value-added shares of agriculture: labour, land and capital, activity tax, from the cells', () => {
    const lab = agr.reduce((s, a) => s + ['flab-n', 'flab-p', 'flab-s'].reduce((t, f) => t + g(f, a), 0), 0);
    const cap = agr.reduce((s, a) => s + g('flnd', a) + g('fcap', a), 0);
    const tax = agr.reduce((s, a) => s + g('atax', a), 0);
    expect(p.valueAdded[0].labour).toBeCloseTo(lab / (lab + cap + tax), 12);
    expect(p.valueAdded[0].productionTax).toBeCloseTo(tax / (lab + cap + tax), 12);
  });
  it('final demand composition and tariff rate of agricultural goods, from the cells', () => {
    const coms = agr.map((a) => `c${a.slice(1)}`);
    const H = coms.reduce((s, c) => s + hh.reduce((t, h) => t + g(c, h), 0), 0);
    const G = coms.reduce((s, c) => s + g(c, 'gov'), 0);
    const I = coms.reduce((s, c) => s + g(c, 's-i') + g(c, 'dstk'), 0);
    expect(p.finalDemand[0].household).toBeCloseTo(H / (H + G + I), 12);
    const M = coms.reduce((s, c) => s + g('row', c), 0);
    const T = coms.reduce((s, c) => s + g('mtax', c), 0);
    expect(p.tariffRate[0]).toBeCloseTo(T / M, 12);
  });
  it('income distribution: capital income to enterprises and the household direct tax rate, from the cells', () => {
    const capCol = ['flnd', 'fcap'].reduce((s, f) => s + sam.colTotals()[sam.index(f)], 0);
    expect(p.capital.enterprise).toBeCloseTo((g('ent', 'flnd') + g('ent', 'fcap')) / capCol, 12);
    const hhIncome = hh.reduce((s, h) => s + sam.rowTotals()[sam.index(h)], 0);
    expect(p.household.directTax).toBeCloseTo(hh.reduce((s, h) => s + g('dtax', h), 0) / hhIncome, 12);
  });
  it('splits intermediate use into domestic and imported by each commodity’s import share of supply', () => {
    // total intermediate use of all commodities by all activities = Σ domestic pattern + Σ imported pattern
    const acts = Object.keys(map.activities);
    const all = acts.reduce((s, c) => s + acts.reduce((t, a) => t + g(`c${c.slice(1)}`, a), 0), 0);
    const dom = p.intermediate.reduce((a, b) => a + b, 0);
    const imp = p.importsIntermediate.reduce((a, b) => a + b, 0);
    expect(dom + imp).toBeCloseTo(all, 8);
    expect(imp / all).toBeGreaterThan(0.1);
  });
  it('refuses a mapping that leaves out an activity, naming it', () => {
    const { amaiz: _dropped, ...rest } = map.activities;
    expect(() => ifpriPriorStructure(sam, { ...map, activities: rest })).toThrow(/activities of the SAM not in the mapping: amaiz/);
  });
});

describe("the Indonesian structure read off IFPRI's 2018 SAM (a tax on factors, no activity tax)", async () => {
  const dir = join(ROOT, 'datasets/sam/published/idn_ifpri_2018');
  const idnMap = JSON.parse(readFileSync(join(dir, 'to-common.json'), 'utf8')) as IfpriCommonMapping;
  const sam = await readSam(join(dir, '002_IFPRI_SAM_IDN_2018_SAM.csv'), { totalsTolerance: 6, totalsAbsolute: true });
  it('counts the factor tax as a tax on production and gives institutions capital income net of it', () => {
    const p = ifpriPriorStructure(sam, idnMap);
    const c = p.capital;
    expect(c.household + c.enterprise + c.government + c.savings + c.restOfWorld).toBeCloseTo(1, 12);
    // ftax is paid by capital only: tax / (capital + tax) of services equals ftax / fcap column total
    const rate = sam.get('ftax', 'fcap') / sam.colTotals()[sam.index('fcap')];
    const srv = p.valueAdded[COMMON.indexOf('SRV')];
    expect(srv.productionTax / (srv.productionTax + srv.capital)).toBeLessThanOrEqual(rate + 1e-12);
    expect(srv.productionTax).toBeGreaterThan(0);
  });
  it('refuses the mapping without the factor tax: capital income would leak', () => {
    const { factorTax: _ftax, ...accounts } = idnMap.accounts;
    expect(() => ifpriPriorStructure(sam, { ...idnMap, accounts })).toThrow(/capital income goes to accounts the mapping does not name/);
  });
});
