/** Rebuilds datasets/ddcge/gap-sensitivity.json: the one-at-a-time sensitivity of the default database (THA) read by the readiness assessment. */
import { join } from 'node:path';
import { gapSensitivity, writeGapSensitivity } from '../src/cge/digital/gap-sensitivity.js';

const root = join(import.meta.dirname, '..');
const g = await gapSensitivity('THA', join(root, 'datasets/ddcge/scenarios/rural-connectivity.json'));
await writeGapSensitivity(join(root, 'datasets/ddcge/gap-sensitivity.json'), g);
process.stdout.write('wrote datasets/ddcge/gap-sensitivity.json\n');
