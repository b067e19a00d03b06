import { dirname, relative, resolve, sep } from 'node:path';
import { UsageError } from '../../errors.js';
import { getIndicator, missingMarker } from '../../guidelines/index.js';
import type { Dimension, SourceMapping } from '../../guidelines/generated/source-mapping.js';
import { isPeriod } from '../dimensions.js';
import { validateMapping } from '../mapping.js';
import { findColumns, type ColumnRoles, type DraftValueColumn } from './columns.js';
import { readGrid, type Grid } from './grid.js';
import { findShape, type TableShape } from './shape.js';
import { guessSource } from './source.js';
import { nonNumericTokens, sniffNotation } from './values.js';

/** Options of {@link draftMapping}. */
export interface DraftOptions {
  /** Where the mapping will be written (the data file is referenced relative to it). */
  out: string;
  /** XLSX sheet name or 1-based position. */
  sheet?: string | number;
  /** Catalogue code of the values, when the file does not say. */
  indicator?: string;
  /** Period of a table without one (YYYY, …). */
  period?: string;
  /** Release date (YYYY-MM-DD), when the file does not say. */
  releaseDate?: string;
}

/** A drafted mapping and a summary of what was guessed. */
export interface DraftResult {
  mapping: SourceMapping;
  /** One line per finding, for the person running the draft. */
  summary: string[];
}

const PLACEHOLDER_INDICATOR = 'TODO_INDICATOR';

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A `columns` pattern for year-named value columns, or `undefined` when no single pattern fits them all exactly. */
export function yearColumnsPattern(values: DraftValueColumn[], names: string[]): string | undefined {
  if (values.length === 0) return undefined;
  const picked = new Set(values.map((v) => v.index));
  const fits = (re: RegExp, timeOf: (m: RegExpExecArray, name: string) => string): boolean =>
    names.every((n, c) => {
      const m = re.exec(n);
      if (!picked.has(c)) return m === null;
      const v = values.find((x) => x.index === c)!;
      return m !== null && timeOf(m, n) === v.dims.TIME_PERIOD;
    });
  if (fits(/^\d{4}$/, (_, n) => n.trim())) return '^\\d{4}$';
  const first = values[0];
  const year = first.dims.TIME_PERIOD;
  const at = first.name.indexOf(year);
  if (at < 0) return undefined;
  const rest = escapeRe(first.name.slice(at + 4)).replace(new RegExp(year, 'g'), '\\d{4}');
  const pattern = `^${escapeRe(first.name.slice(0, at))}(?<TIME_PERIOD>\\d{4})${rest}$`;
  return fits(new RegExp(pattern), (m) => m.groups!.TIME_PERIOD) ? pattern : undefined;
}

function withComment<T extends object>(comment: string | string[] | undefined, o: T): T {
  return (comment === undefined || (Array.isArray(comment) && comment.length === 0) ? o : { $comment: comment, ...o }) as T;
}

function formatBlock(grid: Grid, shape: TableShape, notation: ReturnType<typeof sniffNotation>): SourceMapping['format'] {
  const notes = [shape.why.header];
  if (grid.kind === 'xlsx')
    return withComment(notes, {
      type: 'xlsx',
      sheet: grid.sheet,
      ...(shape.skipRows ? { skipRows: shape.skipRows } : {}),
      ...(shape.headerRows > 1 ? { headerRows: shape.headerRows } : {}),
    });
  notes.unshift(
    `encoding ${grid.encoding}: ${grid.encodingWhy}`,
    `delimiter ${grid.delimiter === '\t' ? 'tab' : `"${grid.delimiter}"`}: the commonest field count of the lines`,
  );
  if (notation.decimal !== '.' || notation.thousands !== '') notes.push(`numbers: ${notation.why}`);
  return withComment(notes, {
    type: 'csv',
    delimiter: grid.delimiter,
    ...(grid.encoding !== 'utf-8' ? { encoding: grid.encoding } : {}),
    ...(shape.skipRows ? { skipRows: shape.skipRows } : {}),
    ...(shape.headerRows > 1 ? { headerRows: shape.headerRows } : {}),
    ...(notation.decimal !== '.' ? { decimal: notation.decimal } : {}),
    ...(notation.thousands !== '' ? { thousands: notation.thousands } : {}),
  });
}

