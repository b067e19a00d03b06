import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** One entry of a ZIP archive's central directory. */
export interface ZipEntrySize {
  name: string;
  /** Size once inflated, in bytes. */
  size: number;
}

/**
 * The entries of a ZIP archive (an XLSX workbook) with their inflated sizes, read from the central
 * directory at the end of the file (nothing is inflated). ZIP64 sizes are not read: an entry whose
 * 32-bit size is 0xFFFFFFFF is reported with that size, which is over any cap.
 * @param path the archive
 * @returns the entries, or null when the file has no central directory (not a ZIP archive)
 */
export function zipEntrySizes(path: string): ZipEntrySize[] | null {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const tailLen = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLen);
    readSync(fd, tail, 0, tailLen, size - tailLen);
    let eocd = -1;
    for (let i = tailLen - 22; i >= 0; i--)
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    if (eocd < 0) return null;
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    const cd = Buffer.alloc(cdSize);
    readSync(fd, cd, 0, cdSize, cdOffset);
    const out: ZipEntrySize[] = [];
    for (let p = 0, k = 0; k < count && p + 46 <= cd.length; k++) {
      if (cd.readUInt32LE(p) !== 0x02014b50) break;
      const inflated = cd.readUInt32LE(p + 24);
      const nameLen = cd.readUInt16LE(p + 28),
        extraLen = cd.readUInt16LE(p + 30),
        commentLen = cd.readUInt16LE(p + 32);
      out.push({ name: cd.toString('utf8', p + 46, p + 46 + nameLen), size: inflated });
      p += 46 + nameLen + extraLen + commentLen;
    }
    return out;
  } finally {
    closeSync(fd);
  }
}
