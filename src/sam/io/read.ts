import { extname } from 'node:path';
import { InputError } from '../../errors.js';
import type { Sam } from '../sam.js';
import { readSamCsv } from './csv.js';
import type { LabelledGridOptions } from './grid.js';

/** Readers by file extension. */
export type SamFormat = 'csv' | 'xlsx' | 'json' | 'gams';

/** Format of a SAM file from its extension (`.csv`, `.xlsx`, `.json`, `.gms`/`.inc`). */
export function samFormatOf(path: string): SamFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.json') return 'json';
  if (ext === '.gms' || ext === '.inc') return 'gams';
  throw new InputError(
    'SAM_UNKNOWN_FORMAT',
    `cannot tell the SAM format from the extension '${ext}'; expected .csv, .xlsx, .json, .gms or .inc`,
    { file: path },
  );
}

/** Options of {@link readSam}: those of the labelled-matrix readers, with the worksheet by name or 1-based position. */
export interface SamReadOptions extends Omit<LabelledGridOptions, 'sheet'> {
  /** XLSX worksheet, by name or 1-based position (default: the first); an error for other formats. */
  sheet?: string | number;
}

/**
 * Reads a SAM from any supported file, chosen by its extension; `options.groups` override the
 * file's groups. CSV and XLSX sheets are read as published (title rows, group headers, Total
 * rows and columns, see {@link samFromLabelledGrid}).
 */
export async function readSam(path: string, options: SamReadOptions = {}): Promise<Sam> {
  const format = samFormatOf(path);
  if (options.sheet !== undefined && format !== 'xlsx') {
    throw new InputError('SAM_SHEET_NOT_XLSX', `a worksheet (${options.sheet}) was named but the file is ${format}, not an XLSX workbook`, {
      file: path,
    });
  }
  const { sheet, ...gridOptions } = options;
  switch (format) {
    case 'csv':
      return readSamCsv(path, gridOptions);
    case 'xlsx': {
      const { readSamXlsx } = await import('./xlsx.js');
      return readSamXlsx(path, { ...gridOptions, ...(sheet !== undefined ? { sheet } : {}) });
    }
    case 'json': {
      const { readSamJson } = await import('./json.js');
      const sam = await readSamJson(path);
      return options.groups ? sam.withGroups(options.groups) : sam;
    }
    case 'gams': {
      const { readSamGams } = await import('./gams.js');
      const sam = await readSamGams(path);
      return options.groups ? sam.withGroups(options.groups) : sam;
    }
  }
}
