import { InputError } from '../errors.js';
import { readTextFile } from './decode.js';
import type { RawRow, RawTable } from './types.js';

/** Columns of the table {@link readWorldBankApi} returns. */
export const WB_API_COLUMNS = [
  'indicator.id',
  'indicator.value',
  'country.id',
  'country.value',
  'countryiso3code',
  'date',
  'value',
  'unit',
  'obs_status',
  'decimal',
] as const;

/**
 * Reads a World Bank API v2 JSON response `[pageMeta, records]` into a long table with the
 * columns {@link WB_API_COLUMNS}; `row` is the 1-based record number and `jsonPath` `/1/<index>`.
 * A `null` value becomes an empty cell; a record that is not an object (e.g. `null`) is a row with
 * `error` `WB_API_RECORD`, which the harmonise stage writes to the rejects.
 * @param path file path
 * @param shown path as the user gave it
 * @throws InputError `JSON_INVALID`, `WB_API_SHAPE`
 */
export function readWorldBankApi(path: string, shown: string = path): RawTable & { lastUpdated?: string } {
  const text = readTextFile(path, shown);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new InputError('JSON_INVALID', `${shown} is not valid JSON: ${(err as Error).message}`, { file: shown }, { cause: err });
  }
  if (!Array.isArray(doc) || doc.length < 2 || !Array.isArray(doc[1])) {
    throw new InputError('WB_API_SHAPE', 'expected a World Bank API v2 response: [pageMeta, records]', { file: shown, jsonPath: '/' });
  }
  const meta = doc[0] as { lastupdated?: string };
  const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
  const rows: RawRow[] = (doc[1] as unknown[]).map((rec, i) => {
    if (!rec || typeof rec !== 'object' || Array.isArray(rec)) {
      // a record that is not an object (null, a number, a list) goes to the rejects with its reason
      const text = JSON.stringify(rec) ?? String(rec);
      return {
        row: i + 1,
        cells: [],
        text,
        jsonPath: `/1/${i}`,
        error: { code: 'WB_API_RECORD', message: `record ${i + 1} is ${text}, not an object {indicator, country, date, value, …}` },
      };
    }
    const r = rec as Record<string, unknown>;
    const ind = (r.indicator ?? {}) as Record<string, unknown>;
    const cty = (r.country ?? {}) as Record<string, unknown>;
    const cells = [
      str(ind.id),
      str(ind.value),
      str(cty.id),
      str(cty.value),
      str(r.countryiso3code),
      str(r.date),
      str(r.value),
      str(r.unit),
      str(r.obs_status),
      str(r.decimal),
    ];
    return { row: i + 1, cells, text: JSON.stringify(r), jsonPath: `/1/${i}` };
  });
  return { file: shown, header: [...WB_API_COLUMNS], headerRow: 0, rows, ...(meta?.lastupdated ? { lastUpdated: meta.lastupdated } : {}) };
}
