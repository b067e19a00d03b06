import { sourcePriorityRank, loadQualityRules } from '../guidelines/index.js';
import { dsdBreakdowns } from '../guidelines/dsd.js';
import type { Dimension, SourceMapping } from '../guidelines/generated/source-mapping.js';
import { periodFrequency } from './period.js';

/**
 * Breakdown dimensions of the observation key, in key order: the breakdowns of the data structure
 * definition (`guidelines/dsd/DSD_DIGITAL.json`), which are the catalogue's dimensions.
 */
export function keyBreakdowns(): readonly string[] {
  return (cachedBreakdowns ??= dsdBreakdowns().map((d) => d.id));
}
let cachedBreakdowns: readonly string[] | undefined;

/** Dimensions of a mapping that are not breakdowns. */
export const CORE_DIMENSIONS = ['REF_AREA', 'INDICATOR', 'TIME_PERIOD', 'OBS_STATUS'] as const;

/** Whether `text` is a period as the guideline writes it: YYYY, YYYY-Sn, YYYY-Qn, a real month YYYY-MM or a real date YYYY-MM-DD. */
export function isPeriod(text: string): boolean {
  return periodFrequency(text) !== undefined;
}

/** Breakdown dimension ids of the data structure definition, each with the code list of its values. */
export function breakdownDimensions(): ReadonlyMap<string, string> {
  return new Map(dsdBreakdowns().map((d) => [d.id, d.codelist!]));
}

/** Position of a breakdown in the observation key, or -1 when the key does not carry it. */
export function keyPosition(dim: string): number {
  return keyBreakdowns().indexOf(dim);
}

/**
 * Default priority of a source class of the guideline (`sourcePriority` in
 * guidelines/quality/rules.json): `10 × (number of classes + 1 − rank)`, so the best-ranked class
 * (nso) gets the highest priority and `other` gets 10.
 * @returns the priority, or `undefined` when the class is not listed
 */
export function classPriority(sourceClass: string): number | undefined {
  const rank = sourcePriorityRank(sourceClass);
  if (rank === undefined) return undefined;
  return 10 * (loadQualityRules().sourcePriority.length + 1 - rank);
}

/** The priority of a mapping's source: its own, else its class's default. */
export function sourcePriority(source: SourceMapping['source']): number {
  if (source.priority !== undefined) return source.priority;
  return classPriority(source.class ?? '') ?? 0;
}

/** The dataset whose releases a mapping's source is one of: `source.dataset`, else the publisher. */
export function sourceDataset(source: SourceMapping['source']): string {
  return source.dataset ?? source.publisher;
}

/** The value-column pattern of a wide layout (`columns`, or its former name `timeColumns`). */
export function columnsPattern(layout: SourceMapping['layout']): string | undefined {
  return layout.type === 'wide' ? (layout.columns ?? layout.timeColumns) : undefined;
}

/** Names of the named groups of a regular expression source, in order. */
export function namedGroups(pattern: string): string[] {
  return [...pattern.matchAll(/\(\?<([A-Za-z_][A-Za-z0-9_]*)>/g)].map((m) => m[1]);
}

/** A code map without its comment keys (keys starting with `$`). */
export function codeMapOf(o: Record<string, string> | undefined): Map<string, string> | null {
  if (!o) return null;
  return new Map(Object.entries(o).filter(([k]) => !k.startsWith('$')));
}

/** A mapping's dimension by id (any text: the mapping schema lists the DSD's dimensions only), or undefined. */
export function mappingDimension(dims: SourceMapping['dimensions'], id: string): Dimension | undefined {
  return (dims as Readonly<Record<string, Dimension | undefined>>)[id];
}
