import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { OBSERVATION_COLUMNS, readObservations } from '../../src/harmonise/index.js';
import { tmp } from './helpers.js';

const root = join(import.meta.dirname, '../..');
/** The eleven ASEAN Member States (Timor-Leste since 26 October 2025): the harmonise scope is every State that is or has been a member. */
const AMS = ['BRN', 'IDN', 'KHM', 'LAO', 'MMR', 'MYS', 'PHL', 'SGP', 'THA', 'TLS', 'VNM'];

describe('digicge harmonise on the 2024 WDI internet-users file', () => {
  it('gives HH7 for all ten Member States under ISO3, values equal to the source cells, every cell accounted for', () => {
    const out = tmp();
    const r = spawnSync(
      process.execPath,
      [join(root, 'bin/digicge.js'), 'harmonise', '--mapping', 'datasets/mappings/wdi2024_internet_users.json', '--out', out],
      { cwd: root, encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const m = /(\d+) observations from (\d+) input cells of 1 source\(s\): (\d+) rejected, (\d+) filtered/.exec(r.stdout);
    expect(m).not.toBeNull();
    const [obsN, cells, rej, filt] = m!.slice(1).map(Number);

    // the source, read independently with csv-parse
    const src = parse(readFileSync(join(root, 'datasets/wdi/figurefriday2024_API_IT.NET.USER.ZS_DS2_en_csv_v2_2160.csv')), {
      bom: true,
      columns: true,
      relax_column_count: false,
    }) as Record<string, string>[];
    const years = Object.keys(src[0]).filter((k) => /^\d{4}$/.test(k));
    expect(cells).toBe(src.length * years.length);
    expect(cells).toBe(obsN + rej + filt);

    const { rows } = readObservations(join(out, 'observations.csv'));
    expect(readFileSync(join(out, 'observations.csv'), 'utf8').split('\n')[0]).toBe(OBSERVATION_COLUMNS.join(','));
    expect(rows).toHaveLength(obsN);
    expect([...new Set(rows.map((o) => o.REF_AREA))].sort()).toEqual(AMS);
    expect(
      rows.every((o) => o.INDICATOR === 'HH7' && o.UNIT_MEASURE === 'PERCENT' && o.SEX === '_T' && o.RELEASE_DATE === '2024-11-25'),
    ).toBe(true);
    for (const o of rows) {
      const line = src.find((s) => s['Country Code'] === o.REF_AREA)!;
      expect(o.OBS_VALUE).toBe(Number(line[o.TIME_PERIOD]));
      expect(o.PROV_COLUMN).toBe(o.TIME_PERIOD);
      // provenance row: header is line 1, data rows follow one per line
      expect(o.PROV_ROW).toBe(src.indexOf(line) + 2);
    }
    // every non-empty, non-padding cell of the ten Member States is an observation
    for (const code of AMS) {
      const line = src.find((s) => s['Country Code'] === code)!;
      const vals = years.map((y) => [y, line[y]] as const).filter(([, v]) => v !== '');
      const firstNonZero = vals.findIndex(([, v]) => Number(v) !== 0);
      const expected = vals.slice(firstNonZero).map(([y]) => y);
      expect(rows.filter((o) => o.REF_AREA === code).map((o) => o.TIME_PERIOD)).toEqual(expected);
    }
    expect(readFileSync(join(out, 'quality.md'), 'utf8')).toContain(
      `${cells} cells = ${obsN} observations + ${rej} rejected + ${filt} filtered`,
    );
  });
});
