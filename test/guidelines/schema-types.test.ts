import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateSchemaTypes, SCHEMA_TYPES_DIR } from '../../scripts/schema-types.js';

const root = join(import.meta.dirname, '../..');

describe('types generated from the guideline schemas', () => {
  it('are up to date with guidelines/schemas (run `npm run schemas` if this fails)', async () => {
    const files = await generateSchemaTypes(root);
    for (const [name, text] of files) {
      const committed = await readFile(join(root, SCHEMA_TYPES_DIR, name), 'utf8').catch(() => '(missing)');
      expect(committed, `${SCHEMA_TYPES_DIR}/${name} is stale`).toBe(text);
    }
  });
});
