// One harmonisation run of the bench's generated file in its own process (so that its peak RSS is
// its own). Usage: node --import tsx bench/harmonise-run.ts <dir>; prints JSON.
import { join } from 'node:path';
import { harmonise } from '../src/harmonise/index.js';

const dir = process.argv[2];
const t0 = performance.now();
const r = await harmonise({ mappings: [join(dir, 'mapping.json')], outDir: join(dir, 'out') });
const secs = (performance.now() - t0) / 1000;
const c = r.counts;
process.stdout.write(
  JSON.stringify({
    secs,
    rss_mb: process.resourceUsage().maxRSS / 1024,
    obs: c.observations,
    rejected: c.rejected,
    filtered: c.filtered,
    cells: c.cells,
  }),
);
