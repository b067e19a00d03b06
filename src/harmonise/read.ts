import { InputError } from '../errors.js';
import { observationColumns, SUBFIELD_SEPARATOR, type ObservationColumn } from '../guidelines/dsd-columns.js';
import type { Observation } from '../guidelines/generated/observation.js';
import { readCsv } from '../ingest/csv.js';
import { guidelineUnit } from '../guidelines/unit-codes.js';
import { restoreFormula } from '../util/neutralise.js';
import { periodFrequency } from './period.js';

/**
 * The component id of an SDMX-CSV 2.0 header field: `STRUCTURE[;]` → STRUCTURE (the sub-field
 * separator in brackets), `OBS_FLAG[]` → OBS_FLAG (multi-valued), `REF_AREA: Reference area` →
 * REF_AREA (option labels=both).
 */
export function headerId(field: string): string {
  const t = field.trim();
  const colon = t.indexOf(': ');
  const id = colon >= 0 ? t.slice(0, colon) : t;
  const bracket = id.indexOf('[');
  return bracket >= 0 ? id.slice(0, bracket) : id;
}

/** Where each known column stands in a file's header (-1: absent). */
function locate(header: readonly string[], cols: readonly ObservationColumn[], path: string, row: number): number[] {
  const at = new Map<string, number>();
  header.forEach((h, i) => {
    const id = headerId(h);
    if (at.has(id))
      throw new InputError('OBSERVATIONS_COLUMNS', `column ${id} appears twice (columns ${at.get(id)! + 1} and ${i + 1})`, {
        file: path,
        row,
        column: h,
      });
    at.set(id, i);
  });
  const missing = cols.filter((c) => c.required && !at.has(c.id)).map((c) => c.id);
  if (missing.length)
    throw new InputError(
      'OBSERVATIONS_COLUMN_MISSING',
      `the required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing (the file has ${header.join(', ')})`,
      { file: path, row, column: missing[0] },
    );
  return cols.map((c) => at.get(c.id) ?? -1);
}

/**
 * Reads a harmonised SDMX-CSV 2.0 file (observations.csv as written by `digicge harmonise`, or
 * one written by another SDMX tool for the dataflow) for the next stages. Columns are found by
 * their component id in any order; custom columns the reader does not know are ignored. A
 * required column (STRUCTURE, STRUCTURE_ID, REF_AREA, INDICATOR, TIME_PERIOD, OBS_VALUE,
 * UNIT_MEASURE) that is absent is an error naming it; the others take their default: a breakdown
 * its total, FREQ the frequency of the period, ACTION I, UNIT_MULT 0, OBS_STATUS A, provenance empty.
 * UNIT_MEASURE may be the guideline's code or the standard SDMX code of the same unit (`PT`,
 * `PS`, `XDC`: see CL_UNIT_MEASURE `sdmx`); it is read as the guideline's.
 * @param path observations.csv
 * @returns the typed rows
 * @throws InputError `OBSERVATIONS_COLUMN_MISSING`, `OBSERVATIONS_COLUMNS` (a column twice), `NON_NUMERIC`, `BAD_TIME_PERIOD`
 */
export function readObservations(path: string): { rows: Observation[] } {
  const t = readCsv(path, { delimiter: ',' });
  const cols = observationColumns();
  const pos = locate(t.header, cols, path, t.headerRow);
  const labelled = t.header.some((h) => h.includes(': '));
  const rows: Observation[] = t.rows.map((r) => {
    if (r.error) throw new InputError(r.error.code, r.error.message, { file: path, row: r.row });
    const o: Record<string, unknown> = {};
    cols.forEach((c, k) => {
      // text cells neutralised against formula injection by the writer get their own text back
      let text = pos[k] >= 0 ? restoreFormula(r.cells[pos[k]]) : c.default;
      if (labelled && c.kind !== 'measure' && text.includes(': ')) text = text.slice(0, text.indexOf(': '));
      o[c.id] = c.numeric ? numberOf(text, c, path, r.row) : text;
    });
    if (o.FREQ === '') o.FREQ = periodFrequency(o.TIME_PERIOD as string) ?? '';
    if (o.FREQ === '')
      throw new InputError('BAD_TIME_PERIOD', `TIME_PERIOD "${String(o.TIME_PERIOD)}" is not a period and no FREQ is given`, {
        file: path,
        row: r.row,
        column: 'TIME_PERIOD',
      });
    // the standard SDMX unit code (PT, PS, XDC) is read as the guideline's (PERCENT, PERSONS, LCU)
    if (typeof o.UNIT_MEASURE === 'string') o.UNIT_MEASURE = guidelineUnit(o.UNIT_MEASURE) ?? o.UNIT_MEASURE;
    if (o.OBS_FLAG === '') delete o.OBS_FLAG;
    else if (typeof o.OBS_FLAG === 'string')
      o.OBS_FLAG = o.OBS_FLAG.split(SUBFIELD_SEPARATOR)
        .map((f) => f.trim())
        .join(SUBFIELD_SEPARATOR);
    return o as unknown as Observation;
  });
  return { rows };
}

/** A numeric field: empty or `NaN` is no value (null; OBS_VALUE and PROV_ROW), UNIT_MULT must be an integer. */
function numberOf(text: string, c: ObservationColumn, path: string, row: number): number | null {
  const s = text.trim();
  if ((s === '' || s === 'NaN') && c.id !== 'UNIT_MULT') return null;
  const v = Number(s === '' ? c.default : s);
  if (s === '' && c.id === 'UNIT_MULT' && c.default === '') return 0;
  if (!Number.isFinite(v) || (c.id !== 'OBS_VALUE' && !Number.isInteger(v)))
    throw new InputError('NON_NUMERIC', `${c.id} "${text}" is not a${c.id === 'OBS_VALUE' ? '' : 'n integer'} number`, {
      file: path,
      row,
      column: c.id,
    });
  return v;
}
