/**
 * A recursive-descent reader of GAMS expressions over a token stream, with GAMS precedence:
 * `$` binds tightest (`a + b$c` is `a + (b$c)`), then `**`, `*` `/`, unary and binary `+` `-`,
 * the relations (`eq ne lt le gt ge` and `= <> < <= > >=`), `not`, `and`, `or`/`xor`. `( )`,
 * `[ ]` and `{ }` are brackets alike; `sum`/`prod`/`smax`/`smin` take an index (or a list of
 * indices) with an optional `$` condition.
 * @module
 */
import type { GBinaryOp, GExpr, GIndex } from './ast.js';
import { gamsError, type Token } from './lex.js';

const OPEN: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };
const REL: Readonly<Record<string, GBinaryOp>> = {
  eq: 'eq',
  ne: 'ne',
  lt: 'lt',
  le: 'le',
  gt: 'gt',
  ge: 'ge',
  '=': 'eq',
  '==': 'eq',
  '<>': 'ne',
  '<': 'lt',
  '<=': 'le',
  '>': 'gt',
  '>=': 'ge',
};
const AGG = new Set(['sum', 'prod', 'smax', 'smin']);
/** Functions GAMS model files use, with their number of arguments. */
export const GAMS_FUNCTIONS: Readonly<Record<string, number>> = {
  exp: 1,
  log: 1,
  sqrt: 1,
  abs: 1,
  sqr: 1,
  power: 2,
  max: -1,
  min: -1,
  ord: 1,
  card: 1,
  round: 1,
  log10: 1,
};
const ATTRS = new Set(['l', 'lo', 'up', 'fx', 'm', 'scale', 'prior']);

/** A cursor over tokens: one statement's or a whole file's. */
export class TokenStream {
  pos = 0;
  constructor(
    readonly tokens: readonly Token[],
    readonly file?: string,
  ) {}
  /** The current token. */
  peek(k = 0): Token {
    return this.tokens[Math.min(this.pos + k, this.tokens.length - 1)];
  }
  /** Consumes and returns the current token. */
  next(): Token {
    const t = this.peek();
    if (this.pos < this.tokens.length) this.pos++;
    return t;
  }
  /** Whether the current token is the operator or keyword `key`. */
  is(key: string, k = 0): boolean {
    const t = this.peek(k);
    return (t.kind === 'op' || t.kind === 'id') && t.key === key;
  }
  /** Consumes `key` if it is next. */
  accept(key: string): boolean {
    if (!this.is(key)) return false;
    this.pos++;
    return true;
  }
  /** Consumes `key` or fails naming what was found. */
  expect(key: string, what = `"${key}"`): Token {
    const t = this.peek();
    if (!this.is(key)) this.fail(`expected ${what}, found ${describe(t)}`, t);
    return this.next();
  }
  /** Consumes an identifier or fails. */
  ident(what = 'a name'): Token {
    const t = this.peek();
    if (t.kind !== 'id') this.fail(`expected ${what}, found ${describe(t)}`, t);
    return this.next();
  }
  /** Whether the stream is at its end. */
  get done(): boolean {
    return this.peek().kind === 'eof';
  }
  /** Throws a syntax error at a token. */
  fail(message: string, t: Token = this.peek()): never {
    return gamsError(message, t.line, t.col, this.file);
  }
}

/** Describes a token for a message. */
export function describe(t: Token): string {
  if (t.kind === 'eof') return 'the end of the statement';
  if (t.kind === 'str') return `'${t.text}'`;
  return `"${t.text}"`;
}

/** Reads one expression (the lowest precedence: `or`/`xor`). */
export function parseGExpr(s: TokenStream): GExpr {
  let a = parseAnd(s);
  while (s.is('or') || s.is('xor')) {
    const op = s.next().key as 'or' | 'xor';
    a = { t: 'bin', op, a, b: parseAnd(s) };
  }
  return a;
}

function parseAnd(s: TokenStream): GExpr {
  let a = parseNot(s);
  while (s.accept('and')) a = { t: 'bin', op: 'and', a, b: parseNot(s) };
  return a;
}

function parseNot(s: TokenStream): GExpr {
  if (s.accept('not')) return { t: 'not', a: parseNot(s) };
  return parseRel(s);
}

function parseRel(s: TokenStream): GExpr {
  let a = parseAdd(s);
  for (;;) {
    const t = s.peek();
    const op = (t.kind === 'op' || t.kind === 'id') && Object.hasOwn(REL, t.key) ? REL[t.key] : undefined;
    if (!op) return a;
    s.next();
    a = { t: 'bin', op, a, b: parseAdd(s) };
  }
}

function parseAdd(s: TokenStream): GExpr {
  let a = parseMul(s);
  while (s.is('+') || s.is('-')) {
    const t = s.next();
    a = { t: 'bin', op: t.key as '+' | '-', a, b: parseMul(s), line: t.line, col: t.col };
  }
  return a;
}

function parseMul(s: TokenStream): GExpr {
  let a = parseUnary(s);
  while (s.is('*') || s.is('/')) {
    const t = s.next();
    a = { t: 'bin', op: t.key as '*' | '/', a, b: parseUnary(s), line: t.line, col: t.col };
  }
  return a;
}

function parseUnary(s: TokenStream): GExpr {
  if (s.accept('-')) return { t: 'neg', a: parseUnary(s) };
  if (s.accept('+')) return parseUnary(s);
  return parsePower(s);
}

