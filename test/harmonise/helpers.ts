import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Folder of the harmonise test fixtures. */
export const DATA = join(import.meta.dirname, 'data');

/** A fresh temporary folder. */
export function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'digicge-harmonise-'));
}

/** Writes a mapping (with defaults for the source block) into `dir` and returns its path. */
export function writeMapping(dir: string, name: string, m: Record<string, unknown>): string {
  const full = {
    source: { id: name.toUpperCase(), title: name, publisher: 'test', releaseDate: '2024-01-01', priority: 1 },
    format: { type: 'csv' },
    unit: { measure: 'PERCENT' },
    ...m,
  };
  const p = join(dir, `${name}.json`);
  writeFileSync(p, JSON.stringify(full, null, 2));
  return p;
}
