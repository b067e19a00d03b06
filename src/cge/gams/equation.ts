/**
 * GAMS equation definitions `name(domain)$cond.. lhs =e= rhs;` read from tokens: the head, the
 * relation (`=e=`, `=g=`, `=l=`) and both sides as {@link GExpr} trees.
 * @module
 */
import type { GExpr } from './ast.js';
import { parseDollarOperand, parseGExpr, TokenStream } from './expr-parser.js';
import type { Token } from './lex.js';

/** The relation of an equation: `=e=`, `=g=` (lhs ≥ rhs) or `=l=` (lhs ≤ rhs). */
export type Relation = 'e' | 'g' | 'l';

/** An equation definition as written. */
export interface GamsEquationDef {
  readonly name: string;
  readonly domain: readonly string[];
  readonly condition?: GExpr;
  readonly lhs: GExpr;
  readonly relation: Relation;
  readonly rhs: GExpr;
  /** Line and column of the equation name. */
  readonly line: number;
  readonly col: number;
}

/** Whether a statement's tokens are an equation definition (`..` after its head). */
export function isEquationDefinition(tokens: readonly Token[]): boolean {
  let depth = 0;
  for (const t of tokens) {
    if (t.kind !== 'op') continue;
    if (t.key === '(' || t.key === '[' || t.key === '{') depth++;
    else if (t.key === ')' || t.key === ']' || t.key === '}') depth--;
    else if (t.key === '..' && depth === 0) return true;
    else if (t.key === '=' && depth === 0) return false;
  }
  return false;
}

/** Reads one equation definition (tokens of one statement, without its `;`). */
export function parseEquationDefinition(tokens: readonly Token[], file?: string): GamsEquationDef {
  const s = new TokenStream(
    [...tokens, { kind: 'eof', text: '', key: '', line: tokens.at(-1)?.line ?? 1, col: tokens.at(-1)?.end ?? 1, end: 1 }],
    file,
  );
  const name = s.ident('an equation name');
  const domain: string[] = [];
  const open = s.peek();
  if (open.kind === 'op' && (open.key === '(' || open.key === '[' || open.key === '{')) {
    s.next();
    const close = open.key === '(' ? ')' : open.key === '[' ? ']' : '}';
    do domain.push(s.ident('a set name of the domain').text);
    while (s.accept(','));
    s.expect(close, `"${close}" closing the domain of ${name.text}`);
  }
  const condition = s.accept('$') ? parseDollarOperand(s) : undefined;
  s.expect('..', `".." after the head of equation ${name.text}`);
  const lhs = parseGExpr(s);
  const rel = s.peek();
  if (rel.kind !== 'op' || !/^=[egl]=$/.test(rel.key)) {
    s.fail(
      rel.kind === 'op' && /^=.=$/.test(rel.key)
        ? `equation ${name.text}: ${rel.text} is not a relation a CGE model uses (=e=, =g=, =l=)`
        : `equation ${name.text}: expected =e=, =g= or =l=, found ${rel.kind === 'eof' ? 'the end of the statement' : `"${rel.text}"`}`,
      rel,
    );
  }
  s.next();
  const rhs = parseGExpr(s);
  if (!s.done) s.fail(`equation ${name.text}: unexpected "${s.peek().text}" after the right-hand side`);
  return {
    name: name.text,
    domain,
    ...(condition ? { condition } : {}),
    lhs,
    relation: rel.key[1] as Relation,
    rhs,
    line: name.line,
    col: name.col,
  };
}

/** Splits tokens into statements at each `;` outside brackets (the `;` is dropped). */
export function splitStatements(tokens: readonly Token[]): Token[][] {
  const out: Token[][] = [];
  let cur: Token[] = [];
  let depth = 0;
  for (const t of tokens) {
    if (t.kind === 'eof') break;
    if (t.kind === 'op') {
      if (t.key === '(' || t.key === '[' || t.key === '{') depth++;
      else if (t.key === ')' || t.key === ']' || t.key === '}') depth = Math.max(0, depth - 1);
      else if (t.key === ';' && depth === 0) {
        if (cur.length) out.push(cur);
        cur = [];
        continue;
      }
    }
    cur.push(t);
  }
  if (cur.length) out.push(cur);
  return out;
}
