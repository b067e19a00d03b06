/**
 * Reading a model's parameter file (elasticities, world prices, numeraire) with located errors.
 * @module
 */
import { ModelError } from '../../errors.js';

/**
 * Reads `params[key][element]` as a finite number; ModelError MISSING_ELASTICITY (or the given
 * code) naming the key, the element and the JSON path when it is missing or not a number.
 */
export function elementValue(
  params: Readonly<Record<string, unknown>>,
  key: string,
  element: string,
  file?: string,
  opts: { code?: string; what?: string; fallback?: number } = {},
): number {
  const table = params[key];
  const v = table && typeof table === 'object' ? (table as Record<string, unknown>)[element] : undefined;
  if (v === undefined && opts.fallback !== undefined) return opts.fallback;
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new ModelError(
      opts.code ?? 'MISSING_ELASTICITY',
      `${opts.what ?? key.replace(/_/g, ' ')} for "${element}" is ${v === undefined ? 'missing' : `not a number (${JSON.stringify(v)})`}; the parameter file needs "${key}": {"${element}": <number>}`,
      { ...(file ? { file } : {}), jsonPath: `/${key}/${element}`, index: [element] },
    );
  }
  return v;
}

/** Numeraire declared in a parameter file: `{ "variable": "pf", "index": "LAB", "value": 1 }`. */
export function numeraireOf(params: Readonly<Record<string, unknown>>, fallback: { variable: string; index: string[]; value: number }): { variable: string; index: string[]; value: number } {
  const n = params.numeraire as { variable?: unknown; index?: unknown; value?: unknown } | undefined;
  if (!n || typeof n !== 'object') return fallback;
  const index = n.index === undefined ? fallback.index : Array.isArray(n.index) ? n.index.map(String) : [String(n.index)];
  return {
    variable: typeof n.variable === 'string' ? n.variable : fallback.variable,
    index,
    value: typeof n.value === 'number' ? n.value : fallback.value,
  };
}
