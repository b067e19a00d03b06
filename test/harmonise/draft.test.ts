import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { harmonise, loadMapping } from '../../src/harmonise/index.js';
import { draftMapping } from '../../src/harmonise/draft/index.js';
import { tmp } from './helpers.js';

const root = join(import.meta.dirname, '../..');
const REAL = join(import.meta.dirname, 'data/real');
/** The eleven ASEAN Member States (Timor-Leste since 26 October 2025): the harmonise scope is every State that is or has been a member. */
const AMS = ['BRN', 'IDN', 'KHM', 'LAO', 'MMR', 'MYS', 'PHL', 'SGP', 'THA', 'TLS', 'VNM'];

/** observations.csv read with csv-parse, not with the project's reader. */
function observationsCsv(dir: string): Record<string, string>[] {
  return parse(readFileSync(join(dir, 'observations.csv')), { columns: true }) as Record<string, string>[];
}

/** CL_AREA names (upper case) → code, read from the guideline file directly. */
function areaNames(): Map<string, string> {
  const cl = JSON.parse(readFileSync(join(root, 'guidelines/codelists/CL_AREA.json'), 'utf8')) as {
    codes: { id: string; name: string; names?: string[] }[];
  };
  const m = new Map<string, string>();
  for (const c of cl.codes) for (const n of [c.name, ...(c.names ?? [])]) m.set(n.toUpperCase(), c.id);
  return m;
}

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [join(root, 'bin/digicge.js'), ...args], { cwd: root, encoding: 'utf8' });
}

/** Every object the draft guessed carries a $comment. */
function expectComments(m: Record<string, unknown>): void {
  const obj = (x: unknown) => x as Record<string, unknown>;
  for (const part of ['source', 'format', 'layout', 'unit', 'filters']) expect(obj(m[part]).$comment, part).toBeDefined();
  for (const [k, d] of Object.entries(obj(m.dimensions))) expect(obj(d).$comment, `dimensions.${k}`).toBeDefined();
  const lay = obj(m.layout);
  if (lay.type === 'long')
    for (const v of lay.valueColumns as Record<string, unknown>[]) expect(v.$comment, String(v.column)).toBeDefined();
}

