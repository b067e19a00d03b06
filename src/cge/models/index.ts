/**
 * The model library: models by name (the digital-divide model `ddcge` among them).
 * @module
 */
import { UsageError } from '../../errors.js';
import type { CgeModelDefinition } from '../definition.js';
import { ddcge } from '../digital/ddcge.js';
import { splcge } from './splcge.js';
import { stdcge } from './stdcge.js';

export { stdcge, calibrateStdcge, STDCGE_EQUATIONS, STDCGE_ACCOUNTS } from './stdcge.js';
export { splcge, calibrateSplcge, SPLCGE_EQUATIONS } from './splcge.js';
export { elementValue, numeraireOf, PARAMETER_DOMAINS } from './params.js';

/** Models of the library by name. */
export const MODEL_LIBRARY: Readonly<Record<string, CgeModelDefinition>> = { stdcge, splcge, ddcge };

/** A library model by name; UsageError UNKNOWN_MODEL listing the names otherwise. */
export function libraryModel(name: string): CgeModelDefinition {
  const def = MODEL_LIBRARY[name];
  if (!def)
    throw new UsageError('UNKNOWN_MODEL', `no model "${name}" in the library (models: ${Object.keys(MODEL_LIBRARY).sort().join(', ')})`);
  return def;
}
