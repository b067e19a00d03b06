/** `npm run schemas`: writes src/guidelines/generated/<name>.ts from guidelines/schemas/<name>.schema.json. */
import { join } from 'node:path';
import { readdir, rm } from 'node:fs/promises';
import { generateSchemaTypes, SCHEMA_TYPES_DIR } from './schema-types.js';
import { writeFileAtomic } from '../src/util/atomic-write.js';

const root = join(import.meta.dirname, '..');
const files = await generateSchemaTypes(root);
const outDir = join(root, SCHEMA_TYPES_DIR);
for (const old of await readdir(outDir).catch(() => [] as string[])) {
  if (old.endsWith('.ts') && !files.has(old)) await rm(join(outDir, old));
}
for (const [name, text] of files) await writeFileAtomic(join(outDir, name), text);
process.stdout.write(`wrote ${files.size} type file(s) to ${SCHEMA_TYPES_DIR}/\n`);
