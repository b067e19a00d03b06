import { hasCodeInList, loadCodeList } from '../guidelines/index.js';
import type { Dimension, SourceMapping } from '../guidelines/generated/source-mapping.js';
import { breakdownDimensions, classPriority, CORE_DIMENSIONS, isPeriod, mappingDimension, namedGroups } from './dimensions.js';

/** A rule of a mapping that its schema cannot state, broken at a JSON path. */
export interface MappingIssue {
  jsonPath: string;
  message: string;
}

type Issues = MappingIssue[];

function checkSource(m: SourceMapping, out: Issues): void {
  const s = m.source;
  if (s.class !== undefined && classPriority(s.class) === undefined)
    out.push({
      jsonPath: '/source/class',
      message: `"${s.class}" is not a source class of the guideline (guidelines/quality/rules.json sourcePriority)`,
    });
  if (s.priority === undefined && s.class === undefined)
    out.push({ jsonPath: '/source', message: 'needs a priority or a source class (which sets the default priority)' });
}

function checkDimensionKeys(m: SourceMapping, breakdowns: ReadonlyMap<string, string>, out: Issues): void {
  for (const [k, d] of Object.entries(m.dimensions)) {
    const at = `/dimensions/${k}`;
    if (!(CORE_DIMENSIONS as readonly string[]).includes(k) && !breakdowns.has(k)) {
      out.push({
        jsonPath: at,
        message: `is not a dimension: expected ${CORE_DIMENSIONS.join(', ')} or a breakdown of the catalogue (${[...breakdowns.keys()].join(', ')})`,
      });
      continue;
    }
    if (k !== 'REF_AREA' && (d.system !== undefined || d.nameSource !== undefined))
      out.push({ jsonPath: at, message: 'system and nameSource apply to REF_AREA only' });
    if (k === 'REF_AREA' && d.column === undefined) out.push({ jsonPath: at, message: 'REF_AREA must come from a column' });
    if (k === 'REF_AREA' && d.default !== undefined)
      out.push({ jsonPath: `${at}/default`, message: 'REF_AREA has no default: an unknown area is rejected, never guessed' });
    if (d.default !== undefined && !d.codeMap)
      out.push({ jsonPath: `${at}/default`, message: 'a default applies to texts not in codeMap: give a codeMap' });
    if (k === 'TIME_PERIOD' && d.value !== undefined && !isPeriod(d.value))
      out.push({ jsonPath: `${at}/value`, message: `"${d.value}" is not a period (YYYY, YYYY-MM, YYYY-Qn, YYYY-Sn, YYYY-MM-DD)` });
    const list = k === 'OBS_STATUS' ? 'CL_OBS_STATUS' : breakdowns.get(k);
    if (list) checkCodes(d, list, at, out);
  }
}

/** Fixed values, code-map targets and defaults of a breakdown or status are codes of its list. */
function checkCodes(d: Dimension, list: string, at: string, out: Issues): void {
  const bad = (code: string): boolean => code !== '_T' && !hasCodeInList(list, code);
  if (d.value !== undefined && bad(d.value)) out.push({ jsonPath: `${at}/value`, message: `"${d.value}" is not a ${list} code` });
  if (d.default !== undefined && bad(d.default)) out.push({ jsonPath: `${at}/default`, message: `"${d.default}" is not a ${list} code` });
  for (const [text, code] of Object.entries(d.codeMap ?? {})) {
    if (!text.startsWith('$') && bad(code))
      out.push({ jsonPath: `${at}/codeMap/${text.replace(/~/g, '~0').replace(/\//g, '~1')}`, message: `"${code}" is not a ${list} code` });
  }
}

function checkWide(m: SourceMapping & { layout: { type: 'wide' } }, breakdowns: ReadonlyMap<string, string>, out: Issues): void {
  const lay = m.layout;
  if (lay.columns !== undefined && lay.timeColumns !== undefined)
    out.push({ jsonPath: '/layout', message: 'give columns or its former name timeColumns, not both' });
  const pattern = lay.columns ?? lay.timeColumns;
  if (pattern === undefined) {
    out.push({ jsonPath: '/layout/columns', message: 'is required: a regular expression matching the value columns' });
    return;
  }
  const at = lay.columns !== undefined ? '/layout/columns' : '/layout/timeColumns';
  try {
    new RegExp(pattern);
  } catch {
    out.push({ jsonPath: at, message: 'is not a valid regular expression' });
    return;
  }
  const groups = namedGroups(pattern);
  for (const g of groups) {
    if (g !== 'TIME_PERIOD' && !breakdowns.has(g))
      out.push({
        jsonPath: at,
        message: `named group "${g}" is not TIME_PERIOD or a breakdown of the catalogue (${[...breakdowns.keys()].join(', ')})`,
      });
    const d = mappingDimension(m.dimensions, g);
    if (d && d.header !== true)
      out.push({
        jsonPath: `/dimensions/${g}`,
        message: `comes from the named group of layout columns: write {"header": true} (with a codeMap if needed), not a column or a fixed value`,
      });
  }
  for (const [k, d] of Object.entries(m.dimensions)) {
    if (d.header === true && !groups.includes(k))
      out.push({ jsonPath: `/dimensions/${k}/header`, message: `layout columns has no named group (?<${k}>…)` });
  }
  if (!m.dimensions.INDICATOR && !lay.indicator)
    out.push({ jsonPath: '/layout', message: 'a wide layout needs layout.indicator or dimensions.INDICATOR' });
}

