import { join } from 'node:path';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { formatSamCsv } from '../io/csv.js';
import { formatCsv } from '../../util/csv.js';
import { CONTROL_FIELDS } from './adb-mrio.js';
import type { AseanBuild } from './asean.js';
import { ownBlocksNote } from './block-provenance.js';

/**
 * Writes an ASEAN build to a folder: `<ISO3>.csv` (labelled SAM, US$ million), `controls.csv`
 * (control totals by economy and common sector), `provenance.csv` (per economy and block: whose data,
 * which year, which assumption) and `build.json` (digital shares applied with their sources, the notes
 * and block provenance of each build, the member states not covered). Same inputs, same bytes.
 */
export async function writeAseanBuild(dir: string, build: AseanBuild): Promise<string[]> {
  const written: string[] = [];
  for (const s of build.sams) {
    const p = join(dir, `${s.iso3}.csv`);
    await writeFileAtomic(p, formatSamCsv(s.sam));
    written.push(p);
  }
  const rows = build.sams.flatMap((s) => s.controls.map((c) => [s.iso3, c.sector, ...CONTROL_FIELDS.map((f) => c[f])]));
  const pc = join(dir, 'controls.csv');
  await writeFileAtomic(pc, formatCsv(['iso3', 'sector', ...CONTROL_FIELDS], rows));
  written.push(pc);
  const report = {
    unit: 'US$ million',
    economies: build.sams.map((s) => ({
      iso3: s.iso3,
      name: s.name,
      accounts: s.sam.n,
      digitalShares: s.applied,
      notes: s.notes,
      blocks: s.blocks,
      ownData: ownBlocksNote(s.iso3, s.blocks),
    })),
    notCovered: build.notCovered,
  };
  const pp = join(dir, 'provenance.csv');
  await writeFileAtomic(
    pp,
    formatCsv(
      ['iso3', 'block', 'origin', 'data', 'year', 'assumption'],
      build.sams.flatMap((s) => s.blocks.map((b) => [s.iso3, b.block, b.origin, b.data, b.year, b.assumption])),
    ),
  );
  written.push(pp);
  const pj = join(dir, 'build.json');
  await writeFileAtomic(pj, `${JSON.stringify(report, null, 2)}\n`);
  written.push(pj);
  return written;
}
