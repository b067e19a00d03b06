import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SchemaError } from '../../src/errors.js';
import { checkDsd, dsdBreakdowns, loadDsd, staleDerivedFiles, type DataStructureDefinition } from '../../src/guidelines/index.js';

// biome-ignore lint/suspicious/noExplicitAny: the structure message is read as untyped JSON and checked field by field
type Json = Record<string, any>;
const ROOT = join(import.meta.dirname, '../..');
const readJson = (rel: string): Json => JSON.parse(readFileSync(join(ROOT, rel), 'utf8'));
const dsdFile = (): DataStructureDefinition => readJson('guidelines/dsd/DSD_DIGITAL.json') as DataStructureDefinition;

describe('the data structure definition of ASEAN:DF_DIGITAL', () => {
  it('carries every breakdown the catalogue declares, as a dimension with the same code list', () => {
    const cat = readJson('guidelines/catalogue/indicators.json');
    const declared = new Set<string>(cat.indicators.flatMap((i: { breakdowns: string[] }) => i.breakdowns));
    const dims = new Map(dsdBreakdowns().map((d) => [d.id, d.codelist]));
    for (const b of declared) expect(dims.has(b), b).toBe(true);
    for (const d of cat.dimensions) expect(dims.get(d.id)).toBe(d.codelist);
    // five more than the four the key carried before
    for (const b of ['EDUCATION', 'LABOUR_FORCE_STATUS', 'OCCUPATION', 'ICT_SKILL', 'ICT_LOCATION']) expect(dims.has(b)).toBe(true);
  });

  it("refuses a DSD whose breakdowns are not the catalogue's, or whose period is not last", () => {
    const noSkill = dsdFile();
    noSkill.dimensions = noSkill.dimensions.filter((d) => d.id !== 'ICT_SKILL') as DataStructureDefinition['dimensions'];
    expect(() => checkDsd(noSkill, 'x.json')).toThrowError(SchemaError);
    const timeFirst = dsdFile();
    const t = timeFirst.dimensions.pop()!;
    timeFirst.dimensions.unshift(t);
    expect(() => checkDsd(timeFirst, 'x.json')).toThrowError(/TIME_PERIOD/);
    const badList = dsdFile();
    badList.attributes[0].codelist = 'CL_NOPE';
    expect(() => checkDsd(badList, 'x.json')).toThrowError(/CL_NOPE/);
    expect(() => checkDsd(dsdFile(), 'x.json')).not.toThrow();
  });

  it('the files derived from it are up to date (run `npm run dsd` if this fails)', () => {
    expect(staleDerivedFiles()).toEqual([]);
  });

  it('the observation schema and the mapping schema list its components in key order', () => {
    const d = loadDsd();
    const obs = readJson('guidelines/schemas/observation.schema.json');
    expect(Object.keys(obs.properties)).toEqual([
      'STRUCTURE',
      'STRUCTURE_ID',
      'ACTION',
      ...d.dimensions.map((c) => c.id),
      'OBS_VALUE',
      ...d.attributes.map((a) => a.id),
      ...d.customColumns.map((c) => c.id),
    ]);
    expect(obs.properties.ACTION.enum).toEqual(['I', 'A', 'R', 'D']);
    const map = readJson('guidelines/schemas/source-mapping.schema.json');
    expect(Object.keys(map.properties.dimensions.properties)).toEqual([
      'REF_AREA',
      'INDICATOR',
      ...dsdBreakdowns().map((c) => c.id),
      'TIME_PERIOD',
      'OBS_STATUS',
    ]);
  });
});

describe('the SDMX-JSON 2.0.0 structure message', () => {
  const msg = readJson('guidelines/sdmx/ASEAN+DF_DIGITAL+1.0.structure.json');
  const d = dsdFile();
  const lists = new Map<string, Json>(msg.data.codelists.map((c: Json) => [c.id, c]));
  const urnOf = (cls: string, id: string, v: string): string => `urn:sdmx:org.sdmx.infomodel.${cls}=ASEAN:${id}(${v})`;

  it('names the dataflow ASEAN:DF_DIGITAL(1.0) and its structure', () => {
    expect(msg.meta.schema).toMatch(/sdmx-json-structure-schema\.json$/);
    const flow = msg.data.dataflows[0];
    expect([flow.agencyID, flow.id, flow.version]).toEqual(['ASEAN', 'DF_DIGITAL', '1.0']);
    expect(flow.structure).toBe(urnOf('datastructure.DataStructure', 'DSD_DIGITAL', '1.0'));
    expect(msg.data.dataStructures[0].id).toBe('DSD_DIGITAL');
  });

  it("has every dimension at its position, coded by a code list shipped in the same message with the guideline's codes", () => {
    const comps = msg.data.dataStructures[0].dataStructureComponents;
    const dims = comps.dimensionList.dimensions as Json[];
    const nonTime = d.dimensions.filter((c) => c.role !== 'time');
    expect(dims.map((x) => [x.id, x.position])).toEqual(nonTime.map((c, i) => [c.id, i]));
    expect(comps.dimensionList.timeDimension.id).toBe('TIME_PERIOD');
    for (const [k, c] of nonTime.entries()) {
      const urn: string = dims[k].localRepresentation.enumeration;
      const id = /Codelist=ASEAN:([A-Z_]+)\(/.exec(urn)![1];
      expect(id).toBe(c.codelist);
      const codes = lists.get(id)!.codes.map((x: { id: string }) => x.id);
      const expected =
        id === 'CL_INDICATOR'
          ? readJson('guidelines/catalogue/indicators.json').indicators.map((i: { code: string }) => i.code)
          : readJson(`guidelines/codelists/${id}.json`).codes.map((x: { id: string }) => x.id);
      expect(codes, id).toEqual(expected);
      expect(urn).toBe(urnOf('codelist.Codelist', id, lists.get(id)!.version));
    }
  });

  it('has the measure and every attribute with its usage, and one concept per component', () => {
    const comps = msg.data.dataStructures[0].dataStructureComponents;
    expect(comps.measureList.measures.map((m: { id: string }) => m.id)).toEqual(['OBS_VALUE']);
    expect(comps.attributeList.attributes.map((a: { id: string; usage: string }) => [a.id, a.usage])).toEqual(
      d.attributes.map((a) => [a.id, a.required ? 'mandatory' : 'optional']),
    );
    const concepts = msg.data.conceptSchemes[0].concepts.map((c: { id: string }) => c.id);
    expect(concepts).toEqual([...d.dimensions.map((c) => c.id), 'OBS_VALUE', ...d.attributes.map((a) => a.id)]);
    for (const a of comps.attributeList.attributes)
      expect(a.conceptIdentity).toBe(`urn:sdmx:org.sdmx.infomodel.conceptscheme.Concept=ASEAN:CS_DIGITAL(1.0).${a.id}`);
  });
});
