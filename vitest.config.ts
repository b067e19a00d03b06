import { defineConfig } from 'vitest/config';

/**
 * Parts of the suite that drive programs from Debian rather than from npm (`sudo npm run
 * setup:debian` installs them). They run by default and fail, naming what to install, when the
 * program is missing. `DIGICGE_TEST_WITHOUT=browser,notebooks npm test` leaves them out on purpose,
 * and the closing line of the run says which were left out, so a partial run never reads as a
 * full one.
 */
export const OPTIONAL_PARTS: Readonly<Record<string, { files: string[]; needs: string }>> = {
  browser: { files: ['test/report/browser.test.ts', 'test/guidelines/site-browser.test.ts'], needs: "Debian's chromium" },
  notebooks: { files: ['test/notebooks/**'], needs: "Debian's jupyter-nbconvert and jupyter-client" },
};

const without = (process.env.DIGICGE_TEST_WITHOUT ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const unknown = without.filter((w) => !(w in OPTIONAL_PARTS));
if (unknown.length)
  throw new Error(`DIGICGE_TEST_WITHOUT: unknown part(s) ${unknown.join(', ')}; the parts are ${Object.keys(OPTIONAL_PARTS).join(', ')}`);

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...without.flatMap((w) => OPTIONAL_PARTS[w]!.files)],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
