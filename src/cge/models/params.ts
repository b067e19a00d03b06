/**
 * Reading a model's parameter file (elasticities, world prices, numeraire) with located errors.
 * @module
 */
import { ModelError } from '../../errors.js';

/** The domain of a parameter-file key: a test and the words for a person. */
interface ParameterDomain {
  holds: (v: number) => boolean;
  expected: string;
}

/**
 * Economic domains of the parameter-file keys the models read, one definition for every model.
 * An Armington elasticity σ must be positive and not 1 (the CES exponent η = (σ − 1)/σ is divided
 * by; σ = 1 is the Cobb–Douglas limit, another functional form); a CET elasticity ψ must be positive;
 * world prices must be positive.
 */
export const PARAMETER_DOMAINS: Readonly<Record<string, ParameterDomain>> = {
  armington_elasticity: { holds: (v) => v > 0 && Math.abs(v - 1) > 1e-9, expected: 'positive and not 1 (CES)' },
  transformation_elasticity: { holds: (v) => v > 0, expected: 'positive' },
  world_export_price: { holds: (v) => v > 0, expected: 'positive' },
  world_import_price: { holds: (v) => v > 0, expected: 'positive' },
};

/**
 * Reads `params[key][element]` as a finite number within the key's economic domain
 * ({@link PARAMETER_DOMAINS}); ModelError MISSING_ELASTICITY (or the given code) naming the key,
 * the element and the JSON path when it is missing or not a number, ModelError
 * `PARAMETER_OUT_OF_DOMAIN` when it is outside its domain (e.g. an Armington elasticity of −2).
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
  const at = { ...(file ? { file } : {}), jsonPath: `/${key}/${element}`, index: [element] };
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new ModelError(
      opts.code ?? 'MISSING_ELASTICITY',
      `${opts.what ?? key.replace(/_/g, ' ')} for "${element}" is ${v === undefined ? 'missing' : `not a number (${JSON.stringify(v)})`}; the parameter file needs "${key}": {"${element}": <number>}`,
      at,
    );
  }
  const domain = PARAMETER_DOMAINS[key];
  if (domain && !domain.holds(v)) {
    throw new ModelError(
      'PARAMETER_OUT_OF_DOMAIN',
      `${opts.what ?? key.replace(/_/g, ' ')} for "${element}" must be ${domain.expected}, got ${v}`,
      at,
    );
  }
  return v;
}

/** Numeraire declared in a parameter file: `{ "variable": "pf", "index": "LAB", "value": 1 }`. */
export function numeraireOf(
  params: Readonly<Record<string, unknown>>,
  fallback: { variable: string; index: string[]; value: number },
): { variable: string; index: string[]; value: number } {
  const n = params.numeraire as { variable?: unknown; index?: unknown; value?: unknown } | undefined;
  if (!n || typeof n !== 'object') return fallback;
  const index = n.index === undefined ? fallback.index : Array.isArray(n.index) ? n.index.map(String) : [String(n.index)];
  return {
    variable: typeof n.variable === 'string' ? n.variable : fallback.variable,
    index,
    value: typeof n.value === 'number' ? n.value : fallback.value,
  };
}
