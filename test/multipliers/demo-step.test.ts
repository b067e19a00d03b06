import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSamCsv } from '../../src/sam/index.js';
import { defaultEndogenous, multipliersDemoStep } from '../../src/multipliers/index.js';
import { DATA } from './helpers.js';

describe('multipliers demo step', () => {
  it('treats goods, factors and households of the stdcge SAM as endogenous and writes both analyses', async () => {
    const sam = await readSamCsv(join(DATA, 'stdcge_sam.csv'));
    expect(defaultEndogenous(sam)).toEqual(['BRD', 'MLK', 'CAP', 'LAB', 'HOH']);
    const out = mkdtempSync(join(tmpdir(), 'digicge-mdemo-'));
    const r = await multipliersDemoStep(sam, out);
    expect(r.summary).toMatch(/5 endogenous accounts \(3 Pyatt–Round blocks\); Leontief multipliers of 2 sectors/);
    for (const f of r.outputs) expect(existsSync(join(out, f))).toBe(true);
    expect(r.outputs).toContain(join('sam', 'Ma.csv'));
    expect(r.outputs).toContain(join('leontief', 'L.csv'));
  });
});
