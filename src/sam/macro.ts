import type { AccountGroup } from './groups.js';
import type { Sam } from './sam.js';

/**
 * GDP at market prices computed three ways from a SAM's account groups (rows receive, columns pay).
 * Goods accounts are the `commodity` accounts, or the `activity` accounts when the SAM has no
 * commodity accounts (a combined activity–commodity SAM).
 *
 * - production: value added (factor rows × activity columns; × goods columns when there are no
 *   activities) + net taxes on production and products (tax and government rows × activity,
 *   commodity and margin columns);
 * - income: factor expenditure (factor column totals) − factor income from abroad (factor rows ×
 *   rest-of-world column) + the same net taxes on production and products;
 * - expenditure: C + G + I + E − M, with C = goods rows × household and enterprise columns,
 *   G = × government columns, I = × savings-investment columns, E = × rest-of-world columns, and
 *   M = rest-of-world rows × goods and activity columns (imported inputs paid by activities, as in a
 *   SAM built from an input–output table with non-competitive imports). Payments of institutions to
 *   the rest of the world (imported final goods in such a SAM, transfers otherwise) are left out of
 *   both C, G, I and M: they cancel in GDP.
 */
export interface MacroIdentities {
  /** GDP from production, with its parts, or undefined when it cannot be computed. */
  production?: { gdp: number; valueAdded: number; netProductTaxes: number };
  /** GDP from income, with its parts, or undefined when it cannot be computed. */
  income?: { gdp: number; factorIncome: number; factorIncomeFromAbroad: number; netProductTaxes: number };
  /** GDP from expenditure, with its parts, or undefined when it cannot be computed. */
  expenditure?: {
    gdp: number;
    consumption: number;
    government: number;
    investment: number;
    exports: number;
    imports: number;
  };
  /** Identities that could not be computed and why, or parts taken as zero, for a person. */
  notes: readonly string[];
}

function blockSum(sam: Sam, rows: readonly number[], cols: readonly number[]): number {
  let s = 0;
  for (const r of rows) for (const c of cols) s += sam.values[r * sam.n + c];
  return s;
}

/** Computes GDP from production, income and expenditure where the account groups allow it. */
export function macroIdentities(sam: Sam): MacroIdentities {
  const idx = (g: AccountGroup) => sam.indicesOf(g);
  const act = idx('activity');
  const com = idx('commodity');
  const mar = idx('margin');
  const fac = idx('factor');
  const hh = [...idx('household'), ...idx('enterprise')];
  const gov = idx('government');
  const tax = idx('tax');
  const si = idx('savings-investment');
  const row = idx('rest-of-world');
  const goods = com.length > 0 ? com : act;
  const producers = act.length > 0 ? act : com;
  const notes: string[] = [];
  const other = idx('other');
  if (other.length > 0) {
    notes.push(
      `${other.length} account(s) in group 'other' (${other.map((i) => sam.accounts[i].label).join(', ')}) are left out of every identity; give their groups explicitly`,
    );
  }
  const out: { -readonly [K in keyof MacroIdentities]: MacroIdentities[K] } = { notes };
  const productionAccounts = [...act, ...com, ...mar];
  const netProductTaxes = blockSum(sam, [...tax, ...gov], productionAccounts);
  if (tax.length === 0 && gov.length === 0) notes.push('no tax or government account: net taxes on production and products taken as 0');
  if (fac.length === 0 || producers.length === 0) {
    const why = fac.length === 0 ? 'no factor account' : 'no activity or commodity account';
    notes.push(`GDP from production not computed: ${why}`);
    notes.push(`GDP from income not computed: ${why}`);
  } else {
    const valueAdded = blockSum(sam, fac, producers);
    out.production = { gdp: valueAdded + netProductTaxes, valueAdded, netProductTaxes };
    const ct = sam.colTotals();
    let factorIncome = 0;
    for (const f of fac) factorIncome += ct[f];
    const factorIncomeFromAbroad = blockSum(sam, fac, row);
    out.income = {
      gdp: factorIncome - factorIncomeFromAbroad + netProductTaxes,
      factorIncome,
      factorIncomeFromAbroad,
      netProductTaxes,
    };
  }
  if (goods.length === 0) {
    notes.push('GDP from expenditure not computed: no commodity or activity account');
  } else if (hh.length === 0 && gov.length === 0 && si.length === 0 && row.length === 0) {
    notes.push('GDP from expenditure not computed: no household, government, savings-investment or rest-of-world account');
  } else {
    for (const [list, what] of [
      [hh, 'household or enterprise account: private consumption'],
      [gov, 'government account: government consumption'],
      [si, 'savings-investment account: investment'],
      [row, 'rest-of-world account: exports and imports'],
    ] as const) {
      if (list.length === 0) notes.push(`no ${what} taken as 0`);
    }
    const consumption = blockSum(sam, goods, hh);
    const government = blockSum(sam, goods, gov);
    const investment = blockSum(sam, goods, si);
    const exports = blockSum(sam, goods, row);
    const imports = blockSum(sam, row, com.length > 0 ? [...com, ...act] : goods);
    out.expenditure = {
      gdp: consumption + government + investment + exports - imports,
      consumption,
      government,
      investment,
      exports,
      imports,
    };
  }
  return out;
}
