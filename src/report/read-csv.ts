import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/** A CSV table written by a pipeline stage, read as records of text (header row = keys). */
export type CsvRecords = Record<string, string>[];

/** Reads a stage's CSV output (UTF-8, optional BOM, header row) as records of text. */
export function readStageCsv(path: string): CsvRecords {
  return parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true, bom: true }) as CsvRecords;
}
