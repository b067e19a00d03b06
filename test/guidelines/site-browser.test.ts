import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { SCREENSHOT_DIR } from '../report/browser.js';

const ROOT = join(import.meta.dirname, '../..');
const CHROMIUM = '/usr/bin/chromium';

describe('the guideline site and PDF in headless chromium', () => {
  it('built by `digicge guidelines site`: every page renders without console errors or network requests, every link resolves, search finds, print hides the navigation, the PDF has pages', async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(
        `${CHROMIUM} is missing: install it with \`sudo npm run setup:debian\`, or run the rest of the suite with \`DIGICGE_TEST_WITHOUT=browser npm test\``,
      );
    const out = mkdtempSync(join(tmpdir(), 'digicge-site-browser-'));
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/digicge.js'), 'guidelines', 'site', '--out', out], {
      encoding: 'utf8',
      timeout: 180_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const pdf = readFileSync(join(out, 'guideline.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(20);
    // dated by the release in CITATION.cff, not by the time of printing: a second print into the same folder gives the same bytes
    const released = /^date-released:\s*"?(\d{4})-(\d{2})-(\d{2})/m.exec(readFileSync(join(ROOT, 'CITATION.cff'), 'utf8'))!;
    expect(pdf.toString('latin1')).toContain(`/CreationDate (D:${released[1]}${released[2]}${released[3]}000000+00'00')`);
    const again = spawnSync(process.execPath, [join(ROOT, 'bin/digicge.js'), 'guidelines', 'site', '--out', out], {
      encoding: 'utf8',
      timeout: 180_000,
    });
    expect(again.status, again.stderr).toBe(0);
    expect(readFileSync(join(out, 'guideline.pdf')).equals(pdf)).toBe(true);
    const pages = [...readdirSync(out).filter((f) => f.endsWith('.html')), 'readiness/readiness.html'];
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('request', (q) => {
        if (!q.url().startsWith('file:')) requests.push(q.url());
      });
      const ids = new Map<string, Set<string>>();
      const links: { from: string; href: string }[] = [];
      for (const p of pages) {
        await page.goto(pathToFileURL(join(out, p)).href);
        expect(await page.locator('main h1').count(), p).toBeGreaterThan(0);
        ids.set(resolve(out, p), new Set(await page.$$eval('[id]', (els) => els.map((e) => e.id))));
        for (const href of await page.$$eval('a[href]', (as) => as.map((a) => (a as unknown as { href: string }).href)))
          links.push({ from: p, href });
      }
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      // every link is a file of the site, and its anchor an id of that file
      for (const { from, href } of links) {
        expect(href.startsWith('file:'), `${from}: ${href}`).toBe(true);
        const file = fileURLToPath(href.split('#')[0]!);
        const hash = href.split('#')[1];
        expect(existsSync(file), `${from} links to a missing ${file}`).toBe(true);
        if (hash && file.endsWith('.html')) {
          if (!ids.has(file)) {
            await page.goto(pathToFileURL(file).href);
            ids.set(file, new Set(await page.$$eval('[id]', (els) => els.map((e) => e.id))));
          }
          expect(ids.get(file)!.has(decodeURIComponent(hash)), `${from} links to #${hash} of ${file}`).toBe(true);
        }
      }
      // search: the eleventh Member State is found and its result opens a page of the site
      await page.goto(pathToFileURL(join(out, 'index.html')).href);
      await page.fill('#search', 'Timor-Leste');
      const results = page.locator('#results li a');
      expect(await results.count()).toBeGreaterThan(0);
      await results.first().click();
      expect(dirname(fileURLToPath(page.url().split('#')[0]!)).startsWith(out)).toBe(true);
      // print: the navigation is not printed
      await page.goto(pathToFileURL(join(out, 'guideline-print.html')).href);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('nav.side').isVisible()).toBe(false);
      expect(await page.locator('section.chapter').count()).toBeGreaterThan(10);
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await page.emulateMedia({ media: 'screen' });
      await page.goto(pathToFileURL(join(out, '08-methods.html')).href);
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'guideline-methods.png') });
    } finally {
      await browser.close();
    }
  }, 240_000);
});
