import { describe, expect, it } from 'vitest';
import { getQualityRule, hasCode, loadQualityRules, missingMarker, sourceRank } from '../../src/guidelines/index.js';

describe('quality rules', () => {
  it('map every missing-value marker to a CL_OBS_STATUS code, never to a value', () => {
    const q = loadQualityRules();
    for (const m of q.missingMarkers) expect(hasCode('CL_OBS_STATUS', m.obsStatus), m.marker).toBe(true);
    expect(missingMarker('')?.obsStatus).toBe('O');
    expect(missingMarker(' .. ')?.obsStatus).toBe('O');
    expect(missingMarker('#N/A')?.obsStatus).toBe('O');
    expect(missingMarker('x')?.obsStatus).toBe('Q');
    expect(missingMarker('0')).toBeUndefined();
    expect(missingMarker('12.5')).toBeUndefined();
  });

  it('weight the urban/rural consistency check by urban and rural population', () => {
    const r = getQualityRule('QR_BREAKDOWN_URBANISATION')!;
    expect(r.dimension).toBe('URBANISATION');
    expect(r.weights).toEqual({ U: 'POP_URB', R: 'POP_RUR' });
    // the rule's formula holds for a total built from its parts: 0.7·80 + 0.3·40 = 68
    const [wU, wR, xU, xR] = [70, 30, 80, 40];
    expect(Math.abs(68 - (wU * xU + wR * xR) / (wU + wR))).toBeLessThanOrEqual(r.tolerance!);
  });

  it('rank national offices first and give every source class one rank', () => {
    expect(sourceRank('nso')).toBe(1);
    expect(sourceRank('regulator')).toBeLessThan(sourceRank('world_bank')!);
    expect(sourceRank('nowhere')).toBeUndefined();
    const ranks = loadQualityRules().sourcePriority.map((s) => s.rank);
    expect(new Set(ranks).size).toBe(ranks.length);
  });
});
