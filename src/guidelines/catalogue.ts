import { SchemaError } from '../errors.js';
import { codeListMap, listCodeLists } from './codelists.js';
import type { Indicator, IndicatorCatalogue } from './generated/catalogue.js';
import { displayPath, guidelinePath } from './paths.js';
import { readValidatedJson } from './validate.js';

export type { Dimension, Indicator, IndicatorCatalogue, Range, Reference, Scope, SeriesCodes } from './generated/catalogue.js';

/** Publisher systems whose series codes the catalogue records (keys of {@link SeriesCodes}). */
export type SeriesSystem = 'wdi' | 'sdg' | 'sdgSeries' | 'itu' | 'data360';

/** Options of {@link loadCatalogue}. */
export interface LoadCatalogueOptions {
  /** Another catalogue file to load instead of the shipped one (not cached). */
  file?: string;
}

let cached: IndicatorCatalogue | undefined;
let byCode: Map<string, Indicator> | undefined;

/**
 * Checks the rules a JSON Schema cannot state: unique codes, units in CL_UNIT_MEASURE, breakdowns
 * declared as dimensions whose code list ships, aggregation weights that are catalogue codes,
 * `min ≤ max`, and no series code claimed by two indicators (one concept, one code).
 * @throws SchemaError listing every issue with its JSON path
 */
export function checkCatalogue(cat: IndicatorCatalogue, shown: string): void {
  const issues: { jsonPath: string; message: string }[] = [];
  const units = codeListMap('CL_UNIT_MEASURE');
  const lists = new Set(listCodeLists());
  const dims = new Set<string>();
  cat.dimensions.forEach((d, i) => {
    if (dims.has(d.id)) issues.push({ jsonPath: `/dimensions/${i}/id`, message: `duplicate dimension "${d.id}"` });
    dims.add(d.id);
    if (!lists.has(d.codelist))
      issues.push({ jsonPath: `/dimensions/${i}/codelist`, message: `code list "${d.codelist}" does not ship in guidelines/codelists` });
  });
  const codes = new Set(cat.indicators.map((x) => x.code));
  const seen = new Set<string>();
  const series = new Map<string, string>();
  cat.indicators.forEach((ind, i) => {
    const at = `/indicators/${i}`;
    if (seen.has(ind.code)) issues.push({ jsonPath: `${at}/code`, message: `duplicate indicator code "${ind.code}"` });
    seen.add(ind.code);
    if (!units.has(ind.unit)) issues.push({ jsonPath: `${at}/unit`, message: `"${ind.unit}" is not a CL_UNIT_MEASURE code` });
    (ind.unitHistory ?? []).forEach((u, j) => {
      if (!units.has(u.unit))
        issues.push({ jsonPath: `${at}/unitHistory/${j}/unit`, message: `"${u.unit}" is not a CL_UNIT_MEASURE code` });
    });
    ind.breakdowns.forEach((b, j) => {
      if (!dims.has(b)) issues.push({ jsonPath: `${at}/breakdowns/${j}`, message: `"${b}" is not a dimension of the catalogue` });
    });
    if (ind.range.max !== null && ind.range.max < ind.range.min) {
      issues.push({ jsonPath: `${at}/range`, message: `max ${ind.range.max} is below min ${ind.range.min}` });
    }
    const w = ind.aggregation?.weight;
    if (w !== undefined && !codes.has(w)) issues.push({ jsonPath: `${at}/aggregation/weight`, message: `"${w}" is not an indicator code` });
    if (ind.aggregation?.method === 'weighted_mean' && w === undefined) {
      issues.push({ jsonPath: `${at}/aggregation/weight`, message: 'is required for a weighted mean' });
    }
    for (const key of ['wdi', 'sdgSeries', 'itu', 'data360'] as const) {
      const s = ind.series[key];
      if (s === undefined) continue;
      const other = series.get(`${key}:${s}`);
      if (other !== undefined)
        issues.push({ jsonPath: `${at}/series/${key}`, message: `${key} series "${s}" is already the series of ${other}` });
      series.set(`${key}:${s}`, ind.code);
    }
  });
  if (issues.length) {
    throw new SchemaError(
      `${shown}: ${issues[0].jsonPath} ${issues[0].message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`,
      { file: shown, jsonPath: issues[0].jsonPath },
      issues,
    );
  }
}

/**
 * Loads the indicator catalogue (`guidelines/catalogue/indicators.json`), validated against
 * `catalogue.schema.json` and {@link checkCatalogue} on first use, then cached.
 * @throws SchemaError naming the file and the JSON path of each problem
 */
export function loadCatalogue(options: LoadCatalogueOptions = {}): IndicatorCatalogue {
  if (options.file === undefined && cached) return cached;
  const file = options.file ?? guidelinePath('catalogue', 'indicators.json');
  const shown = options.file ?? displayPath(file);
  const cat = readValidatedJson<IndicatorCatalogue>('catalogue', file, shown);
  checkCatalogue(cat, shown);
  if (options.file === undefined) {
    cached = cat;
    byCode = new Map(cat.indicators.map((x) => [x.code, x]));
  }
  return cat;
}

/** The indicator with catalogue code `code` (exact, case-sensitive), or `undefined`. */
export function getIndicator(code: string): Indicator | undefined {
  loadCatalogue();
  return byCode?.get(code);
}

/**
 * The indicator a publisher's series code stands for, e.g. `findIndicatorBySeries('wdi',
 * 'IT.NET.USER.ZS')` → HH7. Codes are compared case-insensitively.
 */
export function findIndicatorBySeries(system: SeriesSystem, code: string): Indicator | undefined {
  const want = code.trim().toUpperCase();
  return loadCatalogue().indicators.find((x) => x.series[system]?.toUpperCase() === want);
}

/**
 * Largest difference between two releases' values of one key of `ind` that is rounding noise, not
 * a revision: the catalogue's `revisionTolerance`, else half a unit of the last published decimal.
 */
export function revisionTolerance(ind: Indicator): number {
  return ind.revisionTolerance ?? 0.5 * 10 ** -(ind.decimals ?? 0);
}

/** Forgets the cached catalogue. */
export function clearCatalogueCache(): void {
  cached = undefined;
  byCode = undefined;
}
