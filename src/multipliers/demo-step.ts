/**
 * The multipliers step of the demo pipeline: SAM accounting multipliers (production, factors and
 * domestic private institutions endogenous) with the Pyatt–Round decomposition, and Leontief
 * multipliers and linkages of the SAM's industries (industry by industry, see
 * industry-by-industry.ts), written under one folder.
 * @module
 */
import { join } from 'node:path';
import type { AccountGroup, Sam } from '../sam/index.js';
import { analyseIoTable } from './analyse.js';
import { defaultSamSectors, emptyAccounts, ioTableFromLabelled, samAsLabelledTable, type IoData } from './io/io-table.js';
import { industryIoFromSam, type IndustryTable } from './industry-by-industry.js';
import { writeIoAnalysis, writeSamMultipliers } from './io/write.js';
import { samAccountingMultipliers } from './sam-multipliers.js';

/** Groups treated as endogenous by default: production, factors, households and enterprises. */
export const DEFAULT_ENDOGENOUS_GROUPS: readonly AccountGroup[] = [
  'activity',
  'commodity',
  'margin',
  'other',
  'factor',
  'household',
  'enterprise',
];

/** Labels of the non-empty accounts in {@link DEFAULT_ENDOGENOUS_GROUPS}, in SAM order. */
export function defaultEndogenous(sam: Sam): string[] {
  const empty = new Set(emptyAccounts(sam));
  return sam.accounts.filter((a) => DEFAULT_ENDOGENOUS_GROUPS.includes(a.group) && !empty.has(a.label)).map((a) => a.label);
}

/** Options of {@link multipliersDemoStep}. */
export interface MultipliersDemoOptions {
  /** Digital activities and commodities (e.g. A-ICT, A-TEL, A-ITS, C-ICT, C-TEL, C-ITS): adds ADB's digital value added. */
  digital?: readonly string[];
}

/**
 * The Leontief table of a SAM: industry by industry from its make and use blocks when it has
 * activity and commodity accounts ({@link industryIoFromSam}); else its production accounts as
 * sectors, value added the factor rows, labour income the factor rows labelled LAB…/Labo(u)r…, and
 * the first household account closing the model for Type II multipliers.
 */
export function leontiefTable(sam: Sam): IoData & { readonly table?: IndustryTable } {
  const has = (g: AccountGroup) => sam.accounts.some((x) => x.group === g);
  if (has('activity') && has('commodity')) return industryIoFromSam(sam);
  const empty = new Set(emptyAccounts(sam));
  const factors = sam.accounts.filter((x) => x.group === 'factor' && !empty.has(x.label)).map((x) => x.label);
  const labour = factors.filter((l) => /^lab/i.test(l));
  const household = sam.accounts.find((x) => x.group === 'household' && !empty.has(x.label))?.label;
  return ioTableFromLabelled(samAsLabelledTable(sam), {
    sectors: defaultSamSectors(sam),
    ...(factors.length ? { valueAdded: factors } : {}),
    ...(labour.length ? { labour } : {}),
    ...(labour.length && household !== undefined ? { households: household } : {}),
  });
}

/**
 * Runs the demo's multiplier analyses of `sam` into `outDir` (`sam/` and `leontief/` subfolders)
 * and returns a one-line summary and the files written, relative to `outDir`. The Leontief
 * analysis is that of {@link leontiefTable}; digital accounts that are not its sectors (the
 * commodities of an industry-by-industry table) are left out of the digital set.
 */
export async function multipliersDemoStep(
  sam: Sam,
  outDir: string,
  options: MultipliersDemoOptions = {},
): Promise<{ summary: string; outputs: string[] }> {
  const endogenous = defaultEndogenous(sam);
  const r = samAccountingMultipliers(sam, endogenous);
  const samFiles = await writeSamMultipliers(join(outDir, 'sam'), r);
  const io = leontiefTable(sam);
  const digital = options.digital?.filter((d) => io.sectors.includes(d));
  const a = analyseIoTable(io, digital?.length ? { digital } : {});
  const ioFiles = await writeIoAnalysis(join(outDir, 'leontief'), io, a);
  const key = a.sectors.filter((_, j) => a.linkages.classes[j] === 'key');
  const share = a.digital
    ? `; digital economy ${(100 * a.digital.share).toFixed(2)} % of ${io.valueAddedConcept ?? 'total value added'} (direct + induced value added)`
    : '';
  return {
    summary:
      `accounting multipliers of ${endogenous.length} endogenous accounts (${r.blocks.length} Pyatt–Round blocks); ` +
      `Leontief multipliers of ${a.sectors.length} ${io.table ? 'industries (industry by industry)' : 'sectors'}, key sectors: ${key.length ? key.join(', ') : 'none'}${share}`,
    outputs: [...samFiles.map((f) => join('sam', f)), ...ioFiles.map((f) => join('leontief', f))],
  };
}
