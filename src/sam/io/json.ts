import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { InputError, SchemaError } from '../../errors.js';
import type { SamDocument } from '../../guidelines/generated/sam.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { Sam, type SamOptions, type SamProvenanceEntry } from '../sam.js';

/** Path of the SAM document schema, relative to the package root. */
export const SAM_SCHEMA_PATH = 'guidelines/schemas/sam.schema.json';

let validator: (((doc: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null }) | undefined;

function validate(doc: unknown): { jsonPath: string; message: string }[] {
  if (!validator) {
    const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../../..', SAM_SCHEMA_PATH), 'utf8')) as object;
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    validator = ajv.compile(schema);
  }
  if (validator(doc)) return [];
  return (validator.errors ?? []).map((e) => ({ jsonPath: e.instancePath || '/', message: e.message ?? 'invalid' }));
}

/**
 * Parses a SAM JSON document (schema `guidelines/schemas/sam.schema.json`): accounts with their
 * groups, the matrix as rows of numbers, unit and provenance. Schema violations throw a
 * {@link SchemaError} listing every issue with its JSON path; a matrix that is not n×n throws
 * `SAM_NOT_SQUARE` at the offending row.
 */
export function parseSamJson(text: string, options: Pick<SamOptions, 'file'> = {}): Sam {
  const file = options.file;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new InputError('JSON_MALFORMED', `not readable as JSON: ${(err as Error).message}`, file !== undefined ? { file } : undefined, {
      cause: err,
    });
  }
  const issues = validate(doc);
  if (issues.length > 0) {
    throw new SchemaError(
      `not a SAM document: ${issues[0].jsonPath} ${issues[0].message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`,
      { ...(file !== undefined ? { file } : {}), jsonPath: issues[0].jsonPath },
      issues,
    );
  }
  const d = doc as SamDocument;
  const n = d.accounts.length;
  if (d.values.length !== n) {
    throw new InputError('SAM_NOT_SQUARE', `${n} accounts but ${d.values.length} rows of values`, {
      ...(file !== undefined ? { file } : {}),
      jsonPath: '/values',
    });
  }
  const values = new Float64Array(n * n);
  d.values.forEach((row, r) => {
    if (row.length !== n) {
      throw new InputError('SAM_NOT_SQUARE', `row ${r} has ${row.length} values, expected ${n}`, {
        ...(file !== undefined ? { file } : {}),
        jsonPath: `/values/${r}`,
        account: d.accounts[r].label,
      });
    }
    values.set(row, r * n);
  });
  return new Sam(d.accounts, values, {
    ...(file !== undefined ? { file } : {}),
    ...(d.unit !== undefined ? { unit: d.unit } : {}),
    provenance: (d.provenance ?? []) as SamProvenanceEntry[],
  });
}

/** Reads a SAM JSON document; see {@link parseSamJson}. */
export async function readSamJson(path: string, options: Pick<SamOptions, 'file'> = {}): Promise<Sam> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new InputError('FILE_UNREADABLE', `cannot read the file: ${(err as Error).message}`, { file: path }, { cause: err });
  }
  return parseSamJson(text, { file: path, ...options });
}

/** Formats a SAM as a JSON document (fixed key order, one matrix row per line, `-0` as 0). */
export function formatSamJson(sam: Sam): string {
  const n = sam.n;
  const rows: string[] = [];
  for (let r = 0; r < n; r++) {
    const row = Array.from(sam.values.subarray(r * n, (r + 1) * n), (v) => (Object.is(v, -0) ? 0 : v));
    rows.push(`    ${JSON.stringify(row)}`);
  }
  const head: SamDocument = {
    format: 'digicge-sam',
    version: 1,
    ...(sam.unit !== undefined ? { unit: sam.unit } : {}),
    accounts: sam.accounts.map((a) => ({ label: a.label, group: a.group })),
    values: [],
    ...(sam.provenance.length > 0 ? { provenance: sam.provenance.map((p) => ({ ...p })) as SamDocument['provenance'] } : {}),
  };
  const text = JSON.stringify(head, null, 2);
  return `${text.replace('"values": []', `"values": [\n${rows.join(',\n')}\n  ]`)}\n`;
}

/** Writes a SAM JSON document atomically; see {@link formatSamJson}. */
export async function writeSamJson(path: string, sam: Sam): Promise<void> {
  await writeFileAtomic(path, formatSamJson(sam));
}
