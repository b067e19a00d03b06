/**
 * The PDF of the guideline: Debian's chromium, headless, prints the site's one-page edition
 * (`guideline-print.html`). Chromium stamps its own creation date into the file, so the PDF is
 * not byte-identical across runs; the HTML it prints is.
 * @module
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { OutputError, UsageError } from '../../errors.js';

/** Debian's chromium (`sudo npm run setup:debian` installs it). */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Prints `<siteDir>/guideline-print.html` to `pdfPath`.
 * @throws UsageError `CHROMIUM_MISSING`; OutputError `PDF_FAILED` when chromium exits with an error or writes nothing
 */
export function printGuidelinePdf(siteDir: string, pdfPath: string, chromium = CHROMIUM): void {
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
}
