/**
 * The PDF of the guideline: Debian's chromium, headless, prints the site's one-page edition
 * (`guideline-print.html`). Chromium stamps the time of printing into the file's information
 * dictionary; the PDF's creation and modification dates are set to the guideline's release date
 * instead (same length, so the cross-reference offsets stand), so that printing the same site into
 * the same folder gives the same bytes. Links to the site's files are written by chromium as
 * absolute `file://` addresses of the folder printed.
 * @module
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { OutputError, UsageError } from '../../errors.js';

/** Debian's chromium (`sudo npm run setup:debian` installs it). */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Sets the `/CreationDate` and `/ModDate` of a PDF's information dictionary to midnight UTC of
 * `date` (YYYY-MM-DD), where the written date has the length of PDF's full form
 * `D:YYYYMMDDHHmmSS+00'00'`, so that no byte offset moves; other dates are left as they are.
 * @param pdf the file's bytes
 * @param date the release date, YYYY-MM-DD
 * @returns the bytes with the dates replaced (a new buffer)
 */
export function stampPdfDates(pdf: Buffer, date: string): Buffer {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError('USAGE_BAD_DATE', `the release date "${date}" is not YYYY-MM-DD`);
  const stamp = `D:${date.replace(/-/g, '')}000000+00'00'`;
  const text = pdf
    .toString('latin1')
    .replace(/\/(CreationDate|ModDate) \((D:\d{14}[+\-Z][^)]*)\)/g, (all, key: string, old: string) =>
      old.length === stamp.length ? `/${key} (${stamp})` : all,
    );
  return Buffer.from(text, 'latin1');
}

/**
 * Prints `<siteDir>/guideline-print.html` to `pdfPath`, dated `date` when given.
 * @throws UsageError `CHROMIUM_MISSING`; OutputError `PDF_FAILED` when chromium exits with an error or writes nothing
 */
export function printGuidelinePdf(siteDir: string, pdfPath: string, chromium = CHROMIUM, date?: string): void {
  if (!existsSync(chromium))
    throw new UsageError(
      'CHROMIUM_MISSING',
      `${chromium} is missing: install Debian's chromium with \`sudo npm run setup:debian\` (or pass --no-pdf)`,
    );
  const r = spawnSync(
    chromium,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--no-pdf-header-footer',
      `--print-to-pdf=${pdfPath}`,
      pathToFileURL(join(siteDir, 'guideline-print.html')).href,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (r.status !== 0 || !existsSync(pdfPath) || statSync(pdfPath).size === 0)
    throw new OutputError(
      'PDF_FAILED',
      `chromium could not print the guideline (exit ${r.status}): ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' ')}`,
      {
        file: pdfPath,
      },
    );
  if (date !== undefined) writeFileSync(pdfPath, stampPdfDates(readFileSync(pdfPath), date));
}
