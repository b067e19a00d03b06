import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, resolve, sep } from 'node:path';
import { displayPath } from '../guidelines/paths.js';
import { InputError, SchemaError } from '../errors.js';
import { validateAgainstSchema } from '../guidelines/index.js';
import type { SourceMapping } from '../guidelines/generated/source-mapping.js';
import { mappingIssues } from './mapping-rules.js';

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
 * schema cannot say ({@link mappingIssues}: priority or source class, dimensions of the guideline,
 * codes of their code lists, a period for every value, named groups that are dimensions).
 * @param value parsed JSON
 * @param shown file name for locations
 * @throws SchemaError with the JSON path of each violation
 */
export function validateMapping(value: unknown, shown: string): SourceMapping {
  const m = validateAgainstSchema<SourceMapping>('source-mapping', value, shown);
  const issues = mappingIssues(m);
  if (issues.length) {
    const first = issues[0];
    throw new SchemaError(
      `${shown}: ${first.jsonPath} ${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`,
      { file: shown, jsonPath: first.jsonPath },
      issues,
    );
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
    dataShown: isAbsolute(path)
      ? displayPath(resolve(dirname(path), mapping.file))
      : slashPath(normalize(join(dirname(path), mapping.file))),
  };
}
