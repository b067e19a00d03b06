import * as aq from 'arquero';
import { InputError } from '../errors.js';
import type { Observation } from '../guidelines/generated/observation.js';
import { readCsv } from '../ingest/csv.js';
import { OBSERVATION_COLUMNS } from './output.js';

/**
 * Reads a harmonised observations.csv (as written by `digicge harmonise`) for the next stages.
 * Checks the columns are exactly {@link OBSERVATION_COLUMNS} in order (files written before the
 * OBS_FLAG column existed, without it, are read too).
 * @param path observations.csv
 * @returns the typed rows and the same data as an arquero table
 * @throws InputError `OBSERVATIONS_COLUMNS` when the header differs, `NON_NUMERIC` for a bad value
 */
export function readObservations(path: string): { rows: Observation[]; table: aq.ColumnTable } {
  const t = readCsv(path, { delimiter: ',' });
  const withoutFlag = OBSERVATION_COLUMNS.filter((c) => c !== 'OBS_FLAG').join(',');
  if (t.header.join(',') !== OBSERVATION_COLUMNS.join(',') && t.header.join(',') !== withoutFlag) {
    throw new InputError('OBSERVATIONS_COLUMNS', `expected the columns ${OBSERVATION_COLUMNS.join(',')}`, { file: path, row: t.headerRow });
  }
  const rows: Observation[] = t.rows.map((r) => {
    if (r.error) throw new InputError(r.error.code, r.error.message, { file: path, row: r.row });
    const c = r.cells;
    const num = (k: number, what: string): number => {
      const v = Number(c[k]);
      if (c[k] === '' || !Number.isFinite(v)) throw new InputError('NON_NUMERIC', `${what} "${c[k]}" is not a number`, { file: path, row: r.row, column: what });
      return v;
    };
    return {
      STRUCTURE: 'dataflow', STRUCTURE_ID: c[1], ACTION: c[2] as Observation['ACTION'], REF_AREA: c[3], INDICATOR: c[4], SEX: c[5], AGE: c[6],
      URBANISATION: c[7], INCOME_WEALTH_QUANTILE: c[8], FREQ: c[9], TIME_PERIOD: c[10], OBS_VALUE: c[11] === 'NaN' || c[11] === '' ? null : num(11, 'OBS_VALUE'),
      UNIT_MEASURE: c[12], UNIT_MULT: num(13, 'UNIT_MULT'), OBS_STATUS: c[14], SOURCE_ID: c[15], RELEASE_DATE: c[16], PROV_FILE: c[17],
      PROV_SHEET: c[18], PROV_ROW: num(19, 'PROV_ROW'), PROV_COLUMN: c[20], PROV_MAPPING: c[21], PROV_SHA256: c[22],
      ...(c[23] ? { OBS_FLAG: c[23] } : {}),
    };
  });
  return { rows, table: aq.from(rows) };
}
