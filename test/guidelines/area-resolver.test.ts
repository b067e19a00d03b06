import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { AreaResolver, aseanMembers, getAreaResolver, normaliseAreaName, resolveArea } from '../../src/guidelines/index.js';
import { SHARED, owidEntities, wbApiAreas, wdiMetadata, wdiWideAreas } from './shared-data.js';

/** The eleven ASEAN Member States (Timor-Leste since 26 October 2025): the harmonise scope is every State that is or has been a member. */
const AMS = ['BRN', 'IDN', 'KHM', 'LAO', 'MMR', 'MYS', 'PHL', 'SGP', 'THA', 'TLS', 'VNM'];
const WIDE = [
  'figurefriday2024_API_IT.NET.USER.ZS_DS2_en_csv_v2_2160.csv',
  'wikistats2018_API_IT.CEL.SETS.P2_DS2_en_csv_v2.csv',
  'wikistats2018_API_NY.GDP.PCAP.KD_DS2_en_csv_v2_9908764.csv',
];

/** ISO, M49 and ADB codes of the eleven AMS from an independent public concordance (ksreyes/mrio-processing). */
async function concordance(): Promise<Map<string, { iso2: string; m49: number; adb?: string }>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(SHARED, 'adb_mrio', 'countries_concordance.xlsx'));
  const out = new Map<string, { iso2: string; m49: number; adb?: string }>();
  const byNum = new Map<number, string>();
  wb.getWorksheet('ISO')!.eachRow((row, i) => {
    if (i === 1) return;
    const [num, iso2, iso3] = [row.getCell(1).value, row.getCell(2).value, row.getCell(3).value];
    if (typeof num === 'number' && typeof iso3 === 'string' && typeof iso2 === 'string') {
      out.set(iso3, { iso2, m49: num });
      byNum.set(num, iso3);
    }
  });
  wb.getWorksheet('ADB')!.eachRow((row, i) => {
    if (i === 1) return;
    const adb = row.getCell(1).value;
    const num = row.getCell(4).value;
    const iso3 = typeof num === 'number' ? byNum.get(num) : undefined;
    if (iso3 && typeof adb === 'string') out.get(iso3)!.adb = adb;
  });
  return out;
}