function parsePower(s: TokenStream): GExpr {
  let a = parseDollar(s);
  while (s.is('**')) {
    const t = s.next();
    // GAMS reads x**-1 as x**(-1).
    const b = s.is('-') || s.is('+') ? parseUnary(s) : parseDollar(s);
    a = { t: 'bin', op: '**', a, b, line: t.line, col: t.col };
  }
  return a;
}

function parseDollar(s: TokenStream): GExpr {
  let a = parsePrimary(s);
  while (s.accept('$')) a = { t: 'bin', op: '$', a, b: parseDollarOperand(s) };
  return a;
}

/** The operand of `$`: a bracketed expression, a reference or a number (no operators). */
export function parseDollarOperand(s: TokenStream): GExpr {
  if (s.accept('not')) return { t: 'not', a: parseDollarOperand(s) };
  return parsePrimary(s);
}

function closeOf(s: TokenStream): string | undefined {
  const t = s.peek();
  return t.kind === 'op' ? OPEN[t.key] : undefined;
}

function parsePrimary(s: TokenStream): GExpr {
  const t = s.peek();
  if (t.kind === 'num') {
    s.next();
    return { t: 'num', v: Number(t.text) };
  }
  const close = closeOf(s);
  if (close) {
    s.next();
    const e = parseGExpr(s);
    s.expect(close, `"${close}" closing the bracket opened at line ${t.line} column ${t.col}`);
    return e;
  }
  if (t.kind !== 'id') return s.fail(`expected a number, a name or a bracket, found ${describe(t)}`, t);
  s.next();
  const key = t.key;
  if (key === 'inf') return { t: 'num', v: Number.POSITIVE_INFINITY };
  if (key === 'eps') return { t: 'num', v: Number.MIN_VALUE };
  if (AGG.has(key) && closeOf(s)) return parseAgg(s, t);
  if (Object.hasOwn(GAMS_FUNCTIONS, key) && closeOf(s)) {
    const c = closeOf(s)!;
    s.next();
    const args: GExpr[] = [];
    if (key === 'ord' || key === 'card') {
      const id = s.ident('a set index');
      args.push({ t: 'ref', name: id.text, args: [], line: id.line, col: id.col });
    } else {
      args.push(parseGExpr(s));
      while (s.accept(',')) args.push(parseGExpr(s));
    }
    s.expect(c, `"${c}" closing ${t.text}(`);
    const n = GAMS_FUNCTIONS[key];
    if (n > 0 && args.length !== n) s.fail(`${t.text} takes ${n} argument(s), found ${args.length}`, t);
    if (n < 0 && args.length < 2) s.fail(`${t.text} takes two or more arguments`, t);
    return { t: 'call', f: key, args, line: t.line, col: t.col };
  }
  return parseRef(s, t);
}

/** Reads the rest of a reference after its name: `.attr` and `(index, …)`. */
export function parseRef(s: TokenStream, name: Token): GExpr {
  let attr: string | undefined;
  if (s.is('.') && s.peek(1).kind === 'id' && ATTRS.has(s.peek(1).key) && s.peek(1).col === s.peek().end) {
    s.next();
    attr = s.next().key;
  }
  const args = closeOf(s) ? parseIndexList(s) : [];
  return { t: 'ref', name: name.text, args, ...(attr ? { attr } : {}), line: name.line, col: name.col };
}

/** Reads `(i, 'LAB', t-1)`. */
export function parseIndexList(s: TokenStream): GIndex[] {
  const c = closeOf(s)!;
  s.next();
  const out: GIndex[] = [];
  do {
    const t = s.peek();
    if (t.kind === 'str') {
      s.next();
      out.push({ t: 'el', value: t.text });
    } else if (t.kind === 'id') {
      s.next();
      let shift = 0;
      if ((s.is('+') || s.is('-')) && s.peek(1).kind === 'num') {
        const sign = s.next().key === '-' ? -1 : 1;
        const n = s.next();
        if (!/^\d+$/.test(n.text)) s.fail(`a lag or lead is a whole number, found "${n.text}"`, n);
        shift = sign * Number(n.text);
      }
      out.push({ t: 'idx', name: t.text, shift, line: t.line, col: t.col });
    } else s.fail(`expected a set index or a quoted element, found ${describe(t)}`, t);
  } while (s.accept(','));
  s.expect(c, `"${c}" closing the index list`);
  return out;
}

function parseAgg(s: TokenStream, f: Token): GExpr {
  const c = closeOf(s)!;
  s.next();
  const over: string[] = [];
  const inner = closeOf(s);
  if (inner) {
    s.next();
    do over.push(s.ident('a set index').text);
    while (s.accept(','));
    s.expect(inner, `"${inner}" closing the index list of ${f.text}`);
  } else over.push(s.ident('a set index').text);
  let cond: GExpr | undefined;
  if (s.accept('$')) cond = parseDollarOperand(s);
  s.expect(',', `"," after the index of ${f.text}`);
  const body = parseGExpr(s);
  s.expect(c, `"${c}" closing ${f.text}(`);
  return { t: 'agg', f: f.key as 'sum' | 'prod' | 'smax' | 'smin', over, ...(cond ? { cond } : {}), body, line: f.line, col: f.col };
}
