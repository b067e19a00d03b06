import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, resolve, sep } from 'node:path';
import { displayPath } from '../guidelines/paths.js';
import { InputError, SchemaError } from '../errors.js';
import { hasCodeInList, loadCodeList, validateAgainstSchema } from '../guidelines/index.js';
import type { SourceMapping } from '../guidelines/generated/source-mapping.js';

export type { SourceMapping } from '../guidelines/generated/source-mapping.js';

/** A mapping file read and validated, with its paths resolved. */
export interface LoadedMapping {
  /** The validated mapping. */
  mapping: SourceMapping;
  /** Path of the mapping file as the user gave it (PROV_MAPPING). */
  path: string;
  /** Absolute folder of the mapping file (paths in the mapping are relative to it). */
  dir: string;
  /** Absolute path of the data file. */
  dataPath: string;
  /** Data file path shown in locations and provenance: the mapping's folder joined with `file`. */
  dataShown: string;
}

/** Turns OS separators into `/` so that provenance reads the same on every system. */
export function slashPath(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

/**
 * Checks a mapping object against `guidelines/schemas/source-mapping.schema.json` and the rules a
 * schema cannot say (year-column pattern compiles, an indicator is given for every value).
 * @param value parsed JSON
 * @param shown file name for locations
 * @throws SchemaError with the JSON path of each violation
 */
export function validateMapping(value: unknown, shown: string): SourceMapping {
  const m = validateAgainstSchema<SourceMapping>('source-mapping', value, shown);
  const fail = (jsonPath: string, message: string): never => {
    throw new SchemaError(`${shown}: ${message}`, { file: shown, jsonPath }, [{ jsonPath, message }]);
  };
  const hasIndDim = m.dimensions.INDICATOR !== undefined;
  if (m.layout.type === 'wide') {
    try { new RegExp(m.layout.timeColumns); } catch { fail('/layout/timeColumns', 'is not a valid regular expression'); }
    if (!hasIndDim && !m.layout.indicator) fail('/layout', 'a wide layout needs layout.indicator or dimensions.INDICATOR');
  } else {
    m.layout.valueColumns.forEach((v, i) => { if (!v.indicator && !hasIndDim) fail(`/layout/valueColumns/${i}`, 'needs an indicator, or dimensions.INDICATOR'); });
    if (!m.dimensions.TIME_PERIOD) fail('/dimensions', 'a long layout needs dimensions.TIME_PERIOD');
  }
  const mults: [string, number | undefined][] = [['/unit/mult', m.unit.mult]];
  if (m.layout.type === 'long') m.layout.valueColumns.forEach((v, i) => mults.push([`/layout/valueColumns/${i}/unit/mult`, v.unit?.mult]));
  for (const [jsonPath, mult] of mults) {
    if (mult !== undefined && !hasCodeInList('CL_UNIT_MULT', String(mult))) fail(jsonPath, `UNIT_MULT ${mult} is not a CL_UNIT_MULT code (${loadCodeList('CL_UNIT_MULT').codes.map((c) => c.id).join(', ')})`);
  }
  for (const [k, d] of Object.entries(m.dimensions)) {
    if (k !== 'REF_AREA' && (d.system !== undefined || d.nameSource !== undefined)) fail(`/dimensions/${k}`, 'system and nameSource apply to REF_AREA only');
  }
  return m;
}

/**
 * Reads and validates a mapping file; the data file is resolved relative to it. Paths inside the
 * package are shown relative to its root, so that provenance does not depend on where it is installed.
 * @param path mapping path as the user gave it
 * @throws InputError `FILE_NOT_FOUND`, `JSON_INVALID`; SchemaError `SCHEMA_INVALID` with JSON paths
 */
export function loadMapping(path: string): LoadedMapping {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new InputError('FILE_NOT_FOUND', `cannot read mapping ${path}: ${(err as Error).message}`, { file: path }, { cause: err });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new InputError('JSON_INVALID', `mapping ${path} is not valid JSON: ${(err as Error).message}`, { file: path }, { cause: err });
  }
  const mapping = validateMapping(value, path);
  return {
    mapping,
    path: isAbsolute(path) ? displayPath(path) : slashPath(path),
    dir: resolve(dirname(path)),
    dataPath: resolve(dirname(path), mapping.file),
    dataShown: isAbsolute(path) ? displayPath(resolve(dirname(path), mapping.file)) : slashPath(normalize(join(dirname(path), mapping.file))),
  };
}
