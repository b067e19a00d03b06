import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { neutraliseFormula } from '../util/neutralise.js';

/**
 * A text field of a CSV output: neutralised against formula injection (text beginning with `=`,
 * `+`, `-`, `@`, a tab or a carriage return gets a leading `'`), then quoted as {@link csvField}.
 * For fields that repeat input text (reject rows, messages, codes); never for numbers.
 */
export function csvTextField(s: string): string {
  return csvField(neutraliseFormula(s));
}

/** Quotes a CSV field when it holds a comma, a quote or a line break (RFC 4180). */
export function csvField(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 44 || c === 34 || c === 10 || c === 13) return `"${s.replace(/"/g, '""')}"`;
  }
  return s;
}

/**
 * Writes a large text file atomically from chunks: they go to a temporary file in the target's
 * folder, which is renamed over the target at the end (a reader never sees a half-written file,
 * and the whole text is never held in memory).
 * @param path target
 * @param write receives a `put(text)` function and calls it with successive pieces
 */
export function writeChunkedAtomic(path: string, write: (put: (text: string) => void) => void): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'w');
  let buf = '';
  try {
    write((text) => {
      buf += text;
      if (buf.length > 1 << 20) { writeSync(fd, buf); buf = ''; }
    });
    if (buf) writeSync(fd, buf);
    closeSync(fd);
    renameSync(tmp, path);
  } catch (err) {
    try { closeSync(fd); } catch { /* already closed */ }
    rmSync(tmp, { force: true });
    throw err;
  }
}
