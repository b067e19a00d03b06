import { InputError } from '../errors.js';
import { hasCodeInList } from '../guidelines/index.js';
import type { Dimension, SourceMapping } from '../guidelines/generated/source-mapping.js';
import { breakdownDimensions, codeMapOf, columnsPattern, isPeriod, keyBreakdowns, keyPosition, mappingDimension } from './dimensions.js';

/** A breakdown whose code comes from each row: a column (through an optional code map) or a fixed code. */
export interface RowDimension {
  dim: string;
  /** Code list of its values. */
  list: string;
  /** Position in {@link keyBreakdowns}, or -1 when the key does not carry it. */
  keyPos: number;
  /** Column index, or -1 for a fixed code. */
  index: number;
  fixed: string;
  map: Map<string, string> | null;
  /** Code for texts not in `map` (`undefined`: the text is the code). */
  fallback: string | undefined;
}

/** One value column and the dimension values it carries. */
export interface ValueColumnPlan {
  index: number;
  name: string;
  /** Catalogue code of its values ('' when from the INDICATOR dimension). */
  indicator: string;
  unit: string;
  mult: number;
  /** Period carried by the column ('' when it comes from a column of the row or a fixed value). */
  time: string;
  /** Why the column's period is not a period ('' when it is). */
  timeError: string;
  /** Code per {@link keyBreakdowns} carried by the column ('' when from the row). */
  codes: string[];
  /** Breakdowns with a non-total code the observation key does not carry (e.g. "EDUCATION=ED5"), '' when none. */
  notCarried: string;
}

/** A mapping compiled against one header: column positions and what every value column carries. */
export interface HeaderPlan {
  areaIndex: number;
  areaMap: Map<string, string> | null;
  indicatorIndex: number;
  indicatorMap: Map<string, string> | null;
  indicatorDefault: string | undefined;
  fixedIndicator: string;
  rowDims: RowDimension[];
  timeIndex: number;
  fixedTime: string;
  statusIndex: number;
  statusMap: Map<string, string> | null;
  fixedStatus: string;
  values: ValueColumnPlan[];
  /** Columns no part of the mapping reads. */
  unmapped: number[];
}

/** Where a header was read, for located errors. */
export interface HeaderWhere {
  file: string;
  sheet?: string;
  row: number;
  mapping: string;
}

class Columns {
  readonly used = new Set<number>();
  constructor(
    readonly header: string[],
    readonly where: HeaderWhere,
  ) {}

  /** Index of column `name` (-1 when `name` is undefined); marks it used. */
  find(name: string | undefined, what: string): number {
    if (name === undefined) return -1;
    const i = this.header.indexOf(name);
    if (i < 0) {
      throw new InputError(
        'MAPPING_COLUMN_NOT_FOUND',
        `${what}: no column "${name}" in ${this.where.file}; its columns are ${this.header.map((h) => `"${h}"`).join(', ')}`,
        { file: this.where.file, sheet: this.where.sheet, row: this.where.row, column: name },
      );
    }
    this.used.add(i);
    return i;
  }
}

function rowDimension(dim: string, list: string, d: Dimension, cols: Columns): RowDimension {
  return {
    dim,
    list,
    keyPos: keyPosition(dim),
    index: cols.find(d.column, `dimensions.${dim}.column`),
    fixed: d.value ?? '_T',
    map: codeMapOf(d.codeMap),
    fallback: d.default,
  };
}

/** The code a text stands for through a dimension's code map and default. */
export function mapCode(text: string, map: Map<string, string> | null, fallback: string | undefined): string {
  if (!map) return text;
  return map.get(text) ?? fallback ?? text;
}

function emptyCodes(): string[] {
  return keyBreakdowns().map(() => '');
}

/** Records a column-carried code: in the key, or in `notCarried` when the key has no place for it. */
function carry(v: ValueColumnPlan, dim: string, code: string): void {
  const k = keyPosition(dim);
  if (k >= 0) v.codes[k] = code;
  else if (code !== '_T') v.notCarried += `${v.notCarried ? ', ' : ''}${dim}=${code}`;
}

function periodError(time: string, name: string): string {
  return isPeriod(time)
    ? ''
    : `column "${name}" gives the period "${time}", which is not a period (YYYY, YYYY-MM, YYYY-Qn, YYYY-Sn, YYYY-MM-DD)`;
}

