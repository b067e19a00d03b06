import { describe, expect, it } from 'vitest';
import { SchemaError } from '../../src/errors.js';
import {
  checkCodeList,
  checkQualityRules,
  getQualityRule,
  hasCodeInList,
  loadCodeList,
  loadQualityRules,
  missingMarker,
  sourcePriorityRank,
} from '../../src/guidelines/index.js';

describe('quality rules', () => {
  it('map every missing-value marker to a CL_OBS_STATUS code, never to a value', () => {
    const q = loadQualityRules();
    for (const m of q.missingMarkers) expect(hasCodeInList('CL_OBS_STATUS', m.obsStatus), m.marker).toBe(true);
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
    expect(sourcePriorityRank('nso')).toBe(1);
    expect(sourcePriorityRank('regulator')).toBeLessThan(sourcePriorityRank('world_bank')!);
    expect(sourcePriorityRank('nowhere')).toBeUndefined();
    const ranks = loadQualityRules().sourcePriority.map((s) => s.rank);
    expect(new Set(ranks).size).toBe(ranks.length);
  });
});

describe('cross-file checks of the guideline data', () => {
  it('name each bad marker, status, reference and rank of a quality-rules document', () => {
    const q = structuredClone(loadQualityRules());
    q.missingMarkers.push({ marker: '..', obsStatus: 'Z', meaning: 'again' });
    q.rules[0].appliesTo = ['HH99'];
    q.rules[1].weights = { U: 'POP_CITY' };
    q.sourcePriority.push({ rank: 1, source: 'twin', description: 'same rank' });
    let err: unknown;
    try {
      checkQualityRules(q, 'rules.json');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SchemaError);
    const n = q.missingMarkers.length - 1;
    expect((err as SchemaError).issues.map((i) => i.jsonPath)).toEqual([
      '/rules/0/appliesTo/0',
      '/rules/1/weights/U',
      `/missingMarkers/${n}/marker`,
      `/missingMarkers/${n}/obsStatus`,
      `/sourcePriority/${q.sourcePriority.length - 1}/rank`,
    ]);
    expect((err as SchemaError).location).toEqual({ file: 'rules.json', jsonPath: '/rules/0/appliesTo/0' });
  });

  it('name duplicate codes, unknown parents and members, and a file named after another list', () => {
    const cl = structuredClone(loadCodeList('CL_SEX'));
    cl.codes.push({ id: 'F', name: 'Female again' });
    cl.codes.push({ id: 'X', name: 'Child of nothing', parent: 'NOPE', members: ['M', 'GHOST'] });
    let err: unknown;
    try {
      checkCodeList(cl, 'CL_GENDER.json', 'CL_GENDER');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SchemaError);
    expect((err as SchemaError).issues).toEqual([
      { jsonPath: '/id', message: 'is "CL_SEX" but the file is named CL_GENDER.json' },
      { jsonPath: '/codes/5/id', message: 'duplicate code "F"' },
      { jsonPath: '/codes/6/parent', message: 'parent "NOPE" is not a code of CL_SEX' },
      { jsonPath: '/codes/6/members/1', message: 'member "GHOST" is not a code of CL_SEX' },
    ]);
  });
});
