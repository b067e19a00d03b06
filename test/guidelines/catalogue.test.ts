import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SchemaError } from '../../src/errors.js';
import {
  checkAgainstSchema,
  findIndicatorBySeries,
  getIndicator,
  hasCodeInList,
  listCodeLists,
  loadCatalogue,
  loadCodeList,
  SchemaRegistry,
  validateAgainstSchema,
} from '../../src/guidelines/index.js';

const FIX = join(import.meta.dirname, 'fixtures');

const REQUIRED_CODES = [
  ...Array.from({ length: 18 }, (_, i) => `HH${i + 1}`),
  'HHR1',
  'i112',
  'i271',
  'i271mw',
  'i4213tfbb',
  'i271pop',
  'i271G',
  'i271GA',
  'ICT_VA_SHARE',
  'ICT_EMP_SHARE',
  'ICT_GOODS_EXP_SHARE',
  'ICT_GOODS_IMP_SHARE',
  'ICT_SERV_EXP_SHARE',
  // digitally delivered trade (Handbook on Measuring Digital Trade, 2023), added with the frameworks chapter
  'DIG_DELIV_SERV_EXP_SHARE',
  'DIG_DELIV_SERV_IMP_SHARE',
  'POP',
  'POP_URB',
  'POP_RUR',
  'GDP_PCAP_KD',
  'GDP_CUR',
  'EXR',
];

describe('indicator catalogue', () => {
  it('holds exactly the agreed codes, each once', () => {
    const codes = loadCatalogue().indicators.map((x) => x.code);
    expect([...codes].sort()).toEqual([...REQUIRED_CODES].sort());
  });

  it('gives HH7 one code for the ITU, WDI and SDG series of Internet use', () => {
    const hh7 = getIndicator('HH7')!;
    expect(hh7.unit).toBe('PERCENT');
    expect(hh7.series).toEqual({
      wdi: 'IT.NET.USER.ZS',
      sdg: '17.8.1',
      sdgSeries: 'IT_USE_ii99',
      itu: 'i99H',
      data360: 'ITU_DH_INT_USER_PT',
    });
    for (const b of ['SEX', 'AGE', 'URBANISATION', 'INCOME_WEALTH_QUANTILE', 'EDUCATION', 'LABOUR_FORCE_STATUS'])
      expect(hh7.breakdowns).toContain(b);
    expect(findIndicatorBySeries('wdi', 'it.net.user.zs')?.code).toBe('HH7');
    expect(findIndicatorBySeries('itu', 'i99H')?.code).toBe('HH7');
    expect(findIndicatorBySeries('sdgSeries', 'IT_USE_ii99')?.code).toBe('HH7');
    expect(findIndicatorBySeries('data360', 'ITU_DH_INT_USER_PT')?.code).toBe('HH7');
    expect(hh7.unitHistory?.[0]).toMatchObject({ unit: 'PER_100_POP', until: '2023-03' });
  });

  it('sets the agreed canonical units and WDI series', () => {
    const want: Record<string, [string, string | undefined]> = {
      i112: ['PER_100_POP', 'IT.MLT.MAIN.P2'],
      i271: ['PER_100_POP', 'IT.CEL.SETS.P2'],
      i271mw: ['PER_100_POP', undefined],
      i4213tfbb: ['PER_100_POP', 'IT.NET.BBND.P2'],
      i271pop: ['PERCENT', undefined],
      i271G: ['PERCENT', undefined],
      i271GA: ['PERCENT', undefined],
      ICT_GOODS_EXP_SHARE: ['PERCENT', 'TX.VAL.ICTG.ZS.UN'],
      ICT_GOODS_IMP_SHARE: ['PERCENT', 'TM.VAL.ICTG.ZS.UN'],
      ICT_SERV_EXP_SHARE: ['PERCENT', 'BX.GSR.CCIS.ZS'],
      POP: ['PERSONS', 'SP.POP.TOTL'],
      POP_URB: ['PERSONS', 'SP.URB.TOTL'],
      POP_RUR: ['PERSONS', 'SP.RUR.TOTL'],
      GDP_PCAP_KD: ['USD_2010', 'NY.GDP.PCAP.KD'],
      GDP_CUR: ['USD', 'NY.GDP.MKTP.CD'],
      EXR: ['LCU_PER_USD', 'PA.NUS.FCRF'],
    };
    for (const [code, [unit, wdi]] of Object.entries(want)) {
      const ind = getIndicator(code)!;
      expect(ind.unit, code).toBe(unit);
      expect(ind.series.wdi, code).toBe(wdi);
    }
    expect(getIndicator('i4213tfbb')!.series.sdg).toBe('17.6.1');
    for (const c of ['i271pop', 'i271G', 'i271GA']) expect(getIndicator(c)!.series.sdg).toBe('9.c.1');
  });

  it('uses only units, dimensions and code lists that ship', () => {
    const cat = loadCatalogue();
    for (const ind of cat.indicators) {
      expect(hasCodeInList('CL_UNIT_MEASURE', ind.unit), ind.code).toBe(true);
      if (ind.scope.age) expect(hasCodeInList('CL_AGE', ind.scope.age), ind.code).toBe(true);
      if (ind.range.max !== null) expect(ind.range.max).toBeGreaterThan(ind.range.min);
      if (ind.unit === 'PERCENT') expect(ind.range).toMatchObject({ min: 0, max: 100 });
    }
    for (const d of cat.dimensions) expect(listCodeLists()).toContain(d.codelist);
  });

  it('returns undefined for an unknown code (codes are case-sensitive)', () => {
    expect(getIndicator('HH99')).toBeUndefined();
    expect(getIndicator('hh7')).toBeUndefined();
  });

  it('rejects a bad catalogue with a SchemaError naming the file and the JSON path', () => {
    const file = join(FIX, 'bad-catalogue.json');
    let err: unknown;
    try {
      loadCatalogue({ file });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SchemaError);
    const se = err as SchemaError;
    expect(se.code).toBe('SCHEMA_INVALID');
    expect(se.location?.file).toBe(file);
    expect(se.location?.jsonPath).toBe('/indicators/0/range/max');
    expect(se.issues).toEqual([{ jsonPath: '/indicators/0/range/max', message: 'must be number,null' }]);
    expect(se.located()).toContain('at /indicators/0/range/max');
  });

  it('rejects units and breakdowns the guideline does not define, naming each path', () => {
    const file = join(FIX, 'catalogue-unknown-unit.json');
    let err: unknown;
    try {
      loadCatalogue({ file });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SchemaError);
    const paths = (err as SchemaError).issues.map((i) => i.jsonPath).sort();
    expect(paths).toEqual(['/indicators/0/breakdowns/1', '/indicators/0/unit']);
  });
});

