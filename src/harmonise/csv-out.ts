import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { csvQuote, csvText } from '../util/csv.js';
import { outputWriteError } from '../util/output-error.js';

/**
 * A text field of a CSV output, through the shared CSV writer (`src/util/csv.ts`): neutralised
 * against formula injection (text beginning with `=`, `+`, `-`, `@`, a tab or a carriage return
 * gets a leading `'`), then quoted as {@link csvField}. For every field that repeats input text
 * (provenance, reject rows, messages, codes); never for numbers.
 */
export const csvTextField: (s: string) => string = csvText;

/** Quotes a CSV field when it holds a comma, a quote or a line break (RFC 4180); no neutralisation. */
export const csvField: (s: string) => string = csvQuote;

/**
 * Writes a large text file atomically from chunks: they go to a temporary file in the target's
 * folder, which is renamed over the target at the end (a reader never sees a half-written file,
 * and the whole text is never held in memory).
 * @param path target
 * @param write receives a `put(text)` function and calls it with successive pieces
 */
export function writeChunkedAtomic(path: string, write: (put: (text: string) => void) => void): void {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number;
  try {
    mkdirSync(dir, { recursive: true });
    fd = openSync(tmp, 'w');
  } catch (err) {
    throw outputWriteError(err, path);
  }
  let buf = '';
  try {
    write((text) => {
      buf += text;
      if (buf.length > 1 << 20) {
        writeSync(fd, buf);
        buf = '';
      }
    });
    if (buf) writeSync(fd, buf);
    closeSync(fd);
    renameSync(tmp, path);
  } catch (err) {
    try {
      closeSync(fd);
    } catch {
      /* already closed */
    }
    rmSync(tmp, { force: true });
    throw outputWriteError(err, path);
  }
}
