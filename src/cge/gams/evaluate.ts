/**
 * Numeric evaluation of GAMS expressions and assignments as GAMS executes them: parameters read 0
 * where they hold no value, `a$c` is `a` where `c` ≠ 0 and 0 elsewhere, an assignment runs over
 * every element of the sets of its left-hand side (restricted by its `$` condition), a variable
 * is read through an attribute (`X.l(i)`). Division by zero and undefined powers are errors at
 * the expression's line and column, as in GAMS.
 * @module
 */
import type { GExpr, GIndex } from './ast.js';
import { gamsError } from './lex.js';
import { defaultAttrs, type GamsState, type GParameter, type GVariable, tupleKey, type VarAttrs } from './state.js';

/** Bindings of controlled set indices: index key → element. */
export type Bindings = ReadonlyMap<string, string>;

/** An evaluation context: the state and the file (for messages). */
export interface EvalContext {
  readonly state: GamsState;
  readonly file?: string;
}

/** Elements of the arguments of a reference under bindings; null when a lag/lead leaves its set. */
export function resolveArgs(ctx: EvalContext, args: readonly GIndex[], b: Bindings, of: string): string[] | null {
  const out: string[] = [];
  for (const a of args) {
    if (a.t === 'el') {
      out.push(ctx.state.label(a.value));
      continue;
    }
    const key = a.name.toLowerCase();
    const el = b.get(key);
    if (el === undefined) {
      if (ctx.state.setOf(a.name))
        gamsError(`set ${a.name} in ${of}(…) is not controlled (no assignment domain or sum runs over it)`, a.line, a.col, ctx.file);
      gamsError(`"${a.name}" is not a set or alias`, a.line, a.col, ctx.file);
    }
    if (a.shift) {
      const set = ctx.state.setOf(a.name)!;
      const pos = set.position.get(el)! + a.shift;
      if (pos < 0 || pos >= set.elements.length) return null;
      out.push(set.elements[pos]);
    } else out.push(el);
  }
  return out;
}

function checkArity(ctx: EvalContext, e: Extract<GExpr, { t: 'ref' }>, n: number): void {
  if (e.args.length !== n) gamsError(`${e.name} has ${n} index(es) but is written with ${e.args.length}`, e.line, e.col, ctx.file);
}

/** The attributes of a variable element (defaults when never set). */
export function varAttrs(v: GVariable, tuple: readonly string[]): VarAttrs {
  return v.attrs.get(tupleKey(tuple)) ?? defaultAttrs(v.type);
}

function readRef(ctx: EvalContext, e: Extract<GExpr, { t: 'ref' }>, b: Bindings): number {
  const st = ctx.state;
  const key = e.name.toLowerCase();
  if (b.has(key) && !e.args.length)
    gamsError(`index ${e.name} is used as a number (write ord(${e.name}) for its position)`, e.line, e.col, ctx.file);
  const set = st.setOf(e.name);
  if (set) {
    checkArity(ctx, e, 1);
    const t = resolveArgs(ctx, e.args, b, e.name);
    return t && set.position.has(t[0]) ? 1 : 0;
  }
  const sym = st.get(e.name);
  if (!sym) gamsError(`"${e.name}" is not declared`, e.line, e.col, ctx.file);
  if (sym.kind === 'parameter') {
    if (e.attr) gamsError(`parameter ${e.name} has no attribute .${e.attr}`, e.line, e.col, ctx.file);
    checkArity(ctx, e, sym.domain.length);
    const t = resolveArgs(ctx, e.args, b, e.name);
    return t ? (sym.values.get(tupleKey(t)) ?? 0) : 0;
  }
  if (sym.kind === 'variable') {
    if (!e.attr) gamsError(`variable ${e.name} needs an attribute here (.l, .lo, .up, .m)`, e.line, e.col, ctx.file);
    checkArity(ctx, e, sym.domain.length);
    const t = resolveArgs(ctx, e.args, b, e.name);
    if (!t) return 0;
    const a = varAttrs(sym, t);
    switch (e.attr) {
      case 'l':
        return a.l;
      case 'lo':
        return a.lo;
      case 'up':
        return a.up;
      case 'scale':
        return a.scale;
      case 'm':
        return gamsError(`marginals (${e.name}.m) are not computed by the square-system solve`, e.line, e.col, ctx.file);
      default:
        return gamsError(`.${e.attr} of a variable cannot be read`, e.line, e.col, ctx.file);
    }
  }
  return gamsError(`${sym.kind} ${e.name} has no numeric value`, e.line, e.col, ctx.file);
}

/** Runs `f` for every tuple of the sets `over` (added to `b`), failing when an index is already controlled. */
export function forEachTuple(
  ctx: EvalContext,
  over: readonly string[],
  b: Bindings,
  at: { line: number; col: number },
  f: (b2: Map<string, string>) => void,
): void {
  const sets = over.map((name) => {
    const s = ctx.state.setOf(name);
    if (!s) gamsError(`"${name}" is not a set or alias`, at.line, at.col, ctx.file);
    if (b.has(name.toLowerCase())) gamsError(`set ${name} is already controlled; use an alias`, at.line, at.col, ctx.file);
    return s;
  });
  const rec = (k: number, cur: Map<string, string>) => {
    if (k === sets.length) return f(cur);
    for (const el of sets[k].elements) {
      const next = new Map(cur);
      next.set(over[k].toLowerCase(), el);
      rec(k + 1, next);
    }
  };
  rec(0, new Map(b));
}

