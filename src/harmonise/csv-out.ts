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
 * Where {@link writeBytesAtomic} writes: a 1 MiB buffer flushed to the file when full. Pieces go
 * in as bytes already encoded (copied), as text (encoded as UTF-8) or as non-negative integers
 * (their decimal digits), so that a writer of many similar lines encodes each repeated piece once.
 */
export class ByteSink {
  private readonly buf = Buffer.allocUnsafe(1 << 20);
  private off = 0;

  constructor(private readonly fd: number) {}

  /** Makes room for `n` more bytes (flushing); false when `n` exceeds the buffer (then write directly). */
  private room(n: number): boolean {
    if (this.off + n > this.buf.length) this.flush();
    return n <= this.buf.length;
  }

  /** Appends bytes already encoded. */
  bytes(b: Uint8Array): void {
    const n = b.length;
    if (!this.room(n)) {
      writeSync(this.fd, b);
      return;
    }
    // a few bytes are copied by hand (cheaper than a typed-array copy)
    if (n <= 16) {
      const buf = this.buf;
      let o = this.off;
      for (let k = 0; k < n; k++) buf[o++] = b[k];
      this.off = o;
      return;
    }
    this.buf.set(b, this.off);
    this.off += n;
  }

  /** Appends text, encoded as UTF-8. */
  text(t: string): void {
    if (!this.room(3 * t.length)) {
      writeSync(this.fd, t);
      return;
    }
    const n = t.length;
    const buf = this.buf;
    let o = this.off;
    // short ASCII text (numbers, codes) byte by byte; anything else through the encoder
    if (n < 32) {
      let i = 0;
      for (; i < n; i++) {
        const c = t.charCodeAt(i);
        if (c >= 0x80) break;
        buf[o++] = c;
      }
      if (i === n) {
        this.off = o;
        return;
      }
      o = this.off;
    }
    this.off = o + buf.write(t, o);
  }

  /** Appends the decimal digits of a non-negative safe integer. */
  int(x: number): void {
    if (x < 0 || x > 0xffffffff || !Number.isInteger(x)) {
      this.text(String(x));
      return;
    }
    this.room(10);
    const buf = this.buf;
    let d = 1;
    for (let y = x; y >= 10; y = Math.floor(y / 10)) d++;
    let o = this.off + d;
    this.off = o;
    let y = x;
    do {
      buf[--o] = 48 + (y % 10);
      y = Math.floor(y / 10);
    } while (y > 0);
  }

  /** Appends one ASCII byte. */
  byte(c: number): void {
    this.room(1);
    this.buf[this.off++] = c;
  }

  /** Writes what the buffer holds to the file. */
  flush(): void {
    if (this.off) writeSync(this.fd, this.buf, 0, this.off);
    this.off = 0;
  }
}

/**
 * Writes a large file atomically: it is written to a temporary file in the target's folder, which
 * is renamed over the target at the end (a reader never sees a half-written file, and the whole
 * text is never held in memory).
 * @param path target
 * @param write receives the {@link ByteSink} of the temporary file and writes into it
 */
export function writeBytesAtomic(path: string, write: (sink: ByteSink) => void): void {
  // biome-ignore lint/correctness/useYield: a writer that never pauses is a generator of no steps
  const steps = function* (sink: ByteSink) {
    write(sink);
  };
  for (const _ of writeBytesAtomicSteps(path, steps));
}

/**
 * {@link writeBytesAtomic} in steps: the generator runs `write`'s steps (it yields wherever
 * `write` yields), so that a caller can give the event loop a turn between them.
 * @param path target
 * @param write a generator function writing into the {@link ByteSink} of the temporary file
 */
export function* writeBytesAtomicSteps(path: string, write: (sink: ByteSink) => Iterable<void>): Generator<void, void> {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number;
  try {
    mkdirSync(dir, { recursive: true });
    fd = openSync(tmp, 'w');
  } catch (err) {
    throw outputWriteError(err, path);
  }
  let done = false;
  try {
    const sink = new ByteSink(fd);
    yield* write(sink);
    sink.flush();
    closeSync(fd);
    renameSync(tmp, path);
    done = true;
  } catch (err) {
    throw outputWriteError(err, path);
  } finally {
    // a failure, or a caller that stopped the steps: nothing is left behind
    if (!done) {
      try {
        closeSync(fd);
      } catch {
        /* already closed */
      }
      rmSync(tmp, { force: true });
    }
  }
}

/**
 * Writes a large text file atomically from chunks (see {@link writeBytesAtomic}): each piece is
 * encoded as UTF-8 into one 1 MiB buffer written when full; give them line by line rather than
 * joined into long strings.
 * @param path target
 * @param write receives a `put(text)` function and calls it with successive pieces
 */
export function writeChunkedAtomic(path: string, write: (put: (text: string) => void) => void): void {
  writeBytesAtomic(path, (sink) => write((text) => sink.text(text)));
}
