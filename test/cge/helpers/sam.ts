/** SAM loading for the CGE tests, through the `sam` stage's CSV reader. */
import { join } from 'node:path';
import { readSamCsv } from '../../../src/sam/index.js';
import type { SamInput } from '../../../src/cge/sam-input.js';

/** Root of the repository. */
export const ROOT = join(import.meta.dirname, '../../..');
/** The shipped stdcge data folder. */
export const STDCGE_DIR = join(ROOT, 'datasets/models/stdcge');

/** Reads a SAM CSV (rows receive, columns pay) as calibration input. */
export async function loadSam(path: string): Promise<SamInput> {
  const sam = await readSamCsv(path);
  return { accounts: sam.accounts, values: sam.values, file: path };
}
