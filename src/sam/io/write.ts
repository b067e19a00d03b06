import type { Sam } from '../sam.js';
import { writeSamCsv } from './csv.js';
import { writeSamGams } from './gams.js';
import { writeSamJson } from './json.js';
import { samFormatOf } from './read.js';
import { writeSamXlsx } from './xlsx.js';

/** Writes a SAM in the format given by the file's extension (`.csv`, `.xlsx`, `.json`, `.gms`/`.inc`). */
export async function writeSam(path: string, sam: Sam): Promise<void> {
  switch (samFormatOf(path)) {
    case 'csv':
      return writeSamCsv(path, sam);
    case 'xlsx':
      return writeSamXlsx(path, sam);
    case 'json':
      return writeSamJson(path, sam);
    case 'gams':
      return writeSamGams(path, sam);
  }
}
