/**
 * Symbol names in a model document's prose: `{{X(i,j)}}` is checked against the model — a set,
 * alias, parameter, variable or equation, written with as many indices as its domain, each index a
 * set or alias of the model (or a quoted element) — and written as code, `X(i,j)`.
 * @module
 */
import { ModelError } from '../../errors.js';
import type { CgeModel } from '../model/model.js';

/** Domain of a symbol of the model (`null` for a set or alias, which takes no index here). */
function domainOf(model: CgeModel, name: string): readonly string[] | null | undefined {
  if (model.isSet(name)) return null;
  if (model.hasParameter(name)) return model.getParameter(name).domain;
  if (model.hasVariable(name)) return model.getVariable(name).domain;
  const eq = model.equationList.find((e) => e.name === name);
  return eq ? eq.domain : undefined;
}

/** Checks one reference `name` or `name(a,b)`; throws ModelError DOCUMENT_UNKNOWN_SYMBOL naming it and where it is. */
export function checkReference(model: CgeModel, ref: string, where: string): void {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\(([^()]*)\))?$/.exec(ref.trim());
  const unknown = (why: string): ModelError =>
    new ModelError('DOCUMENT_UNKNOWN_SYMBOL', `the document of model ${model.name} names "${ref}" in ${where}: ${why}`, {
      equation: ref,
      jsonPath: where,
    });
  if (!m) throw unknown('not a symbol with its indices');
  const name = m[1]!;
  const args = m[2] === undefined ? [] : m[2].split(',').map((a) => a.trim());
  const domain = domainOf(model, name);
  if (domain === undefined) throw unknown('the model has no such set, parameter, variable or equation');
  if (domain === null) {
    if (args.length) throw unknown(`${name} is a set: write it without indices`);
    return;
  }
  if (args.length !== domain.length) throw unknown(`${name} has ${domain.length} index(es) (${domain.join(',')}), ${args.length} written`);
  for (const a of args) if (!/^'.*'$/.test(a) && !model.isSet(a)) throw unknown(`index "${a}" is not a set of the model`);
}

/** Replaces every `{{…}}` of `text` by the checked symbol in code. */
export function resolveReferences(model: CgeModel, text: string, where: string): string {
  return text.replace(/\{\{([^}]*)\}\}/g, (_, ref: string) => {
    checkReference(model, ref, where);
    return `\`${ref.trim()}\``;
  });
}
