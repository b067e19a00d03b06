/**
 * Instantiation: an indexed equation becomes one scalar equation per element tuple of its domain
 * (where its `$` condition holds), written as the residual `lhs − rhs` in the scalar graph, with
 * parameters and variables replaced by their positions in the full parameter and variable vectors.
 * @module
 */
import { ModelError } from '../../errors.js';
import type { Expr, IndexArg } from '../model/expr.js';
import type { CgeEquation, CgeModel, Indexed } from '../model/model.js';
import { ScalarDag } from './dag.js';

/** Name and element tuple of a scalar equation or variable, e.g. `eqF` + `['CAP','BRD']`. */
export interface SymbolRef {
  readonly name: string;
  readonly index: readonly string[];
}

/** Formats a symbol reference the GAMS way: `eqF(CAP,BRD)`, `epsilon`. */
export function formatRef(r: SymbolRef): string {
  return r.index.length ? `${r.name}(${r.index.join(',')})` : r.name;
}

/** Positions of each indexed symbol in a flat vector. */
export interface Layout {
  /** Offset of each symbol's block in the flat vector. */
  readonly offset: ReadonlyMap<string, number>;
  /** Total length. */
  readonly size: number;
  /** Name and index of every position. */
  readonly refs: readonly SymbolRef[];
}

/** Lays out symbols one after another (declaration order, row-major inside each). */
export function layout(model: CgeModel, symbols: readonly Indexed[]): Layout {
  const offset = new Map<string, number>();
  const refs: SymbolRef[] = [];
  let size = 0;
  for (const s of symbols) {
    offset.set(s.name, size);
    for (let k = 0; k < s.size; k++) refs.push({ name: s.name, index: model.tupleOf(s, k) });
    size += s.size;
  }
  return { offset, size, refs };
}

/** The scalar system: one residual node per scalar equation. */
export interface ScalarSystem {
  readonly dag: ScalarDag;
  /** Residual node of each scalar equation (row). */
  readonly rows: readonly number[];
  /** Equation name and index of each row. */
  readonly rowRefs: readonly SymbolRef[];
  /** Parameters whose values decide a `$` condition (a change to them needs a new instantiation). */
  readonly conditionParameters: ReadonlySet<string>;
}

type Bindings = ReadonlyMap<string, string>;

