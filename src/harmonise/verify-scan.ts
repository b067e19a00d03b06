import { closeSync, openSync, readSync } from 'node:fs';
import { OutputError } from '../errors.js';

/** A record of {@link scanCsvFile}: the bytes of its fields, unquoted on demand. */
export interface ScannedRecord {
  /** 1-based physical line where the record starts. */
  line: number;
  /** Number of fields. */
  count: number;
  /** Whether field `k` equals field `k` of `other` (same bytes once unquoted). */
  same(k: number, other: ScannedRecord): boolean;
  /** -1, 0 or 1: field `k` against field `k` of `other` in code-unit order. */
  compare(k: number, other: ScannedRecord): number;
  /** Field `k` as text (unquoted). */
  text(k: number): string;
  /** Whether field `k` is empty or a number (`Number(text)` finite), without building its text when plain. */
  emptyOrNumber(k: number): boolean;
  /**
   * Copies this record into `into` (made by {@link emptyRecord}), which stays valid after the
   * scanner moves on; with `fields`, only the first `fields` fields (the copy has that many).
   */
  copyTo(into: ScannedRecord, fields?: number): void;
}

class Rec implements ScannedRecord {
  line = 0;
  count = 0;
  constructor(
    public buf: Buffer,
    /** start, end (exclusive) and quoted flag of each field */
    public at: Int32Array,
  ) {}

  private raw(k: number): Buffer {
    return this.buf.subarray(this.at[3 * k], this.at[3 * k + 1]);
  }

  text(k: number): string {
    const t = this.raw(k).toString('utf8');
    return this.at[3 * k + 2] ? t.slice(1, -1).replace(/""/g, '"') : t;
  }

  same(k: number, o: ScannedRecord): boolean {
    const b = o as Rec;
    if (this.at[3 * k + 2] || b.at[3 * k + 2]) return this.text(k) === b.text(k);
    return this.bytes(k, b) === 2;
  }

  /**
   * Field `k` of this record against field `k` of `b` byte by byte: -1, 0 or 1 by bytes, or 2
   * when equal; 3 when a byte above 0x7f decides (then bytes and code units may disagree).
   */
  private bytes(k: number, b: Rec): number {
    const x = this.buf,
      y = b.buf;
    let i = this.at[3 * k];
    const ie = this.at[3 * k + 1];
    let j = b.at[3 * k];
    const je = b.at[3 * k + 1];
    for (; i < ie && j < je; i++, j++) {
      const p = x[i],
        q = y[j];
      if (p !== q) return p >= 0x80 || q >= 0x80 ? 3 : p < q ? -1 : 1;
    }
    return i < ie ? 1 : j < je ? -1 : 2;
  }

  compare(k: number, o: ScannedRecord): number {
    const b = o as Rec;
    // plain fields compare by bytes as by code units while the bytes are ASCII; anything else as text
    if (!this.at[3 * k + 2] && !b.at[3 * k + 2]) {
      const c = this.bytes(k, b);
      if (c !== 3) return c === 2 ? 0 : c;
    }
    const s = this.text(k),
      t = b.text(k);
    return s < t ? -1 : s > t ? 1 : 0;
  }

  emptyOrNumber(k: number): boolean {
    const s = this.at[3 * k],
      e = this.at[3 * k + 1];
    if (s === e) return true;
    if (!this.at[3 * k + 2] && plainDecimal(this.buf, s, e)) return true;
    const t = this.text(k);
    return t === '' || Number.isFinite(Number(t));
  }

  copyTo(into: ScannedRecord, fields = this.count): void {
    const r = into as Rec;
    const count = Math.min(fields, this.count);
    const base = this.at[0];
    const bytes = count > 0 ? this.at[3 * count - 2] - base : 0;
    if (r.buf.length < bytes) r.buf = Buffer.allocUnsafe(Math.max(bytes, 2 * r.buf.length));
    if (r.at.length < 3 * count) r.at = new Int32Array(3 * count);
    this.buf.copy(r.buf, 0, base, base + bytes);
    for (let j = 0; j < 3 * count; j += 3) {
      r.at[j] = this.at[j] - base;
      r.at[j + 1] = this.at[j + 1] - base;
      r.at[j + 2] = this.at[j + 2];
    }
    r.count = count;
    r.line = this.line;
  }
}

/** A record to copy scanned records into ({@link ScannedRecord.copyTo}). */
export function emptyRecord(): ScannedRecord {
  return new Rec(Buffer.allocUnsafe(1024), new Int32Array(3 * 64));
}

/** `-?digits(.digits)?` — the common shape of a written OBS_VALUE, certainly a finite number. */
function plainDecimal(b: Buffer, start: number, end: number): boolean {
  let i = b[start] === 45 ? start + 1 : start;
  const d0 = i;
  while (i < end && b[i] >= 48 && b[i] <= 57) i++;
  if (i === d0) return false;
  if (i === end) return true;
  if (b[i] !== 46) return false;
  const f0 = ++i;
  while (i < end && b[i] >= 48 && b[i] <= 57) i++;
  return i > f0 && i === end;
}