describe('code lists', () => {
  it('ship the SDMX codes the guideline relies on', () => {
    const ids = (id: string) => loadCodeList(id).codes.map((c) => c.id);
    expect(ids('CL_SEX')).toEqual(['F', 'M', '_T', '_U', '_Z']);
    expect(ids('CL_URBANISATION')).toEqual(['U', 'R', '_T']);
    expect(ids('CL_INCOME_WEALTH_QUANTILE')).toEqual(['Q1', 'Q2', 'Q3', 'Q4', 'Q5', '_T']);
    expect(ids('CL_OBS_STATUS')).toEqual([
      'A',
      'B',
      'D',
      'E',
      'F',
      'G',
      'H',
      'I',
      'J',
      'K',
      'L',
      'M',
      'N',
      'O',
      'P',
      'Q',
      'S',
      'U',
      'V',
      'W',
    ]);
    expect(ids('CL_FREQ')).toEqual(['A', 'S', 'Q', 'M', 'D']);
    expect(ids('CL_UNIT_MULT')).toEqual(expect.arrayContaining(['0', '3', '6', '9']));
    for (const u of ['PERCENT', 'PER_100_POP', 'PERSONS', 'NUMBER', 'USD', 'USD_2010', 'LCU', 'LCU_PER_USD', 'SHARE'])
      expect(ids('CL_UNIT_MEASURE')).toContain(u);
    for (const a of ['_T', 'Y15T24', 'Y25T74', 'Y15T74', 'Y_GE15', 'Y_GE10', 'Y_GE75', 'Y10T14']) expect(ids('CL_AGE')).toContain(a);
    expect(loadCodeList('SEX')).toBe(loadCodeList('CL_SEX'));
  });

  it('throws CODELIST_UNKNOWN for a list that does not ship', () => {
    expect(() => loadCodeList('CL_NOPE')).toThrowError(expect.objectContaining({ code: 'CODELIST_UNKNOWN' }));
  });
});

