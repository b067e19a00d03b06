import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { defaultMappings, harmonise } from '../../src/harmonise/index.js';
import { DATA, tmp } from './helpers.js';

/**
 * The outputs of a multi-source run, byte for byte, against a golden copy written by the code of
 * main before the harmonise stage was made faster and lighter (commit "golden outputs"): the
 * optimised engine, store and writers must not change one byte. The run mixes every path the
 * engine has: the shipped WDI/OWID datasets (wide, JSON API, padding zeros, POP conversions), an
 * older release of the same indicator listed first (overlaps), a BPS provincial table with stacked
 * headers, counts in thousands with locale numbers, a file of bad rows, and a slice of the
 * benchmark's generated file (name variants, ragged rows, unbalanced quote, CRLF, duplicates).
 * `GOLDEN_WRITE=1` rewrites the golden copy (only ever from main's code).
 */
const GOLDEN = join(DATA, 'golden');
const EXPECTED = join(GOLDEN, 'expected');
const FILES = ['observations.csv', 'rejects.csv', 'conflicts.csv', 'quality.md'];
const MAPPINGS = [
  join(DATA, 'wdi2018/wdi2018_internet_users.json'),
  ...defaultMappings(),
  ...['slice', 'bps_hh6_province_urban_rural', 'hh7a', 'hh7b', 'pop', 'subs', 'bad'].map((n) => join(GOLDEN, `${n}.json`)),
];

/**
 * Every table and view of the database, and the Parquet file: per relation its column types, its
 * row count and the SHA-256 of its rows in order (as JSON lines).
 */
async function dumpDatabase(db: string, parquet: string): Promise<string> {
  const inst = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
  const c = await inst.connect();
  let out = '';
  try {
    const rel = [
      ...['observations', 'dropped_values', 'vintages', 'sources', 'rejects', 'conflicts'].map((t) => [t, t]),
      ['parquet', `read_parquet('${parquet.replace(/'/g, "''")}')`],
    ];
    for (const [name, from] of rel) {
      const r = await c.runAndReadAll(`SELECT * FROM ${from} ORDER BY ALL`);
      const rows = r.getRowsJson();
      const h = createHash('sha256');
      for (const row of rows) h.update(`${JSON.stringify(row)}\n`);
      out += `${name}: ${r
        .columnNames()
        .map((n, i) => `${n} ${r.columnTypes()[i].toString()}`)
        .join(', ')}\n  ${rows.length} rows, sha256 ${h.digest('hex')}\n`;
    }
  } finally {
    c.closeSync();
    inst.closeSync();
  }
  return out;
}

describe('golden outputs of a multi-source run', () => {
  it('observations.csv, rejects.csv, conflicts.csv, quality.md and the database are those of the golden copy, byte for byte', async () => {
    const out = join(tmp(), 'out');
    const r = await harmonise({ mappings: MAPPINGS, outDir: out });
    expect(r.counts.cells).toBe(r.counts.observations + r.counts.rejected + r.counts.filtered);
    const dump = await dumpDatabase(r.outputs!.database!, r.outputs!.parquet!);
    if (process.env.GOLDEN_WRITE) {
      mkdirSync(EXPECTED, { recursive: true });
      for (const f of FILES) writeFileSync(join(EXPECTED, `${f}.gz`), gzipSync(readFileSync(join(out, f)), { level: 9 }));
      writeFileSync(join(EXPECTED, 'database.txt'), dump);
    }
    for (const f of FILES) {
      expect(existsSync(join(EXPECTED, `${f}.gz`)), f).toBe(true);
      const got = readFileSync(join(out, f));
      const want = gunzipSync(readFileSync(join(EXPECTED, `${f}.gz`)));
      expect(got.equals(want), `${f} differs from the golden copy`).toBe(true);
    }
    expect(dump === readFileSync(join(EXPECTED, 'database.txt'), 'utf8'), 'the database differs from the golden copy').toBe(true);
  }, 120_000);
});
