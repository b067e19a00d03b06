import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { SchemaError, UsageError } from '../errors.js';
import { readJsonFile } from './json-file.js';
import { displayPath, guidelinePath } from './paths.js';

/** Base of the `$id` of every guideline schema: `${SCHEMA_ID_BASE}<name>.schema.json`. */
export const SCHEMA_ID_BASE = 'https://digicge.org/schemas/';

/** One schema violation: where (JSON Pointer into the document) and what. */
export interface SchemaIssue {
  /** JSON Pointer to the offending value, e.g. `/indicators/3/unit` (`` for the document root). */
  jsonPath: string;
  /** What was expected, for a person. */
  message: string;
}

interface Registry {
  ajv: Ajv2020;
  /** short name (`catalogue`) → `$id` */
  ids: Map<string, string>;
  compiled: Map<string, ValidateFunction>;
}

let registry: Registry | undefined;

// ajv-formats is CommonJS; under NodeNext its default export is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv2020,
) => Ajv2020;

function loadRegistry(): Registry {
  if (registry) return registry;
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictTuples: false, strictRequired: false, allowUnionTypes: true });
  addFormats(ajv);
  const dir = guidelinePath('schemas');
  const ids = new Map<string, string>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.schema.json')).sort()) {
    const file = join(dir, f);
    const schema = readJsonFile(file, displayPath(file)) as { $id?: unknown };
    const name = f.replace(/\.schema\.json$/, '');
    const id = typeof schema.$id === 'string' ? schema.$id : `${SCHEMA_ID_BASE}${f}`;
    try {
      ajv.addSchema(schema as object, id);
    } catch (err) {
      throw new SchemaError(`schema ${displayPath(file)} cannot be loaded: ${(err as Error).message}`, { file: displayPath(file) }, [
        { jsonPath: '', message: (err as Error).message },
      ]);
    }
    ids.set(name, id);
  }
  registry = { ajv, ids, compiled: new Map() };
  return registry;
}

/** Names (`catalogue`, `codelist`, …) of every schema in `guidelines/schemas/`, sorted. */
export function schemaNames(): string[] {
  return [...loadRegistry().ids.keys()].sort();
}

/** The full `$id` of a schema given its short name (`catalogue`), file name or `$id`. */
export function schemaIdOf(schemaId: string): string {
  const reg = loadRegistry();
  const short = schemaId.replace(/^.*\//, '').replace(/\.schema\.json$/, '');
  const id = reg.ids.get(schemaId) ?? reg.ids.get(short) ?? ([...reg.ids.values()].includes(schemaId) ? schemaId : undefined);
  if (!id) {
    throw new UsageError('SCHEMA_UNKNOWN', `unknown schema "${schemaId}"; known: ${schemaNames().join(', ')}`);
  }
  return id;
}

function compiled(schemaId: string): ValidateFunction {
  const reg = loadRegistry();
  const id = schemaIdOf(schemaId);
  let fn = reg.compiled.get(id);
  if (!fn) {
    const got = reg.ajv.getSchema(id);
    if (!got) throw new UsageError('SCHEMA_UNKNOWN', `schema ${id} is not loaded`);
    fn = got;
    reg.compiled.set(id, fn);
  }
  return fn;
}

function issueOf(e: ErrorObject): SchemaIssue {
  let path = e.instancePath;
  const p = e.params as Record<string, unknown>;
  let message = e.message ?? 'is invalid';
  if (e.keyword === 'required' && typeof p.missingProperty === 'string') {
    path = `${path}/${p.missingProperty}`;
    message = 'is required but missing';
  } else if (e.keyword === 'additionalProperties' && typeof p.additionalProperty === 'string') {
    path = `${path}/${p.additionalProperty}`;
    message = 'is not an allowed property here';
  } else if (e.keyword === 'enum' && Array.isArray(p.allowedValues)) {
    message = `must be one of ${p.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return { jsonPath: path, message };
}

/**
 * Validates `value` against a guideline schema and returns the problems, or `null` when it is valid.
 * Every schema of `guidelines/schemas/` is loaded together, so `$ref`s between them resolve.
 * @param schemaId short name (`catalogue`, `source-mapping`), file name or full `$id`
 * @param value parsed JSON
 * @param file the file the value came from, named in the error
 */
export function checkAgainstSchema(schemaId: string, value: unknown, file?: string): SchemaError | null {
  const fn = compiled(schemaId);
  if (fn(value)) return null;
  const seen = new Set<string>();
  const issues: SchemaIssue[] = [];
  for (const e of fn.errors ?? []) {
    // if/then wrappers repeat the inner error: keep the specific ones
    if (e.keyword === 'if') continue;
    const issue = issueOf(e);
    const key = `${issue.jsonPath}\u0000${issue.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(issue);
    }
  }
  issues.sort((a, b) => (a.jsonPath < b.jsonPath ? -1 : a.jsonPath > b.jsonPath ? 1 : a.message < b.message ? -1 : 1));
  const first = issues[0] ?? { jsonPath: '', message: 'is invalid' };
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more issue${issues.length > 2 ? 's' : ''})` : '';
  const name = schemaIdOf(schemaId).replace(SCHEMA_ID_BASE, '');
  return new SchemaError(
    `${file ?? 'document'} does not satisfy ${name}: ${first.jsonPath || '/'} ${first.message}${more}`,
    { file, jsonPath: first.jsonPath },
    issues,
  );
}

/**
 * Validates `value` against a guideline schema and returns it typed, or throws a {@link SchemaError}
 * whose `issues` list every violation with its JSON path (the location names the first).
 * @param schemaId short name (`catalogue`, `codelist`, `source-mapping`…), file name or full `$id`
 * @param value parsed JSON
 * @param file the file the value came from, named in the error
 */
export function validateAgainstSchema<T = unknown>(schemaId: string, value: unknown, file?: string): T {
  const err = checkAgainstSchema(schemaId, value, file);
  if (err) throw err;
  return value as T;
}

/**
 * Reads a JSON file and validates it against a guideline schema (see {@link validateAgainstSchema}).
 * @param schemaId schema short name or `$id`
 * @param file path of the JSON file
 * @param shown path to name in messages (defaults to `file`)
 */
export function readValidatedJson<T = unknown>(schemaId: string, file: string, shown: string = file): T {
  return validateAgainstSchema<T>(schemaId, readJsonFile(file, shown), shown);
}

/** Forgets the loaded schemas (tests; or after schemas changed on disk). */
export function resetSchemaRegistry(): void {
  registry = undefined;
}
