import { readFile } from 'node:fs/promises';
import { InputError, NumericError } from '../../errors.js';
import { balanceRas, squareSamTargets, type FixedCell } from '../balance/index.js';
import { Sam, type SamProvenanceEntry } from '../sam.js';
import { splitAccount } from '../split.js';
import type { IoTable } from './io-table.js';

/**
 * Macro aggregates and household shares that an input–output table does not hold, needed to close
 * the institutional accounts of a SAM. Shares are fractions; transfers are in the table's unit.
 */
export interface IoMacroAggregates {
  /** Where these numbers come from; say so when they are assumptions. */
  source: string;
  /** Distribution of operating surplus (202; depreciation 203 goes to savings): shares summing to 1. */
  capital: { household: number; enterprise: number; government: number; restOfWorld: number };
  /** Direct tax rates on household and enterprise income. */
  directTaxRate: { household: number; enterprise: number };
  /** Share of enterprise income distributed to households. */
  enterpriseToHousehold: number;
  /** Transfers to households from government and from outside the region (table unit). */
  transfers: { governmentToHousehold: number; restOfWorldToHousehold: number };
  /**
   * Optional household groups (e.g. by digital access): share of household income and of
   * consumption of each; each list of shares sums to 1. Direct taxes and savings follow income.
   */
  households?: { label: string; income: number; consumption: number }[];
}

/** Result of {@link buildSamFromIo}. */
export interface IoBuild {
  sam: Sam;
  /** The SAM as assembled, before balancing. */
  prior: Sam;
  /** Largest |row − column| of the assembled SAM, and after balancing. */
  imbalance: { before: number; after: number };
  /** How the balancing went, for a person. */
  notes: string[];
}

function check(cond: boolean, path: string, message: string, file: string | undefined): void {
  if (!cond) throw new InputError('MACRO_INVALID', message, { ...(file !== undefined ? { file } : {}), jsonPath: path });
}

/** Checks {@link IoMacroAggregates} read from JSON; errors name the JSON path. */
export function checkIoMacroAggregates(doc: unknown, file?: string): IoMacroAggregates {
  const d = doc as IoMacroAggregates;
  check(!!d && typeof d === 'object', '/', 'expected an object', file);
  check(typeof d.source === 'string' && d.source !== '', '/source', 'source must name where the numbers come from', file);
  const num = (v: unknown, p: string, max = Infinity) =>
    check(typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= max, p, `expected a number in [0, ${max}]`, file);
  check(!!d.capital && typeof d.capital === 'object', '/capital', 'expected capital shares', file);
  for (const k of ['household', 'enterprise', 'government', 'restOfWorld'] as const) num(d.capital[k], `/capital/${k}`, 1);
  const cs = d.capital.household + d.capital.enterprise + d.capital.government + d.capital.restOfWorld;
  check(Math.abs(cs - 1) <= 1e-9, '/capital', `capital shares sum to ${cs}, not 1`, file);
  check(!!d.directTaxRate && typeof d.directTaxRate === 'object', '/directTaxRate', 'expected direct tax rates', file);
  num(d.directTaxRate.household, '/directTaxRate/household', 1);
  num(d.directTaxRate.enterprise, '/directTaxRate/enterprise', 1);
  num(d.enterpriseToHousehold, '/enterpriseToHousehold', 1);
  check(!!d.transfers && typeof d.transfers === 'object', '/transfers', 'expected transfers', file);
  num(d.transfers.governmentToHousehold, '/transfers/governmentToHousehold');
  num(d.transfers.restOfWorldToHousehold, '/transfers/restOfWorldToHousehold');
  if (d.households !== undefined) {
    check(Array.isArray(d.households) && d.households.length >= 2, '/households', 'expected at least two household groups', file);
    d.households.forEach((h, i) => {
      check(typeof h.label === 'string' && h.label !== '', `/households/${i}/label`, 'expected a label', file);
      num(h.income, `/households/${i}/income`, 1);
      num(h.consumption, `/households/${i}/consumption`, 1);
    });
    for (const k of ['income', 'consumption'] as const) {
      const s = d.households.reduce((a, h) => a + h[k], 0);
      check(Math.abs(s - 1) <= 1e-9, '/households', `household ${k} shares sum to ${s}, not 1`, file);
    }
  }
  return d;
}

