import { codeForLabel, findIndicatorBySeries, getIndicator, hasCodeInList, type SeriesSystem } from '../../guidelines/index.js';
import { joinHeaders } from '../../ingest/csv.js';
import { breakdownDimensions, isPeriod } from '../dimensions.js';
import type { Grid } from './grid.js';
import type { TableShape } from './shape.js';
import { isMarkerText, isNumberText } from './values.js';

/** A value column found by the draft, with the dimension values it carries and why. */
export interface DraftValueColumn {
  index: number;
  name: string;
  /** Codes (and a period for TIME_PERIOD) carried by the column. */
  dims: Record<string, string>;
  why: string[];
}

/** A column of the row giving one dimension, through a code map when its texts are labels. */
export interface DraftRowColumn {
  dim: string;
  index: number;
  name: string;
  /** Text → code for texts that are not codes themselves. */
  codeMap: Record<string, string>;
  why: string;
}

/** What the draft found each column to be. */
export interface ColumnRoles {
  names: string[];
  values: DraftValueColumn[];
  /** Whether the value columns' periods come from their names (a wide table of years). */
  periodFromNames: boolean;
  rows: DraftRowColumn[];
  /** What each header row names, for the comments. */
  headerRows: string[];
}

const YEAR_PART = /^\s*((?:19|20)\d{2})(?:\s*\[YR\d{4}\])?\s*$/;
const VALUE_HINT = /^(obs_value|value|values|nilai|datavalue|giá trị|ค่า)$/i;
const TIME_HINT = /(time|year|tahun|period|date|năm|ปี|dataYear)/i;
const SERIES: SeriesSystem[] = ['wdi', 'itu', 'sdgSeries', 'data360'];

/** Header cells per row as the reader sees them: a blank cell above the last row takes the one to its left. */
function filledRows(rows: string[][], width: number): string[][] {
  return rows.map((r, ri) => {
    let last = '';
    const out: string[] = [];
    for (let c = 0; c < width; c++) {
      const v = (r[c] ?? '').trim();
      if (v === '' && ri < rows.length - 1) out.push(last);
      else {
        out.push(v);
        last = v;
      }
    }
    return out;
  });
}

function columnValues(shape: TableShape, c: number): string[] {
  return shape.data.map((r) => (r.cells[c] ?? '').trim());
}

function isNumericColumn(values: string[]): boolean {
  let numbers = 0,
    others = 0;
  for (const v of values) {
    if (v === '' || isMarkerText(v)) continue;
    if (isNumberText(v)) numbers++;
    else others++;
  }
  return numbers > 0 && others <= 0.05 * (numbers + others);
}

function isYearColumn(values: string[]): boolean {
  const filled = values.filter((v) => v !== '');
  return filled.length > 0 && filled.every((v) => isPeriod(v) && +v.slice(0, 4) >= 1900 && +v.slice(0, 4) <= 2100);
}

/** The indicator a text stands for: a catalogue code, or a series code of WDI, ITU, SDG or Data360. */
export function indicatorOf(text: string): string | undefined {
  const t = text.trim();
  if (!t) return undefined;
  if (getIndicator(t)) return t;
  for (const s of SERIES) {
    const ind = findIndicatorBySeries(s, t);
    if (ind) return ind.code;
  }
  return undefined;
}

/** What a header row names over the candidate value columns: TIME_PERIOD, a breakdown, a title or something else. */
function classifyHeaderRow(parts: string[], breakdowns: ReadonlyMap<string, string>): { role: string; codes: string[] } {
  const filled = parts.filter((p) => p !== '');
  if (filled.length === 0) return { role: 'blank', codes: [] };
  if (parts.every((p) => YEAR_PART.test(p))) return { role: 'TIME_PERIOD', codes: parts.map((p) => YEAR_PART.exec(p)![1]) };
  for (const [dim, list] of breakdowns) {
    const codes = parts.map((p) => codeForLabel(list, p));
    if (codes.every((c) => c !== undefined) && new Set(codes).size >= 2) return { role: dim, codes: codes as string[] };
  }
  if (new Set(filled).size === 1) return { role: 'title', codes: [] };
  return { role: 'other', codes: [] };
}

function rowColumn(dim: string, list: string, c: number, name: string, values: string[], byHeader: boolean): DraftRowColumn | undefined {
  const distinct = [...new Set(values.filter((v) => v !== ''))];
  if (distinct.length === 0) return undefined;
  const codeMap: Record<string, string> = {};
  for (const v of distinct) {
    if (v === '_T' || hasCodeInList(list, v)) continue;
    const code = codeForLabel(list, v);
    if (code === undefined) return undefined;
    codeMap[v] = code;
  }
  if (!byHeader && new Set(distinct.map((v) => codeMap[v] ?? v)).size < 2) return undefined;
  const mapped = Object.keys(codeMap).length;
  return {
    dim,
    index: c,
    name,
    codeMap,
    why: `${byHeader ? `the column is named ${dim}` : `its values are ${list} labels`}: ${distinct.length} distinct value(s)${mapped ? `, ${mapped} read through ${list} labels` : ', all codes of the list'}`,
  };
}

