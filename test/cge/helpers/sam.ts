/** Minimal SAM CSV reader for the tests (first row and column are account labels; empty = 0). */
import { readFileSync } from 'node:fs';
import type { SamInput } from '../../../src/cge/sam-input.js';

export function readTinySam(path: string): SamInput {
  const lines = readFileSync(path, 'utf8').split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
  const header = lines[0].split(',').slice(1).map((s) => s.trim());
  const n = header.length;
  const values = new Float64Array(n * n);
  lines.slice(1).forEach((line, r) => {
    const cells = line.split(',');
    for (let c = 0; c < n; c++) values[r * n + c] = cells[c + 1] === undefined || cells[c + 1].trim() === '' ? 0 : Number(cells[c + 1]);
  });
  return { accounts: header.map((label) => ({ label })), values, file: path };
}
