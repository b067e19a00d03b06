import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { SchemaError, UsageError } from '../errors.js';
import { readJsonFile } from './json-file.js';
import { displayPath, guidelinePath } from './paths.js';
import { checkSchemaVersion, isUserFileKind } from './schema-version.js';

/** Base of the `$id` of every guideline schema: `${SCHEMA_ID_BASE}<name>.schema.json`. */
export const SCHEMA_ID_BASE = 'https://digicge.org/schemas/';

/** One schema violation: where (JSON Pointer into the document) and what. */
export interface SchemaIssue {
  /** JSON Pointer to the offending value, e.g. `/indicators/3/unit` (`` for the document root). */
  jsonPath: string;
  /** What was expected, for a person. */
  message: string;
}

// ajv-formats is CommonJS; under NodeNext its default export is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

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
 * Every JSON Schema (2020-12, with formats) of one folder, loaded together so that `$ref`s between
 * them resolve. A schema that cannot be loaded or compiled does not take the others down: using it
 * throws a {@link SchemaError} naming its file.
 */
export class SchemaRegistry {
  private readonly ajv: Ajv2020;
  private readonly ids = new Map<string, string>();
  private readonly files = new Map<string, string>();
  private readonly failed = new Map<string, SchemaError>();
  private readonly compiled = new Map<string, ValidateFunction>();

  /** @param dir folder holding `<name>.schema.json` files */
  constructor(readonly dir: string) {
    this.ajv = new Ajv2020({
      allErrors: true,
      strict: true,
      strictTypes: false,
      strictTuples: false,
      strictRequired: false,
      allowUnionTypes: true,
    });
    addFormats(this.ajv);
    for (const f of readdirSync(dir)
      .filter((n) => n.endsWith('.schema.json'))
      .sort()) {
      const file = join(dir, f);
      const shown = displayPath(file);
      const name = f.replace(/\.schema\.json$/, '');
      try {
        const schema = readJsonFile(file, shown) as { $id?: unknown };
        const id = typeof schema.$id === 'string' ? schema.$id : `${SCHEMA_ID_BASE}${f}`;
        this.ajv.addSchema(schema as object, id);
        this.ids.set(name, id);
        this.files.set(id, shown);
      } catch (err) {
        const message = (err as Error).message;
        this.failed.set(
          name,
          new SchemaError(`schema ${shown} cannot be loaded: ${message}`, { file: shown }, [{ jsonPath: '', message }]),
        );
      }
    }
  }

  /** Short names (`catalogue`, `codelist`, …) of the schemas that loaded, sorted. */
  names(): string[] {
    return [...this.ids.keys()].sort();
  }

  /** Schemas that could not be loaded: short name → the error naming the file. */
  broken(): ReadonlyMap<string, SchemaError> {
    return this.failed;
  }

  /** The full `$id` of a schema given its short name (`catalogue`), file name or `$id`. */
  idOf(schemaId: string): string {
    const short = schemaId.replace(/^.*\//, '').replace(/\.schema\.json$/, '');
    const broken = this.failed.get(schemaId) ?? this.failed.get(short);
    if (broken) throw broken;
    const id = this.ids.get(schemaId) ?? this.ids.get(short) ?? ([...this.ids.values()].includes(schemaId) ? schemaId : undefined);
    if (!id) throw new UsageError('SCHEMA_UNKNOWN', `unknown schema "${schemaId}"; known: ${this.names().join(', ')}`);
    return id;
  }

  private validator(schemaId: string): ValidateFunction {
    const id = this.idOf(schemaId);
    let fn = this.compiled.get(id);
    if (!fn) {
      let got: ValidateFunction | undefined;
      try {
        got = this.ajv.getSchema(id);
      } catch (err) {
        const shown = this.files.get(id) ?? id;
        const message = (err as Error).message;
        throw new SchemaError(`schema ${shown} cannot be compiled: ${message}`, { file: shown }, [{ jsonPath: '', message }]);
      }
      if (!got) throw new UsageError('SCHEMA_UNKNOWN', `schema ${id} is not loaded`);
      fn = got;
      this.compiled.set(id, fn);
    }
    return fn;
  }

  /** Compiles a schema now (strict-mode problems, unresolved `$ref`s), throwing a SchemaError naming its file. */
  compile(schemaId: string): void {
    this.validator(schemaId);
  }

  /**
   * Validates `value`; returns `null` when valid, else a SchemaError listing every issue with its
   * JSON path, sorted by path (the location names the first).
   */
  check(schemaId: string, value: unknown, file?: string): SchemaError | null {
    const fn = this.validator(schemaId);
    if (fn(value)) return null;
    const seen = new Set<string>();
    const issues: SchemaIssue[] = [];
    for (const e of fn.errors ?? []) {
      if (e.keyword === 'if') continue; // if/then wrappers repeat the inner error
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
    const name = this.idOf(schemaId).replace(SCHEMA_ID_BASE, '');
    return new SchemaError(
      `${file ?? 'document'} does not satisfy ${name}: ${first.jsonPath || '/'} ${first.message}${more}`,
      { file, jsonPath: first.jsonPath },
      issues,
    );
  }
}

let registry: SchemaRegistry | undefined;

/** The registry of `guidelines/schemas/` (built on first use). */
export function schemaRegistry(): SchemaRegistry {
  return (registry ??= new SchemaRegistry(guidelinePath('schemas')));
}

/** Names (`catalogue`, `codelist`, …) of every loadable schema in `guidelines/schemas/`, sorted. */
export function schemaNames(): string[] {
  return schemaRegistry().names();
}

/** Schemas of `guidelines/schemas/` that could not be loaded: short name → the error naming the file. */
export function brokenSchemas(): ReadonlyMap<string, SchemaError> {
  return schemaRegistry().broken();
}

/** The full `$id` of a guideline schema given its short name (`catalogue`), file name or `$id`. */
export function schemaIdOf(schemaId: string): string {
  return schemaRegistry().idOf(schemaId);
}

/**
 * Validates `value` against a guideline schema and returns the problems, or `null` when it is valid.
 * Every schema of `guidelines/schemas/` is loaded together, so `$ref`s between them resolve.
 * @param schemaId short name (`catalogue`, `source-mapping`), file name or full `$id`
 * @param value parsed JSON
 * @param file the file the value came from, named in the error
 */
export function checkAgainstSchema(schemaId: string, value: unknown, file?: string): SchemaError | null {
  return schemaRegistry().check(schemaId, value, file);
}

/**
 * Validates `value` against a guideline schema and returns it typed, or throws a {@link SchemaError}
 * whose `issues` list every violation with its JSON path (the location names the first). A user-written
 * file (see {@link checkSchemaVersion}) of a newer format version is refused first.
 * @param schemaId short name (`catalogue`, `codelist`, `source-mapping`…), file name or full `$id`
 * @param value parsed JSON
 * @param file the file the value came from, named in the error
 */
export function validateAgainstSchema<T = unknown>(schemaId: string, value: unknown, file?: string): T {
  if (isUserFileKind(schemaId)) checkSchemaVersion(schemaId, value, file);
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

/** Forgets the loaded schemas (after schemas changed on disk). */
export function resetSchemaRegistry(): void {
  registry = undefined;
}
