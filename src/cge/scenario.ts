/**
 * Scenarios as data (`guidelines/schemas/scenario.schema.json`): parameter shocks and closure
 * swaps. Reading validates the JSON against the schema; applying checks every name and element
 * against the model, with the JSON path of the offending entry.
 * @module
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { InputError, ModelError, SchemaError } from '../errors.js';
import type { CgeScenario } from '../guidelines/generated/scenario.js';
import type { CompiledModel } from './compile/compile.js';
import { type Closure, variablePositions } from './closure.js';
import { checkSchemaVersion } from '../guidelines/schema-version.js';

export type { CgeScenario } from '../guidelines/generated/scenario.js';

const SCHEMA_DIR = join(import.meta.dirname, '../../guidelines/schemas');
let validator: (((d: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null }) | undefined;

function getValidator() {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    ajv.addSchema(JSON.parse(readFileSync(join(SCHEMA_DIR, 'closure.schema.json'), 'utf8')));
    validator = ajv.compile(JSON.parse(readFileSync(join(SCHEMA_DIR, 'scenario.schema.json'), 'utf8')));
  }
  return validator;
}

/**
 * Validates scenario JSON (one scenario object, or an array of them) against the schema and the
 * shock rule (exactly one of set/scale/add). Throws SchemaError with every issue's JSON path.
 */
export function parseScenarios(data: unknown, file?: string): CgeScenario[] {
  checkSchemaVersion('scenario', data, file);
  const list = Array.isArray(data) ? data : [data];
  const v = getValidator();
  const issues: { jsonPath: string; message: string }[] = [];
  list.forEach((s, k) => {
    const prefix = Array.isArray(data) ? `/${k}` : '';
    if (!v(s)) for (const e of v.errors ?? []) issues.push({ jsonPath: `${prefix}${e.instancePath}`, message: e.message ?? 'invalid' });
    const shocks = (s as CgeScenario).shocks ?? [];
    if (Array.isArray(shocks)) {
      shocks.forEach((sh, i) => {
        const n = ['set', 'scale', 'add'].filter((op) => (sh as Record<string, unknown>)[op] !== undefined).length;
        if (n !== 1) issues.push({ jsonPath: `${prefix}/shocks/${i}`, message: 'a shock needs exactly one of set, scale, add' });
      });
    }
    const vshocks = (s as CgeScenario).variables ?? [];
    if (Array.isArray(vshocks)) {
      vshocks.forEach((sh, i) => {
        const n = ['set', 'scale'].filter((op) => (sh as Record<string, unknown>)[op] !== undefined).length;
        if (n !== 1) issues.push({ jsonPath: `${prefix}/variables/${i}`, message: 'a variable shock needs exactly one of set, scale' });
      });
    }
  });
  if (issues.length) {
    throw new SchemaError(
      `scenario does not match scenario.schema.json: ${issues.map((i) => `${i.jsonPath || '/'} ${i.message}`).join('; ')}`,
      { ...(file ? { file } : {}), jsonPath: issues[0].jsonPath },
      issues,
    );
  }
  return list as CgeScenario[];
}

/** Reads and validates a scenario file. */
export async function readScenarioFile(path: string): Promise<CgeScenario[]> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new InputError('SCENARIO_UNREADABLE', `cannot read scenario file: ${err instanceof Error ? err.message : String(err)}`, {
      file: path,
    });
  }
  return parseScenarios(data, path);
}

/**
 * Applies a scenario's shocks to a copy of the parameter vector `p0`. Unknown parameters or
 * elements throw ModelError naming them and the JSON path (`/shocks/2/index/0`).
 * Returns the new vector and the names of the parameters changed.
 */
export function applyShocks(
  cm: CompiledModel,
  scenario: CgeScenario,
  p0: Float64Array,
  file?: string,
): { p: Float64Array; changed: Set<string> } {
  const p = Float64Array.from(p0);
  const changed = new Set<string>();
  const model = cm.model;
  (scenario.shocks ?? []).forEach((sh, k) => {
    const at = (suffix = '') => ({ ...(file ? { file } : {}), jsonPath: `/shocks/${k}${suffix}` });
    if (!model.hasParameter(sh.parameter)) {
      throw new ModelError('UNKNOWN_PARAMETER', `scenario ${scenario.name}: "${sh.parameter}" is not a parameter of model ${model.name}`, {
        ...at('/parameter'),
        equation: sh.parameter,
      });
    }
    const par = model.getParameter(sh.parameter);
    const index = sh.index ?? par.domain.map(() => '*');
    if (index.length !== par.domain.length) {
      throw new ModelError(
        'INDEX_ARITY',
        `scenario ${scenario.name}: ${par.name} has ${par.domain.length} index(es), ${index.length} given`,
        { ...at('/index'), equation: par.name },
      );
    }
    const choices = index.map((el, d) => {
      const set = model.getSet(par.domain[d]);
      if (el === '*') return [...set.elements];
      if (!set.position.has(el)) {
        throw new ModelError(
          'UNKNOWN_ELEMENT',
          `scenario ${scenario.name}: "${el}" is not an element of set ${set.name} (index ${d + 1} of ${par.name})`,
          {
            ...at(`/index/${d}`),
            equation: par.name,
            index: [el],
          },
        );
      }
      return [el];
    });
    const off = cm.params.offset.get(par.name)!;
    const walk = (d: number, tuple: string[]) => {
      if (d === choices.length) {
        const pos = off + model.flatIndex(par, tuple);
        const v = sh.set !== undefined ? sh.set : sh.scale !== undefined ? p[pos] * sh.scale : p[pos] + (sh.add ?? 0);
        if (!Number.isFinite(v))
          throw new ModelError('SHOCK_NOT_FINITE', `scenario ${scenario.name}: shock gives ${par.name}(${tuple.join(',')}) = ${v}`, at());
        p[pos] = v;
        return;
      }
      for (const el of choices[d]) walk(d + 1, [...tuple, el]);
    };
    walk(0, []);
    changed.add(par.name);
  });
  return { p, changed };
}

