import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { restoreFormula } from '../util/neutralise.js';

/** A CSV table written by a pipeline stage, read as records of text (header row = keys). */
export type CsvRecords = Record<string, string>[];

/**
 * Reads a stage's CSV output (UTF-8, optional BOM, header row) as records of text, each text
 * neutralised against formula injection by the writer given back as it was.
 */
export function readStageCsv(path: string): CsvRecords {
  return parse(readFileSync(path, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    bom: true,
    cast: (v: string) => restoreFormula(v),
  }) as CsvRecords;
}
