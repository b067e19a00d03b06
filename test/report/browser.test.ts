import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { renderReportHtml } from '../../src/report/index.js';
import { sampleReport } from './fixture.js';

/** Debian's chromium, installed by `npm install` (scripts/prepare.mjs). */
const CHROMIUM = '/usr/bin/chromium';
/** Where the screenshot is kept after `npm test`, for a person to look at. */
export const SCREENSHOT_DIR = join(import.meta.dirname, '../.artifacts');

/**
 * Opens an HTML report in headless chromium, checks that its charts render and that the page logs
 * no console error, and saves a full-page screenshot.
 */
export async function checkReportInBrowser(htmlPath: string, screenshot: string) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: run \`npm install\` as root (it installs Debian's chromium) or apt-get install chromium`);
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
    await page.goto(pathToFileURL(htmlPath).href);
    const charts = await page.$$eval('figure svg', (svgs) =>
      svgs.map((s) => {
        const box = s.getBoundingClientRect();
        return { width: box.width, height: box.height, marks: s.querySelectorAll('path, rect, line, text').length };
      }),
    );
    await page.screenshot({ path: screenshot, fullPage: true });
    return { charts, errors, requests, title: await page.title() };
  } finally {
    await browser.close();
  }
}

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
