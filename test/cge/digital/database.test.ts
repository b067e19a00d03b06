import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildDdcgeDatabase,
  buildDdcgeDatabaseFromFiles,
  DDCGE_DATA_DIR,
  readDdcgeAssumptions,
  splitByNonUse,
  writeDdcgeDatabase,
} from '../../../src/cge/digital/database.js';
import { SamCells } from '../../../src/cge/sam-input.js';
import { readSamCsv } from '../../../src/sam/io/csv.js';
import type { DigicgeError } from '../../../src/errors.js';

const ASEAN = join(import.meta.dirname, '../../../datasets/sam/asean');

describe('ddcge database from a national ASEAN SAM', async () => {
  const db = await buildDdcgeDatabaseFromFiles('THA');
  const S = new SamCells(db.sam);
  const nat = new SamCells(await readSamCsv(join(ASEAN, 'THA.csv')));
  const goods = ['AGR', 'MAN', 'ICT', 'OIND', 'TRD', 'TEL', 'ITS', 'SRV'];
  const hh = ['URB_CON', 'URB_UNC', 'RUR_CON', 'RUR_UNC'];

  it('balances: every account receives what it pays', () => {
    for (const a of S.labels) expect(Math.abs(S.rowSum(a) - S.colSum(a))).toBeLessThan(1e-9 * Math.max(1, S.rowSum(a)));
  });

  it('keeps the national goods block exactly: intermediates, value added, taxes, imports, exports, final demand', () => {
    for (const i of goods) {
      for (const j of goods) expect(S.get(i, j)).toBe(nat.get(`C-${i}`, `A-${j}`));
      expect(S.get('LAB_DS', i)).toBe(nat.get('LAB-DIG', `A-${i}`));
      expect(S.get('CAP', i)).toBe(nat.get('CAP', `A-${i}`));
      expect(S.get('IDT', i)).toBe(nat.get('Itax', `A-${i}`));
      expect(S.get('TRF', i)).toBe(nat.get('Ttax', `C-${i}`));
      expect(S.get('EXT', i)).toBe(nat.get('ROW', `C-${i}`));
      expect(S.get(i, 'EXT')).toBe(nat.get(`C-${i}`, 'ROW'));
      const hhTotal = hh.reduce((s, h) => s + S.get(i, h), 0);
      expect(hhTotal).toBeCloseTo(nat.get(`C-${i}`, 'HH'), 6);
    }
  });

  it('sizes the household groups by the observed population and HH7, and records the observations and assumptions', () => {
    const pop = db.params.population as Record<string, number>;
    const total = hh.reduce((s, h) => s + pop[h]!, 0);
    expect(total).toBeCloseTo(db.baseline.urbanPopulation + db.baseline.ruralPopulation, 3);
    // population-weighted connected share = national HH7 2022 (87.9772 %, WDI)
    expect((pop.URB_CON! + pop.RUR_CON!) / total).toBeCloseTo(0.879772, 6);
    expect(db.record.observations.some((o) => o.startsWith('HH7/_T/2022@'))).toBe(true);
    expect(db.record.assumptions.rural_urban_internet_ratio!.source).toMatch(/outside assumption/);
    expect(db.baseline.assumptions.length).toBeGreaterThan(0);
  });

  it('the shipped THA database is what the builder writes (byte-identical)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ddcge-db-'));
    await writeDdcgeDatabase(dir, db);
    for (const f of ['sam.csv', 'params.json', 'SOURCE.md'])
      expect(readFileSync(join(dir, f), 'utf8')).toBe(readFileSync(join(DDCGE_DATA_DIR, 'THA', f), 'utf8'));
  });

  it('non-use split keeps the national share and both groups non-empty', () => {
    const b = splitByNonUse(
      {
        area: 'X',
        year: '2022',
        urbanPopulation: 5,
        ruralPopulation: 5,
        urbanShare: 1,
        ruralShare: 0.9,
        provenance: [],
        assumptions: ['split by ratio'],
      },
      { value: 2, source: 'test' },
    );
    expect((5 * b.urbanShare + 5 * b.ruralShare) / 10).toBeCloseTo(0.95, 12);
    expect(1 - b.ruralShare).toBeCloseTo(2 * (1 - b.urbanShare), 12);
  });

  it('refuses a national SAM without the common classification, naming the account', async () => {
    const sam = await readSamCsv(join(ASEAN, 'THA.csv'));
    const labels = sam.accounts.map((a) => (a.label === 'Dtax' ? 'DirectTax' : a.label));
    const err = (() => {
      try {
        buildDdcgeDatabase({
          area: 'THA',
          sam: { accounts: labels.map((label) => ({ label })), values: sam.values },
          samFile: 'x.csv',
          observations: [],
          assumptions: {} as never,
        });
      } catch (e) {
        return e as DigicgeError;
      }
    })();
    expect(err?.code).toBe('SAM_ACCOUNT_MISSING');
    expect(err?.location).toMatchObject({ file: 'x.csv', account: 'Dtax' });
  });

  it('refuses an assumption without a source, naming its JSON path', async () => {
    const a = JSON.parse(readFileSync(join(DDCGE_DATA_DIR, 'assumptions.json'), 'utf8'));
    delete a.frisch.source;
    const dir = mkdtempSync(join(tmpdir(), 'ddcge-a-'));
    writeFileSync(join(dir, 'a.json'), JSON.stringify(a));
    await expect(readDdcgeAssumptions(join(dir, 'a.json'))).rejects.toMatchObject({
      code: 'ASSUMPTION_MISSING',
      location: { jsonPath: '/frisch' },
    });
  });

  it('Singapore (no rural population) gets the urban-only variant: two urban groups that carry all its people and its HH7', async () => {
    const sgp = await buildDdcgeDatabaseFromFiles('SGP');
    const T = new SamCells(sgp.sam);
    const natS = new SamCells(await readSamCsv(join(ASEAN, 'SGP.csv')));
    expect(T.labels.filter((l) => /^(URB|RUR)_/.test(l))).toEqual(['URB_CON', 'URB_UNC']);
    expect(Object.keys(sgp.params.households as object)).toEqual(['URB_CON', 'URB_UNC']);
    for (const a of T.labels) expect(Math.abs(T.rowSum(a) - T.colSum(a))).toBeLessThan(1e-9 * Math.max(1, T.rowSum(a)));
    const pop = sgp.params.population as Record<string, number>;
    // UN WUP 2018 (OWID): 6,040,000 urban, 0 rural in 2022; WDI HH7 2022 = 95.9539 %
    expect(pop.URB_CON! + pop.URB_UNC!).toBeCloseTo(6040000, 3);
    expect(pop.URB_CON! / 6040000).toBeCloseTo(0.959539, 9);
    // the national goods block, unchanged; household consumption summed over the two groups
    for (const i of goods) {
      expect(T.get('CAP', i)).toBe(natS.get('CAP', `A-${i}`));
      expect(T.get(i, 'URB_CON') + T.get(i, 'URB_UNC')).toBeCloseTo(natS.get(`C-${i}`, 'HH'), 6);
    }
    expect(sgp.record.notes.some((x) => x.startsWith('urban-only variant'))).toBe(true);
    expect(sgp.baseline.assumptions).toEqual([
      'SGP 2022: no rural population, so urban Internet use is the national 95.95 % (no split needed)',
    ]);
  });

  it('the shipped SGP database is what the builder writes (byte-identical), and Myanmar stays not covered', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ddcge-sgp-'));
    await writeDdcgeDatabase(dir, await buildDdcgeDatabaseFromFiles('SGP'));
    for (const f of ['sam.csv', 'params.json', 'SOURCE.md'])
      expect(readFileSync(join(dir, f), 'utf8')).toBe(readFileSync(join(DDCGE_DATA_DIR, 'SGP', f), 'utf8'));
    const coverage = JSON.parse(readFileSync(join(DDCGE_DATA_DIR, 'coverage.json'), 'utf8')) as Record<string, string>;
    expect(Object.keys(coverage)).toEqual(['MMR']);
  });
});

describe('scenarios on the urban-only Singapore database', async () => {
  const { connectivityShift } = await import('../../../src/cge/digital/connectivity.js');
  const sgp = await buildDdcgeDatabaseFromFiles('SGP');
  it('refuses a scenario about rural people with a typed error, and takes an urban target', () => {
    expect(() => connectivityShift(sgp.baseline, { kind: 'close-gap', fraction: 0.5 })).toThrow(
      expect.objectContaining({ code: 'NO_RURAL_POPULATION' }),
    );
    const s = connectivityShift(sgp.baseline, { kind: 'use-reaches', urbanisation: 'U', percent: 98 });
    expect(s.moves).toEqual([{ from: 'URB_UNC', to: 'URB_CON', persons: expect.closeTo(6040000 * (0.98 - 0.959539), 3) }]);
  });
});
