/**
 * `npm run notebooks:setup`: registers Deno's Jupyter kernel (which runs the TypeScript notebooks
 * of `notebooks/`) for this clone only, in `.jupyter/kernels/deno/` under the repository, pointing
 * at this clone's deno (a dev dependency from the npm registry). Jupyter finds it when
 * `JUPYTER_PATH` names that folder, as the printed command does; nothing outside the clone changes.
 *
 * `npm run notebooks:setup -- --user` registers it for the user instead (`deno jupyter --install`,
 * which replaces `~/.local/share/jupyter/kernels/deno/kernel.json`): only on that explicit request.
 * `npm install` registers nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '..');
/** The kernel's name, as the notebooks' metadata names it. */
export const KERNEL_NAME = 'deno';
/** This clone's deno binary. */
export const DENO = join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'deno.cmd' : 'deno');

/**
 * Writes the kernel spec `<dataDir>/kernels/deno/kernel.json` (Jupyter's kernel-spec format) that
 * starts `deno jupyter --kernel` with this clone's deno. Returns the file written.
 * @param dataDir a Jupyter data folder, to be named in `JUPYTER_PATH`
 */
export function writeDenoKernel(dataDir: string, deno: string = DENO): string {
  if (!existsSync(deno)) throw new Error(`${deno} is missing: run \`npm install\` in the repository first (deno is a dev dependency)`);
  const dir = join(dataDir, 'kernels', KERNEL_NAME);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'kernel.json');
  const spec = {
    argv: [deno, 'jupyter', '--kernel', '--conn', '{connection_file}'],
    display_name: 'Deno (digicge)',
    language: 'typescript',
  };
  writeFileSync(file, `${JSON.stringify(spec, null, 2)}\n`);
  return file;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--user')) {
    const r = spawnSync(DENO, ['jupyter', '--install', '--force'], { stdio: 'inherit' });
    process.exit(r.status ?? 1);
  }
  const dataDir = join(ROOT, '.jupyter');
  const file = writeDenoKernel(dataDir);
  process.stdout.write(`wrote ${file}\nopen the notebooks with:\n  JUPYTER_PATH=${dataDir} jupyter notebook notebooks/\n`);
}
