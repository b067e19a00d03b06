/**
 * The tree of a GAMS expression as the GAMS parser reads it, before it is evaluated (assignments)
 * or turned into a model equation ({@link Expr}).
 * @module
 */

/** An index argument: a set index (with a lag or lead `t-1`, `i+1`) or a quoted element. */
export type GIndex =
  | { readonly t: 'idx'; readonly name: string; readonly shift: number; readonly line: number; readonly col: number }
  | { readonly t: 'el'; readonly value: string };

/** Binary operators: arithmetic, `$`, relational (`eq`, `<>` …) and logical. */
export type GBinaryOp = '+' | '-' | '*' | '/' | '**' | '$' | 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge' | 'and' | 'or' | 'xor';

/** A node of a GAMS expression. */
export type GExpr =
  | { readonly t: 'num'; readonly v: number }
  | {
      readonly t: 'ref';
      /** The name as written first (case is kept for messages; look-ups fold case). */
      readonly name: string;
      readonly args: readonly GIndex[];
      /** Variable attribute `.l`, `.lo`, `.up`, `.fx`, `.m`, lower-case. */
      readonly attr?: string;
      readonly line: number;
      readonly col: number;
    }
  | { readonly t: 'neg'; readonly a: GExpr }
  | { readonly t: 'not'; readonly a: GExpr }
  | {
      readonly t: 'bin';
      readonly op: GBinaryOp;
      readonly a: GExpr;
      readonly b: GExpr;
      /** Line and column of the operator. */
      readonly line?: number;
      readonly col?: number;
    }
  | {
      readonly t: 'agg';
      readonly f: 'sum' | 'prod' | 'smax' | 'smin';
      readonly over: readonly string[];
      readonly cond?: GExpr;
      readonly body: GExpr;
      readonly line: number;
      readonly col: number;
    }
  | { readonly t: 'call'; readonly f: string; readonly args: readonly GExpr[]; readonly line: number; readonly col: number };