/** Reads and checks an {@link IoMacroAggregates} JSON file. */
export async function readIoMacroAggregates(path: string): Promise<IoMacroAggregates> {
  let doc: unknown;
  try {
    doc = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new InputError('JSON_MALFORMED', `cannot read the macro aggregates: ${(err as Error).message}`, { file: path }, { cause: err });
  }
  return checkIoMacroAggregates(doc, path);
}

/**
 * Builds a SAM (rows receive, columns pay) from an input–output table with non-competitive imports
 * plus macro aggregates. Accounts: `A-<code>` and `C-<code>` per industry, `LAB`, `CAP`, `HH`,
 * `ENT`, `GOV`, `Itax` (indirect taxes net of subsidies), `Dtax`, `S-I`, `ROW` (everything outside
 * the table's region: abroad and, for a provincial table, the rest of the country).
 *
 * From the table: domestic output (`A-k ← C-k`), domestic intermediate flows, imported inputs
 * (`ROW ← A-k`), wages, operating surplus and depreciation, net indirect taxes, final demand for
 * domestic output and imported final demand (`ROW ← HH`, `GOV`, `S-I`). From the macro aggregates:
 * distribution of operating surplus, direct taxes, enterprise distributions and transfers; savings
 * close the institutions. The assembled SAM is balanced by RAS ({@link balanceRas}) to the average
 * of row and column totals, negative cells held fixed; then `HH` is split into the household groups
 * (income and consumption shares) with {@link splitAccount}.
 */
