/**
 * A copy of a model — sets, aliases, parameters, variables (levels, bounds, fixed flags) and
 * equations — built through the public builder, so that a scenario can compile the model with other
 * parameter values (or a test with other equations) without touching the shared one.
 * @module
 */
import type { CgeEquation } from './model.js';
import { CgeModel } from './model.js';

/** Options of {@link copyModel}. */
export interface CopyModelOptions {
  /** Parameter values to use instead of the model's, by parameter name (dense, as `CgeParameter.values`). */
  readonly values?: (parameter: string) => ArrayLike<number> | undefined;
  /** Equations to use instead of the model's. */
  readonly equations?: readonly CgeEquation[];
}

/** Copies `model` (see the module comment); the original is never modified. */
export function copyModel(model: CgeModel, opts: CopyModelOptions = {}): CgeModel {
  const m = new CgeModel(model.name);
  const aliases = model.aliasList;
  for (const s of model.setList) {
    m.set(s.name, s.elements, {
      ...(s.parent !== undefined ? { parent: s.parent } : {}),
      ...(s.description !== undefined ? { description: s.description } : {}),
    });
    for (const [alias, of] of aliases) if (of === s.name) m.alias(of, alias);
  }
  for (const par of model.parameterList) {
    const copy = m.parameter(par.name, par.domain, par.description !== undefined ? { description: par.description } : {});
    copy.values.set(opts.values?.(par.name) ?? par.values);
  }
  for (const v of model.variableList) {
    const copy = m.variable(v.name, v.domain, v.description !== undefined ? { description: v.description } : {});
    copy.level.set(v.level);
    copy.lower.set(v.lower);
    copy.upper.set(v.upper);
    copy.fixed.set(v.fixed);
  }
  for (const e of opts.equations ?? model.equationList) {
    m.equation(e.name, e.domain, e.lhs, e.rhs, {
      ...(e.condition ? { condition: e.condition } : {}),
      ...(e.description !== undefined ? { description: e.description } : {}),
      ...(e.source !== undefined ? { source: e.source } : {}),
    });
  }
  return m;
}
