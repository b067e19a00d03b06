/**
 * The text form of the model language: GAMS equation text, read as GAMS reads it (the GAMS
 * lexer and parser of `src/cge/gams/`):
 *
 * ```
 * eqpzs(j)..  pz(j) =e= ay(j)*py(j) + sum(i, ax(i,j)*pq(i));
 * eqX(i,j)$(ax(i,j) <> 0)..  X(i,j) =e= ax(i,j)*Z(j);
 * obj..       UU =e= prod(i, Xp(i)**alpha(i));
 * ```
 *
 * Statements end with `;` and may run over several lines; a `*` starts a comment only in column 1
 * (an indented `*eta(i)` is code); `$ontext … $offtext` is a comment block. `( )`, `[ ]`, `{ }`
 * are brackets; `$` conditions apply to a domain, a sum/prod index and any expression;
 * `eq ne lt le gt ge`, `sqr`, `power`, `max`, `min`, `abs`, lags and leads `X(t-1)` are read.
 * Text that is not GAMS is an error naming its line and column, never dropped.
 * @module
 */
import { ModelError } from '../../errors.js';
import { isEquationDefinition, parseEquationDefinition, type Relation, splitStatements } from '../gams/equation.js';
import { parseGExpr, TokenStream } from '../gams/expr-parser.js';
import { lexGams } from '../gams/lex.js';
import { toModelExpr } from '../gams/to-expr.js';
import type { Expr } from './expr.js';

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
  /** `e` for `=e=`, `g` for `=g=` (lhs ≥ rhs), `l` for `=l=`. */
  readonly relation: Relation;
  /** The statement's source text (for messages and listings). */
  readonly source: string;
  /** 1-based line of the equation name in the text. */
  readonly line: number;
}

/** Parses one expression of the text form. */
export function parseExpr(text: string): Expr {
  const lx = lexGams(text);
  const s = new TokenStream(lx.tokens);
  const e = parseGExpr(s);
  if (!s.done) s.fail(`unexpected "${s.peek().text}" after the expression`);
  return toModelExpr(e, { line: 1, col: 1 });
}

/**
 * Parses equation definitions `name(dom)$(cond).. lhs =e= rhs;` of the text form, with their
 * relation (see {@link CgeModel.equations} for which a square system takes).
 */
export function parseAllEquations(text: string): ParsedEquation[] {
  const lx = lexGams(text);
  const out: ParsedEquation[] = [];
  for (const st of splitStatements(lx.tokens)) {
    if (!isEquationDefinition(st)) {
      throw new ModelError('MODEL_SYNTAX', `line ${st[0].line}: an equation definition is \`name(domain).. lhs =e= rhs;\``, {
        row: st[0].line,
        column: st[0].col,
      });
    }
    const d = parseEquationDefinition(st);
    const at = { line: d.line, col: d.col };
    const last = st[st.length - 1];
    const src = lx.lines
      .slice(st[0].line - 1, last.line)
      .map((l, k, all) => (k === all.length - 1 ? l.slice(0, last.end - 1) : l))
      .map((l, k) => (k === 0 ? l.slice(st[0].col - 1) : l))
      .join(' ');
    out.push({
      name: d.name,
      domain: d.domain,
      ...(d.condition ? { condition: toModelExpr(d.condition, at) } : {}),
      lhs: toModelExpr(d.lhs, at),
      rhs: toModelExpr(d.rhs, at),
      relation: d.relation,
      source: src.replace(/\s+/g, ' ').trim(),
      line: d.line,
    });
  }
  return out;
}

/**
 * Parses the equations of a square system: as {@link parseAllEquations}, and an `=g=`/`=l=`
 * equation is a ModelError MODEL_UNSUPPORTED (it needs a complementarity pairing).
 */
export function parseEquations(text: string): ParsedEquation[] {
  const eqs = parseAllEquations(text);
  for (const e of eqs) {
    if (e.relation !== 'e') {
      throw new ModelError(
        'MODEL_UNSUPPORTED',
        `equation ${e.name} uses =${e.relation}=; a square CGE system takes =e= equations only (an inequality needs a complementarity pairing with a variable)`,
        { equation: e.name, row: e.line },
      );
    }
  }
  return eqs;
}