describe('validateAgainstSchema', () => {
  it('returns the value when it is valid and lists every issue with its path when not', () => {
    const ok = { id: 'CL_X', version: '1.0.0', name: 'x', source: { document: 'd' }, verified: true, codes: [{ id: 'A', name: 'a' }] };
    expect(validateAgainstSchema('codelist', ok, 'x.json')).toBe(ok);
    const bad = { ...ok, codes: [{ id: 'A' }, { id: 'B', name: 'b', colour: 'red' }] };
    const err = checkAgainstSchema('codelist', bad, 'x.json')!;
    expect(err).toBeInstanceOf(SchemaError);
    expect(err.issues.map((i) => i.jsonPath)).toEqual(['/codes/0/name', '/codes/1/colour']);
    expect(err.location).toEqual({ file: 'x.json', jsonPath: '/codes/0/name' });
  });

  it('accepts the short name, the file name or the $id, and rejects an unknown schema', () => {
    const doc = {
      id: 'd',
      version: '1',
      release: '2024',
      sources: [{ path: 'a.csv', sha256: 'a'.repeat(64) }],
      createdBy: { tool: 'digicge', version: '0.1.0' },
    };
    expect(checkAgainstSchema('dataset', doc)).toBeNull();
    expect(checkAgainstSchema('dataset.schema.json', doc)).toBeNull();
    expect(checkAgainstSchema('https://digicge.org/schemas/dataset.schema.json', doc)).toBeNull();
    expect(checkAgainstSchema('dataset', { ...doc, sources: [{ path: 'a.csv', sha256: 'xyz' }] })?.issues[0].jsonPath).toBe(
      '/sources/0/sha256',
    );
    expect(() => checkAgainstSchema('no-such', doc)).toThrowError(expect.objectContaining({ code: 'SCHEMA_UNKNOWN' }));
  });
});

describe('SchemaRegistry', () => {
  it('keeps working schemas usable when one schema is broken, and names the broken file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'digicge-schemas-'));
    writeFileSync(
      join(dir, 'good.schema.json'),
      JSON.stringify({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $id: 'https://example.org/good.schema.json',
        type: 'object',
        properties: { n: { $ref: 'part.schema.json' } },
      }),
    );
    writeFileSync(
      join(dir, 'part.schema.json'),
      JSON.stringify({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $id: 'https://example.org/part.schema.json',
        type: 'integer',
      }),
    );
    writeFileSync(
      join(dir, 'typo.schema.json'),
      JSON.stringify({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $id: 'https://example.org/typo.schema.json',
        type: 'object',
        propertys: {},
      }),
    );
    writeFileSync(join(dir, 'syntax.schema.json'), '{ "type": ');
    const reg = new SchemaRegistry(dir);
    expect(reg.names()).toEqual(['good', 'part', 'typo']);
    expect([...reg.broken().keys()]).toEqual(['syntax']);
    expect(() => reg.check('syntax', {})).toThrowError(
      expect.objectContaining({ code: 'SCHEMA_INVALID', location: { file: join(dir, 'syntax.schema.json') } }),
    );
    // a keyword typo is caught by ajv's strict mode when the schema is compiled
    expect(() => reg.compile('typo')).toThrowError(
      expect.objectContaining({ code: 'SCHEMA_INVALID', location: { file: join(dir, 'typo.schema.json') } }),
    );
    // $ref between schemas of the folder resolves
    expect(reg.check('good', { n: 3 })).toBeNull();
    expect(reg.check('good', { n: 'three' }, 'x.json')?.issues).toEqual([{ jsonPath: '/n', message: 'must be integer' }]);
  });
});
