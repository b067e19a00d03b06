/**
 * The compact text form of the model language, close to GAMS:
 *
 * ```
 * eqpzs(j)..  pz(j) =e= ay(j)*py(j) + sum(i, ax(i,j)*pq(i));
 * eqX(i,j)$(ax(i,j) <> 0)..  X(i,j) =e= ax(i,j)*Z(j);
 * obj..       UU =e= prod(i, Xp(i)**alpha(i));
 * ```
 *
 * Statements end with `;`; lines starting with `*` are comments. `**` and `^` are powers; `$`
 * conditions are allowed on an equation's domain and on the index of `sum`/`prod`
 * (`sum(j$(X0(i,j) <> 0), …)`, `sum((i,j), …)`); `'LAB'` is a fixed element. mathjs `parse` is used
 * only to read the expression into a tree, which is converted to {@link Expr}.
 * @module
 */
import { createRequire } from 'node:module';
import type { MathNode } from 'mathjs';
import { ModelError } from '../../errors.js';
import type { Expr, IndexArg } from './expr.js';

// mathjs's CommonJS build loads about twice as fast as its many-file ESM build (it matters for
// worker threads, which each load the model language); only `parse` is used, and mathjs is loaded
// on the first model text parsed, not when the cge stage is imported.
let mathjsParse: typeof import('mathjs').parse | undefined;
const parse = (text: string): MathNode =>
  (mathjsParse ??= (createRequire(import.meta.url)('mathjs') as typeof import('mathjs')).parse)(text);

/** An equation statement read from the text form. */
export interface ParsedEquation {
  /** Equation name, e.g. `eqpy`. */
  readonly name: string;
  /** Index names of the equation's domain, e.g. `['j']`. */
  readonly domain: readonly string[];
  /** `$` condition on the domain, if any. */
  readonly condition?: Expr;
  /** Left-hand side. */
  readonly lhs: Expr;
  /** Right-hand side. */
  readonly rhs: Expr;
  /** The statement's source text (for messages and listings). */
  readonly source: string;
}

const FUNCTIONS = new Set(['exp', 'log', 'sqrt', 'abs']);

