import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { writePipelineReport } from '../../src/report/index.js';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/digicge.js');
let dir: string;

async function workbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return wb;
}

beforeAll(() => {
  // a folder of stage outputs: harmonised observations, two checked SAMs and the CGE tables of one scenario
  dir = mkdtempSync(join(tmpdir(), 'digicge-report-dir-'));
  copyFileSync(join(ROOT, 'test/divide/data/harmonised_wdi.csv'), join(dir, 'observations.csv'));
  mkdirSync(join(dir, 'sam'));
  mkdirSync(join(dir, 'simulate'));
  for (const a of ['THA', 'VNM']) copyFileSync(join(ROOT, 'datasets/sam/asean', `${a}.csv`), join(dir, 'sam', `${a}.csv`));
  writeFileSync(
    join(dir, 'sam', 'checks.csv'),
    'area,accounts,balanced_accounts,balanced,gdp_production,gdp_expenditure,unit,note\nTHA,27,27,yes,1,1,US$ million,\nVNM,27,27,yes,1,1,US$ million,\n',
  );
  writeFileSync(
    join(dir, 'simulate', 'sectors.csv'),
    'area,scenario,good,output_base,output_pct,price_pct,value_added_base,value_added\nTHA,s1,AGR,56544.29984,-0.06473482595,0.3679111145,38160.47291,38284.25429\n',
  );
  writeFileSync(
    join(dir, 'simulate', 'factors.csv'),
    'area,scenario,factor,employment_base,employment,wage_pct,real_wage_pct\nTHA,s1,LAB,16610.5,16610.5,0.68,0.39\n',
  );
  writeFileSync(
    join(dir, 'simulate', 'trade.csv'),
    'area,scenario,good,exports_base,exports_pct,imports_base,imports_pct\nTHA,s1,AGR,21132.6,-0.0537,13005.9,-0.0888\n',
  );
  writeFileSync(join(dir, 'method-notes.md'), '# Method notes\n\n- A first note.\n- A second note.\n');
});

describe('the workbook of a pipeline folder', () => {
  it('has a SAM sheet per checked SAM with its totals and unit, recomputed from the SAM file', async () => {
    const out = join(dir, 'out1');
    await writePipelineReport(dir, { outDir: out });
    const wb = await workbook(join(out, 'results.xlsx'));
    for (const area of ['THA', 'VNM']) {
      const ws = wb.getWorksheet(`SAM_${area}`)!;
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, xSplit: 1 });
      expect(String(ws.getCell(1, 1).value)).toContain('(US$ million)');
      const grid = parse(readFileSync(join(dir, 'sam', `${area}.csv`), 'utf8')) as string[][];
      const labels = grid[0]!.slice(1);
      const n = labels.length;
      const cells = grid.slice(1).map((r) => r.slice(1).map((t) => (t === '' ? 0 : Number(t))));
      expect(labels.map((_, j) => ws.getCell(2, j + 2).value)).toEqual(labels);
      expect(ws.getCell(2, n + 2).value).toBe('Total (US$ million)');
      for (let i = 0; i < n; i++) {
        expect(ws.getCell(i + 3, 1).value).toBe(labels[i]);
        for (let j = 0; j < n; j++) expect(ws.getCell(i + 3, j + 2).value ?? 0).toBe(cells[i]![j]);
        expect(ws.getCell(i + 3, n + 2).value as number).toBeCloseTo(
          cells[i]!.reduce((a, b) => a + b, 0),
          6,
        );
      }
      for (let j = 0; j < n; j++) {
        const colTotal = cells.reduce((a, r) => a + r[j]!, 0);
        expect(ws.getCell(n + 3, j + 2).value as number).toBeCloseTo(colTotal, 6);
        // the shipped SAMs balance: row total − column total is nil for every account
        expect(Math.abs(ws.getCell(n + 4, j + 2).value as number)).toBeLessThan(1e-6 * Math.max(1, colTotal));
      }
    }
  });

  it('has CGE sector, factor and trade sheets with the simulate numbers as numbers', async () => {
    const wb = await workbook(join(dir, 'out1', 'results.xlsx'));
    const s = wb.getWorksheet('cge_sectors')!;
    expect([1, 2, 3, 4, 5].map((c) => s.getCell(3, c).value)).toEqual(['THA', 's1', 'AGR', 56544.29984, -0.06473482595]);
    expect(s.getCell(2, 4).value).toBe('Output, benchmark (US$ million)');
    expect(s.getCell(2, 5).value).toBe('Output (% change)');
    expect(wb.getWorksheet('cge_factors')!.getCell(3, 6).value).toBe(0.68);
    expect(wb.getWorksheet('cge_trade')!.getCell(3, 7).value).toBe(-0.0888);
  });

  it('is dated by the latest release date of the observations and names it in the README', async () => {
    const releases = (parse(readFileSync(join(dir, 'observations.csv'), 'utf8'), { columns: true }) as { RELEASE_DATE: string }[])
      .map((r) => r.RELEASE_DATE)
      .sort();
    const vintage = releases[releases.length - 1]!;
    const wb = await workbook(join(dir, 'out1', 'results.xlsx'));
    expect(wb.created.toISOString().slice(0, 10)).toBe(vintage);
    const readme = wb.getWorksheet('README')!;
    const text = Array.from({ length: readme.rowCount }, (_, i) => String(readme.getCell(i + 1, 1).value ?? '')).join('\n');
    expect(text).toContain(`Data vintage ${vintage}`);
  });

  it('is rebuilt by `digicge report <dir>` with the same bytes, and the method notes of the folder', () => {
    const a = spawnSync(process.execPath, [BIN, 'report', dir, '--out', join(dir, 'out2')], { encoding: 'utf8' });
    expect(a.status, a.stderr).toBe(0);
    for (const f of ['report.html', 'results.xlsx', 'summary.md']) {
      expect(Buffer.compare(readFileSync(join(dir, 'out1', f)), readFileSync(join(dir, 'out2', f))), f).toBe(0);
    }
    expect(readFileSync(join(dir, 'out2', 'report.html'), 'utf8')).toContain('A second note.');
  });

  it('refuses a folder without stage outputs, and a missing one, with a located message', () => {
    const empty = mkdtempSync(join(tmpdir(), 'digicge-report-empty-'));
    const r = spawnSync(process.execPath, [BIN, 'report', empty], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${empty}: the folder holds no stage output`);
    expect(r.stderr).toContain('[REPORT_NO_STAGE_OUTPUTS]');
    const m = spawnSync(process.execPath, [BIN, 'report', join(empty, 'nope')], { encoding: 'utf8' });
    expect(m.status).toBe(2);
    expect(m.stderr).toContain('[USAGE_NO_FOLDER]');
  });
});
