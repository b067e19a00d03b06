import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { DatasetMetadata, SourceFile } from './generated/dataset.js';
import { validateAgainstSchema } from './validate.js';

export type { CreatedBy, DatasetMetadata, SourceFile } from './generated/dataset.js';

/** SHA-256 of bytes, as 64 lower-case hex digits. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * SHA-256 of a file's exact bytes (no decoding, no line-end normalisation), for
 * {@link SourceFile.sha256}.
 * @throws InputError `FILE_NOT_FOUND` when the file cannot be read
 */
export function sha256File(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new InputError('FILE_NOT_FOUND', `cannot read ${path}: ${(err as Error).message}`, { file: path }, { cause: err });
  }
  return sha256Hex(bytes);
}

/**
 * A {@link SourceFile} record for a file read by a pipeline step: its path as given and the
 * SHA-256 of its bytes, plus any publisher, release, origin or licence facts passed in.
 * @param path the file
 * @param facts the other fields of the record
 */
export function describeSourceFile(path: string, facts: Omit<SourceFile, 'path' | 'sha256'> = {}): SourceFile {
  return { ...facts, path, sha256: sha256File(path) };
}

/** JSON with object keys sorted at every level and two-space indentation, ending in a newline. */
export function stableJson(value: unknown): string {
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      return Object.fromEntries(
        Object.keys(o)
          .sort()
          .filter((k) => o[k] !== undefined)
          .map((k) => [k, sortKeys(o[k])]),
      );
    }
    return v;
  };
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

/**
 * Validates dataset metadata against `dataset.schema.json` and writes it atomically as stable JSON
 * (sorted keys: the same metadata gives the same bytes).
 * @throws SchemaError with the JSON path of every problem
 */
export async function writeDatasetMetadata(path: string, meta: DatasetMetadata): Promise<void> {
  validateAgainstSchema('dataset', meta, path);
  await writeFileAtomic(path, stableJson(meta));
}
