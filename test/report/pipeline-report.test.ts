import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { divideDefault } from '../../src/divide/index.js';
import { buildPipelineReport, reportTables, writeReport, type ReportDocument } from '../../src/report/index.js';
import { checkReportInBrowser, SCREENSHOT_DIR } from './browser.js';

const ROOT = join(import.meta.dirname, '../..');
let dir: string;
let doc: ReportDocument;

beforeAll(async () => {
  // a pipeline output folder: the harmonised WDI observations (the divide stage's fixture) and the divide outputs
  dir = mkdtempSync(join(tmpdir(), 'digicge-pipeline-'));
  copyFileSync(join(ROOT, 'test/divide/data/harmonised_wdi.csv'), join(dir, 'observations.csv'));
  await divideDefault(join(dir, 'observations.csv'), join(dir, 'divide'));
  doc = buildPipelineReport(dir, { methodNotes: ['Test note.'] });
}, 120_000);

describe('the pipeline report', () => {
  it('has coverage, divide, methods and provenance sections built from the stage outputs', () => {
    expect(doc.sections.map((s) => s.id)).toEqual(['coverage', 'divide', 'methods', 'provenance']);
    const tables = Object.fromEntries(reportTables(doc).map((t) => [t.id, t]));
    // the 2000 Gini of Internet use across the nine Member States with data stands apart from the
    // balanced panel; 2001 (all ten) is in it, as the divide stage computed them
    const gini = (y: number) =>
      Number(
        readFileSync(join(dir, 'divide/dispersion.csv'), 'utf8')
          .split('\n')
          .find((l) => l.startsWith(`HH7,${y},`))!
          .split(',')[12],
      );
    expect(tables.dispersion!.rows.find((r) => r.year === 2000)).toBeUndefined();
    expect(tables.dispersion_incomplete!.rows.find((r) => r.year === 2000)!.gini).toBe(gini(2000));
    expect(tables.dispersion_incomplete!.rows.find((r) => r.year === 2000)!.missing).toBe('MMR');
    expect(tables.dispersion!.rows.find((r) => r.year === 2001)!.gini).toBe(gini(2001));
    expect(tables.index_ranks!.rows.length).toBe(10);
    expect(tables.coverage!.rows.map((r) => r.area)).toEqual(['BRN', 'IDN', 'KHM', 'LAO', 'MMR', 'MYS', 'PHL', 'SGP', 'THA', 'VNM']);
  });

  it('writes report.html, results.xlsx and summary.md, the workbook a sheet per table', async () => {
    const files = await writeReport(join(dir, 'report'), doc, ['Provenance: test.']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(files.workbook) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['README', ...reportTables(doc).map((t) => t.id)]);
    expect(readFileSync(files.summary, 'utf8')).toContain('## The digital divide');
  });

  it('renders in a browser with its charts and no console error', async () => {
    const files = await writeReport(join(dir, 'report'), doc);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const r = await checkReportInBrowser(files.html, join(SCREENSHOT_DIR, 'report-pipeline.png'));
    expect(r.errors).toEqual([]);
    expect(r.requests).toEqual([]);
    expect(r.charts.length).toBeGreaterThanOrEqual(2);
    for (const c of r.charts) expect(c.marks).toBeGreaterThan(10);
  });
});