describe('mapping draft + harmonise on real national and international files', () => {
  it('a BPS provincial urban/rural table (stacked header, preamble, "-" for Jakarta rural): every province × U/R/_T value equals the source cell', () => {
    const dir = tmp();
    const file = join(REAL, 'bps_households_internet_province_urban_rural_2024.csv');
    const mappingPath = join(dir, 'bps.json');
    const d = run(['mapping', 'draft', file, '--indicator', 'HH6', '--out', mappingPath]);
    expect(d.stderr).toBe('');
    expect(d.status).toBe(0);
    const drafted = JSON.parse(readFileSync(mappingPath, 'utf8')) as Record<string, unknown>;
    expectComments(drafted);
    expect(loadMapping(mappingPath).mapping.dimensions.INDICATOR).toMatchObject({ value: 'HH6' });
    const h = run(['harmonise', '--mapping', mappingPath, '--out', join(dir, 'out')]);
    expect(h.stderr).toBe('');
    expect(h.status).toBe(0);
    expect(h.stdout).toContain('117 observations from 117 input cells of 1 source(s): 0 rejected, 0 filtered (every cell accounted for)');

    // the source read independently: line 3 names the urban/rural group, line 4 the year
    const src = parse(readFileSync(file), { bom: true, relax_column_count: true }) as string[][];
    const groups = src[2].slice(1);
    const years = src[3].slice(1);
    expect(groups).toEqual(['Perkotaan', 'Perdesaan', 'Perkotaan+Perdesaan']);
    const URB: Record<string, string> = { Perkotaan: 'U', Perdesaan: 'R', 'Perkotaan+Perdesaan': '_T' };
    const names = areaNames();
    const obs = observationsCsv(join(dir, 'out'));
    const byKey = new Map(obs.map((o) => [`${o.REF_AREA}|${o.URBANISATION}|${o.TIME_PERIOD}`, o]));
    const rows = src.slice(4);
    expect(rows).toHaveLength(39);
    let checked = 0;
    for (const r of rows) {
      const code = names.get(r[0].toUpperCase());
      expect(code, r[0]).toBeDefined();
      for (let c = 0; c < 3; c++) {
        const o = byKey.get(`${code}|${URB[groups[c]]}|${years[c]}`);
        expect(o, `${r[0]} ${groups[c]}`).toBeDefined();
        expect(o!.INDICATOR).toBe('HH6');
        expect(o!.PROV_COLUMN).toBe(`${groups[c]} / ${years[c]}`);
        if (r[c + 1] === '-') {
          expect(['', 'NaN']).toContain(o!.OBS_VALUE);
          expect(o!.OBS_STATUS).toBe('M');
        } else {
          expect(Number(o!.OBS_VALUE)).toBe(Number(r[c + 1]));
          expect(o!.OBS_STATUS).toBe('A');
        }
        checked++;
      }
    }
    expect(checked).toBe(117);
    expect(obs).toHaveLength(117);
    const areas = new Set(obs.map((o) => o.REF_AREA));
    expect(areas.size).toBe(39);
    expect([...areas].filter((a) => a.startsWith('ID-'))).toHaveLength(38);
    expect(areas.has('ID-PD') && areas.has('ID-PE') && areas.has('ID-PS') && areas.has('ID-PT')).toBe(true);
  });

  it('a WDI download of another release (2019, fixed broadband): the indicator is recognised from its series code, values equal the source', async () => {
    const dir = tmp();
    const file = join(REAL, 'API_IT.NET.BBND.P2_DS2_en_csv_v2_43250.csv');
    const out = join(dir, 'wdi.json');
    const { mapping } = await draftMapping(file, { out });
    expectComments(mapping as unknown as Record<string, unknown>);
    expect(mapping.source).toMatchObject({ class: 'world_bank', dataset: 'WDI', releaseDate: '2019-07-10' });
    expect(mapping.format).toMatchObject({ type: 'csv', skipRows: 4 });
    writeFileSync(out, JSON.stringify(mapping, null, 2));
    const r = await harmonise({ mappings: [out], outDir: join(dir, 'out') });
    expect(r.counts.rejected).toBe(0);

    const src = parse(readFileSync(file), { bom: true, from_line: 5, columns: true, relax_column_count: true }) as Record<string, string>[];
    const years = Object.keys(src[0]).filter((k) => /^\d{4}$/.test(k));
    expect(r.counts.cells).toBe(src.length * years.length);
    const obs = observationsCsv(join(dir, 'out'));
    let expected = 0;
    for (const code of AMS) {
      const line = src.find((s) => s['Country Code'] === code)!;
      const filled = years.filter((y) => line[y] !== '');
      const start = filled.findIndex((y) => Number(line[y]) !== 0);
      const kept = start < 0 ? [] : filled.slice(start);
      expected += kept.length;
      const mine = obs.filter((o) => o.REF_AREA === code);
      expect(
        mine.map((o) => o.TIME_PERIOD),
        code,
      ).toEqual(kept);
      for (const o of mine) {
        expect(o.INDICATOR).toBe('i4213tfbb');
        expect(Number(o.OBS_VALUE)).toBe(Number(line[o.TIME_PERIOD]));
      }
    }
    expect(obs).toHaveLength(expected);
    expect(r.counts.cells).toBe(r.counts.observations + r.counts.rejected + r.counts.filtered);
  });

  it('an ITU DataHub export (via World Bank Data360): indicator, period, status and breakdown columns found, values and statuses equal the source', async () => {
    const dir = tmp();
    const file = join(REAL, 'ITU_DH_POP_COV_4G_selected_lines.csv');
    const out = join(dir, 'itu.json');
    const { mapping } = await draftMapping(file, { out, releaseDate: '2025-11-01' });
    expectComments(mapping as unknown as Record<string, unknown>);
    expect(mapping.source).toMatchObject({ class: 'itu', dataset: 'ITU_DH' });
    expect(mapping.dimensions).toMatchObject({
      REF_AREA: { column: 'REF_AREA' },
      INDICATOR: { column: 'INDICATOR', codeMap: { ITU_DH_POP_COV_4G: 'i271GA' } },
      TIME_PERIOD: { column: 'TIME_PERIOD' },
      OBS_STATUS: { column: 'OBS_STATUS' },
      SEX: { column: 'SEX' },
      AGE: { column: 'AGE' },
      URBANISATION: { column: 'URBANISATION' },
    });
    writeFileSync(out, JSON.stringify(mapping, null, 2));
    const r = await harmonise({ mappings: [out], outDir: join(dir, 'out') });

    const src = parse(readFileSync(file), { columns: true }) as Record<string, string>[];
    const ams = src.filter((s) => AMS.includes(s.REF_AREA));
    const obs = observationsCsv(join(dir, 'out'));
    expect(obs).toHaveLength(ams.length);
    for (const s of ams) {
      const o = obs.find((x) => x.REF_AREA === s.REF_AREA && x.TIME_PERIOD === s.TIME_PERIOD)!;
      expect(o, `${s.REF_AREA} ${s.TIME_PERIOD}`).toBeDefined();
      expect([o.INDICATOR, o.SEX, o.AGE, o.URBANISATION, o.UNIT_MEASURE, o.OBS_STATUS]).toEqual([
        'i271GA',
        s.SEX,
        s.AGE,
        s.URBANISATION,
        'PERCENT',
        s.OBS_STATUS,
      ]);
      expect(Number(o.OBS_VALUE)).toBe(Number(s.OBS_VALUE));
    }
    const src0 = r.counts.sources[0];
    expect(src0.rejected).toBe(0);
    expect(src0.filtered.AGGREGATE).toBe(src.filter((s) => s.REF_AREA === 'EAS' || s.REF_AREA === 'WLD').length);
    expect(src0.filtered.OUT_OF_SCOPE).toBe(src.filter((s) => ['CHN', 'XKX'].includes(s.REF_AREA)).length);
    // the 31 columns the mapping does not read are listed, with what they hold
    expect(src0.unmapped!.map((u) => u.column)).toContain('REF_AREA_LABEL');
    expect(src0.unmapped!.find((u) => u.column === 'UNIT_MULT')).toMatchObject({ cells: src.length, numeric: src.length });
  });

  it('drafts the same mapping twice (deterministic) and refuses a table without a period unless --period is given', async () => {
    const dir = tmp();
    const file = join(REAL, 'bps_households_internet_province_urban_rural_2024.csv');
    const a = await draftMapping(file, { out: join(dir, 'a.json'), indicator: 'HH6', releaseDate: '2025-02-01' });
    const b = await draftMapping(file, { out: join(dir, 'a.json'), indicator: 'HH6', releaseDate: '2025-02-01' });
    expect(JSON.stringify(a.mapping)).toBe(JSON.stringify(b.mapping));
    const noYear = join(dir, 'noyear.csv');
    writeFileSync(noYear, 'Province,Urban,Rural,Total\nAceh,92.6,86.97,88.95\nBali,94.74,85.25,92.16\n');
    await expect(draftMapping(noYear, { out: join(dir, 'n.json'), indicator: 'HH6' })).rejects.toMatchObject({
      code: 'USAGE_DRAFT_NO_PERIOD',
    });
    const fixed = await draftMapping(noYear, { out: join(dir, 'n.json'), indicator: 'HH6', period: '2024' });
    expect(fixed.mapping.dimensions.TIME_PERIOD).toMatchObject({ value: '2024' });
    expect(fixed.mapping.layout).toMatchObject({
      type: 'long',
      valueColumns: [
        { column: 'Urban', dimensions: { URBANISATION: 'U' } },
        { column: 'Rural', dimensions: { URBANISATION: 'R' } },
        { column: 'Total', dimensions: { URBANISATION: '_T' } },
      ],
    });
  });
});
