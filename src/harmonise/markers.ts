import { InputError } from '../errors.js';
import type { AreaLookupOptions, AreaResolver, AreaSystem } from '../guidelines/index.js';
import type { SourceMapping } from '../guidelines/generated/source-mapping.js';
import type { ValueColumnPlan } from './plan.js';

/** Cell markers of a mapping compiled against its value columns. */
export interface CompiledMarkers {
  /** CL_AREA code → OBS_STATUS per value column (undefined: not marked). */
  byArea: Map<string, (string | undefined)[]>;
  /** Cells each marker matched, in mapping order. */
  hits: number[];
  /** Marker index per area and value column, to count hits. */
  index: Map<string, number[]>;
}

/** How the mapping reads its area column, to resolve a marker's area the same way. */
export interface AreaReading {
  resolver: AreaResolver;
  system: AreaSystem | undefined;
  options: AreaLookupOptions;
  map: Map<string, string> | null;
}

/** CL_AREA code of an area written as in the file (through REF_AREA's codeMap) or as a CL_AREA code. */
export function resolveAreaText(text: string, r: AreaReading): string | undefined {
  const mapped = r.map?.get(text);
  if (mapped !== undefined) return r.resolver.area(mapped)?.code;
  const look = r.resolver.lookup(text, r.system, r.options);
  return look.status === 'found' ? look.area.code : undefined;
}

/**
 * Compiles `cellMarkers`: each marker's area resolved to a CL_AREA code, its columns to value columns.
 * @throws InputError `MAPPING_MARKER_AREA` for an area that does not resolve, `MAPPING_MARKER_COLUMN`
 *   for a column that is not a value column
 */
export function compileMarkers(
  m: SourceMapping,
  values: readonly ValueColumnPlan[],
  reading: AreaReading,
  mappingFile: string,
): CompiledMarkers {
  const out: CompiledMarkers = { byArea: new Map(), hits: [], index: new Map() };
  const names = values.map((v) => v.name);
  (m.cellMarkers ?? []).forEach((c, i) => {
    out.hits.push(0);
    const code = resolveAreaText(c.area.trim(), reading) ?? reading.resolver.area(c.area.trim())?.code;
    if (code === undefined)
      throw new InputError('MAPPING_MARKER_AREA', `cell marker ${i + 1}: area "${c.area}" is not a known area code or name`, {
        file: mappingFile,
        jsonPath: `/cellMarkers/${i}/area`,
      });
    const wanted = c.columns ?? names;
    let statuses = out.byArea.get(code);
    let idx = out.index.get(code);
    if (!statuses || !idx) {
      statuses = names.map(() => undefined);
      idx = names.map(() => -1);
      out.byArea.set(code, statuses);
      out.index.set(code, idx);
    }
    for (const col of wanted) {
      const v = names.indexOf(col);
      if (v < 0)
        throw new InputError(
          'MAPPING_MARKER_COLUMN',
          `cell marker ${i + 1}: "${col}" is not a value column; the value columns are ${names.map((n) => `"${n}"`).join(', ')}`,
          { file: mappingFile, jsonPath: `/cellMarkers/${i}/columns` },
        );
      statuses[v] = c.status;
      idx[v] = i;
    }
  });
  return out;
}
