import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { outputWriteError } from './output-error.js';

/**
 * Writes a file atomically: the content goes to a temporary file in the same folder, which is then
 * renamed over the target, so a reader never sees a half-written output. Parent folders are created.
 * @param path target path
 * @param data file content (strings are written as UTF-8)
 * @throws OutputError `OUTPUT_NOT_WRITABLE` naming `path` when a parent is a file, the folder is
 *   read-only or the disk is full (nothing is left behind)
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    throw outputWriteError(err, path);
  }
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw outputWriteError(err, path);
  }
}
