/**
 * Loading and validating a composite-index configuration (guidelines/schemas/composite-index.schema.json).
 * @module
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { validateAgainstSchema } from '../../guidelines/validate.js';
import type { CompositeIndexConfig } from '../../guidelines/generated/composite-index.js';
import { InputError, SchemaError } from '../../errors.js';

export type { CompositeIndexConfig } from '../../guidelines/generated/composite-index.js';

/** Path of the composite-index JSON Schema inside the package. */
export const COMPOSITE_INDEX_SCHEMA_PATH = fileURLToPath(
  new URL('../../../guidelines/schemas/composite-index.schema.json', import.meta.url),
);

/** Path of the shipped ASEAN digital access index configuration. */
export const DEFAULT_INDEX_CONFIG_PATH = fileURLToPath(new URL('../../../guidelines/indices/asean-digital-access.json', import.meta.url));

/**
 * Validates a parsed configuration against the schema and the rules the schema cannot say
 * (goalposts present when goalposts normalisation may be drawn, lower < upper, positive goalposts
 * for a log transform, unique pillar ids and indicator codes).
 * @param doc the parsed JSON
 * @param file path for the error location
 * @throws SchemaError `SCHEMA_INVALID` with every issue and its JSON path
 */
export function validateIndexConfig(doc: unknown, file?: string): CompositeIndexConfig {
  // the guideline schema registry: the same validation as `digicge guidelines check`
  validateAgainstSchema<CompositeIndexConfig>('composite-index', doc, file);
  const cfg = doc as CompositeIndexConfig;
  const issues: { jsonPath: string; message: string }[] = [];
  const methods = new Set([cfg.normalisation, ...(cfg.uncertainty?.normalisations ?? [])]);
  const pillarIds = new Set<string>();
  const codes = new Set<string>();
  cfg.pillars.forEach((p, i) => {
    if (pillarIds.has(p.id)) issues.push({ jsonPath: `/pillars/${i}/id`, message: `duplicate pillar id ${p.id}` });
    pillarIds.add(p.id);
    p.indicators.forEach((ind, j) => {
      const at = `/pillars/${i}/indicators/${j}`;
      if (codes.has(ind.code)) issues.push({ jsonPath: `${at}/code`, message: `indicator ${ind.code} appears twice` });
      codes.add(ind.code);
      if (methods.has('goalposts') && !ind.goalposts)
        issues.push({ jsonPath: at, message: `goalposts normalisation is used but ${ind.code} has no goalposts` });
      if (ind.goalposts && !(ind.goalposts.lower < ind.goalposts.upper))
        issues.push({ jsonPath: `${at}/goalposts`, message: 'lower must be below upper' });
      if (ind.goalposts && ind.transform === 'log' && !(ind.goalposts.lower > 0))
        issues.push({ jsonPath: `${at}/goalposts/lower`, message: 'a log transform needs positive goalposts' });
    });
  });
  if (issues.length) {
    throw new SchemaError(
      `the composite-index configuration is inconsistent: ${issues.map((i) => `${i.jsonPath} ${i.message}`).join('; ')}`,
      { file, jsonPath: issues[0].jsonPath },
      issues,
    );
  }
  return cfg;
}

/**
 * Reads and validates a composite-index configuration file.
 * @throws InputError `INDEX_CONFIG_READ` (unreadable or not JSON), SchemaError
 */
export async function readIndexConfig(path: string = DEFAULT_INDEX_CONFIG_PATH): Promise<CompositeIndexConfig> {
  let doc: unknown;
  try {
    doc = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new InputError(
      'INDEX_CONFIG_READ',
      `cannot read the composite-index configuration as JSON: ${(err as Error).message}`,
      { file: path },
      { cause: err },
    );
  }
  return validateIndexConfig(doc, path);
}