function findRowColumns(
  shape: TableShape,
  names: string[],
  taken: Set<number>,
  breakdowns: ReadonlyMap<string, string>,
  needTime: boolean,
  carried: ReadonlySet<string>,
): DraftRowColumn[] {
  const out: DraftRowColumn[] = [];
  const free = names.map((_, c) => c).filter((c) => !taken.has(c));
  const claim = (r: DraftRowColumn | undefined): void => {
    if (r) {
      out.push(r);
      taken.add(r.index);
    }
  };
  if (needTime) {
    const years = free.filter((c) => isYearColumn(columnValues(shape, c)));
    const t = years.find((c) => TIME_HINT.test(names[c])) ?? years[0];
    if (t !== undefined)
      claim({
        dim: 'TIME_PERIOD',
        index: t,
        name: names[t],
        codeMap: {},
        why: `every value is a year${TIME_HINT.test(names[t]) ? ` and the column is named "${names[t]}"` : ''}`,
      });
  }
  for (const c of free.filter((x) => !taken.has(x))) {
    const vals = columnValues(shape, c).filter((v) => v !== '');
    if (vals.length && vals.every((v) => indicatorOf(v) !== undefined)) {
      const codeMap: Record<string, string> = {};
      for (const v of new Set(vals)) if (indicatorOf(v) !== v) codeMap[v] = indicatorOf(v)!;
      claim({
        dim: 'INDICATOR',
        index: c,
        name: names[c],
        codeMap,
        why: `its values are ${Object.keys(codeMap).length ? 'series codes of the catalogue' : 'catalogue codes'} (${[...new Set(vals)].slice(0, 3).join(', ')})`,
      });
      break;
    }
  }
  for (const c of free.filter((x) => !taken.has(x))) {
    const vals = columnValues(shape, c).filter((v) => v !== '');
    if (/status/i.test(names[c]) && vals.length && vals.every((v) => hasCodeInList('CL_OBS_STATUS', v))) {
      claim({
        dim: 'OBS_STATUS',
        index: c,
        name: names[c],
        codeMap: {},
        why: 'named like a status and every value is a CL_OBS_STATUS code',
      });
      break;
    }
  }
  for (const [dim, list] of breakdowns) {
    if (carried.has(dim)) continue;
    const exact = free.find((c) => !taken.has(c) && names[c].trim().toUpperCase() === dim);
    let hit = exact !== undefined ? rowColumn(dim, list, exact, names[exact], columnValues(shape, exact), true) : undefined;
    for (const c of free) {
      if (hit) break;
      if (!taken.has(c) && !isNumericColumn(columnValues(shape, c))) hit = rowColumn(dim, list, c, names[c], columnValues(shape, c), false);
    }
    claim(hit);
  }
  return out;
}

/**
 * Finds what each column is: value columns (numeric, or named by a year) with the dimension values
 * their header rows give (a row of years is TIME_PERIOD; a row of CL_URBANISATION or CL_SEX labels
 * in any Member State's language is that breakdown), and columns of the row giving the period, the
 * indicator, the status and breakdowns.
 */
export function findColumns(grid: Grid, shape: TableShape): ColumnRoles {
  const headerRecs = grid.records.slice(shape.headerStart, shape.firstData).map((r) => r.cells);
  const names = joinHeaders(headerRecs);
  while (names.length < shape.width) names.push('');
  const filled = filledRows(headerRecs, shape.width);
  const breakdowns = breakdownDimensions();
  const numeric = names.map((_, c) => c !== shape.areaColumn && isNumericColumn(columnValues(shape, c)));
  const yearNamed = names.map((n, c) => c !== shape.areaColumn && filled.some((row) => YEAR_PART.test(row[c])) && n !== '');
  let candidates = names.map((_, c) => c).filter((c) => numeric[c] || yearNamed[c]);
  const hinted = candidates.filter((c) => VALUE_HINT.test(names[c].trim()));
  const roles = filled.map((row) =>
    classifyHeaderRow(
      candidates.map((c) => row[c]),
      breakdowns,
    ),
  );
  const byHeader = roles.some((r) => r.role === 'TIME_PERIOD' || breakdowns.has(r.role));
  if (!byHeader && hinted.length) candidates = hinted;
  if (!byHeader && !hinted.length)
    candidates = candidates.filter((c) => !isYearColumn(columnValues(shape, c)) || !TIME_HINT.test(names[c]));
  const values: DraftValueColumn[] = candidates.map((c, k) => {
    const dims: Record<string, string> = {};
    const why: string[] = [];
    roles.forEach((r, ri) => {
      if (r.role === 'TIME_PERIOD' || breakdowns.has(r.role)) {
        dims[r.role] = r.codes[k];
        why.push(`header row ${ri + 1} "${filled[ri][c]}" → ${r.role} ${r.codes[k]}`);
      }
    });
    return { index: c, name: names[c], dims, why };
  });
  const periodFromNames = roles.some((r) => r.role === 'TIME_PERIOD');
  const taken = new Set<number>([shape.areaColumn, ...candidates]);
  const carried = new Set(values.flatMap((v) => Object.keys(v.dims)));
  const rows = findRowColumns(shape, names, taken, breakdowns, !periodFromNames, carried);
  const headerRows = roles.map(
    (r, i) =>
      `header row ${i + 1} (line ${grid.records[shape.headerStart + i].line}): ${r.role === 'TIME_PERIOD' ? 'periods' : breakdowns.has(r.role) ? `${r.role} labels` : r.role === 'title' ? 'a title over the value columns' : r.role === 'blank' ? 'blank over the value columns' : 'names of columns'}`,
  );
  return { names, values, periodFromNames, rows, headerRows };
}
