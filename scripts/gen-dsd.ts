/**
 * `npm run dsd`: writes the files derived from guidelines/dsd/DSD_DIGITAL.json (the observation
 * schema, the dimension list of the source-mapping schema, the SDMX-JSON structure message);
 * run `npm run schemas` afterwards for the TypeScript types.
 */
import { join } from 'node:path';
import { derivedFiles } from '../src/guidelines/dsd-derive.js';
import { writeFileAtomic } from '../src/util/atomic-write.js';

const root = join(import.meta.dirname, '..');
for (const f of derivedFiles()) {
  await writeFileAtomic(join(root, f.path), f.text);
  process.stdout.write(`wrote ${f.path}\n`);
}