function wideValues(m: SourceMapping, header: string[], cols: Columns, breakdowns: ReadonlyMap<string, string>): ValueColumnPlan[] {
  const pattern = columnsPattern(m.layout)!;
  const re = new RegExp(pattern);
  const timeFromName = m.dimensions.TIME_PERIOD === undefined;
  const out: ValueColumnPlan[] = [];
  header.forEach((name, index) => {
    const hit = re.exec(name);
    if (!hit) return;
    cols.used.add(index);
    const v: ValueColumnPlan = {
      index,
      name,
      indicator: m.layout.type === 'wide' ? (m.layout.indicator ?? '') : '',
      unit: m.unit.measure,
      mult: m.unit.mult ?? 0,
      time: '',
      timeError: '',
      codes: emptyCodes(),
      notCarried: '',
    };
    const groups = hit.groups ?? {};
    for (const [dim, raw] of Object.entries(groups)) {
      const d = mappingDimension(m.dimensions, dim);
      const code = mapCode((raw ?? '').trim(), codeMapOf(d?.codeMap), d?.default);
      if (dim === 'TIME_PERIOD') {
        v.time = code;
        continue;
      }
      const list = breakdowns.get(dim)!;
      if (code !== '_T' && !hasCodeInList(list, code)) {
        throw new InputError(
          'MAPPING_HEADER_CODE',
          `column "${name}": ${dim} "${raw}" is not a ${list} code and not in dimensions.${dim}.codeMap`,
          { file: cols.where.file, sheet: cols.where.sheet, row: cols.where.row, column: name },
        );
      }
      carry(v, dim, code);
    }
    if (timeFromName && !('TIME_PERIOD' in groups)) v.time = name.trim();
    if (v.time !== '') v.timeError = periodError(v.time, name);
    out.push(v);
  });
  if (out.length === 0)
    throw new InputError('MAPPING_NO_TIME_COLUMNS', `no column of ${cols.where.file} matches layout columns ${pattern}`, {
      file: cols.where.file,
      sheet: cols.where.sheet,
      row: cols.where.row,
    });
  return out;
}

function longValues(m: SourceMapping & { layout: { type: 'long' } }, cols: Columns): ValueColumnPlan[] {
  return m.layout.valueColumns.map((c) => {
    const v: ValueColumnPlan = {
      index: cols.find(c.column, 'layout.valueColumns'),
      name: c.column,
      indicator: c.indicator ?? '',
      unit: c.unit?.measure ?? m.unit.measure,
      mult: c.unit ? (c.unit.mult ?? 0) : (m.unit.mult ?? 0),
      time: '',
      timeError: '',
      codes: emptyCodes(),
      notCarried: '',
    };
    for (const [dim, code] of Object.entries(c.dimensions ?? {})) {
      if (dim === 'TIME_PERIOD') v.time = code;
      else carry(v, dim, code);
    }
    return v;
  });
}

/**
 * Compiles a mapping against the header of its file: the column of each dimension, the value
 * columns with the dimension values each carries (from named groups of a wide layout's `columns`,
 * or a long layout's `valueColumns[].dimensions`), and the columns nothing reads.
 * @param m a validated mapping
 * @param header column names (stacked header rows joined with ` / `)
 * @param where file, sheet and header row for errors
 * @throws InputError `MAPPING_COLUMN_NOT_FOUND`, `MAPPING_NO_TIME_COLUMNS`, `MAPPING_HEADER_CODE`
 */
export function compileHeader(m: SourceMapping, header: string[], where: HeaderWhere): HeaderPlan {
  const cols = new Columns(header, where);
  const dims = m.dimensions;
  const breakdowns = breakdownDimensions();
  const areaIndex = cols.find(dims.REF_AREA.column, 'dimensions.REF_AREA.column');
  const di = dims.INDICATOR;
  const rowDims: RowDimension[] = [];
  for (const [dim, d] of Object.entries(dims)) {
    const list = breakdowns.get(dim);
    if (list && d.header !== true) rowDims.push(rowDimension(dim, list, d, cols));
  }
  const values =
    m.layout.type === 'wide'
      ? wideValues(m, header, cols, breakdowns)
      : longValues(m as SourceMapping & { layout: { type: 'long' } }, cols);
  const plan: HeaderPlan = {
    areaIndex,
    areaMap: codeMapOf(dims.REF_AREA.codeMap),
    indicatorIndex: di ? cols.find(di.column, 'dimensions.INDICATOR.column') : -1,
    indicatorMap: codeMapOf(di?.codeMap),
    indicatorDefault: di?.default,
    fixedIndicator: di?.value ?? '',
    rowDims,
    timeIndex: cols.find(dims.TIME_PERIOD?.column, 'dimensions.TIME_PERIOD.column'),
    fixedTime: dims.TIME_PERIOD?.value ?? '',
    statusIndex: cols.find(dims.OBS_STATUS?.column, 'dimensions.OBS_STATUS.column'),
    statusMap: codeMapOf(dims.OBS_STATUS?.codeMap),
    fixedStatus: dims.OBS_STATUS?.value ?? 'A',
    values,
    unmapped: [],
  };
  for (const d of m.filters?.dropRows ?? []) cols.find(d.column, 'filters.dropRows');
  plan.unmapped = header.map((_, i) => i).filter((i) => !cols.used.has(i));
  return plan;
}
