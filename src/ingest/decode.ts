import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { InputError } from '../errors.js';
import { TextDecoder } from 'node:util';

/** Text encodings a source may declare (anything WHATWG TextDecoder knows, e.g. `windows-1252`). */
export type TextEncoding = string;

/**
 * Byte offset of the first invalid UTF-8 sequence in `buf`, or -1 when the bytes are valid UTF-8.
 * @param buf file bytes
 */
export function firstInvalidUtf8(buf: Uint8Array): number {
  const n = buf.length;
  let i = 0;
  while (i < n) {
    const b = buf[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need > n - 1) return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** 1-based line of byte offset `at` (CR, LF and CRLF each end a line). */
export function lineOfOffset(buf: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) {
    const c = buf[i];
    if (c === 10) line++;
    else if (c === 13) {
      if (buf[i + 1] !== 10) line++;
    }
  }
  return line;
}

/**
 * Reads a text file: checks it is not empty, decodes it (UTF-8 strictly by default, or the declared
 * encoding) and drops a UTF-8 byte-order mark.
 * @param path file to read
 * @param shown the path as the user gave it (for error locations)
 * @param encoding declared encoding (default `utf-8`)
 * @throws InputError `FILE_NOT_FOUND`, `FILE_EMPTY`, `FILE_ENCODING` (with the row of the first bad byte), `ENCODING_UNKNOWN`
 */
export function readTextFile(path: string, shown: string = path, encoding: TextEncoding = 'utf-8'): string {
  let buf: Buffer;
  try {
    if (!statSync(path).isFile()) throw new Error('not a file');
    buf = readFileSync(path);
  } catch (err) {
    throw new InputError('FILE_NOT_FOUND', `cannot read ${shown}: ${(err as Error).message}`, { file: shown }, { cause: err });
  }
  return decodeText(buf, shown, encoding);
}

/**
 * Decodes file bytes (see {@link readTextFile}).
 * @param buf the bytes
 * @param shown file name for locations
 * @param encoding declared encoding (default `utf-8`)
 */
export function decodeText(buf: Uint8Array, shown: string, encoding: TextEncoding = 'utf-8'): string {
  const enc = encoding.toLowerCase();
  let text: string;
  if (enc === 'utf-8' || enc === 'utf8') {
    const bad = isUtf8(buf) ? -1 : firstInvalidUtf8(buf);
    if (bad >= 0) {
      throw new InputError(
        'FILE_ENCODING',
        `${shown} is not valid UTF-8 (byte 0x${buf[bad].toString(16).padStart(2, '0')} at offset ${bad}); declare its encoding in the mapping, e.g. "encoding": "windows-1252" or "latin1"`,
        { file: shown, row: lineOfOffset(buf, bad) },
      );
    }
    text = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('utf8');
  } else {
    let dec: TextDecoder;
    try {
      dec = new TextDecoder(enc);
    } catch (err) {
      throw new InputError(
        'ENCODING_UNKNOWN',
        `unknown text encoding "${encoding}" (expected a WHATWG label such as utf-8, latin1, windows-1252)`,
        { file: shown },
        { cause: err },
      );
    }
    text = dec.decode(buf);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '')
    throw new InputError('FILE_EMPTY', `${shown} is empty: expected a header row and data rows`, { file: shown, row: 1 });
  return text;
}