function missingBlock(shape: TableShape, roles: ColumnRoles): SourceMapping['missing'] {
  const cells = shape.data.flatMap((r) =>
    roles.values.map((v) => ({
      text: r.cells[v.index] ?? '',
      where: `line ${r.line} × "${v.name}" (${(r.cells[shape.areaColumn] ?? '').trim()})`,
    })),
  );
  const tokens = nonNumericTokens(cells);
  const out: Record<string, string | null> = {};
  const notes: string[] = [];
  for (const t of tokens) {
    if (t.text === '') {
      out[''] = null;
      notes.push(`${t.count} empty cell(s): no observation (counted as filtered)`);
      continue;
    }
    const mk = missingMarker(t.text);
    if (mk) {
      out[t.text] = mk.obsStatus;
      notes.push(`"${t.text}" in ${t.count} cell(s), first ${t.first}: chapter-5 marker, OBS_STATUS ${mk.obsStatus} (${mk.meaning})`);
    } else
      notes.push(
        `"${t.text}" in ${t.count} cell(s), first ${t.first}: not a number nor a chapter-5 marker: these cells are rejected (NON_NUMERIC) unless you add the text here`,
      );
  }
  if (!('' in out)) out[''] = null;
  return notes.length ? { $comment: notes.join('; '), ...out } : out;
}

function indicatorDimension(roles: ColumnRoles, options: DraftOptions, summary: string[]): Dimension | undefined {
  const col = roles.rows.find((r) => r.dim === 'INDICATOR');
  if (options.indicator) {
    if (!getIndicator(options.indicator))
      throw new UsageError(
        'USAGE_UNKNOWN_INDICATOR',
        `--indicator ${options.indicator} is not an indicator of the catalogue (guidelines/catalogue/indicators.json)`,
      );
    summary.push(`indicator ${options.indicator} as given`);
    return withComment('given with --indicator', { value: options.indicator });
  }
  if (col) {
    const codes = [...new Set(Object.values(col.codeMap))];
    summary.push(
      `indicator from column "${col.name}"${
        codes.length
          ? `: ${Object.entries(col.codeMap)
              .map(([k, v]) => `${k} → ${v}`)
              .join(', ')}`
          : ''
      }`,
    );
    return withComment(col.why, { column: col.name, ...(Object.keys(col.codeMap).length ? { codeMap: col.codeMap } : {}) });
  }
  summary.push(`indicator not recognised: replace ${PLACEHOLDER_INDICATOR} with the catalogue code (or draft again with --indicator CODE)`);
  return withComment(`no catalogue or series code in the file: replace ${PLACEHOLDER_INDICATOR} with the catalogue code of these values`, {
    value: PLACEHOLDER_INDICATOR,
  });
}

function layoutBlock(roles: ColumnRoles, summary: string[]): SourceMapping['layout'] {
  const breakdownInHeader = roles.values.some((v) => Object.keys(v.dims).some((k) => k !== 'TIME_PERIOD'));
  if (roles.periodFromNames && !breakdownInHeader) {
    const pattern = yearColumnsPattern(roles.values, roles.names);
    if (pattern) {
      summary.push(
        `wide table: ${roles.values.length} year columns (${roles.values[0].name} … ${roles.values[roles.values.length - 1].name})`,
      );
      return withComment(`${roles.values.length} columns named by a year; ${roles.headerRows.join('; ')}`, {
        type: 'wide',
        columns: pattern,
      });
    }
  }
  summary.push(
    `${roles.values.length} value column(s)${breakdownInHeader ? ', each carrying its own breakdown from the header rows' : ''}`,
  );
  const valueColumns = roles.values.map((v) =>
    withComment(v.why.length ? v.why.join('; ') : 'a numeric column', {
      column: v.name,
      ...(Object.keys(v.dims).length ? { dimensions: v.dims } : {}),
    }),
  );
  return withComment(roles.headerRows.join('; '), {
    type: 'long',
    valueColumns: valueColumns as [(typeof valueColumns)[0], ...typeof valueColumns],
  });
}