/**
 * Reads a CSV file that digicge wrote (comma-separated, `"` quotes doubled inside quoted fields,
 * LF or CRLF line ends) record by record straight from its bytes, in chunks: no string is built
 * for a field unless asked for, so reading back a million-row output costs a scan of its bytes.
 * Blank lines are skipped, as the ingest reader does.
 * @param path the file
 * @param onRecord called for each record (the header first); the record is valid during the call only
 * @param chunkBytes bytes read at a time (default 4 MiB; small in tests, so that records cross chunks)
 * @throws OutputError `OUTPUT_LEDGER_MISMATCH` at a quote that is never closed or is followed by something else than a delimiter or a line end
 */
export function scanCsvFile(path: string, onRecord: (r: ScannedRecord) => void, chunkBytes = 4 << 20): void {
  for (const _ of scanCsvChunks(path, onRecord, chunkBytes));
}

/**
 * {@link scanCsvFile} one chunk at a time: the generator yields after the records of each chunk,
 * so that a caller can give the event loop a turn between chunks (the database is built meanwhile).
 * @param path the file
 * @param onRecord called for each record (the header first); the record is valid during the call only
 * @param chunkBytes bytes read at a time
 * @throws OutputError `OUTPUT_LEDGER_MISMATCH` as {@link scanCsvFile}
 */
export function* scanCsvChunks(path: string, onRecord: (r: ScannedRecord) => void, chunkBytes = 4 << 20): Generator<void, void> {
  const fd = openSync(path, 'r');
  let buf = Buffer.allocUnsafe(chunkBytes);
  let len = 0;
  let line = 1;
  let at = new Int32Array(3 * 64);
  try {
    let eof = false;
    let pos = 0;
    for (;;) {
      // keep the unfinished record and read more
      if (!eof) {
        if (pos > 0) {
          buf.copy(buf, 0, pos, len);
          len -= pos;
          pos = 0;
        }
        if (len === buf.length) {
          const bigger = Buffer.allocUnsafe(buf.length * 2);
          buf.copy(bigger, 0, 0, len);
          buf = bigger;
        }
        const n = readSync(fd, buf, len, buf.length - len, null);
        if (n === 0) eof = true;
        len += n;
      }
      const rec = new Rec(buf, at);
      // parse every record that ends within the buffer (all of them at the end of the file)
      for (;;) {
        if (pos >= len) break;
        const c0 = buf[pos];
        if (c0 === 10 || c0 === 13) {
          pos += c0 === 13 && buf[pos + 1] === 10 ? 2 : 1;
          line++;
          continue;
        }
        let i = pos;
        let k = 0;
        let lines = 0;
        let complete = false;
        for (;;) {
          if (3 * k + 3 > at.length) {
            const more = new Int32Array(at.length * 2);
            more.set(at);
            at = more;
            rec.at = at;
          }
          if (buf[i] === 34 && i < len) {
            let j = i + 1;
            for (;;) {
              while (j < len && buf[j] !== 34) {
                if (buf[j] === 10) lines++;
                j++;
              }
              if (j >= len) break;
              if (buf[j + 1] === 34 && j + 1 < len) {
                j += 2;
                continue;
              }
              break;
            }
            if (j >= len) {
              if (eof)
                throw new OutputError('OUTPUT_LEDGER_MISMATCH', 'the written row cannot be read back: a quote is never closed', {
                  file: path,
                  row: line,
                });
              break;
            }
            at[3 * k] = i;
            at[3 * k + 1] = j + 1;
            at[3 * k + 2] = 1;
            k++;
            i = j + 1;
            if (i >= len && !eof) break;
            const c = buf[i];
            if (i < len && c !== 44 && c !== 10 && c !== 13)
              throw new OutputError(
                'OUTPUT_LEDGER_MISMATCH',
                'the written row cannot be read back: a closing quote is followed by something else than a delimiter',
                {
                  file: path,
                  row: line,
                },
              );
          } else {
            let j = i;
            while (j < len && buf[j] !== 44 && buf[j] !== 10 && buf[j] !== 13) j++;
            if (j >= len && !eof) break;
            at[3 * k] = i;
            at[3 * k + 1] = j;
            at[3 * k + 2] = 0;
            k++;
            i = j;
          }
          if (i >= len) {
            complete = true;
            break;
          }
          const c = buf[i];
          if (c === 44) {
            i++;
            if (i >= len && eof) {
              at[3 * k] = i;
              at[3 * k + 1] = i;
              at[3 * k + 2] = 0;
              k++;
              complete = true;
              break;
            }
            continue;
          }
          // line end
          if (c === 13 && i + 1 >= len && !eof) break;
          i += c === 13 && buf[i + 1] === 10 ? 2 : 1;
          complete = true;
          break;
        }
        if (!complete) break;
        rec.count = k;
        rec.line = line;
        onRecord(rec);
        line += 1 + lines;
        pos = i;
      }
      if (eof) break;
      yield;
    }
  } finally {
    closeSync(fd);
  }
}
