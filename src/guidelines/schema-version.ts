/**
 * The versions of the files users write. A source mapping, a CGE scenario, a digital-divide scenario
 * and a composite-index configuration are interfaces: a file written today must mean the same to a
 * later digicge, or be refused with a clear message. Each such file may state the version of its
 * format in a top-level `"schemaVersion"` (an integer; a file without one is version 1). The version
 * this digicge reads is the `maximum` of `schemaVersion` in the file's JSON Schema
 * (guidelines/schemas/<kind>.schema.json), the one place it is written. A file of a newer version is
 * refused (`SCHEMA_VERSION_NEWER`); when a format changes, its version goes up, the CHANGELOG says
 * what changed, and a `digicge <kind> upgrade` command rewrites older files.
 * @module
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import { guidelinePath } from './paths.js';

/** The user-written file kinds, by the name of the JSON Schema that validates them. */
export const USER_FILE_KINDS = ['source-mapping', 'scenario', 'digital-scenario', 'composite-index'] as const;
/** One of {@link USER_FILE_KINDS}. */
export type UserFileKind = (typeof USER_FILE_KINDS)[number];

const versions = new Map<string, number>();

/** The `schemaVersion` this digicge reads for a kind of file (from its JSON Schema). */
export function currentSchemaVersion(kind: UserFileKind): number {
  let v = versions.get(kind);
  if (v === undefined) {
    const schema = JSON.parse(readFileSync(guidelinePath('schemas', `${kind}.schema.json`), 'utf8')) as {
      properties?: { schemaVersion?: { maximum?: unknown } };
    };
    const max = schema.properties?.schemaVersion?.maximum;
    if (typeof max !== 'number') throw new Error(`guidelines/schemas/${kind}.schema.json declares no schemaVersion maximum`);
    versions.set(kind, (v = max));
  }
  return v;
}

/** Whether a schema name or `$id` is that of a user-written file kind. */
export function isUserFileKind(schemaId: string): schemaId is UserFileKind {
  return (USER_FILE_KINDS as readonly string[]).includes(schemaId);
}

/**
 * The `schemaVersion` of a user-written document (1 when absent), after checking that this digicge
 * reads it. A value that is not an integer ≥ 1 is left to the schema validation that follows.
 * @param kind the file kind
 * @param doc the parsed JSON document (an array of documents: each is checked)
 * @param file the file, named in the error
 * @throws InputError `SCHEMA_VERSION_NEWER` when the file was written for a newer version of its format
 */
export function checkSchemaVersion(kind: UserFileKind, doc: unknown, file?: string): number {
  if (Array.isArray(doc)) return Math.max(1, ...doc.map((d) => checkSchemaVersion(kind, d, file)));
  const v = doc !== null && typeof doc === 'object' ? (doc as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (!Number.isInteger(v)) return 1;
  const current = currentSchemaVersion(kind);
  if ((v as number) > current) {
    throw new InputError(
      'SCHEMA_VERSION_NEWER',
      `this ${kind} file has schemaVersion ${v}, written for a newer digicge; this digicge reads ${kind} files up to version ${current}: upgrade digicge`,
      { ...(file !== undefined ? { file } : {}), jsonPath: '/schemaVersion' },
    );
  }
  return v as number;
}
