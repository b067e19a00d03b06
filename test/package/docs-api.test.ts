/**
 * The API reference in docs/api/ is what typedoc makes of the JSDoc of the sources today (one page
 * per subpath of the package). A stale reference fails with the files that differ and the command
 * that regenerates it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const TYPEDOC = join(ROOT, 'node_modules/typedoc/bin/typedoc');
const out = mkdtempSync(join(tmpdir(), 'digicge-api-'));

function tree(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map(
        (e) => [relative(dir, join(e.parentPath, e.name)).split('\\').join('/'), readFileSync(join(e.parentPath, e.name), 'utf8')] as const,
      )
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

describe('docs/api', () => {
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('is the typedoc reference of the sources as they stand', () => {
    const r = spawnSync(process.execPath, [TYPEDOC, '--out', out, '--logLevel', 'Error'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const want = tree(out);
    const have = tree(join(ROOT, 'docs/api'));
    expect(want.size).toBeGreaterThan(10);
    const differ = [...new Set([...want.keys(), ...have.keys()])].filter((f) => want.get(f) !== have.get(f));
    expect(differ, 'docs/api is stale: run `npm run docs:api`').toEqual([]);
    for (const stage of ['harmonise', 'sam', 'multipliers', 'cge']) expect([...want.keys()].some((f) => f.startsWith(stage))).toBe(true);
  }, 600_000);
});
