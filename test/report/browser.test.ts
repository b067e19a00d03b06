import { describe, expect, it } from 'vitest';
import { mkdirSync, statSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderReportHtml } from '../../src/report/index.js';
import { checkReportInBrowser, SCREENSHOT_DIR } from './browser.js';
import { sampleReport } from './fixture.js';

describe('HTML report in a browser', () => {
  it('renders its charts with no console errors and no network request, and is screenshotted', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'digicge-report-'));
    const htmlPath = join(dir, 'report.html');
    await writeFile(htmlPath, renderReportHtml(await sampleReport()));
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const shot = join(SCREENSHOT_DIR, 'report-sample.png');
    const r = await checkReportInBrowser(htmlPath, shot);
    expect(r.title).toBe('Digital divide in ASEAN');
    expect(r.errors).toEqual([]);
    expect(r.requests).toEqual([]);
    expect(r.charts.length).toBe(1);
    expect(r.charts[0]!.width).toBeGreaterThan(50);
    expect(r.charts[0]!.marks).toBeGreaterThan(10);
    expect(statSync(shot).size).toBeGreaterThan(10_000);
  });
});
