#!/usr/bin/env node
/**
 * `npm run build` (run by `npm pack` and `npm publish` through `prepack`): compiles src/ to ESM
 * JavaScript with declaration files and source maps in dist/, and copies the one plain-JavaScript
 * module of src/ (the worker-thread entry of the sensitivity analysis). dist/ is rebuilt from
 * scratch, so no stale module of a deleted source survives. Portable (no shell commands).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);

/** Every file under `dir` (relative paths). */
function files(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)));
}
const src = join(root, 'src');
for (const f of files(src).filter((f) => f.endsWith('.mjs'))) copyFileSync(join(src, f), join(dist, f));
process.stdout.write(`digicge: compiled src/ into dist/\n`);
