import type { SourceMapping } from '../guidelines/generated/source-mapping.js';
import { validateMapping } from './mapping.js';

/** A mapping rewritten to the current form, with what changed. */
export interface UpgradedMapping {
  mapping: SourceMapping;
  changes: string[];
}

type Json = Record<string, unknown>;

/** Renames a key of an object, keeping its place among the keys. */
function renameKey(o: Json, from: string, to: string): Json {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k === from ? to : k, v]));
}

/**
 * Rewrites a mapping in the current form of the schema: a wide layout's `timeColumns` becomes
 * `columns` (same meaning: a pattern without named groups still gives the whole name as the period).
 * Everything else is kept as written; the result is validated.
 * @param value the mapping as parsed JSON (any earlier form)
 * @param shown file name for errors
 * @throws SchemaError when the upgraded mapping does not validate
 */
export function upgradeMapping(value: unknown, shown: string): UpgradedMapping {
  const m = structuredClone(value) as Json;
  const changes: string[] = [];
  const layout = m.layout as Json | undefined;
  if (layout && layout.type === 'wide' && 'timeColumns' in layout && !('columns' in layout)) {
    m.layout = renameKey(layout, 'timeColumns', 'columns');
    changes.push('layout.timeColumns renamed layout.columns');
  }
  return { mapping: validateMapping(m, shown), changes };
}
