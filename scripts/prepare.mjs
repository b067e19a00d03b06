#!/usr/bin/env node
/**
 * Runs on `npm install` in a clone of digicge (npm's `prepare`; not when digicge is installed as a
 * dependency). Installs, from Debian's packages, the tools the test suite drives:
 *   - chromium: the browser test of the HTML report (through playwright-core, nothing downloaded);
 *   - jupyter-nbconvert and jupyter-client: headless execution of the notebooks.
 * It does so only when a tool is missing, apt-get exists and we are root (as on CI and the project's
 * machines); otherwise it prints what to install and leaves the choice to the user. Then it registers
 * Deno's Jupyter kernel (deno comes from the npm registry as a dev dependency), which runs the
 * TypeScript notebooks in `notebooks/`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const wanted = [
  { bin: '/usr/bin/chromium', pkg: 'chromium', why: 'browser test of the HTML report' },
  { bin: '/usr/bin/jupyter-nbconvert', pkg: 'jupyter-nbconvert', why: 'headless notebook execution' },
  { bin: '/usr/bin/jupyter-kernelspec', pkg: 'jupyter-client', why: 'notebook kernel registration' },
];
const missing = wanted.filter((w) => !existsSync(w.bin));

/** Registers the `deno` Jupyter kernel, pointing at this clone's deno binary. */
function registerDenoKernel() {
  const deno = 'node_modules/.bin/deno';
  if (!existsSync(deno) || !existsSync('/usr/bin/jupyter')) return;
  const r = spawnSync(deno, ['jupyter', '--install', '--force'], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) process.stderr.write(`digicge: could not register the Deno Jupyter kernel: ${r.stderr}\n`);
}

if (missing.length === 0) {
  registerDenoKernel();
  process.exit(0);
}

const pkgs = missing.map((m) => m.pkg);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (!isRoot || !hasApt || process.env.DIGICGE_SKIP_SYSTEM_TOOLS) {
  process.stderr.write(
    `digicge: for the full test suite install ${missing.map((m) => `${m.pkg} (${m.why})`).join(', ')}, ` +
      `e.g. \`sudo apt-get install ${pkgs.join(' ')}\`\n`,
  );
  process.exit(0);
}
process.stderr.write(`digicge: installing ${pkgs.join(', ')} from Debian's packages for the test suite…\n`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env,
});
registerDenoKernel();