/** Instantiates every equation of a model. */
export function instantiate(model: CgeModel, vars: Layout, params: Layout): ScalarSystem {
  const dag = new ScalarDag();
  const rows: number[] = [];
  const rowRefs: SymbolRef[] = [];
  const conditionParameters = new Set<string>();

  for (const eq of model.equationList) {
    const where = (index: readonly string[]) => ({ equation: eq.name, index });
    const tupleOfArgs = (sym: Indexed, args: readonly IndexArg[], b: Bindings, index: readonly string[]): number => {
      if (args.length !== sym.domain.length) {
        throw new ModelError(
          'INDEX_ARITY',
          `${sym.name} has ${sym.domain.length} index(es) but is written with ${args.length} in equation ${eq.name}`,
          where(index),
        );
      }
      let flat = 0;
      for (let k = 0; k < args.length; k++) {
        const a = args[k];
        let el: string;
        if (a.kind === 'element') el = a.value;
        else {
          const bound = b.get(a.name);
          if (bound === undefined) {
            throw new ModelError(
              'UNBOUND_INDEX',
              `index ${a.name} of ${sym.name} is not in the domain of ${eq.name} nor in an enclosing sum/prod`,
              where(index),
            );
          }
          el = bound;
        }
        const set = model.getSet(sym.domain[k]);
        let pos = set.position.get(el);
        if (pos !== undefined && a.kind === 'index' && a.shift) {
          // GAMS lags and leads: a position outside the ordered set is no element (reads as 0).
          pos += a.shift;
          if (pos < 0 || pos >= set.elements.length) return -1;
        }
        if (pos === undefined) {
          throw new ModelError(
            'UNKNOWN_ELEMENT',
            `"${el}" is not an element of set ${set.name} (index ${k + 1} of ${sym.name})`,
            where(index),
          );
        }
        flat = flat * set.elements.length + pos;
      }
      return flat;
    };

    /** Numeric value of a condition or parameter-only expression. */
    const evalNum = (e: Expr, b: Bindings, index: readonly string[]): number => {
      switch (e.k) {
        case 'num':
          return e.v;
        case 'ref': {
          if (model.hasParameter(e.name)) {
            const p = model.getParameter(e.name);
            conditionParameters.add(e.name);
            const at = tupleOfArgs(p, e.args, b, index);
            return at < 0 ? 0 : p.values[at];
          }
          if (model.isSet(e.name)) {
            const s = model.getSet(e.name);
            if (e.args.length !== 1) throw new ModelError('INDEX_ARITY', `membership in set ${e.name} takes one index`, where(index));
            const a = e.args[0];
            const el = a.kind === 'element' ? a.value : b.get(a.name);
            return el !== undefined && s.position.has(el) ? 1 : 0;
          }
          if (model.hasVariable(e.name)) {
            throw new ModelError(
              'CONDITION_ON_VARIABLE',
              `a $ condition of ${eq.name} refers to variable ${e.name}; conditions may use parameters and sets only`,
              where(index),
            );
          }
          throw new ModelError('UNKNOWN_SYMBOL', `"${e.name}" is not a parameter or set of model ${model.name}`, where(index));
        }
        case 'bin': {
          const x = evalNum(e.a, b, index);
          const y = evalNum(e.b, b, index);
          return e.op === '+' ? x + y : e.op === '-' ? x - y : e.op === '*' ? x * y : e.op === '/' ? x / y : Math.pow(x, y);
        }
        case 'cmp': {
          const x = evalNum(e.a, b, index);
          const y = evalNum(e.b, b, index);
          const r =
            e.op === '=='
              ? x === y
              : e.op === '!='
                ? x !== y
                : e.op === '<'
                  ? x < y
                  : e.op === '<='
                    ? x <= y
                    : e.op === '>'
                      ? x > y
                      : e.op === '>='
                        ? x >= y
                        : e.op === 'and'
                          ? x !== 0 && y !== 0
                          : x !== 0 || y !== 0;
          return r ? 1 : 0;
        }
        case 'not':
          return evalNum(e.a, b, index) === 0 ? 1 : 0;
        case 'cond':
          return evalNum(e.c, b, index) === 0 ? 0 : evalNum(e.a, b, index);
        case 'neg':
          return -evalNum(e.a, b, index);
        case 'fn': {
          const x = evalNum(e.a, b, index);
          return e.f === 'exp' ? Math.exp(x) : e.f === 'log' ? Math.log(x) : e.f === 'sqrt' ? Math.sqrt(x) : Math.abs(x);
        }
        case 'agg': {
          let acc = e.f === 'sum' ? 0 : 1;
          forEachBinding(e.over, b, (b2) => {
            if (e.cond && evalNum(e.cond, b2, index) === 0) return;
            const v = evalNum(e.body, b2, index);
            acc = e.f === 'sum' ? acc + v : acc * v;
          });
          return acc;
        }
      }
    };

    const forEachBinding = (over: readonly string[], b: Bindings, f: (b2: Map<string, string>) => void) => {
      for (const name of over) {
        if (!model.isSet(name))
          throw new ModelError('UNKNOWN_SET', `sum/prod in ${eq.name} runs over "${name}", which is not a set`, where([]));
        if (b.has(name))
          throw new ModelError(
            'INDEX_REBOUND',
            `sum/prod in ${eq.name} runs over ${name}, which is already bound; use an alias`,
            where([]),
          );
      }
      // One copy of the bindings per sum, its running indices overwritten for each tuple: `f`
      // uses the bindings only while it runs (a nested sum copies them again).
      const b2 = new Map(b);
      for (const t of model.tuples(over)) {
        for (let k = 0; k < over.length; k++) b2.set(over[k], t[k]);
        f(b2);
      }
    };

    const build = (e: Expr, b: Bindings, index: readonly string[]): number => {
      switch (e.k) {
        case 'num':
          return dag.c(e.v);
        case 'ref': {
          if (model.hasVariable(e.name)) {
            const v = model.getVariable(e.name);
            const at = tupleOfArgs(v, e.args, b, index);
            return at < 0 ? dag.c(0) : dag.x(vars.offset.get(e.name)! + at);
          }
          if (model.hasParameter(e.name)) {
            const p = model.getParameter(e.name);
            const at = tupleOfArgs(p, e.args, b, index);
            return at < 0 ? dag.c(0) : dag.p(params.offset.get(e.name)! + at);
          }
          if (model.isSet(e.name) && e.args.length === 1) return dag.c(evalNum(e, b, index));
          if (b.has(e.name)) throw new ModelError('INDEX_AS_VALUE', `index ${e.name} is used as a number in ${eq.name}`, where(index));
          throw new ModelError('UNKNOWN_SYMBOL', `"${e.name}" is not a variable, parameter or set of model ${model.name}`, where(index));
        }
        case 'bin': {
          const x = build(e.a, b, index);
          const y = build(e.b, b, index);
          switch (e.op) {
            case '+':
              return dag.add([x, y]);
            case '-':
              return dag.sub(x, y);
            case '*':
              return dag.mul([x, y]);
            case '/':
              return dag.div(x, y);
            case '^':
              return dag.pow(x, y);
          }
          break;
        }
        case 'neg':
          return dag.neg(build(e.a, b, index));
        case 'fn':
          return dag.fn(e.f, build(e.a, b, index));
        case 'cond':
          return evalNum(e.c, b, index) === 0 ? dag.c(0) : build(e.a, b, index);
        case 'agg': {
          const terms: number[] = [];
          forEachBinding(e.over, b, (b2) => {
            if (e.cond && evalNum(e.cond, b2, index) === 0) return;
            terms.push(build(e.body, b2, index));
          });
          return e.f === 'sum' ? dag.add(terms) : dag.mul(terms);
        }
        case 'cmp':
        case 'not':
          throw new ModelError('CONDITION_OUTSIDE_DOLLAR', `a comparison in ${eq.name} may appear only in a $ condition`, where(index));
      }
      throw new ModelError('MODEL_SYNTAX', `unsupported expression in ${eq.name}`, where(index));
    };

    instantiateEquation(model, eq, (b, index) => {
      if (eq.condition && evalNum(eq.condition, b, index) === 0) return;
      rows.push(dag.sub(build(eq.lhs, b, index), build(eq.rhs, b, index)));
      rowRefs.push({ name: eq.name, index });
    });
  }
  return { dag, rows, rowRefs, conditionParameters };
}

function instantiateEquation(model: CgeModel, eq: CgeEquation, f: (b: Map<string, string>, index: string[]) => void): void {
  for (const t of model.tuples(eq.domain)) {
    const b = new Map<string, string>();
    eq.domain.forEach((d, k) => b.set(d, t[k]));
    f(b, t);
  }
}
