import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildDdcgeDatabaseFromFiles,
  gapSensitivity,
  prepareDatabase,
  readDigitalScenario,
  simulateScenario,
  writeGapSensitivity,
} from '../../src/cge/index.js';

const ROOT = join(import.meta.dirname, '../..');
const SCENARIO = join(ROOT, 'datasets/ddcge/scenarios/rural-connectivity.json');

describe('gap sensitivity of the default database (datasets/ddcge/gap-sensitivity.json)', () => {
  it('is shipped up to date (run `npm run gap-sensitivity` if this fails), and one point agrees with a rebuild from an edited assumptions file', async () => {
    const g = await gapSensitivity('THA', SCENARIO);
    const tmp = mkdtempSync(join(tmpdir(), 'digicge-gapsens-'));
    await writeGapSensitivity(join(tmp, 'g.json'), g);
    expect(readFileSync(join(tmp, 'g.json'), 'utf8')).toBe(readFileSync(join(ROOT, 'datasets/ddcge/gap-sensitivity.json'), 'utf8'));
    // independent path: the assumptions file on disk with the non-use ratio raised by 20 %, the database built from files
    const a = JSON.parse(readFileSync(join(ROOT, 'datasets/ddcge/assumptions.json'), 'utf8'));
    a.rural_urban_nonuse_ratio.value *= 1.2;
    writeFileSync(join(tmp, 'assumptions.json'), JSON.stringify(a));
    const db = await buildDdcgeDatabaseFromFiles('THA', { assumptionsFile: join(tmp, 'assumptions.json') });
    const r = simulateScenario(prepareDatabase(db), await readDigitalScenario(SCENARIO));
    const row = g.rows.find((x) => x.assumption === 'rural_urban_nonuse_ratio')!;
    expect(r.gdp.pct).toBeCloseTo(row.gdpPct.high, 10);
    expect(row.gdpSwing).toBeCloseTo((row.gdpPct.high - row.gdpPct.low) / Math.abs(row.gdpPct.central), 12);
    // raising the assumed rural non-use lowers the rural baseline, so closing half the gap connects more people: a larger GDP effect
    expect(row.gdpPct.high).toBeGreaterThan(row.gdpPct.central);
  }, 60_000);
});
