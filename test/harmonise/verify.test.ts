import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputError } from '../../src/errors.js';
import { harmonise, measureOutputs, measureOutputsAsync, type HarmoniseOutputs } from '../../src/harmonise/index.js';
import { DATA, tmp } from './helpers.js';

const root = join(import.meta.dirname, '../..');
const MAPPINGS = [join(DATA, 'wdi2018/wdi2018_internet_users.json'), join(root, 'datasets/mappings/wdi2024_internet_users.json')];

/** Runs the overlapping-vintage harmonisation, editing the written observations.csv before the check. */
async function corrupted(
  edit: (lines: string[]) => string[],
  file: 'observations' | 'rejects' | 'conflicts' = 'observations',
  database = false,
): Promise<OutputError> {
  const afterWrite = (o: HarmoniseOutputs): void => {
    const lines = readFileSync(o[file], 'utf8').split('\n');
    writeFileSync(o[file], edit(lines).join('\n'));
  };
  const out = tmp();
  try {
    await harmonise({ mappings: MAPPINGS, outDir: out, afterWrite, database });
  } catch (err) {
    expect(err).toBeInstanceOf(OutputError);
    // nothing of the failed run is published, and nothing of it is left behind
    expect(readdirSync(out)).toEqual([]);
    return err as OutputError;
  }
  throw new Error('the corrupted output was not caught');
}

describe('the written files are read back and checked against the cell ledger', () => {
  it('an intact run passes and reports what it read back', async () => {
    const r = await harmonise({ mappings: MAPPINGS, outDir: tmp() });
    expect(r.written).toMatchObject({
      observations: r.counts.observations,
      keys: r.counts.observations,
      conflicts: r.conflicts.length,
      rejectedCells: r.counts.rejected,
    });
    expect(r.written!.areas).toEqual(['BRN', 'IDN', 'KHM', 'LAO', 'MMR', 'MYS', 'PHL', 'SGP', 'THA', 'TLS', 'VNM']);
  });

  it('the database, built while the files are read back, neither hides a corrupted file nor is published with it', async () => {
    const e = await corrupted((l) => [...l.slice(0, 5), ...l.slice(6)], 'observations', true);
    expect(e.message).toMatch(/observation rows: the ledger counts 303, the written file holds 302/);
  });

  it('the asynchronous read-back measures what the synchronous one measures', async () => {
    const r = await harmonise({ mappings: MAPPINGS, outDir: tmp(), database: false });
    const sync = measureOutputs(r.outputs!);
    expect(await measureOutputsAsync(r.outputs!)).toEqual(sync);
    expect(sync.observations).toBe(r.counts.observations);
  });

  it('a row lost after writing', async () => {
    const e = await corrupted((l) => [...l.slice(0, 5), ...l.slice(6)]);
    expect(e.code).toBe('OUTPUT_LEDGER_MISMATCH');
    expect(e.location?.file).toMatch(/observations\.csv$/);
    expect(e.message).toMatch(/observation rows: the ledger counts 303, the written file holds 302/);
  });

  it('a key written twice is located at its row', async () => {
    const e = await corrupted((l) => [l[0], l[1], ...l.slice(1)]);
    expect(e.location).toMatchObject({ row: 3 });
    expect(e.message).toMatch(/written twice/);
  });

  it("one country's rows relabelled as another (same count, distinct keys, in order) is caught by the areas", async () => {
    const e = await corrupted((l) => l.map((x) => x.replace(/^(dataflow,[^,]*,[A-Z],)THA,/, '$1TJK,')));
    expect(e.message).toMatch(
      /^areas: the ledger counts BRN IDN KHM LAO MMR MYS PHL SGP THA TLS VNM, the written file holds BRN IDN KHM LAO MMR MYS PHL SGP TJK TLS VNM$/,
    );
  });

  it('rows moved from one source to another are caught by the rows per source', async () => {
    const e = await corrupted((l) =>
      l.map((x, i) => (i >= 1 && i <= 3 ? x.replace(',WDI_2024_IT.NET.USER.ZS,', ',WDI_2018_IT.NET.USER.ZS,') : x)),
    );
    expect(e.message).toBe('observations of source WDI_2024_IT.NET.USER.ZS: the ledger counts 303, the written file holds 300');
  });

  it('a value turned into text, a rejects file and a conflicts file that lost rows', async () => {
    expect((await corrupted((l) => l.map((x, i) => (i === 2 ? x.replace(/,A,(\d{4}),[^,]*,/, ',A,$1,NaN,') : x)))).location).toMatchObject({
      row: 3,
      column: 'OBS_VALUE',
    });
    expect((await corrupted((l) => l.slice(0, 3).concat(l.slice(4)), 'conflicts')).message).toMatch(
      /conflicts: the ledger counts \d+, the written file holds \d+/,
    );
    const rej = await corrupted((l) => [l[0], 'S,f.csv,,2,value,NON_NUMERIC,m,3,t', ...l.slice(1)], 'rejects');
    expect(rej.message).toBe('rejected cells: the ledger counts 0, the written file holds 3');
    expect(rej.location?.file).toMatch(/rejects\.csv$/);
  });
});
