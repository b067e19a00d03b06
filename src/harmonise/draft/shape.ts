import { InputError } from '../../errors.js';
import { getAreaResolver, type AreaSystem, type ResolvedArea } from '../../guidelines/index.js';
import type { Grid, GridRecord } from './grid.js';
import { isNumberText, isMarkerText } from './values.js';

/** Where the table is in the grid: preamble, header rows, data rows and the area column. */
export interface TableShape {
  /** Index (in the grid's records) of the first header row and of the first data row. */
  headerStart: number;
  firstData: number;
  /** Lines (CSV) or sheet rows (XLSX) above the header, and the number of header rows. */
  skipRows: number;
  headerRows: number;
  /** Fields of a data row. */
  width: number;
  areaColumn: number;
  /** The single code system every resolved area text is in, when there is one. */
  areaSystem: AreaSystem | undefined;
  /** Areas the area column resolves to (distinct). */
  areas: ResolvedArea[];
  /** Area texts of data-like rows that do not resolve (footnotes, unknown names). */
  unresolved: string[];
  /** Data rows: records from the first data row on with the data width. */
  data: GridRecord[];
  /** Records above the header. */
  preamble: GridRecord[];
  /** Why, for the draft's comments. */
  why: { area: string; header: string };
}

const SYSTEMS: AreaSystem[] = ['id', 'wb', 'iso3', 'name', 'iso2', 'm49', 'adb', 'iso3166_2'];

function resolves(text: string, system?: AreaSystem): ResolvedArea | undefined {
  const t = text.trim();
  if (!t || /^\d+$/.test(t)) return undefined; // bare numbers are values far more often than M49 codes
  const look = getAreaResolver().lookup(t, system);
  return look.status === 'found' ? look.area : undefined;
}

function nonEmpty(r: GridRecord): number {
  return r.cells.filter((c) => c.trim() !== '').length;
}

function hasNumber(r: GridRecord, except: number): boolean {
  return r.cells.some((c, i) => i !== except && (isNumberText(c) || isMarkerText(c)));
}

/** The column whose cells resolve to areas most often (a code column wins a tie with a name column). */
function findAreaColumn(records: GridRecord[]): { column: number; hits: number } {
  const width = Math.max(...records.map((r) => r.cells.length));
  let best = { column: -1, hits: 0, coded: false };
  for (let c = 0; c < width; c++) {
    let hits = 0;
    let coded = 0;
    const seen = new Map<string, boolean>();
    for (const r of records) {
      const t = (r.cells[c] ?? '').trim();
      let ok = seen.get(t);
      if (ok === undefined) {
        ok = resolves(t) !== undefined;
        seen.set(t, ok);
      }
      if (ok) {
        hits++;
        if (/^[A-Z0-9-]{2,6}$/.test(t)) coded++;
      }
    }
    const isCoded = coded * 2 > hits;
    if (hits > best.hits || (hits === best.hits && hits > 0 && isCoded && !best.coded)) best = { column: c, hits, coded: isCoded };
  }
  return best;
}

function chooseSystem(texts: string[]): { system: AreaSystem | undefined; why: string } {
  const all = texts.filter((t) => resolves(t) !== undefined).length;
  let best: { system: AreaSystem | undefined; n: number } = { system: undefined, n: -1 };
  for (const s of SYSTEMS) {
    const n = texts.filter((t) => resolves(t, s) !== undefined).length;
    if (n > best.n) best = { system: s, n };
  }
  if (best.system && best.n === all)
    return {
      system: best.system,
      why: `every area text that resolves does so as ${best.system === 'name' ? 'a name' : best.system === 'id' ? 'a CL_AREA code (ISO 3166 for countries and provinces, World Bank codes for aggregates)' : `a ${best.system} code`}`,
    };
  return { system: undefined, why: 'the area texts mix code systems: every system is tried, names last' };
}

/**
 * Finds the table in the first records of a file: the area column (the one whose cells resolve
 * through CL_AREA, provinces included), the first data row (the first whose area resolves and that
 * holds a number), the header rows above it (full-width rows with at least two non-empty cells,
 * at most four) and the preamble above them.
 * @throws InputError `DRAFT_NO_AREA_COLUMN` when no column holds areas
 */
export function findShape(grid: Grid, file: string): TableShape {
  const recs = grid.records;
  const area = findAreaColumn(recs);
  if (area.column < 0)
    throw new InputError(
      'DRAFT_NO_AREA_COLUMN',
      `no column of ${file} holds area codes or names that CL_AREA knows (looked at ${recs.length} rows): the draft needs one`,
      { file },
    );
  const firstData = recs.findIndex((r) => resolves(r.cells[area.column] ?? '') !== undefined && hasNumber(r, area.column));
  if (firstData < 0) throw new InputError('DRAFT_NO_DATA_ROWS', `no row of ${file} has both a known area and a number`, { file });
  const width = recs[firstData].cells.length;
  let headerStart = firstData;
  while (headerStart > 0 && firstData - headerStart < 4) {
    const r = recs[headerStart - 1];
    if ((grid.kind === 'csv' && r.cells.length !== width) || nonEmpty(r) < 2) break;
    headerStart--;
  }
  if (headerStart === firstData)
    throw new InputError('DRAFT_NO_HEADER', `${file}: no header row above the first data row (line ${recs[firstData].line})`, {
      file,
      row: recs[firstData].line,
    });
  const data = recs.slice(firstData).filter((r) => grid.kind === 'xlsx' || r.cells.length === width);
  const texts = [...new Set(data.map((r) => (r.cells[area.column] ?? '').trim()))];
  const { system, why } = chooseSystem(texts);
  const areas = new Map<string, ResolvedArea>();
  const unresolved: string[] = [];
  for (const t of texts) {
    const a = resolves(t, system);
    if (a) areas.set(a.code, a);
    else if (t) unresolved.push(t);
  }
  const headerRows = grid.kind === 'xlsx' ? recs[firstData - 1].line - recs[headerStart].line + 1 : firstData - headerStart;
  return {
    headerStart,
    firstData,
    skipRows: recs[headerStart].line - 1,
    headerRows,
    width,
    areaColumn: area.column,
    areaSystem: system,
    areas: [...areas.values()],
    unresolved,
    data,
    preamble: recs.slice(0, headerStart),
    why: {
      area: `${area.hits} of the first ${recs.length} rows resolve through CL_AREA in this column; ${why}`,
      header: `${firstData - headerStart} full-width row(s) with at least two filled cells above the first data row (line ${recs[firstData].line})${headerStart > 0 ? `; the ${headerStart} record(s) above are a preamble` : ''}`,
    },
  };
}