/** The closure of a scenario: its named start closure with the swaps applied. */
export function scenarioClosure(
  scenario: CgeScenario,
  closures: Readonly<Record<string, Closure>>,
  defaultName: string,
  file?: string,
): Closure {
  const name = scenario.closure ?? defaultName;
  const base = closures[name];
  if (!base) {
    throw new ModelError(
      'UNKNOWN_CLOSURE',
      `scenario ${scenario.name}: closure "${name}" is not one of ${Object.keys(closures).sort().join(', ')}`,
      { ...(file ? { file } : {}), jsonPath: '/closure' },
    );
  }
  const fix = [...base.fix];
  (scenario.swaps ?? []).forEach((sw, k) => {
    const same = (a: { variable: string; index?: string[] }) =>
      a.variable === sw.unfix.variable && JSON.stringify(a.index ?? null) === JSON.stringify(sw.unfix.index ?? null);
    const at = fix.findIndex(same);
    if (at < 0) {
      throw new ModelError(
        'SWAP_NOT_FIXED',
        `scenario ${scenario.name}: cannot unfix ${sw.unfix.variable}${sw.unfix.index ? `(${sw.unfix.index.join(',')})` : ''}, which closure ${name} does not fix`,
        {
          ...(file ? { file } : {}),
          jsonPath: `/swaps/${k}/unfix`,
          equation: sw.unfix.variable,
        },
      );
    }
    fix.splice(at, 1);
    fix.push({ ...sw.fix });
  });
  return { ...base, name: scenario.swaps?.length ? `${name}+swaps` : name, fix };
}

/**
 * Applies a scenario's variable shocks to its closure: each shocked element is fixed at its new
 * value (`set`, or `scale` × its benchmark level in `x0`). The closure must already fix the
 * variable (a shock on a free variable would make the system non-square: swap it first); a
 * ModelError VARIABLE_SHOCK_NOT_FIXED names it and the JSON path otherwise.
 */
export function applyVariableShocks(cm: CompiledModel, scenario: CgeScenario, closure: Closure, x0: Float64Array, file?: string): Closure {
  const shocks = scenario.variables ?? [];
  if (!shocks.length) return closure;
  const model = cm.model;
  const fixed = new Set<number>();
  closure.fix.forEach((f, k) => {
    for (const j of variablePositions(cm, f, `/fix/${k}`)) fixed.add(j);
  });
  const fix = [...closure.fix];
  shocks.forEach((sh, k) => {
    const at = (suffix = '') => ({ ...(file ? { file } : {}), jsonPath: `/variables/${k}${suffix}` });
    if (!model.hasVariable(sh.variable))
      throw new ModelError('UNKNOWN_VARIABLE', `scenario ${scenario.name}: "${sh.variable}" is not a variable of model ${model.name}`, {
        ...at('/variable'),
        equation: sh.variable,
      });
    const v = model.getVariable(sh.variable);
    const index = sh.index ?? v.domain.map(() => '*');
    if (index.length !== v.domain.length)
      throw new ModelError('INDEX_ARITY', `scenario ${scenario.name}: ${v.name} has ${v.domain.length} index(es), ${index.length} given`, {
        ...at('/index'),
        equation: v.name,
      });
    const choices = index.map((el, d) => {
      const set = model.getSet(v.domain[d]);
      if (el === '*') return [...set.elements];
      if (!set.position.has(el))
        throw new ModelError(
          'UNKNOWN_ELEMENT',
          `scenario ${scenario.name}: "${el}" is not an element of set ${set.name} (index ${d + 1} of ${v.name})`,
          {
            ...at(`/index/${d}`),
            equation: v.name,
            index: [el],
          },
        );
      return [el];
    });
    const off = cm.vars.offset.get(v.name)!;
    const walk = (d: number, tuple: string[]) => {
      if (d < choices.length) {
        for (const el of choices[d]) walk(d + 1, [...tuple, el]);
        return;
      }
      const j = off + model.flatIndex(v, tuple);
      if (!fixed.has(j))
        throw new ModelError(
          'VARIABLE_SHOCK_NOT_FIXED',
          `scenario ${scenario.name}: ${v.name}${tuple.length ? `(${tuple.join(',')})` : ''} is not fixed by closure ${closure.name}; swap it in (fix it, free another) before shocking it`,
          { ...at(), equation: v.name, index: tuple },
        );
      const value = sh.set !== undefined ? sh.set : x0[j] * (sh.scale ?? 1);
      if (!Number.isFinite(value))
        throw new ModelError('SHOCK_NOT_FINITE', `scenario ${scenario.name}: shock gives ${v.name}(${tuple.join(',')}) = ${value}`, at());
      fix.push({ variable: v.name, index: tuple, value, reason: `scenario ${scenario.name}` });
    };
    walk(0, []);
  });
  return { ...closure, fix };
}
