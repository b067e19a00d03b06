/**
 * The house style, checked once for the whole tree by Biome (biome.json): formatting (2 spaces,
 * single quotes, semicolons, trailing commas, lines of at most 140 characters where they can be
 * broken) and the recommended lint rules less the few listed there. `npm run format` rewrites the
 * tree to the style and applies the safe fixes.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const BIOME = join(ROOT, 'node_modules/@biomejs/biome/bin/biome');

describe('house style', () => {
  it('biome finds nothing to format or fix', () => {
    const r = spawnSync(process.execPath, [BIOME, 'ci', '--reporter=summary', '--max-diagnostics=50', '.'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.status, `run \`npm run format\`, then fix what it cannot:\n${r.stdout}${r.stderr}`).toBe(0);
  }, 300_000);
});
