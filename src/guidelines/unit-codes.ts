import { loadCodeList } from './codelists.js';

let byCode: Map<string, string> | undefined;

/** Guideline unit by accepted text: every CL_UNIT_MEASURE code, and the standard SDMX code of each that has one. */
function table(): Map<string, string> {
  if (byCode) return byCode;
  const m = new Map<string, string>();
  const cl = loadCodeList('CL_UNIT_MEASURE');
  for (const c of cl.codes) if (c.sdmx !== undefined) m.set(c.sdmx, c.id);
  // the guideline's own codes take precedence (USD is both)
  for (const c of cl.codes) m.set(c.id, c.id);
  byCode = m;
  return m;
}

/**
 * The guideline's UNIT_MEASURE code for a unit code read from an SDMX-CSV file: the code itself
 * when it is a CL_UNIT_MEASURE code, the guideline code whose standard SDMX code it is otherwise
 * (`PT` → PERCENT, `PS` → PERSONS, `XDC` → LCU); undefined when it is neither.
 * @param code UNIT_MEASURE as written
 */
export function guidelineUnit(code: string): string | undefined {
  return table().get(code);
}

/**
 * The standard SDMX code of a guideline unit (CL_UNIT_MEASURE `sdmx`), or undefined when the
 * unit has none (PER_100_POP, NUMBER, …).
 * @param code a CL_UNIT_MEASURE code
 */
export function sdmxUnit(code: string): string | undefined {
  return loadCodeList('CL_UNIT_MEASURE').codes.find((c) => c.id === code)?.sdmx;
}