const truth = (x: boolean): number => (x ? 1 : 0);

function evalCall(ctx: EvalContext, e: Extract<GExpr, { t: 'call' }>, b: Bindings): number {
  if (e.f === 'ord' || e.f === 'card') {
    const a = e.args[0] as Extract<GExpr, { t: 'ref' }>;
    const set = ctx.state.setOf(a.name);
    if (!set) gamsError(`${e.f}() takes a set, "${a.name}" is not one`, a.line, a.col, ctx.file);
    if (e.f === 'card') return set.elements.length;
    const el = b.get(a.name.toLowerCase());
    if (el === undefined) gamsError(`ord(${a.name}): ${a.name} is not controlled`, a.line, a.col, ctx.file);
    return set.position.get(el)! + 1;
  }
  const x = e.args.map((a) => evaluate(ctx, a, b));
  const v = (() => {
    switch (e.f) {
      case 'exp':
        return Math.exp(x[0]);
      case 'log':
        return Math.log(x[0]);
      case 'log10':
        return Math.log10(x[0]);
      case 'sqrt':
        return Math.sqrt(x[0]);
      case 'abs':
        return Math.abs(x[0]);
      case 'sqr':
        return x[0] * x[0];
      case 'power':
        return x[0] ** x[1];
      case 'round':
        return Math.sign(x[0]) * Math.round(Math.abs(x[0]));
      case 'max':
        return Math.max(...x);
      case 'min':
        return Math.min(...x);
      default:
        return gamsError(`${e.f}() is not a function the runner knows`, e.line, e.col, ctx.file);
    }
  })();
  if (Number.isNaN(v)) gamsError(`${e.f}(${x.join(', ')}) is undefined`, e.line, e.col, ctx.file);
  return v;
}

/** Evaluates an expression under index bindings. */
export function evaluate(ctx: EvalContext, e: GExpr, b: Bindings = new Map()): number {
  switch (e.t) {
    case 'num':
      return e.v;
    case 'ref':
      return readRef(ctx, e, b);
    case 'neg':
      return -evaluate(ctx, e.a, b);
    case 'not':
      return truth(evaluate(ctx, e.a, b) === 0);
    case 'call':
      return evalCall(ctx, e, b);
    case 'agg': {
      let acc = e.f === 'sum' ? 0 : e.f === 'prod' ? 1 : e.f === 'smax' ? -Infinity : Infinity;
      forEachTuple(ctx, e.over, b, e, (b2) => {
        if (e.cond && evaluate(ctx, e.cond, b2) === 0) return;
        const v = evaluate(ctx, e.body, b2);
        acc = e.f === 'sum' ? acc + v : e.f === 'prod' ? acc * v : e.f === 'smax' ? Math.max(acc, v) : Math.min(acc, v);
      });
      return acc;
    }
    case 'bin': {
      if (e.op === '$') return evaluate(ctx, e.b, b) === 0 ? 0 : evaluate(ctx, e.a, b);
      const x = evaluate(ctx, e.a, b);
      if (e.op === 'and' && x === 0) return 0;
      if (e.op === 'or' && x !== 0) return 1;
      const y = evaluate(ctx, e.b, b);
      switch (e.op) {
        case '+':
          return x + y;
        case '-':
          return x - y;
        case '*':
          return x * y;
        case '/':
          if (y === 0) return failAt(ctx, e, `division by zero (${x} / 0)`);
          return x / y;
        case '**': {
          if (x < 0) return failAt(ctx, e, `${x} ** ${y}: GAMS takes x ** y for x ≥ 0 only (use power(x, n) for a whole n)`);
          return x ** y;
        }
        case 'eq':
          return truth(x === y);
        case 'ne':
          return truth(x !== y);
        case 'lt':
          return truth(x < y);
        case 'le':
          return truth(x <= y);
        case 'gt':
          return truth(x > y);
        case 'ge':
          return truth(x >= y);
        case 'and':
          return truth(y !== 0);
        case 'or':
          return truth(y !== 0);
        case 'xor':
          return truth((x !== 0) !== (y !== 0));
      }
    }
  }
  return 0;
}

/** The first line and column of an expression (for messages). */
export function placeOf(e: GExpr): { line: number; col: number } | undefined {
  switch (e.t) {
    case 'ref':
    case 'agg':
    case 'call':
      return { line: e.line, col: e.col };
    case 'neg':
    case 'not':
      return placeOf(e.a);
    case 'bin':
      return e.line !== undefined && e.col !== undefined ? { line: e.line, col: e.col } : (placeOf(e.a) ?? placeOf(e.b));
    default:
      return undefined;
  }
}

function failAt(ctx: EvalContext, e: GExpr, message: string): never {
  const at = placeOf(e) ?? { line: 0, col: 0 };
  return gamsError(message, at.line, at.col, ctx.file);
}

/** Sets one value of a parameter (a 0 is stored as absent, as GAMS does). */
export function setValue(p: GParameter, tuple: readonly string[], v: number): void {
  const k = tupleKey(tuple);
  if (v === 0) p.values.delete(k);
  else p.values.set(k, v);
}
