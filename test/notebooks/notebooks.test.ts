/**
 * Executes every notebook of `notebooks/` headless (Jupyter nbconvert with Deno's kernel), into a
 * temporary folder so the committed notebooks are never modified, and fails with the failing cell's
 * error when a cell raises. Each notebook must show at least one chart inline, and the committed
 * notebooks must carry no outputs (so they are deterministic and diff cleanly).
 *
 * The Deno kernel is registered for the run only, in a temporary Jupyter data folder named by
 * `JUPYTER_PATH` (scripts/notebook-kernel.ts): the user's own kernels are neither read nor changed.
 * Jupyter itself comes from Debian (`sudo npm run setup:debian`); without it these tests fail with
 * what to install, and `DIGICGE_TEST_WITHOUT=notebooks npm test` runs the rest of the suite.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { KERNEL_NAME, writeDenoKernel } from '../../scripts/notebook-kernel.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const DIR = join(ROOT, 'notebooks');
const NOTEBOOKS = readdirSync(DIR)
  .filter((f) => f.endsWith('.ipynb'))
  .sort();
const KERNEL = KERNEL_NAME;
/** A Jupyter data folder of this run only, holding the Deno kernel of this clone. */
const JUPYTER_DATA = mkdtempSync(join(tmpdir(), 'digicge-jupyter-'));
/** The environment of every Jupyter command: this run's kernel first, the user's kernels not at all. */
const JUPYTER_ENV = { ...process.env, JUPYTER_PATH: JUPYTER_DATA, JUPYTER_DATA_DIR: JUPYTER_DATA };

interface Output {
  output_type: string;
  ename?: string;
  evalue?: string;
  traceback?: string[];
  data?: Record<string, unknown>;
}
interface Cell {
  cell_type: 'code' | 'markdown' | 'raw';
  id?: string;
  source: string | string[];
  execution_count?: number | null;
  outputs?: Output[];
}
interface Notebook {
  cells: Cell[];
  metadata: { kernelspec?: { name?: string } };
}

