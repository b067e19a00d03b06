import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../guidelines/index.js';
import { checkSam, readSamCsv, type Sam } from '../sam/index.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { formatCsv, type CsvCell } from '../util/csv.js';

/** Member state whose database the demo analyses in depth (multipliers, scenarios). */
export const DEMO_COUNTRY = 'THA';

/** Digital activity and commodity accounts of the ASEAN SAMs (`datasets/sam/asean/`). */
export const ASEAN_DIGITAL_ACCOUNTS = ['A-ICT', 'A-TEL', 'A-ITS', 'C-ICT', 'C-TEL', 'C-ITS'] as const;

/** Folder of the ASEAN SAMs shipped with the package. */
export function aseanSamDir(): string {
  return join(packageRoot(), 'datasets', 'sam', 'asean');
}

/** Columns of `sam/checks.csv`: balance, and GDP from factor income to market prices (US$ million). */
export const SAM_CHECK_COLUMNS = [
  'area',
  'accounts',
  'balanced_accounts',
  'balanced',
  'factor_income',
  'taxes_on_production',
  'gva_basic_prices',
  'taxes_on_products',
  'gdp_market_production',
  'gdp_market_income',
  'gdp_market_expenditure',
  'unit',
  'note',
] as const;

function taxRows(sam: Sam, groups: readonly string[]): number {
  const payers = sam.accounts.filter((a) => groups.includes(a.group)).map((a) => a.label);
  const taxes = sam.accounts.filter((a) => a.group === 'tax' || a.group === 'government').map((a) => a.label);
  return taxes.reduce((s, t) => s + payers.reduce((u, p) => u + sam.get(t, p), 0), 0);
}

/**
 * The demo's SAM stage: copies every shipped ASEAN SAM into `sam/<ISO3>.csv` (the SAMs the later
 * stages use, so every figure can be recomputed from the output folder), checks each (balance per
 * account, macro identities) and writes `sam/checks.csv` with one row per member state, Myanmar
 * listed as not covered. Each row
 * goes from factor income (GDP at factor cost) through taxes on production to gross value added
 * at basic prices, and through taxes on products to GDP at market prices, which is also measured
 * from income and from expenditure (the three must agree).
 */
export async function samStage(outDir: string): Promise<{ summary: string; outputs: string[] }> {
  const dir = aseanSamDir();
  const files = readdirSync(dir)
    .filter((f) => /^[A-Z]{3}\.csv$/.test(f))
    .sort();
  const rows: CsvCell[][] = [];
  let balanced = 0;
  for (const f of files) {
    await writeFileAtomic(join(outDir, 'sam', f), readFileSync(join(dir, f)));
    const sam = await readSamCsv(join(dir, f));
    const r = checkSam(sam);
    if (r.balanced) balanced++;
    const g = (x: number | undefined) => (x === undefined ? null : Math.round(x * 100) / 100);
    const factor = r.macro.production?.valueAdded;
    const onProduction = taxRows(sam, ['activity']);
    const onProducts = taxRows(sam, ['commodity', 'margin']);
    rows.push([
      f.slice(0, 3),
      r.n,
      r.balancedCount,
      r.balanced ? 'yes' : 'no',
      g(factor),
      g(onProduction),
      g(factor === undefined ? undefined : factor + onProduction),
      g(onProducts),
      g(r.macro.production?.gdp),
      g(r.macro.income?.gdp),
      g(r.macro.expenditure?.gdp),
      'US$ million',
      '',
    ]);
  }
  rows.push([
    'MMR',
    ...Array<CsvCell>(SAM_CHECK_COLUMNS.length - 2).fill(null),
    'not covered: Myanmar is not an economy of ADB MRIO; no SAM is invented',
  ]);
  await writeFileAtomic(join(outDir, 'sam', 'checks.csv'), formatCsv(SAM_CHECK_COLUMNS, rows));
  // per economy and block: whose data, which year, which assumption (written by `sam build asean`)
  await writeFileAtomic(join(outDir, 'sam', 'provenance.csv'), readFileSync(join(dir, 'provenance.csv')));
  return {
    summary: `${balanced} of ${files.length} ASEAN SAMs balanced (Myanmar not covered)`,
    outputs: ['sam/checks.csv', 'sam/provenance.csv', ...files.map((f) => `sam/${f}`)],
  };
}

/** The demo's multipliers stage: SAM and Leontief multipliers and the digital-economy share of {@link DEMO_COUNTRY}. */
export async function multipliersStage(outDir: string): Promise<{ summary: string; outputs: string[] }> {
  const { multipliersDemoStep } = await import('../multipliers/index.js');
  const sam = await readSamCsv(join(aseanSamDir(), `${DEMO_COUNTRY}.csv`));
  const r = await multipliersDemoStep(sam, join(outDir, 'multipliers'), { digital: ASEAN_DIGITAL_ACCOUNTS });
  return { summary: `${DEMO_COUNTRY}: ${r.summary}`, outputs: r.outputs.map((f) => join('multipliers', f)) };
}
