/**
 * Indexed expressions of the CGE model language: the tree an equation is written in, before it is
 * instantiated over its index sets. Names follow GAMS: a reference `F(h,j)` is a parameter or a
 * variable indexed by set indices (or by a fixed element `'LAB'`); `sum`/`prod` run over sets.
 * @module
 */

/** An index argument of a reference: a set index bound by the equation domain or a sum, or a fixed element. */
export type IndexArg =
  | {
      readonly kind: 'index';
      readonly name: string;
      /** Lag (negative) or lead (positive) on the ordered set, GAMS `X(t-1)`; a position outside the set reads as 0. */
      readonly shift?: number;
    }
  | { readonly kind: 'element'; readonly value: string };

/** Binary arithmetic operators of the language (`**` and `^` are both power). */
export type BinaryOp = '+' | '-' | '*' | '/' | '^';

/** Comparison and logical operators, used in `$` conditions only. */
export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'and' | 'or';

/** Elementary functions the language differentiates. */
export type UnaryFn = 'exp' | 'log' | 'sqrt' | 'abs';

/** A node of an indexed expression. */
export type Expr =
  | { readonly k: 'num'; readonly v: number }
  | { readonly k: 'ref'; readonly name: string; readonly args: readonly IndexArg[] }
  | { readonly k: 'bin'; readonly op: BinaryOp; readonly a: Expr; readonly b: Expr }
  | { readonly k: 'cmp'; readonly op: CompareOp; readonly a: Expr; readonly b: Expr }
  | { readonly k: 'not'; readonly a: Expr }
  | { readonly k: 'neg'; readonly a: Expr }
  | { readonly k: 'fn'; readonly f: UnaryFn; readonly a: Expr }
  /** GAMS `a$c`: `a` where the condition `c` (parameters and sets only) holds, 0 elsewhere. */
  | { readonly k: 'cond'; readonly a: Expr; readonly c: Expr }
  | {
      readonly k: 'agg';
      readonly f: 'sum' | 'prod';
      /** Index names the aggregate runs over (each a set or an alias). */
      readonly over: readonly string[];
      /** Optional `$` condition on the running indices. */
      readonly cond?: Expr;
      readonly body: Expr;
    };

/** Builds a number node. */
export const num = (v: number): Expr => ({ k: 'num', v });

/**
 * Builds a reference `name(args)`; a string argument is an index name, a `{ element }` object a
 * fixed set element (GAMS `'LAB'`).
 */
export function ref(name: string, ...args: (string | { element: string })[]): Expr {
  return {
    k: 'ref',
    name,
    args: args.map((a) => (typeof a === 'string' ? { kind: 'index', name: a } : { kind: 'element', value: a.element })),
  };
}

/** Sum over the index names `over` of `body` (with an optional `$` condition). */
export function sum(over: string | readonly string[], body: Expr, cond?: Expr): Expr {
  return { k: 'agg', f: 'sum', over: typeof over === 'string' ? [over] : over, body, ...(cond ? { cond } : {}) };
}

/** Product over the index names `over` of `body` (with an optional `$` condition). */
export function prod(over: string | readonly string[], body: Expr, cond?: Expr): Expr {
  return { k: 'agg', f: 'prod', over: typeof over === 'string' ? [over] : over, body, ...(cond ? { cond } : {}) };
}

/** Writes an index argument: `i`, `t-1`, `i+2` or `'LAB'`. */
export function formatIndexArg(a: IndexArg): string {
  if (a.kind === 'element') return `'${a.value}'`;
  return a.shift ? `${a.name}${a.shift > 0 ? '+' : ''}${a.shift}` : a.name;
}

/** Writes an expression back in the text form of the language (GAMS-like). */
export function formatExpr(e: Expr): string {
  switch (e.k) {
    case 'num':
      return String(e.v);
    case 'ref':
      return e.args.length ? `${e.name}(${e.args.map(formatIndexArg).join(',')})` : e.name;
    case 'bin':
      return `(${formatExpr(e.a)} ${e.op === '^' ? '**' : e.op} ${formatExpr(e.b)})`;
    case 'cmp':
      return `(${formatExpr(e.a)} ${e.op} ${formatExpr(e.b)})`;
    case 'not':
      return `(not ${formatExpr(e.a)})`;
    case 'neg':
      return `(-${formatExpr(e.a)})`;
    case 'fn':
      return `${e.f}(${formatExpr(e.a)})`;
    case 'cond':
      return `(${formatExpr(e.a)}$${formatExpr(e.c)})`;
    case 'agg': {
      const over = e.over.length === 1 ? e.over[0] : `(${e.over.join(',')})`;
      return `${e.f}(${over}${e.cond ? `$(${formatExpr(e.cond)})` : ''}, ${formatExpr(e.body)})`;
    }
  }
}

/** Builds `a + b`. */
export const add = (a: Expr, b: Expr): Expr => ({ k: 'bin', op: '+', a, b });
/** Builds `a - b`. */
export const sub = (a: Expr, b: Expr): Expr => ({ k: 'bin', op: '-', a, b });
/** Builds `a * b`. */
export const mul = (a: Expr, b: Expr): Expr => ({ k: 'bin', op: '*', a, b });
/** Builds `a / b`. */
export const div = (a: Expr, b: Expr): Expr => ({ k: 'bin', op: '/', a, b });
/** Builds `a ** b`. */
export const pow = (a: Expr, b: Expr): Expr => ({ k: 'bin', op: '^', a, b });
