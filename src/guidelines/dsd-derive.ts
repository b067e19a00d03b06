/**
 * Files derived from the data structure definition (`guidelines/dsd/DSD_DIGITAL.json`): the JSON
 * Schema of an observation, the dimension list of the source-mapping schema and the SDMX structure
 * message. `npm run dsd` writes them; a test fails when a committed one is stale.
 * @module
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataflowRef, dsdBreakdowns, loadDsd } from './dsd.js';
import { observationColumns } from './dsd-columns.js';
import type { DataStructureDefinition } from './generated/dsd.js';
import { guidelinePath, packageRoot } from './paths.js';
import { structureMessage } from './sdmx-structure.js';

type Json = Record<string, unknown>;

const GENERATED = 'Generated from guidelines/dsd/DSD_DIGITAL.json by `npm run dsd`: do not edit by hand.';

function propertyOf(d: DataStructureDefinition, id: string): Json {
  const dim = d.dimensions.find((c) => c.id === id);
  if (dim)
    return {
      type: 'string',
      description: `${dim.name}${dim.codelist ? ` (${dim.codelist})` : ''}${dim.role === 'breakdown' ? `; ${dim.total} when not broken down${dim.personal ? ', _Z when not applicable (households)' : ''}` : ''}.`,
    };
  if (id === d.measure.id) return { type: ['number', 'null'], description: d.measure.description ?? d.measure.name };
  const a = d.attributes.find((c) => c.id === id);
  if (a) {
    const description = `${a.name}${a.codelist ? ` (${a.codelist}${a.multiValued ? ' codes separated by ";"' : ''})` : ''}${a.description ? `: ${a.description}` : '.'}`;
    return { type: a.type === 'integer' || a.codelist === 'CL_UNIT_MULT' ? 'integer' : 'string', description };
  }
  const c = d.customColumns.find((x) => x.id === id)!;
  return {
    type: c.type === 'integer' ? ['integer', 'null'] : 'string',
    description: `${c.description} Empty${c.type === 'integer' ? ' (null)' : ''} when the file carries no provenance.`,
  };
}

/**
 * The JSON Schema of one harmonised observation (a row of observations.csv as a typed object):
 * one property per column of {@link observationColumns}, in that order.
 */
export function observationSchema(d: DataStructureDefinition = loadDsd()): Json {
  const cols = observationColumns(d);
  const properties: Record<string, Json> = {
    STRUCTURE: { const: 'dataflow' },
    STRUCTURE_ID: { type: 'string', description: dataflowRef(d) },
    ACTION: { enum: ['I', 'A', 'R', 'D'], description: 'SDMX-CSV 2.0.0 action: I (information) for a disseminated harmonised dataset.' },
  };
  for (const c of cols) if (c.kind !== 'structure') properties[c.id] = propertyOf(d, c.id);
  const optional = new Set(d.attributes.filter((a) => !a.required).map((a) => a.id));
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://digicge.org/schemas/observation.schema.json',
    $comment: GENERATED,
    title: 'Observation',
    description: `One harmonised observation of ${dataflowRef(d)}: a row of observations.csv (SDMX-CSV 2.0.0), keyed by area, indicator, every breakdown of the data structure definition, frequency and period, in the indicator's canonical unit, with its status, source release and provenance (file, sheet, row, column, mapping, file sha256).`,
    type: 'object',
    additionalProperties: false,
    required: cols.map((c) => c.id).filter((id) => !optional.has(id)),
    properties,
  };
}

/** The `dimensions` property of the source-mapping schema: one entry per dimension a mapping may give. */
export function mappingDimensionsSchema(d: DataStructureDefinition = loadDsd()): Json {
  const breakdowns = dsdBreakdowns(d).map((c) => c.id);
  const ids = [
    ...d.dimensions.filter((c) => c.role === 'area' || c.role === 'indicator').map((c) => c.id),
    ...breakdowns,
    'TIME_PERIOD',
    'OBS_STATUS',
  ];
  return {
    type: 'object',
    $comment: GENERATED,
    additionalProperties: false,
    required: ['REF_AREA'],
    properties: Object.fromEntries(ids.map((id) => [id, { $ref: '#/$defs/dimension' }])),
    description: `Where each dimension's value comes from. REF_AREA is required; INDICATOR, TIME_PERIOD and OBS_STATUS are optional, and so is every breakdown dimension of the data structure definition (${breakdowns.join(', ')}): a breakdown not given is the total (_T).`,
  };
}

/** The source-mapping schema with its `dimensions` property derived from the DSD (the rest kept). */
export function sourceMappingSchema(current: Json, d: DataStructureDefinition = loadDsd()): Json {
  const props = { ...(current.properties as Json) };
  props.dimensions = mappingDimensionsSchema(d);
  return { ...current, properties: props };
}

/** One file derived from the DSD: where it goes and its text. */
export interface DerivedFile {
  /** Path relative to the package root. */
  path: string;
  text: string;
}

const json = (v: unknown): string => `${JSON.stringify(v, null, 2)}\n`;

/** Every file derived from the DSD, with the text it must have. */
export function derivedFiles(d: DataStructureDefinition = loadDsd()): DerivedFile[] {
  const mappingPath = guidelinePath('schemas', 'source-mapping.schema.json');
  const current = JSON.parse(readFileSync(mappingPath, 'utf8')) as Json;
  return [
    { path: 'guidelines/schemas/observation.schema.json', text: json(observationSchema(d)) },
    { path: 'guidelines/schemas/source-mapping.schema.json', text: json(sourceMappingSchema(current, d)) },
    { path: `guidelines/sdmx/${d.agency}+${d.dataflow.id}+${d.dataflow.version}.structure.json`, text: json(structureMessage(d)) },
  ];
}

/** The derived files whose committed text differs from a fresh derivation (or that are missing). */
export function staleDerivedFiles(root: string = packageRoot()): string[] {
  return derivedFiles()
    .filter((f) => {
      try {
        return readFileSync(join(root, f.path), 'utf8') !== f.text;
      } catch {
        return true;
      }
    })
    .map((f) => f.path);
}