function dimensionsBlock(shape: TableShape, roles: ColumnRoles, options: DraftOptions, summary: string[]): SourceMapping['dimensions'] {
  const area = roles.names[shape.areaColumn];
  const dims: SourceMapping['dimensions'] = {
    REF_AREA: withComment(
      `${shape.why.area}; ${shape.areas.length} distinct areas${shape.areas.some((a) => a.type === 'subnational') ? `, ${shape.areas.filter((a) => a.type === 'subnational').length} of them provinces or states` : ''}${
        shape.unresolved.length
          ? `; not known to CL_AREA (rejected as UNKNOWN_AREA unless mapped in codeMap): ${shape.unresolved
              .slice(0, 10)
              .map((t) => `"${t}"`)
              .join(', ')}${shape.unresolved.length > 10 ? ', …' : ''}`
          : ''
      }`,
      { column: area, ...(shape.areaSystem ? { system: shape.areaSystem } : {}) },
    ),
  };
  summary.push(
    `areas from column "${area}"${shape.areaSystem ? ` (${shape.areaSystem})` : ''}: ${shape.areas.length} resolved, ${shape.unresolved.length} unknown`,
  );
  const ind = indicatorDimension(roles, options, summary);
  if (ind) dims.INDICATOR = ind;
  const time = roles.rows.find((r) => r.dim === 'TIME_PERIOD');
  const timeInColumns = roles.values.every((v) => v.dims.TIME_PERIOD !== undefined) && roles.values.length > 0;
  if (time) {
    dims.TIME_PERIOD = withComment(time.why, { column: time.name });
    summary.push(`periods from column "${time.name}"`);
  } else if (!timeInColumns) {
    if (!options.period)
      throw new UsageError(
        'USAGE_DRAFT_NO_PERIOD',
        'the file has no year column and no year in its column names: give the period with --period YYYY',
      );
    if (!isPeriod(options.period))
      throw new UsageError('USAGE_BAD_PERIOD', `--period ${options.period} is not a period (YYYY, YYYY-MM, YYYY-Qn, YYYY-Sn, YYYY-MM-DD)`);
    dims.TIME_PERIOD = withComment('the file gives no period: fixed with --period', { value: options.period });
    summary.push(`period ${options.period} as given`);
  } else if (options.period) summary.push(`--period ${options.period} not used: the column names give the periods`);
  for (const r of roles.rows) {
    if (r.dim === 'TIME_PERIOD' || r.dim === 'INDICATOR') continue;
    (dims as Record<string, Dimension>)[r.dim] = withComment(r.why, {
      column: r.name,
      ...(Object.keys(r.codeMap).length ? { codeMap: r.codeMap } : {}),
    });
    summary.push(`${r.dim} from column "${r.name}"`);
  }
  return dims;
}

function unitBlock(dims: SourceMapping['dimensions'], roles: ColumnRoles, shape: TableShape): SourceMapping['unit'] {
  const code = dims.INDICATOR?.value ?? Object.values(dims.INDICATOR?.codeMap ?? {})[0];
  const ind = code ? getIndicator(code) : undefined;
  const unitCol = roles.names.findIndex((n) => /^(UNIT_MEASURE|Unit|seriesUnits|Satuan)$/i.test(n.trim()));
  const fileUnits = unitCol >= 0 ? [...new Set(shape.data.map((r) => (r.cells[unitCol] ?? '').trim()).filter(Boolean))] : [];
  const multCol = roles.names.findIndex((n) => n.trim() === 'UNIT_MULT');
  const mults = multCol >= 0 ? [...new Set(shape.data.map((r) => (r.cells[multCol] ?? '').trim()).filter(Boolean))] : [];
  const mult = mults.length === 1 && /^-?\d+$/.test(mults[0]) ? Number(mults[0]) : 0;
  const notes = [
    ind
      ? `assumed published in the catalogue's canonical unit of ${ind.code} (${ind.unit})`
      : 'indicator unknown: give the unit the values are published in',
  ];
  if (fileUnits.length) notes.push(`the file's units: ${fileUnits.join(', ')}`);
  if (mults.length) notes.push(`the file's UNIT_MULT: ${mults.join(', ')}`);
  return withComment(notes, { measure: ind?.unit ?? 'NUMBER', mult });
}

