import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { harmonise, LOCK_FILE } from '../../src/harmonise/index.js';
import { DATA, tmp } from './helpers.js';

const ROOT = join(import.meta.dirname, '../..');
const MAPPINGS = [join(DATA, 'wdi2018/wdi2018_internet_users.json'), join(ROOT, 'datasets/mappings/wdi2024_internet_users.json')];

async function query(db: string, text: string): Promise<Record<string, unknown>[]> {
  const inst = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
  const c = await inst.connect();
  try {
    return (await c.runAndReadAll(text)).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    c.closeSync();
    inst.closeSync();
  }
}

describe('the outputs of a run', () => {
  it('ship asean.duckdb with the observations, every vintage and the sources queryable in SQL, and a Parquet copy', async () => {
    const out = tmp();
    const r = await harmonise({ mappings: MAPPINGS, outDir: out });
    expect(readdirSync(out).sort()).toEqual([
      'asean.duckdb',
      'conflicts.csv',
      'observations.csv',
      'observations.parquet',
      'quality.md',
      'rejects.csv',
    ]);
    const csv = parse(readFileSync(join(out, 'observations.csv')), { columns: true }) as Record<string, string>[];
    const db = r.outputs!.database!;
    const [n] = await query(db, 'SELECT count(*) AS n, count(DISTINCT REF_AREA) AS areas, sum(OBS_VALUE) AS total FROM observations');
    expect(Number(n.n)).toBe(csv.length);
    expect(Number(n.areas)).toBe(11); // the eleven States that are or have been ASEAN members
    expect(Number(n.total)).toBeCloseTo(
      csv.reduce((a, o) => a + Number(o.OBS_VALUE), 0),
      6,
    );
    // both releases of Philippines 2015: the 2024 value kept, the 2018 one superseded
    const phl = await query(
      db,
      "SELECT v.SOURCE_ID, v.OBS_VALUE, v.STATE, s.RELEASE_DATE FROM vintages v JOIN sources s USING (SOURCE_ID) WHERE REF_AREA = 'PHL' AND TIME_PERIOD = '2015' ORDER BY s.RELEASE_DATE",
    );
    expect(phl).toEqual([
      { SOURCE_ID: 'WDI_2018_IT.NET.USER.ZS', OBS_VALUE: 53.7, STATE: 'superseded', RELEASE_DATE: '2018-05-02' },
      { SOURCE_ID: 'WDI_2024_IT.NET.USER.ZS', OBS_VALUE: 36.9, STATE: 'kept', RELEASE_DATE: '2024-11-25' },
    ]);
    const [v] = await query(
      db,
      "SELECT count(*) FILTER (WHERE STATE = 'kept') AS kept, count(*) FILTER (WHERE STATE = 'superseded') AS superseded FROM vintages",
    );
    expect([Number(v.kept), Number(v.superseded)]).toEqual([csv.length, r.conflicts.length]);
    const [p] = await query(db, `SELECT count(*) AS n FROM read_parquet('${r.outputs!.parquet!}')`);
    expect(Number(p.n)).toBe(csv.length);
  });

  it("a second run into an output folder in use refuses with a clear message; a dead run's lock and leftovers are removed", async () => {
    const out = tmp();
    writeFileSync(join(out, LOCK_FILE), `${process.pid}\n`);
    await expect(harmonise({ mappings: MAPPINGS, outDir: out, database: false })).rejects.toMatchObject({
      code: 'OUTPUT_IN_USE',
      message: expect.stringMatching(/in use by another harmonise run \(process \d+\)/),
      location: { file: out },
    });
    expect(existsSync(join(out, 'observations.csv'))).toBe(false);
    // a lock, a staging folder and an atomic-write temporary file of a process that no longer exists
    const dead = 2 ** 22 + 12345;
    writeFileSync(join(out, LOCK_FILE), `${dead}\n`);
    mkdirSync(join(out, `.digicge-staging-${dead}-abcd`));
    writeFileSync(join(out, `.observations.csv.${dead}.0a1b.tmp`), 'half');
    writeFileSync(join(out, 'mine.txt'), 'kept');
    await harmonise({ mappings: MAPPINGS, outDir: out, database: false });
    expect(readdirSync(out).sort()).toEqual(['conflicts.csv', 'mine.txt', 'observations.csv', 'quality.md', 'rejects.csv']);
  });
});
