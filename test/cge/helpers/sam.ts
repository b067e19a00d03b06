/** SAM loading for the CGE tests, through the `sam` stage's CSV reader. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CgeSolution, type PreparedModel, prepareModel, solveBenchmark, stdcge } from '../../../src/cge/index.js';
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

/** The shipped stdcge, calibrated on its SAM and parameters, and its benchmark solution. */
export async function preparedStdcge(): Promise<{ prep: PreparedModel; bench: CgeSolution }> {
  const params = JSON.parse(readFileSync(join(STDCGE_DIR, 'parameters.json'), 'utf8')) as Record<string, unknown>;
  const prep = prepareModel(stdcge, await loadSam(join(STDCGE_DIR, 'sam.csv')), params);
  return { prep, bench: solveBenchmark(prep) };
}