function checkLong(m: SourceMapping & { layout: { type: 'long' } }, breakdowns: ReadonlyMap<string, string>, out: Issues): void {
  const dims = m.dimensions;
  for (const [k, d] of Object.entries(dims))
    if (d.header === true)
      out.push({
        jsonPath: `/dimensions/${k}/header`,
        message: 'header applies to a wide layout; in a long layout give the value column its dimensions',
      });
  m.layout.valueColumns.forEach((v, i) => {
    const at = `/layout/valueColumns/${i}`;
    if (!v.indicator && !dims.INDICATOR) out.push({ jsonPath: at, message: 'needs an indicator, or dimensions.INDICATOR' });
    const own = v.dimensions ?? {};
    for (const [k, code] of Object.entries(own)) {
      const list = breakdowns.get(k);
      if (k !== 'TIME_PERIOD' && !list)
        out.push({ jsonPath: `${at}/dimensions/${k}`, message: `is not TIME_PERIOD or a breakdown of the catalogue` });
      else if (mappingDimension(dims, k))
        out.push({ jsonPath: `${at}/dimensions/${k}`, message: `${k} is also given in dimensions: give it in one place` });
      else if (k === 'TIME_PERIOD' && !isPeriod(code))
        out.push({ jsonPath: `${at}/dimensions/${k}`, message: `"${code}" is not a period (YYYY, YYYY-MM, YYYY-Qn, YYYY-Sn, YYYY-MM-DD)` });
      else if (list && code !== '_T' && !hasCodeInList(list, code))
        out.push({ jsonPath: `${at}/dimensions/${k}`, message: `"${code}" is not a ${list} code` });
    }
    if (!dims.TIME_PERIOD && own.TIME_PERIOD === undefined)
      out.push({
        jsonPath: at,
        message: "has no period: give dimensions.TIME_PERIOD (a column or a fixed value) or this column's dimensions.TIME_PERIOD",
      });
  });
}

/** Unit multipliers (the mapping's and each value column's) are CL_UNIT_MULT codes. */
function checkUnitMults(m: SourceMapping, out: Issues): void {
  const mults: [string, number | undefined][] = [['/unit/mult', m.unit.mult]];
  if (m.layout.type === 'long') m.layout.valueColumns.forEach((v, i) => mults.push([`/layout/valueColumns/${i}/unit/mult`, v.unit?.mult]));
  for (const [jsonPath, mult] of mults) {
    if (mult !== undefined && !hasCodeInList('CL_UNIT_MULT', String(mult)))
      out.push({
        jsonPath,
        message: `UNIT_MULT ${mult} is not a CL_UNIT_MULT code (${loadCodeList('CL_UNIT_MULT')
          .codes.map((c) => c.id)
          .join(', ')})`,
      });
  }
}

function checkMarkers(m: SourceMapping, out: Issues): void {
  (m.cellMarkers ?? []).forEach((c, i) => {
    if (!hasCodeInList('CL_OBS_STATUS', c.status))
      out.push({ jsonPath: `/cellMarkers/${i}/status`, message: `"${c.status}" is not a CL_OBS_STATUS code` });
  });
  for (const [text, status] of Object.entries(m.missing ?? {})) {
    if (!text.startsWith('$') && status !== null && !hasCodeInList('CL_OBS_STATUS', status))
      out.push({ jsonPath: `/missing/${text}`, message: `"${status}" is not a CL_OBS_STATUS code` });
  }
}

/**
 * The rules of a source mapping its JSON Schema cannot state: a priority or a source class; only
 * dimensions of the guideline; codes of the right code lists; a period for every value; named
 * groups of a wide layout that are dimensions; cell markers with real statuses; unit multipliers
 * that are CL_UNIT_MULT codes.
 * @param m a mapping that passed its schema
 * @returns every broken rule with its JSON path (empty when the mapping is sound)
 */
export function mappingIssues(m: SourceMapping): MappingIssue[] {
  const out: Issues = [];
  const breakdowns = breakdownDimensions();
  checkSource(m, out);
  checkDimensionKeys(m, breakdowns, out);
  if (m.layout.type === 'wide') checkWide(m as SourceMapping & { layout: { type: 'wide' } }, breakdowns, out);
  else checkLong(m as SourceMapping & { layout: { type: 'long' } }, breakdowns, out);
  checkMarkers(m, out);
  checkUnitMults(m, out);
  return out;
}
