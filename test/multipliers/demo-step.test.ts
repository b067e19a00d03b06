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

  it('measures the digital economy of a shipped ASEAN SAM: share between direct digital value added and 1', async () => {
    const sam = await readSamCsv(join(import.meta.dirname, '../../datasets/sam/asean/IDN.csv'));
    const out = mkdtempSync(join(tmpdir(), 'digicge-mdemo-'));
    const digital = ['A-ICT', 'A-TEL', 'A-ITS', 'C-ICT', 'C-TEL', 'C-ITS'];
    const r = await multipliersDemoStep(sam, out, { digital });
    const share = Number(/digital economy ([\d.]+) % of gross value added at basic prices/.exec(r.summary)![1]) / 100;
    // independent lower bound: value added at basic prices (factor income and taxes on production)
    // of the digital activities over all value added at basic prices
    const factors = ['LAB-DIG', 'LAB-OTH', 'CAP', 'Itax', 'Ttax', 'GOV'];
    let direct = 0;
    let gdp = 0;
    for (const f of factors)
      for (const a of sam.labels.filter((l) => l.startsWith('A-'))) {
        const v = sam.get(f, a);
        gdp += v;
        if (digital.includes(a)) direct += v;
      }
    expect(share).toBeGreaterThan(direct / gdp - 5e-5);
    expect(share).toBeLessThan(1);
  });
});