/**
 * Drafts a source mapping for a national or international table (as frictionless `describe`
 * drafts a schema): it sniffs the encoding, delimiter, preamble and header rows, finds the area
 * column through CL_AREA (provinces included), the year columns or the period column, value
 * columns with the breakdown each carries from the header rows (labels of the code lists in the
 * Member States' languages), breakdown, indicator and status columns, missing-value markers and
 * the number notation, and writes a `$comment` on every guess. The draft validates against the
 * schema; a person checks it before use.
 * @param file the data file (CSV or XLSX)
 * @param options output path, sheet, indicator, period, release date
 * @throws InputError when the file cannot be read or holds no table with areas; UsageError for a bad option
 */
export async function draftMapping(file: string, options: DraftOptions): Promise<DraftResult> {
  const grid = await readGrid(file, options.sheet);
  const shape = findShape(grid, file);
  const roles = findColumns(grid, shape);
  if (roles.values.length === 0) throw new UsageError('USAGE_DRAFT_NO_VALUES', `${file}: no numeric column besides the area column`);
  const summary: string[] = [];
  const notation = sniffNotation(shape.data.flatMap((r) => roles.values.map((v) => r.cells[v.index] ?? '')));
  const { source, comments, wdi } = guessSource(file, grid, shape, roles, options.releaseDate);
  summary.push(`source: ${source.publisher} (class ${source.class}), release ${source.releaseDate}`);
  const dimensions = dimensionsBlock(shape, roles, options, summary);
  const used = new Set([shape.areaColumn, ...roles.values.map((v) => v.index), ...roles.rows.map((r) => r.index)]);
  const unused = roles.names
    .map((n, i) => ({ n, i }))
    .filter(({ i }) => !used.has(i) && shape.data.some((r) => (r.cells[i] ?? '').trim() !== ''));
  const rel = relative(dirname(resolve(options.out)), resolve(file))
    .split(sep)
    .join('/');
  const subnational = shape.areas.some((a) => a.type === 'subnational');
  const mapping = {
    $schema: 'https://digicge.org/schemas/source-mapping.schema.json',
    $comment: [
      `Drafted by digicge mapping draft from ${rel}: check every $comment, then run digicge harmonise.`,
      ...(unused.length
        ? [`columns not mapped (listed in quality.md after a run): ${unused.map(({ n, i }) => `"${n || `column ${i + 1}`}"`).join(', ')}`]
        : []),
    ],
    source: withComment(comments, source),
    file: rel,
    format: formatBlock(grid, shape, notation),
    layout: layoutBlock(roles, summary),
    dimensions,
    missing: missingBlock(shape, roles),
    unit: unitBlock(dimensions, roles, shape),
    filters: withComment(
      [
        subnational
          ? 'provinces or states in the file: kept with their Member State (asean-subnational)'
          : 'the ten Member States are kept; other areas are counted as out of scope',
        ...(wdi ? ['WDI pads a series with zeros before it starts: leading zeros are padding'] : []),
      ],
      { areas: subnational ? 'asean-subnational' : 'asean', ...(wdi ? { leadingZerosArePadding: true } : {}) },
    ),
  };
  if (unused.length)
    summary.push(
      `${unused.length} column(s) not mapped: ${unused
        .map(({ n, i }) => n || `column ${i + 1}`)
        .slice(0, 8)
        .join(', ')}${unused.length > 8 ? ', …' : ''}`,
    );
  return { mapping: validateMapping(mapping, options.out), summary };
}
