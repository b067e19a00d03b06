/**
 * Rebuilds docs/guideline/readiness/: the readiness assessment of the Member States on the shipped
 * datasets harmonised by `digicge harmonise --default` (into a temporary folder).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { harmoniseDefault } from '../src/harmonise/defaults.js';
import { assessReadiness, writeReadiness } from '../src/guidelines/readiness/index.js';
import { SHIPPED_READINESS_DIR, SHIPPED_READINESS_LABEL } from '../src/guidelines/readiness/shipped.js';

const root = join(import.meta.dirname, '..');
const tmp = mkdtempSync(join(tmpdir(), 'digicge-readiness-'));
try {
  await harmoniseDefault(tmp);
  const r = await assessReadiness(join(tmp, 'observations.csv'), { label: SHIPPED_READINESS_LABEL });
  for (const p of await writeReadiness(join(root, SHIPPED_READINESS_DIR), r)) process.stdout.write(`wrote ${p.slice(root.length + 1)}\n`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