export function buildSamFromIo(io: IoTable, macro: IoMacroAggregates, options: { tolerance?: number } = {}): IoBuild {
  const n = io.sectors.length;
  const codes = io.sectors.map((s) => s.code);
  const labels = [
    ...codes.map((c) => `A-${c}`),
    ...codes.map((c) => `C-${c}`),
    'LAB',
    'CAP',
    'HH',
    'ENT',
    'GOV',
    'Itax',
    'Dtax',
    'S-I',
    'ROW',
  ];
  const N = labels.length;
  const at = new Map(labels.map((l, i) => [l, i]));
  const v = new Float64Array(N * N);
  const set = (r: string, c: string, x: number) => {
    v[at.get(r)! * N + at.get(c)!] += x;
  };
  let wages = 0;
  let surplus = 0;
  let depreciation = 0;
  let itax = 0;
  const fd = { household: 0, government: 0, investment: 0, exports: 0 };
  let importsInt = 0;
  for (let j = 0; j < n; j++) {
    const A = `A-${codes[j]}`;
    const C = `C-${codes[j]}`;
    set(A, C, io.output[j]);
    for (let i = 0; i < n; i++) set(`C-${codes[i]}`, A, io.z[i * n + j]);
    set('ROW', A, io.importsIntermediate[j]);
    set('LAB', A, io.wages[j]);
    set('CAP', A, io.surplus[j] + io.depreciation[j]);
    set('Itax', A, io.indirectTaxes[j] + io.subsidies[j]);
    wages += io.wages[j];
    surplus += io.surplus[j];
    depreciation += io.depreciation[j];
    itax += io.indirectTaxes[j] + io.subsidies[j];
    importsInt += io.importsIntermediate[j];
    const f = io.finalDemand;
    set(C, 'HH', f.household[j]);
    set(C, 'GOV', f.government[j]);
    set(C, 'S-I', f.gfcf[j] + f.stocks[j]);
    set(C, 'ROW', f.exportsAbroad[j] + f.exportsDomestic[j]);
    fd.household += f.household[j];
    fd.government += f.government[j];
    fd.investment += f.gfcf[j] + f.stocks[j];
    fd.exports += f.exportsAbroad[j] + f.exportsDomestic[j];
  }
  const mf = io.importedFinal;
  set('ROW', 'HH', mf.household);
  set('ROW', 'GOV', mf.government);
  set('ROW', 'S-I', mf.gfcf + mf.stocks);
  const reexports = mf.exportsAbroad + mf.exportsDomestic;
  if (reexports !== 0) set('ROW', 'ROW', reexports);
  // institutions
  const k = macro.capital;
  set('HH', 'LAB', wages);
  set('HH', 'CAP', k.household * surplus);
  set('ENT', 'CAP', k.enterprise * surplus);
  set('GOV', 'CAP', k.government * surplus);
  set('ROW', 'CAP', k.restOfWorld * surplus);
  set('S-I', 'CAP', depreciation);
  set('GOV', 'Itax', itax);
  const YE = k.enterprise * surplus;
  const entToHh = macro.enterpriseToHousehold * YE;
  const dtaxE = macro.directTaxRate.enterprise * YE;
  set('HH', 'ENT', entToHh);
  set('Dtax', 'ENT', dtaxE);
  set('S-I', 'ENT', YE - entToHh - dtaxE);
  const GH = macro.transfers.governmentToHousehold;
  const RH = macro.transfers.restOfWorldToHousehold;
  set('HH', 'GOV', GH);
  set('HH', 'ROW', RH);
  const YH = wages + k.household * surplus + entToHh + GH + RH;
  const dtaxH = macro.directTaxRate.household * YH;
  set('Dtax', 'HH', dtaxH);
  set('S-I', 'HH', YH - fd.household - mf.household - dtaxH);
  set('GOV', 'Dtax', dtaxH + dtaxE);
  const YG = itax + k.government * surplus + dtaxH + dtaxE;
  set('S-I', 'GOV', YG - fd.government - mf.government - GH);
  const rowIn = importsInt + mf.household + mf.government + mf.gfcf + mf.stocks + k.restOfWorld * surplus + reexports;
  set('S-I', 'ROW', rowIn - fd.exports - RH - reexports);
  const source = `${io.unit} input–output table; macro aggregates: ${macro.source}`;
  const prior = new Sam(labels, v, {
    unit: io.unit,
    provenance: [{ operation: 'build', description: 'assembled from an input–output table and macro aggregates', source }],
  });
  const imbalanceOf = (s: Sam) => {
    const r = s.rowTotals();
    const c = s.colTotals();
    let w = 0;
    for (let i = 0; i < s.n; i++) w = Math.max(w, Math.abs(r[i] - c[i]));
    return w;
  };
  const before = imbalanceOf(prior);
  const notes: string[] = [];
  // balance: RAS to the average of row and column totals, negative cells fixed
  const fixed: FixedCell[] = [];
  for (let i = 0; i < v.length; i++) if (v[i] < 0) fixed.push({ row: Math.floor(i / N), col: i % N, value: v[i] });
  const targets = squareSamTargets(v, N, 'average');
  // balanceRas rejects a negative prior cell even when it is fixed: pass fixed cells as 0
  const rasPrior = Float64Array.from(v, (x) => (x < 0 ? 0 : x));
  const res = balanceRas(rasPrior, N, N, targets, targets, {
    rowLabels: labels,
    colLabels: labels,
    fixed,
    ...(options.tolerance !== undefined ? { tolerance: options.tolerance } : {}),
  });
  if (!res.converged) throw new NumericError('BUILD_RAS_NOT_CONVERGED', `RAS did not converge: largest imbalance ${res.maxImbalance}`);
  notes.push(
    `assembled SAM: largest |row − column| ${before}; balanced by RAS in ${res.iterations} iterations with ${fixed.length} negative cell(s) held fixed`,
  );
  const balanceEntry: SamProvenanceEntry = {
    operation: 'balance',
    description: `RAS to the average of row and column totals; ${fixed.length} negative cells fixed`,
    details: { iterations: res.iterations, maxImbalance: res.maxImbalance, imbalanceBefore: before },
  };
  let sam = prior.withValues(res.matrix, balanceEntry);
  if (macro.households) {
    sam = splitAccount(
      sam,
      'HH',
      macro.households.map((h) => ({
        label: h.label,
        group: 'household' as const,
        rowShares: h.income,
        colShares: Object.fromEntries([
          ...codes.map((c) => [`C-${c}`, h.consumption]),
          ['ROW', h.consumption],
          ['Dtax', h.income],
          ['S-I', h.income],
        ]),
      })),
      macro.source,
    );
    notes.push(`households split into ${macro.households.map((h) => h.label).join(', ')} by income and consumption shares`);
  }
  return { sam, prior, imbalance: { before, after: imbalanceOf(sam) }, notes };
}
