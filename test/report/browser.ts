import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

/** Debian's chromium (`sudo npm run setup:debian` installs it; .ci/run does on CI). */
const CHROMIUM = '/usr/bin/chromium';
/** Where the screenshot is kept after `npm test`, for a person to look at. */
export const SCREENSHOT_DIR = join(import.meta.dirname, '../.artifacts');

/**
 * Opens an HTML report in headless chromium, checks that its charts render and that the page logs
 * no console error, and saves a full-page screenshot.
 */
export async function checkReportInBrowser(htmlPath: string, screenshot: string) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium with \`sudo npm run setup:debian\` (or \`apt-get install chromium\`), ` +
        'or run the rest of the suite with `DIGICGE_TEST_WITHOUT=browser npm test`',
    );
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
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
