import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../guidelines/index.js';
import { checkSam, readSamCsv, writeSamCsv } from '../sam/index.js';
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

/**
 * The demo's SAM stage: checks every shipped ASEAN SAM (balance per account, macro identities) and
 * writes `sam/checks.csv` with one row per member state, Myanmar listed as not covered, and each
 * SAM it checked as `sam/<ISO3>.csv` (the workbook's SAM sheets are built from them).
 */
export async function samStage(outDir: string): Promise<{ summary: string; outputs: string[] }> {
  const dir = aseanSamDir();
  const files = readdirSync(dir).filter((f) => /^[A-Z]{3}\.csv$/.test(f)).sort();
  const rows: CsvCell[][] = [];
  let balanced = 0;
  for (const f of files) {
    const sam = await readSamCsv(join(dir, f));
    await writeSamCsv(join(outDir, 'sam', f), sam);
    const r = checkSam(sam);
    if (r.balanced) balanced++;
    const g = (x: number | undefined) => (x === undefined ? null : Math.round(x * 100) / 100);
    rows.push([f.slice(0, 3), r.n, r.balancedCount, r.balanced ? 'yes' : 'no', g(r.macro.production?.gdp), g(r.macro.expenditure?.gdp), 'US$ million', '']);
  }
  rows.push(['MMR', null, null, null, null, null, null, 'not covered: Myanmar is not an economy of ADB MRIO; no SAM is invented']);
  const header = ['area', 'accounts', 'balanced_accounts', 'balanced', 'gdp_production', 'gdp_expenditure', 'unit', 'note'];
  await writeFileAtomic(join(outDir, 'sam', 'checks.csv'), formatCsv(header, rows));
  return { summary: `${balanced} of ${files.length} ASEAN SAMs balanced (Myanmar not covered)`, outputs: ['sam/checks.csv', ...files.map((f) => `sam/${f}`)] };
}

/** The demo's multipliers stage: SAM and Leontief multipliers and the digital-economy share of {@link DEMO_COUNTRY}. */
export async function multipliersStage(outDir: string): Promise<{ summary: string; outputs: string[] }> {
  const { multipliersDemoStep } = await import('../multipliers/index.js');
  const sam = await readSamCsv(join(aseanSamDir(), `${DEMO_COUNTRY}.csv`));
  const r = await multipliersDemoStep(sam, join(outDir, 'multipliers'), { digital: ASEAN_DIGITAL_ACCOUNTS });
  return { summary: `${DEMO_COUNTRY}: ${r.summary}`, outputs: r.outputs.map((f) => join('multipliers', f)) };
}
