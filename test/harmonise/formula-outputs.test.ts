import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { readObservations } from '../../src/harmonise/read.js';
import { tmp } from './helpers.js';

const BIN = join(import.meta.dirname, '../../bin/digicge.js');
const SOURCE = { title: 't', publisher: 'test', releaseDate: '2024-01-01', priority: 1 };

describe('observations.csv is safe to open in a spreadsheet', () => {
  it('neutralises PROV_FILE, PROV_MAPPING and PROV_COLUMN, rejects a formula-like wide-layout period with neutralised text, and reads them back exactly', () => {
    const dir = tmp();
    writeFileSync(join(dir, '-data.csv'), 'area,=HYPERLINK("http://x")\nVNM,70\n');
    writeFileSync(join(dir, '@wide.csv'), 'area,=1+2020\nTHA,80\n');
    const long = {
      source: { id: 'T1', ...SOURCE },
      format: { type: 'csv' },
      unit: { measure: 'PERCENT' },
      file: '-data.csv',
      layout: { type: 'long', valueColumns: [{ column: '=HYPERLINK("http://x")', indicator: 'HH7' }] },
      dimensions: { REF_AREA: { column: 'area' }, TIME_PERIOD: { value: '2020' } },
    };
    const wide = {
      source: { id: 'T2', ...SOURCE },
      format: { type: 'csv' },
      unit: { measure: 'PERCENT' },
      file: '@wide.csv',
      layout: { type: 'wide', timeColumns: '2020', indicator: 'HH7' },
      dimensions: { REF_AREA: { column: 'area' } },
    };
    writeFileSync(join(dir, '=long.json'), JSON.stringify(long));
    writeFileSync(join(dir, '+wide.json'), JSON.stringify(wide));
    const r = spawnSync(process.execPath, [BIN, 'harmonise', '--mapping', '=long.json', '+wide.json', '--out', 'out'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    const path = join(dir, 'out', 'observations.csv');
    const rows = parse(readFileSync(path, 'utf8'), { columns: true }) as Record<string, string>[];
    // the wide layout's column `=1+2020` is no period: its cell is rejected, not written as TIME_PERIOD
    expect(rows).toHaveLength(1);
    const rejects = parse(readFileSync(join(dir, 'out', 'rejects.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const tha = rejects.filter((x) => x.SOURCE_ID === 'T2');
    expect(tha.map((x) => x.REASON)).toEqual(['BAD_TIME_PERIOD']);
    expect(tha[0]).toMatchObject({ FILE: "'@wide.csv", COLUMN: "'=1+2020" });
    // no text cell begins with a character a spreadsheet runs as a formula
    for (const row of rows) for (const [k, v] of Object.entries(row)) if (k !== 'OBS_VALUE') expect(v, k).not.toMatch(/^[=+\-@\t\r]/);
    const byArea = Object.fromEntries(rows.map((o) => [o.REF_AREA, o]));
    expect(byArea.VNM).toMatchObject({ PROV_FILE: "'-data.csv", PROV_COLUMN: `'=HYPERLINK("http://x")`, PROV_MAPPING: "'=long.json" });
    // the next stages read the original text back
    const back = Object.fromEntries(readObservations(path).rows.map((o) => [o.REF_AREA, o]));
    expect(back.VNM).toMatchObject({ PROV_FILE: '-data.csv', PROV_COLUMN: '=HYPERLINK("http://x")', PROV_MAPPING: '=long.json' });
  });
});
