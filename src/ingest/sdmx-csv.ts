import { InputError } from '../errors.js';
import { readCsvText } from './csv.js';
import { readTextFile } from './decode.js';
import type { RawRow, RawTable } from './types.js';

/** SDMX-CSV version found in a file. */
export type SdmxCsvVersion = '1.0' | '2.x';

/** Result of {@link readSdmxCsv}: a table whose columns are component ids. */
export interface SdmxCsvTable extends RawTable {
  /** `1.0` (first column DATAFLOW) or `2.x` (STRUCTURE, STRUCTURE_ID, optional STRUCTURE_NAME, ACTION). */
  version: SdmxCsvVersion;
}

/**
 * Keeps the id of a `labels=both` cell (`ID: Name` → `ID`); other texts are returned as they are.
 * @param text header or cell text
 */
export function sdmxId(text: string): string {
  const k = text.indexOf(': ');
  return k > 0 ? text.slice(0, k) : text;
}

/**
 * Reads an SDMX-CSV 1.0 or 2.x file (`,` or `;` separator, sniffed). Header names and dimension
 * cells written with `labels=both` (`ID: Name`) keep their id; OBS_VALUE is left as text so that
 * `NaN` and `#N/A` reach the mapping's missing-value markers. The 1.0 `DATAFLOW` column is
 * renamed `STRUCTURE_ID` so both versions give the same columns.
 * @param path file path
 * @param options encoding (default utf-8)
 * @param shown path as the user gave it
 * @throws InputError `SDMX_CSV_HEADER` when the first column is neither DATAFLOW nor STRUCTURE
 */
export function readSdmxCsv(path: string, options: { encoding?: string; delimiter?: string } = {}, shown: string = path): SdmxCsvTable {
  const text = readTextFile(path, shown, options.encoding);
  let header: string[] = [];
  let headerRow = 1;
  const rows: RawRow[] = [];
  let version: SdmxCsvVersion = '2.x';
  let valueCol = -1;
  readCsvText(
    text,
    shown,
    { ...(options.delimiter ? { delimiter: options.delimiter } : {}) },
    {
      onHeader(h, r) {
        header = h.map(sdmxId);
        headerRow = r;
        if (header[0] === 'DATAFLOW') {
          version = '1.0';
          header[0] = 'STRUCTURE_ID';
        } else if (header[0] === 'STRUCTURE') {
          if (header[1] !== 'STRUCTURE_ID')
            throw new InputError('SDMX_CSV_HEADER', `SDMX-CSV 2.x: the second column must be STRUCTURE_ID, not "${header[1] ?? ''}"`, {
              file: shown,
              row: r,
              column: 2,
            });
        } else
          throw new InputError(
            'SDMX_CSV_HEADER',
            `not SDMX-CSV: the first column must be DATAFLOW (1.0) or STRUCTURE (2.x), not "${header[0]}"`,
            { file: shown, row: r, column: 1 },
          );
        valueCol = header.indexOf('OBS_VALUE');
      },
      onRow(row) {
        if (!row.error) row.cells = row.cells.map((c, i) => (i === valueCol ? c : sdmxId(c)));
        rows.push(row);
      },
    },
  );
  return { file: shown, header, headerRow, rows, version };
}
