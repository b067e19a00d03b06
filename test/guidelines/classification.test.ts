import { describe, expect, it } from 'vitest';
import { writeFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SchemaError } from '../../src/errors.js';
import { getConcordance, guidelinePath, loadDigitalSectorClassification, splitsFor } from '../../src/guidelines/index.js';
import { adbMrioSectors, bpsIoIndustries, thaiSamActivities } from './shared-data.js';

describe('digital-sector classification', () => {
  const c = loadDigitalSectorClassification();

  it('lists the OECD ICT sector classes of ISIC Rev.4', () => {
    const ict = c.isic
      .filter((x) => x.category !== 'CONTENT_MEDIA')
      .map((x) => x.code)
      .sort();
    expect(ict).toEqual([
      '2610',
      '2620',
      '2630',
      '2640',
      '2680',
      '4651',
      '4652',
      '5820',
      '6110',
      '6120',
      '6130',
      '6190',
      '6201',
      '6202',
      '6209',
      '6311',
      '6312',
      '9511',
      '9512',
    ]);
  });

  it('defines the digital sectors the SAM and CGE stages split out', () => {
    const ids = c.digitalSectors.map((d) => d.id);
    for (const id of ['ICT_GOODS', 'TELECOM', 'IT_INFO']) expect(ids).toContain(id);
    expect(c.digitalSectors.find((d) => d.id === 'TELECOM')!.isic).toEqual(['61']);
  });

  it('has exactly one entry for each of the 35 ADB MRIO sectors', () => {
    const conc = getConcordance('ADB_MRIO35')!;
    const sectors = adbMrioSectors();
    expect(sectors).toHaveLength(35);
    expect(conc.entries.map((e) => e.sector).sort()).toEqual(sectors.map((s) => s.code).sort());
    for (const s of sectors) expect(conc.entries.find((e) => e.sector === s.code)!.label, s.code).toBe(s.name);
  });

  it('has exactly one entry for each of the 26 Thai SAM activities', () => {
    const acts = thaiSamActivities();
    expect(acts).toHaveLength(26);
    expect(
      getConcordance('THAI_SAM_2006')!
        .entries.map((e) => e.sector)
        .sort(),
    ).toEqual([...acts].sort());
  });

  it("has exactly one entry for each of the 72 BPS input-output industries, with the table's labels", async () => {
    const sheets = await bpsIoIndustries();
    expect(sheets).toHaveLength(3);
    const conc = getConcordance('BPS_IO_2012')!;
    for (const { sheet, rows } of sheets) {
      expect(rows, sheet).toHaveLength(72);
      expect(
        conc.entries.map((e) => [e.sector, e.label]),
        sheet,
      ).toEqual(rows);
    }
    expect(conc.entries.filter((e) => e.status !== 'non_digital').map((e) => e.sector)).toEqual(['35', '58', '59']);
    expect(splitsFor('BPS_IO_2012', '59')).toMatchObject([{ digitalSector: 'TELECOM', share: 1, areaSpecific: false }]);
    expect(splitsFor('BPS_IO_2012', '58').map((s) => s.digitalSector)).toEqual(['IT_INFO']);
  });

  it('splits the mixed sectors named by the guideline, with shares in [0,1], a source and a note', () => {
    const mixed = (id: string) =>
      getConcordance(id)!
        .entries.filter((e) => e.status === 'mixed')
        .map((e) => e.sector)
        .sort();
    expect(mixed('ADB_MRIO35')).toEqual(['c14', 'c27', 'c30']);
    expect(mixed('THAI_SAM_2006')).toEqual(['A-MachProd', 'A-TransComm']);
    expect(splitsFor('ADB_MRIO35', 'c14').map((s) => s.digitalSector)).toEqual(['ICT_GOODS']);
    expect(splitsFor('ADB_MRIO35', 'c27').map((s) => s.digitalSector)).toEqual(['TELECOM']);
    expect(splitsFor('ADB_MRIO35', 'c30').map((s) => s.digitalSector)).toEqual(['IT_INFO']);
    expect(splitsFor('THAI_SAM_2006', 'A-TransComm').map((s) => s.digitalSector)).toEqual(['TELECOM']);
    expect(splitsFor('THAI_SAM_2006', 'A-MachProd').map((s) => s.digitalSector)).toEqual(['ICT_GOODS']);
    for (const conc of c.concordances) {
      for (const e of conc.entries) {
        const total = (e.splits ?? []).reduce((a, s) => a + s.share, 0);
        expect(total, `${conc.id} ${e.sector}`).toBeLessThanOrEqual(1);
        for (const s of e.splits ?? []) {
          expect(s.share).toBeGreaterThanOrEqual(0);
          expect(s.share).toBeLessThanOrEqual(1);
          expect(s.note.length).toBeGreaterThan(20);
          expect(s.source.citation.length).toBeGreaterThan(10);
          // an assumption must say so: never presented as verified data
          if (s.source.kind === 'assumption') expect(s.source.verified).toBe(false);
        }
      }
    }
    expect(splitsFor('ADB_MRIO35', 'c1')).toEqual([]);
    expect(splitsFor('ADB_MRIO35', 'c99')).toEqual([]);
  });

  it('rejects shares that sum above one and unknown digital sectors, naming the JSON path', () => {
    const doc = JSON.parse(readFileSync(guidelinePath('classification', 'digital-sectors.json'), 'utf8'));
    const conc = doc.concordances[0];
    const i = conc.entries.findIndex((e: { sector: string }) => e.sector === 'c14');
    conc.entries[i].splits.push({ ...conc.entries[i].splits[0], digitalSector: 'ROBOTS', share: 0.9 });
    const file = join(mkdtempSync(join(tmpdir(), 'digicge-ds-')), 'bad.json');
    writeFileSync(file, JSON.stringify(doc));
    let err: unknown;
    try {
      loadDigitalSectorClassification({ file });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SchemaError);
    expect((err as SchemaError).issues).toEqual([
      { jsonPath: `/concordances/0/entries/${i}/splits/1/digitalSector`, message: '"ROBOTS" is not a digital sector' },
      { jsonPath: `/concordances/0/entries/${i}/splits`, message: 'shares sum to 1.4, more than 1' },
    ]);
  });
});