describe('AreaResolver on the shipped CL_AREA', () => {
  const r = getAreaResolver();

  it('has no key claimed by two areas within one code system or among names', () => {
    expect(r.conflicts()).toEqual([]);
  });

  it('resolves every AMS from ISO3, ISO2, M49 and ADB codes of an independent concordance', async () => {
    const c = await concordance();
    for (const iso3 of AMS) {
      const row = c.get(iso3)!;
      expect(row, iso3).toBeDefined();
      const want = { code: iso3, type: 'country', asean: true };
      expect(resolveArea(iso3), iso3).toMatchObject(want);
      expect(resolveArea(iso3.toLowerCase(), 'iso3')).toMatchObject(want);
      expect(resolveArea(row.iso2), row.iso2).toMatchObject(want);
      expect(resolveArea(row.iso2, 'iso2')).toMatchObject(want);
      expect(resolveArea(String(row.m49), 'm49')).toMatchObject(want);
      expect(resolveArea(String(row.m49).padStart(3, '0'))).toMatchObject(want);
      expect(resolveArea(row.m49, 'm49')).toMatchObject(want); // a number, as a spreadsheet cell gives it
      expect(row.adb, `${iso3} has an ADB code`).toBeDefined();
      expect(resolveArea(row.adb!, 'adb')).toMatchObject(want);
      expect(resolveArea(row.adb!)).toMatchObject(want);
    }
    expect(aseanMembers().sort()).toEqual(AMS);
  });

  it('resolves the AMS names of the WDI 2018 and 2024 files and of the World Bank API file', () => {
    for (const f of WIDE) {
      for (const [code, name] of wdiWideAreas(f)) {
        if (!AMS.includes(code)) continue;
        expect(resolveArea(name), `${f}: ${name}`).toMatchObject({ code, type: 'country' });
      }
    }
    for (const a of wbApiAreas().filter((x) => AMS.includes(x.iso3))) {
      expect(resolveArea(a.name)).toMatchObject({ code: a.iso3 });
      expect(resolveArea(a.id, 'wb')).toMatchObject({ code: a.iso3 });
    }
  });

  it('resolves every WDI and World Bank API area code, aggregates as type aggregate', () => {
    const meta = wdiMetadata();
    const aggregates = new Set(meta.filter((m) => m.region.trim() === '').map((m) => m.code));
    const known = new Set(meta.map((m) => m.code));
    expect(aggregates.size).toBeGreaterThan(40);
    for (const f of WIDE) {
      for (const [code, name] of wdiWideAreas(f)) {
        const got = resolveArea(code, 'wb');
        expect(got, `${f}: ${code} ${name}`).not.toBeNull();
        expect(resolveArea(name), `${f}: name ${name}`).toMatchObject({ code: got!.code });
        // INX "Not classified" appears in the 2018 files only: a residual group, not an economy
        const isAggregate = aggregates.has(code) || !known.has(code);
        expect(got!.type, `${code} ${name}`).toBe(isAggregate ? 'aggregate' : 'country');
      }
    }
    for (const a of wbApiAreas()) {
      const got = resolveArea(a.iso3 || a.id, 'wb');
      expect(got, `${a.id} ${a.name}`).not.toBeNull();
      if (!a.iso3) expect(got!.type, `${a.id} ${a.name}`).toBe('aggregate');
    }
  });

  it('resolves every OWID entity name, and the ASEAN ones to the right country', () => {
    for (const e of owidEntities()) expect(resolveArea(e, undefined, { source: 'owid' }), e).not.toBeNull();
    const want: Record<string, string> = {
      Brunei: 'BRN',
      Cambodia: 'KHM',
      Indonesia: 'IDN',
      Laos: 'LAO',
      Malaysia: 'MYS',
      Myanmar: 'MMR',
      Philippines: 'PHL',
      Singapore: 'SGP',
      Thailand: 'THA',
      Vietnam: 'VNM',
    };
    for (const [name, code] of Object.entries(want))
      expect(resolveArea(name, undefined, { source: 'owid' })).toMatchObject({ code, type: 'country' });
    expect(resolveArea('World', 'name')).toMatchObject({ code: 'WLD', type: 'aggregate' });
    expect(resolveArea('South-Eastern Asia')).toMatchObject({ type: 'aggregate' });
  });

  it('reads source-specific names only for their source', () => {
    expect(resolveArea('Sub-Saharan Africa')).toMatchObject({ code: 'SSF' });
    expect(resolveArea('Sub-Saharan Africa', undefined, { source: 'owid' })).toMatchObject({ code: 'M49_202' });
  });

  it('ignores case, Latin diacritics and punctuation, and keeps other scripts', () => {
    for (const t of ['viet nam', 'VIETNAM', 'Việt Nam', 'Viet-Nam', ' viet  nam '])
      expect(resolveArea(t), t).toMatchObject({ code: 'VNM' });
    for (const t of [
      "Lao People's Democratic Republic",
      'Lao Peoples Democratic Republic',
      "LAO PEOPLE'S DEM. REP.",
      'Lao P.D.R.',
      'Laos',
      'lao pdr',
    ]) {
      expect(resolveArea(t), t).toMatchObject({ code: 'LAO' });
    }
    expect(resolveArea('Burma')).toMatchObject({ code: 'MMR' });
    expect(resolveArea('Kampuchea')).toMatchObject({ code: 'KHM' });
    expect(resolveArea('ประเทศไทย')).toMatchObject({ code: 'THA' });
    expect(normaliseAreaName('Côte d’Ivoire')).toBe('cote divoire');
    expect(normaliseAreaName("Côte d'Ivoire")).toBe('cote divoire');
    expect(resolveArea('D.K.I. Jakarta')).toMatchObject({ code: 'ID-JK' });
    expect(resolveArea('St. Lucia')).toMatchObject({ code: 'LCA' });
  });

  it('resolves Indonesian provinces by ISO 3166-2 code, name and BPS code', () => {
    expect(resolveArea('ID-JK')).toEqual({ code: 'ID-JK', type: 'subnational', name: 'DKI Jakarta', asean: true });
    expect(resolveArea('id-jk', 'iso3166_2')).toMatchObject({ code: 'ID-JK' });
    expect(resolveArea('DKI Jakarta')).toMatchObject({ code: 'ID-JK' });
    expect(resolveArea('31', 'nso', { parent: 'IDN' })).toMatchObject({ code: 'ID-JK' });
    expect(r.entry('ID-JK')?.parent).toBe('IDN');
    // bare digits are read as M49 (031 is Azerbaijan), never as a BPS code without the 'nso' system
    expect(resolveArea('31')).toMatchObject({ code: 'AZE' });
  });

  it('resolves Malaysian states and Thai provinces, national codes only within their country', () => {
    expect(resolveArea('TH-10')).toMatchObject({ code: 'TH-10', type: 'subnational' });
    expect(resolveArea('Krung Thep Maha Nakhon')).toMatchObject({ code: 'TH-10' });
    expect(resolveArea('Penang')).toMatchObject({ code: 'MY-07' });
    expect(resolveArea('10', 'nso', { parent: 'THA' })).toMatchObject({ code: 'TH-10' });
    expect(resolveArea('10', 'nso', { parent: 'MYS' })).toMatchObject({ code: 'MY-10' });
    // the same national code in two countries is ambiguous without the country
    expect(r.lookup('31', 'nso')).toEqual({ status: 'ambiguous', candidates: ['ID-JK', 'TH-31'] });
  });

  it('returns null for unknown text and never guesses', () => {
    for (const t of ['', '   ', 'Atlantis', 'XXX', 'Viet', 'Indo', 'ASEAN-11', '9999', 'Korea']) expect(resolveArea(t), t).toBeNull();
    expect(resolveArea(70.4)).toBeNull();
    expect(r.lookup('Atlantis')).toEqual({ status: 'unknown' });
    expect(resolveArea('VNM', 'adb')).toBeNull();
  });

  it('returns null with the candidates when two areas claim the same text', () => {
    const tiny = new AreaResolver({
      id: 'CL_AREA',
      version: '1.0.0',
      name: 'test',
      source: { document: 'test' },
      verified: true,
      codes: [
        { id: 'AAA', name: 'Alpha', type: 'country', adb: 'BBB' },
        { id: 'BBB', name: 'Beta', type: 'country', names: ['Alpha Beta'] },
        { id: 'CCC', name: 'Gamma', type: 'country', names: ['Alpha Beta'] },
      ],
    });
    expect(tiny.lookup('BBB')).toEqual({ status: 'ambiguous', candidates: ['AAA', 'BBB'] });
    expect(tiny.resolveArea('BBB')).toBeNull();
    expect(tiny.resolveArea('BBB', 'adb')).toMatchObject({ code: 'AAA' });
    expect(tiny.resolveArea('BBB', 'id')).toMatchObject({ code: 'BBB' });
    expect(tiny.lookup('alpha beta')).toEqual({ status: 'ambiguous', candidates: ['BBB', 'CCC'] });
    expect(tiny.conflicts()).toEqual([{ system: 'name', key: 'alpha beta', codes: ['BBB', 'CCC'] }]);
  });
});
