/**
 * The multipliers step of the demo pipeline: SAM accounting multipliers (production, factors and
 * domestic private institutions endogenous) with the Pyatt–Round decomposition, and Leontief
 * multipliers and linkages of the SAM's production block, written under one folder.
 * @module
 */
import { join } from 'node:path';
import type { AccountGroup, Sam } from '../sam/index.js';
import { analyseIoTable } from './analyse.js';
import { defaultSamSectors, emptyAccounts, ioTableFromLabelled, samAsLabelledTable } from './io/io-table.js';
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

/**
 * Runs the demo's multiplier analyses of `sam` into `outDir` (`sam/` and `leontief/` subfolders)
 * and returns a one-line summary and the files written, relative to `outDir`.
 */
export async function multipliersDemoStep(sam: Sam, outDir: string): Promise<{ summary: string; outputs: string[] }> {
  const endogenous = defaultEndogenous(sam);
  const r = samAccountingMultipliers(sam, endogenous);
  const samFiles = await writeSamMultipliers(join(outDir, 'sam'), r);
  const io = ioTableFromLabelled(samAsLabelledTable(sam), { sectors: defaultSamSectors(sam) });
  const a = analyseIoTable(io);
  const ioFiles = await writeIoAnalysis(join(outDir, 'leontief'), io, a);
  const key = a.sectors.filter((_, j) => a.linkages.classes[j] === 'key');
  return {
    summary:
      `accounting multipliers of ${endogenous.length} endogenous accounts (${r.blocks.length} Pyatt–Round blocks); ` +
      `Leontief multipliers of ${a.sectors.length} sectors, key sectors: ${key.length ? key.join(', ') : 'none'}`,
    outputs: [...samFiles.map((f) => join('sam', f)), ...ioFiles.map((f) => join('leontief', f))],
  };
}
