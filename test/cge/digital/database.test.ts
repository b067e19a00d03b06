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

  it('Singapore cannot be built (no rural population): an error, not a made-up database', async () => {
    await expect(buildDdcgeDatabaseFromFiles('SGP')).rejects.toMatchObject({ code: 'BAD_CONNECTIVITY_BASELINE' });
  });
});