/** Rewrites GAMS spellings into what mathjs reads: `**`→`^`, `<>`→`!=`, `$`→`|`, `sum((i,j),`→`sum([i,j],`. */
function preprocess(text: string): string {
  let s = text.replace(/\*\*/g, '^').replace(/<>/g, '!=').replace(/\$/g, ' | ');
  const re = /\b(sum|prod)\s*\(\s*\(/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    const open = m.index + m[0].length - 1;
    let depth = 0;
    let close = -1;
    for (let p = open; p < s.length; p++) {
      if (s[p] === '(') depth++;
      else if (s[p] === ')' && --depth === 0) {
        close = p;
        break;
      }
    }
    if (close < 0) break;
    s = `${s.slice(0, open)}[${s.slice(open + 1, close)}]${s.slice(close + 1)}`;
  }
  return s;
}

function fail(source: string, what: string, equation?: string): never {
  throw new ModelError('MODEL_SYNTAX', `cannot read "${source.trim()}": ${what}`, equation ? { equation } : undefined);
}

function indexArg(n: MathNode, source: string): IndexArg {
  const a = n as MathNode & { name?: string; value?: unknown };
  if (n.type === 'SymbolNode') return { kind: 'index', name: String(a.name) };
  if (n.type === 'ConstantNode') return { kind: 'element', value: String(a.value) };
  return fail(source, `an index must be a set index or a quoted element, found "${n.toString()}"`);
}

/** Reads the index part of `sum(i, …)`, `sum((i,j), …)`, `sum(j$(cond), …)`. */
function aggIndex(n: MathNode, source: string): { over: string[]; cond?: Expr } {
  const node = n as MathNode & { op?: string; args?: MathNode[]; items?: MathNode[]; name?: string; content?: MathNode };
  if (node.type === 'OperatorNode' && node.op === '|') {
    const inner = aggIndex(node.args![0], source);
    return { over: inner.over, cond: toExpr(node.args![1], source) };
  }
  if (node.type === 'SymbolNode') return { over: [String(node.name)] };
  if (node.type === 'ArrayNode') {
    return {
      over: node.items!.map((it) => {
        if (it.type !== 'SymbolNode') fail(source, `sum/prod index must be set names, found "${it.toString()}"`);
        return String((it as MathNode & { name: string }).name);
      }),
    };
  }
  if (node.type === 'ParenthesisNode') return aggIndex(node.content!, source);
  return fail(source, `sum/prod index must be a set name, found "${n.toString()}"`);
}

const BIN: Record<string, '+' | '-' | '*' | '/' | '^'> = { '+': '+', '-': '-', '*': '*', '/': '/', '^': '^' };
const CMP: Record<string, '==' | '!=' | '<' | '<=' | '>' | '>=' | 'and' | 'or'> = {
  '==': '==',
  '!=': '!=',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
  and: 'and',
  or: 'or',
};

/** Converts a mathjs tree into an {@link Expr}. @internal (its type is mathjs's, which the package's declarations do not expose) */
export function toExpr(n: MathNode, source: string): Expr {
  const node = n as MathNode & {
    op?: string;
    fn?: MathNode & { name?: string };
    args?: MathNode[];
    name?: string;
    value?: unknown;
    content?: MathNode;
  };
  switch (node.type) {
    case 'ConstantNode':
      if (typeof node.value === 'number') return { k: 'num', v: node.value };
      return fail(source, `a quoted element "${String(node.value)}" can only be an index`);
    case 'SymbolNode':
      return { k: 'ref', name: String(node.name), args: [] };
    case 'ParenthesisNode':
      return toExpr(node.content!, source);
    case 'FunctionNode': {
      const name = String(node.fn?.name ?? '');
      const args = node.args ?? [];
      if (name === 'sum' || name === 'prod') {
        if (args.length !== 2) fail(source, `${name} takes an index and a body: ${name}(i, …)`);
        const idx = aggIndex(args[0], source);
        return { k: 'agg', f: name, over: idx.over, ...(idx.cond ? { cond: idx.cond } : {}), body: toExpr(args[1], source) };
      }
      if (FUNCTIONS.has(name)) {
        if (args.length !== 1) fail(source, `${name} takes one argument`);
        return { k: 'fn', f: name as 'exp' | 'log' | 'sqrt' | 'abs', a: toExpr(args[0], source) };
      }
      return { k: 'ref', name, args: args.map((a) => indexArg(a, source)) };
    }
    case 'OperatorNode': {
      const op = String(node.op);
      const args = node.args ?? [];
      if (args.length === 1) {
        if (op === '-') return { k: 'neg', a: toExpr(args[0], source) };
        if (op === '+') return toExpr(args[0], source);
        if (op === 'not') return { k: 'not', a: toExpr(args[0], source) };
      } else if (args.length === 2) {
        if (BIN[op]) return { k: 'bin', op: BIN[op], a: toExpr(args[0], source), b: toExpr(args[1], source) };
        if (CMP[op]) return { k: 'cmp', op: CMP[op], a: toExpr(args[0], source), b: toExpr(args[1], source) };
        if (op === '|') fail(source, '`$` conditions are allowed only on an equation domain and on a sum/prod index');
      }
      return fail(source, `operator "${op}" is not part of the model language`);
    }
    default:
      return fail(source, `"${n.toString()}" is not part of the model language`);
  }
}

/** Parses one expression of the text form. */
export function parseExpr(text: string): Expr {
  let node: MathNode;
  try {
    node = parse(preprocess(text));
  } catch (err) {
    return fail(text, err instanceof Error ? err.message : String(err));
  }
  return toExpr(node, text);
}

/** Splits text into statements on `;`, dropping `*` comment lines and blank statements. */
function statements(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/).filter((l) => !/^\s*\*/.test(l));
  return lines
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Parses equation definitions `name(dom)$(cond).. lhs =e= rhs;` of the text form. */
export function parseEquations(text: string): ParsedEquation[] {
  const out: ParsedEquation[] = [];
  for (const st of statements(text)) {
    const dd = st.indexOf('..');
    if (dd < 0) fail(st, 'an equation definition is `name(domain).. lhs =e= rhs;`');
    const head = st.slice(0, dd).trim();
    const body = st.slice(dd + 2);
    const hm = /^([A-Za-z_][A-Za-z0-9_]*)\s*(?:\(([^)]*)\))?\s*(?:\$(.*))?$/s.exec(head);
    if (!hm) fail(st, `"${head}" is not an equation name with its domain`);
    const name = hm[1];
    const domain = hm[2]
      ? hm[2]
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [];
    for (const d of domain) if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(d)) fail(st, `"${d}" is not a set name`, name);
    const rel = /=([egln])=/i.exec(body);
    if (!rel) fail(st, 'expected `=e=` between the two sides', name);
    if (rel[1].toLowerCase() !== 'e') {
      throw new ModelError('MODEL_UNSUPPORTED', `equation ${name} uses =${rel[1]}=; a square CGE system takes =e= equations only`, {
        equation: name,
      });
    }
    const lhsText = body.slice(0, rel.index);
    const rhsText = body.slice(rel.index + rel[0].length);
    if (/=[egln]=/i.test(rhsText)) fail(st, 'more than one relation', name);
    out.push({
      name,
      domain,
      ...(hm[3] ? { condition: parseExpr(hm[3]) } : {}),
      lhs: parseExpr(lhsText),
      rhs: parseExpr(rhsText),
      source: st.replace(/\s+/g, ' '),
    });
  }
  return out;
}
