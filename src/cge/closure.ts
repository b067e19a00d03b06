/**
 * Closures as data: which variables are fixed (numeraire, foreign savings or the exchange rate,
 * factor endowments, …) and which scalar equations are dropped (the market made redundant by
 * Walras' law). A closure is applied to a compiled model to give fixed flags and dropped rows.
 * @module
 */
import { ModelError } from '../errors.js';
import type { CompiledModel } from './compile/compile.js';
import type { CgeModel } from './model/model.js';

/** A variable (all its elements, or one element tuple) in a closure. */
export interface ClosureVariable {
  /** Variable name, e.g. `pf`. */
  variable: string;
  /** Element tuple; omitted = every element of the variable. */
  index?: string[];
  /** Value to fix at; omitted = its benchmark (calibrated) level. */
  value?: number;
  /** Why it is fixed, in words (e.g. "numeraire"). */
  reason?: string;
}

/** An equation (all its elements, or one element tuple) dropped from the system. */
export interface ClosureEquation {
  equation: string;
  index?: string[];
  reason?: string;
}

/** A closure: the fixed variables and the dropped equations. */
export interface Closure {
  name: string;
  description?: string;
  fix: ClosureVariable[];
  drop?: ClosureEquation[];
}

/** Full-vector positions of a closure variable (all elements when no index is given). */
export function variablePositions(cm: CompiledModel, v: { variable: string; index?: readonly string[] }, jsonPath?: string): number[] {
  const model: CgeModel = cm.model;
  if (!model.hasVariable(v.variable)) {
    throw new ModelError('UNKNOWN_VARIABLE', `"${v.variable}" is not a variable of model ${model.name}`, {
      equation: v.variable,
      ...(jsonPath ? { jsonPath } : {}),
    });
  }
  const sym = model.getVariable(v.variable);
  const off = cm.vars.offset.get(v.variable)!;
  if (v.index === undefined) return Array.from({ length: sym.size }, (_, k) => off + k);
  try {
    return [off + model.flatIndex(sym, v.index)];
  } catch (err) {
    if (err instanceof ModelError) throw new ModelError(err.code, err.message, { ...err.location, ...(jsonPath ? { jsonPath } : {}) });
    throw err;
  }
}

/** Scalar equation numbers of a closure equation entry. */
export function equationRows(cm: CompiledModel, e: { equation: string; index?: readonly string[] }, jsonPath?: string): number[] {
  const out: number[] = [];
  let any = false;
  cm.rows.forEach((r, k) => {
    if (r.name !== e.equation) return;
    any = true;
    if (e.index === undefined || (r.index.length === e.index.length && r.index.every((x, i) => x === e.index![i]))) out.push(k);
  });
  if (!any)
    throw new ModelError('UNKNOWN_EQUATION', `"${e.equation}" is not an equation of model ${cm.model.name}`, {
      equation: e.equation,
      ...(jsonPath ? { jsonPath } : {}),
    });
  if (!out.length) {
    throw new ModelError('UNKNOWN_ELEMENT', `equation ${e.equation} has no element (${(e.index ?? []).join(',')})`, {
      equation: e.equation,
      index: e.index ?? [],
      ...(jsonPath ? { jsonPath } : {}),
    });
  }
  return out;
}

/**
 * Fixed flags (per variable position) and dropped flags (per scalar equation) of a closure. The
 * closure adds to the variables the model itself fixes (`CgeModel.fix`, e.g. a factor an activity
 * does not use), which stay fixed at their levels under every closure.
 */
export function applyClosure(cm: CompiledModel, closure: Closure, x: Float64Array): { fixed: Uint8Array; dropped: Uint8Array } {
  const fixed = new Uint8Array(cm.vars.size);
  const dropped = new Uint8Array(cm.rows.length);
  for (const v of cm.model.variableList) {
    const off = cm.vars.offset.get(v.name)!;
    for (let k = 0; k < v.size; k++) {
      if (v.fixed[k]) {
        fixed[off + k] = 1;
        x[off + k] = v.level[k]!;
      }
    }
  }
  closure.fix.forEach((f, k) => {
    for (const j of variablePositions(cm, f, `/fix/${k}`)) {
      fixed[j] = 1;
      if (f.value !== undefined) x[j] = f.value;
    }
  });
  (closure.drop ?? []).forEach((d, k) => {
    for (const r of equationRows(cm, d, `/drop/${k}`)) dropped[r] = 1;
  });
  return { fixed, dropped };
}