const text = (s: string | string[]): string => (Array.isArray(s) ? s.join('') : s);
// eslint-disable-next-line no-control-regex
const stripAnsi = (s: string): string => s.replace(/\u001b\[[0-9;]*m/g, '');
const readNotebook = (path: string): Notebook => JSON.parse(readFileSync(path, 'utf8')) as Notebook;

/** Why the notebooks cannot run here, or undefined when Jupyter and the Deno kernel are available. */
function missingTools(): string | undefined {
  const fix =
    "install Debian's jupyter-nbconvert and jupyter-client with `sudo npm run setup:debian` (or `apt-get install jupyter-nbconvert jupyter-client`), or run the rest of the suite with `DIGICGE_TEST_WITHOUT=notebooks npm test`";
  const nbconvert = spawnSync('jupyter', ['nbconvert', '--version'], { encoding: 'utf8', env: JUPYTER_ENV });
  if (nbconvert.error || nbconvert.status !== 0)
    return `Jupyter nbconvert is not available (\`jupyter nbconvert --version\` failed: ${nbconvert.error?.message ?? nbconvert.stderr.trim()}); ${fix}`;
  try {
    writeDenoKernel(JUPYTER_DATA);
  } catch (err) {
    return (err as Error).message;
  }
  const specs = spawnSync('jupyter', ['kernelspec', 'list', '--json'], { encoding: 'utf8', env: JUPYTER_ENV });
  if (specs.status !== 0) return `\`jupyter kernelspec list\` failed: ${specs.stderr.trim()}; ${fix}`;
  const names = Object.keys((JSON.parse(specs.stdout) as { kernelspecs: Record<string, unknown> }).kernelspecs);
  const spec = (JSON.parse(specs.stdout) as { kernelspecs: Record<string, { resource_dir: string }> }).kernelspecs[KERNEL];
  if (!names.includes(KERNEL) || !spec?.resource_dir.startsWith(JUPYTER_DATA)) {
    return `Jupyter does not take the Deno kernel of this run from JUPYTER_PATH=${JUPYTER_DATA} (kernels: ${names.join(', ') || 'none'}); ${fix}`;
  }
  return undefined;
}

describe('notebooks', () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'digicge-notebooks-'));
  });
  afterAll(() => {
    rmSync(out, { recursive: true, force: true });
    rmSync(JUPYTER_DATA, { recursive: true, force: true });
  });

  test('there are notebooks to run', () => {
    expect(NOTEBOOKS.length).toBeGreaterThanOrEqual(3);
  });

  test.each(NOTEBOOKS)('%s is committed without outputs, with cell ids, for the Deno kernel, importing digicge', (name) => {
    const nb = readNotebook(join(DIR, name));
    expect(nb.metadata.kernelspec?.name).toBe(KERNEL);
    const ids = nb.cells.map((c) => c.id);
    expect(
      ids.every((id) => typeof id === 'string' && id.length > 0),
      `${name}: every cell needs an id`,
    ).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of nb.cells.filter((x) => x.cell_type === 'code')) {
      expect(c.outputs, `${name} cell ${c.id}: clear the outputs before committing`).toEqual([]);
      expect(c.execution_count, `${name} cell ${c.id}: clear the execution count before committing`).toBeNull();
    }
    const code = nb.cells
      .filter((c) => c.cell_type === 'code')
      .map((c) => text(c.source))
      .join('\n');
    expect(code).toContain("from '../src/index.ts'");
    expect(code).not.toMatch(/from '\.\.\/test\//);
    expect(nb.cells.filter((c) => c.cell_type === 'markdown').length).toBeGreaterThanOrEqual(3);
  });

  test.each(NOTEBOOKS)(
    '%s runs headless without a cell error and shows a chart inline',
    async (name) => {
      const missing = missingTools();
      if (missing) throw new Error(`cannot execute the notebooks: ${missing}`);
      const src = join(DIR, name);
      const before = readFileSync(src, 'utf8');
      const target = join(out, name);
      try {
        await run(
          'jupyter',
          [
            'nbconvert',
            '--to',
            'notebook',
            '--execute',
            '--allow-errors',
            '--ExecutePreprocessor.timeout=600',
            `--ExecutePreprocessor.kernel_name=${KERNEL}`,
            src,
            '--output',
            target,
          ],
          { cwd: DIR, maxBuffer: 64 * 1024 * 1024, env: JUPYTER_ENV },
        );
      } catch (err) {
        const e = err as { stderr?: string; message: string };
        throw new Error(
          `${name}: jupyter nbconvert failed: ${stripAnsi(e.stderr ?? e.message)
            .trim()
            .split('\n')
            .slice(-20)
            .join('\n')}`,
        );
      }
      expect(readFileSync(src, 'utf8'), `${name}: executing must not modify the committed notebook`).toBe(before);
      const nb = readNotebook(target);
      const code = nb.cells.filter((c) => c.cell_type === 'code');
      const errors = code.flatMap((c, k) =>
        (c.outputs ?? [])
          .filter((o) => o.output_type === 'error')
          .map(
            (o) =>
              `cell ${c.id ?? k + 1}: ${o.ename}: ${stripAnsi(o.evalue ?? '')}\n${stripAnsi((o.traceback ?? []).join('\n'))}\n--- source ---\n${text(c.source)}`,
          ),
      );
      if (errors.length) throw new Error(`${name}: ${errors.length} cell(s) failed\n${errors.join('\n\n')}`);
      const unexecuted = code.filter((c) => typeof c.execution_count !== 'number').map((c) => c.id);
      expect(unexecuted, `${name}: cells not executed`).toEqual([]);
      const images = code.flatMap((c) => c.outputs ?? []).filter((o) => o.data && ('image/svg+xml' in o.data || 'image/png' in o.data));
      expect(images.length, `${name}: expected at least one inline chart (image/svg+xml or image/png output)`).toBeGreaterThanOrEqual(1);
      for (const o of images) {
        const svg = o.data!['image/svg+xml'];
        if (svg !== undefined) expect(text(svg as string | string[])).toMatch(/<svg[\s\S]*<\/svg>/);
      }
      expect(basename(target)).toBe(name);
    },
    600_000,
  );
});
