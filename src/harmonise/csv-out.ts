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
 * and the whole text is never held in memory). Pieces are encoded as UTF-8 into a 1 MiB buffer
 * written when full; give them line by line rather than joined into long strings.
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
  // each piece is encoded straight into one buffer: no long string is built, little garbage
  const buf = Buffer.allocUnsafe(1 << 20);
  let off = 0;
  try {
    write((text) => {
      if (off + 3 * text.length > buf.length) {
        writeSync(fd, buf, 0, off);
        off = 0;
        if (3 * text.length > buf.length) {
          writeSync(fd, text);
          return;
        }
      }
      off += buf.write(text, off);
    });
    if (off) writeSync(fd, buf, 0, off);
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
