/**
 * GAMS expressions into the model language's {@link Expr}: `sqr`, `power`, `max`, `min` become
 * powers and `abs` forms (exactly: max(a,b) = (a+b+|a−b|)/2), `$` on an expression becomes a
 * `cond` node, `eq ne lt …` comparisons, lags and leads stay index shifts.
 * @module
 */
import { ModelError } from '../../errors.js';
import type { CompareOp, Expr, IndexArg } from '../model/expr.js';
import type { GExpr, GIndex } from './ast.js';

const CMP: Readonly<Record<string, CompareOp>> = { eq: '==', ne: '!=', lt: '<', le: '<=', gt: '>', ge: '>=', and: 'and', or: 'or' };
const ARITH: Readonly<Record<string, '+' | '-' | '*' | '/' | '^'>> = { '+': '+', '-': '-', '*': '*', '/': '/', '**': '^' };

/** Where a GAMS expression is, for messages: file, line, column. */
export interface GamsPlace {
  readonly file?: string;
  readonly line: number;
  readonly col: number;
}

function unsupported(what: string, at: GamsPlace): never {
  throw new ModelError('MODEL_SYNTAX', what, { ...(at.file ? { file: at.file } : {}), row: at.line, column: at.col });
}

/** Converts an index argument. */
export function indexArgOf(a: GIndex): IndexArg {
  return a.t === 'el' ? { kind: 'element', value: a.value } : { kind: 'index', name: a.name, ...(a.shift ? { shift: a.shift } : {}) };
}

const half = (e: Expr): Expr => ({ k: 'bin', op: '*', a: { k: 'num', v: 0.5 }, b: e });

function maxMin(f: 'max' | 'min', a: Expr, b: Expr): Expr {
  const d: Expr = { k: 'fn', f: 'abs', a: { k: 'bin', op: '-', a, b } };
  return half({ k: 'bin', op: f === 'max' ? '+' : '-', a: { k: 'bin', op: '+', a, b }, b: d });
}

/**
 * Converts a GAMS expression to an {@link Expr}. `rename` maps a name as written to its declared
 * spelling (GAMS names are case-insensitive); `at` places messages.
 */
export function toModelExpr(
  e: GExpr,
  at: GamsPlace,
  rename: (name: string) => string = (n) => n,
  label: (element: string) => string = (l) => l,
): Expr {
  const go = (x: GExpr): Expr => toModelExpr(x, at, rename, label);
  switch (e.t) {
    case 'num':
      return { k: 'num', v: e.v };
    case 'ref':
      if (e.attr) unsupported(`the attribute .${e.attr} of ${e.name} is not part of an equation`, { ...at, line: e.line, col: e.col });
      return {
        k: 'ref',
        name: rename(e.name),
        args: e.args.map((a) => {
          const arg = indexArgOf(a);
          return arg.kind === 'index' ? { ...arg, name: rename(arg.name) } : { kind: 'element', value: label(arg.value) };
        }),
      };
    case 'neg':
      return { k: 'neg', a: go(e.a) };
    case 'not':
      return { k: 'not', a: go(e.a) };
    case 'bin': {
      if (e.op === '$') return { k: 'cond', a: go(e.a), c: go(e.b) };
      if (ARITH[e.op]) return { k: 'bin', op: ARITH[e.op], a: go(e.a), b: go(e.b) };
      if (CMP[e.op]) return { k: 'cmp', op: CMP[e.op], a: go(e.a), b: go(e.b) };
      // xor: exactly one holds.
      return {
        k: 'cmp',
        op: '!=',
        a: { k: 'cmp', op: '!=', a: go(e.a), b: { k: 'num', v: 0 } },
        b: { k: 'cmp', op: '!=', a: go(e.b), b: { k: 'num', v: 0 } },
      };
    }
    case 'agg':
      if (e.f !== 'sum' && e.f !== 'prod')
        unsupported(`${e.f} is not differentiable; an equation may use sum and prod`, { ...at, line: e.line, col: e.col });
      return { k: 'agg', f: e.f, over: e.over.map(rename), ...(e.cond ? { cond: go(e.cond) } : {}), body: go(e.body) };
    case 'call': {
      const args = e.args.map(go);
      switch (e.f) {
        case 'exp':
        case 'log':
        case 'sqrt':
        case 'abs':
          return { k: 'fn', f: e.f, a: args[0] };
        case 'sqr':
          return { k: 'bin', op: '^', a: args[0], b: { k: 'num', v: 2 } };
        case 'power':
          return { k: 'bin', op: '^', a: args[0], b: args[1] };
        case 'max':
        case 'min':
          return args.slice(1).reduce((acc, b) => maxMin(e.f as 'max' | 'min', acc, b), args[0]);
        default:
          return unsupported(`${e.f}() is not part of an equation`, { ...at, line: e.line, col: e.col });
      }
    }
  }
}
