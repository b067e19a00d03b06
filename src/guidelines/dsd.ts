import { SchemaError } from '../errors.js';
import { loadCatalogue } from './catalogue.js';
import { listCodeLists } from './codelists.js';
import type { DataStructureDefinition, DsdAttribute, DsdDimension } from './generated/dsd.js';
import { displayPath, guidelinePath } from './paths.js';
import { readValidatedJson } from './validate.js';

export type { CustomColumn, DataStructureDefinition, DsdAttribute, DsdDimension, DsdMeasure } from './generated/dsd.js';

/** Code list of the INDICATOR dimension: the indicator catalogue itself, not a file of guidelines/codelists. */
export const INDICATOR_CODELIST = 'CL_INDICATOR';

let cached: DataStructureDefinition | undefined;

/**
 * Checks what the schema cannot: unique component ids; TIME_PERIOD the one time dimension and the
 * last; one area, one indicator and one frequency dimension; every code list ships (or is the
 * catalogue's); the breakdowns are exactly the catalogue's dimensions, with the same code lists.
 * @throws SchemaError listing every issue with its JSON path
 */
export function checkDsd(d: DataStructureDefinition, shown: string): void {
  const issues: { jsonPath: string; message: string }[] = [];
  const lists = new Set([...listCodeLists(), INDICATOR_CODELIST]);
  const ids = new Set<string>();
  const all = [
    ...d.dimensions.map((c, i) => [c.id, `/dimensions/${i}`] as const),
    [d.measure.id, '/measure'] as const,
    ...d.attributes.map((c, i) => [c.id, `/attributes/${i}`] as const),
    ...d.customColumns.map((c, i) => [c.id, `/customColumns/${i}`] as const),
  ];
  for (const [id, at] of all) {
    if (ids.has(id)) issues.push({ jsonPath: `${at}/id`, message: `duplicate component "${id}"` });
    ids.add(id);
  }
  const roles = d.dimensions.map((c) => c.role);
  for (const role of ['area', 'indicator', 'frequency', 'time'] as const) {
    if (roles.filter((r) => r === role).length !== 1)
      issues.push({ jsonPath: '/dimensions', message: `needs exactly one dimension of role ${role}` });
  }
  const last = d.dimensions[d.dimensions.length - 1];
  if (last.role !== 'time' || last.id !== 'TIME_PERIOD')
    issues.push({ jsonPath: `/dimensions/${d.dimensions.length - 1}`, message: 'the last dimension must be TIME_PERIOD (role time)' });
  d.dimensions.forEach((c, i) => {
    if (c.role !== 'time' && !c.codelist) issues.push({ jsonPath: `/dimensions/${i}/codelist`, message: `${c.id} needs a code list` });
    if (c.codelist && !lists.has(c.codelist))
      issues.push({ jsonPath: `/dimensions/${i}/codelist`, message: `code list "${c.codelist}" does not ship in guidelines/codelists` });
    if (c.role === 'breakdown' && !c.total)
      issues.push({ jsonPath: `/dimensions/${i}/total`, message: `breakdown ${c.id} needs its total code` });
  });
  d.attributes.forEach((a, i) => {
    if (a.codelist && !lists.has(a.codelist))
      issues.push({ jsonPath: `/attributes/${i}/codelist`, message: `code list "${a.codelist}" does not ship in guidelines/codelists` });
    if (!a.codelist && !a.type) issues.push({ jsonPath: `/attributes/${i}`, message: `${a.id} needs a code list or a type` });
  });
  const declared = loadCatalogue().dimensions.map((c) => `${c.id}:${c.codelist}`);
  const breakdowns = d.dimensions.filter((c) => c.role === 'breakdown').map((c) => `${c.id}:${c.codelist}`);
  if (declared.join(',') !== breakdowns.join(','))
    issues.push({
      jsonPath: '/dimensions',
      message: `the breakdown dimensions (${breakdowns.join(', ')}) must be the catalogue's dimensions in its order (${declared.join(', ')})`,
    });
  if (issues.length)
    throw new SchemaError(`${shown}: ${issues[0].jsonPath} ${issues[0].message}`, { file: shown, jsonPath: issues[0].jsonPath }, issues);
}

/**
 * The data structure definition of the harmonised dataset (`guidelines/dsd/DSD_DIGITAL.json`),
 * validated against `dsd.schema.json` and {@link checkDsd} on first use, then cached.
 */
export function loadDsd(): DataStructureDefinition {
  if (cached) return cached;
  const file = guidelinePath('dsd', 'DSD_DIGITAL.json');
  const shown = displayPath(file);
  const d = readValidatedJson<DataStructureDefinition>('dsd', file, shown);
  checkDsd(d, shown);
  return (cached = d);
}

/** Forgets the cached DSD. */
export function clearDsdCache(): void {
  cached = undefined;
}

/** The dimensions of role breakdown, in key order (SEX, AGE, URBANISATION, …). */
export function dsdBreakdowns(d: DataStructureDefinition = loadDsd()): DsdDimension[] {
  return d.dimensions.filter((c) => c.role === 'breakdown');
}

/**
 * The dimensions that make the key of a stored observation, in key order: area, indicator, every
 * breakdown, the period. FREQ is left out: it follows from the period.
 */
export function dsdKeyDimensions(d: DataStructureDefinition = loadDsd()): DsdDimension[] {
  return d.dimensions.filter((c) => c.role !== 'frequency');
}

/** The attribute with this id. */
export function dsdAttribute(id: string, d: DataStructureDefinition = loadDsd()): DsdAttribute | undefined {
  return d.attributes.find((a) => a.id === id);
}

/** `AGENCY:DATAFLOW(VERSION)`, the STRUCTURE_ID of every row (e.g. `ASEAN:DF_DIGITAL(1.0)`). */
export function dataflowRef(d: DataStructureDefinition = loadDsd()): string {
  return `${d.agency}:${d.dataflow.id}(${d.dataflow.version})`;
}
