/**
 * Sets every entry's modification time in a ZIP archive (an XLSX file is one) to one given date
 * (midnight UTC; default 1980-01-01, the earliest a ZIP can state), so that the same content and
 * date give byte-identical files. Only the DOS time/date fields of the local and
 * central headers and the mtime of extended-timestamp extra fields (0x5455) change; CRCs and sizes
 * do not cover them.
 * @module
 */
import { InputError } from '../errors.js';

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;

const DOS_TIME = 0;

/** The DOS date field of a day (years 1980–2107). */
function dosDate(d: Date): number {
  const y = Math.min(2107, Math.max(1980, d.getUTCFullYear()));
  return ((y - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
}

function fixExtra(view: DataView, start: number, length: number, unixSeconds: number): void {
  let p = start;
  while (p + 4 <= start + length) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (id === 0x5455 && size >= 5) view.setUint32(p + 5, unixSeconds, true);
    p += 4 + size;
  }
}

/**
 * Normalises the timestamps of a ZIP archive in place and returns it. Throws on a malformed archive.
 * @param date the day every entry is dated (time of day 00:00 UTC); default 1980-01-01
 */
export function normaliseZipTimestamps(zip: Uint8Array, date: Date = new Date(Date.UTC(1980, 0, 1))): Uint8Array {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const DOS_DATE = dosDate(day);
  const seconds = Math.max(0, Math.floor(day.getTime() / 1000));
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let p = zip.byteLength - 22; p >= Math.max(0, zip.byteLength - 65557); p--) {
    if (view.getUint32(p, true) === EOCD_SIG) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw new InputError('ZIP_MALFORMED', 'not a ZIP archive: its end of central directory is missing');
  const entries = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  for (let k = 0; k < entries; k++) {
    if (view.getUint32(p, true) !== CEN_SIG) throw new InputError('ZIP_MALFORMED', `ZIP central header ${k} is malformed`);
    view.setUint16(p + 12, DOS_TIME, true);
    view.setUint16(p + 14, DOS_DATE, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    fixExtra(view, p + 46 + nameLen, extraLen, seconds);
    const local = view.getUint32(p + 42, true);
    if (view.getUint32(local, true) !== LOC_SIG) throw new InputError('ZIP_MALFORMED', `ZIP local header ${k} is malformed`);
    view.setUint16(local + 10, DOS_TIME, true);
    view.setUint16(local + 12, DOS_DATE, true);
    fixExtra(view, local + 30 + view.getUint16(local + 26, true), view.getUint16(local + 28, true), seconds);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return zip;
}
