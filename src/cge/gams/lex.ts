/**
 * The GAMS lexer: source text into tokens with their line and column, as GAMS reads it.
 *
 * - A `*` starts a comment only in column 1 (an indented `*eta(i)` is code, not a comment).
 * - `$` in column 1 is a dollar-control line: `$ontext … $offtext` is a comment block; `$title`,
 *   `$onEmpty` and the like are kept as {@link Directive}s for the reader to accept or report.
 * - Names are case-insensitive: every identifier token carries its lower-case `key`.
 * - Any character GAMS does not know is an error naming its line and column, never skipped.
 * @module
 */
import { ModelError } from '../../errors.js';

/** Kinds of token. */
export type TokenKind = 'id' | 'num' | 'str' | 'op' | 'eof';

/** One token of GAMS text. */
export interface Token {
  readonly kind: TokenKind;
  /** The text as written (a string's content without its quotes). */
  readonly text: string;
  /** Lower-case form of an identifier or operator (GAMS names are case-insensitive). */
  readonly key: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column of the first character. */
  readonly col: number;
  /** 1-based column just after the last character (quotes included). */
  readonly end: number;
}

/** A dollar-control line (`$title …`, `$onEmpty`), with its line number. */
export interface Directive {
  readonly name: string;
  readonly rest: string;
  readonly line: number;
}

/** The tokens of a text, its directives and its lines (tables are read by column). */
export interface Lexed {
  readonly tokens: readonly Token[];
  readonly directives: readonly Directive[];
  readonly lines: readonly string[];
}

/** Operators of GAMS, longest first. */
const OPERATORS = [
  '..',
  '**',
  '<>',
  '<=',
  '>=',
  '==',
  '.',
  '*',
  '+',
  '-',
  '/',
  '<',
  '>',
  '=',
  '$',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  ';',
  ':',
];

/** Throws a GAMS syntax error at a line and column. */
export function gamsError(message: string, line: number, col: number, file?: string): never {
  throw new ModelError('GAMS_SYNTAX', message, { ...(file ? { file } : {}), row: line, column: col });
}

/** Splits GAMS text into tokens (see the module comment). */
export function lexGams(text: string, file?: string): Lexed {
  const lines = text.split(/\r\n|\r|\n/);
  const tokens: Token[] = [];
  const directives: Directive[] = [];
  let inText = false;
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li];
    const ln = li + 1;
    if (line.startsWith('$')) {
      const m = /^\$\s*([A-Za-z]+)(.*)$/.exec(line);
      if (!m) gamsError('a dollar-control line needs a name, e.g. $title', ln, 1, file);
      const name = m[1].toLowerCase();
      if (name === 'ontext') inText = true;
      else if (name === 'offtext') {
        if (!inText) gamsError('$offText without $onText', ln, 1, file);
        inText = false;
      } else if (!inText) directives.push({ name, rest: m[2].trim(), line: ln });
      continue;
    }
    if (inText || line.startsWith('*')) continue;
    lexLine(line, ln, tokens, file);
  }
  if (inText) gamsError('$onText has no matching $offText', lines.length, 1, file);
  tokens.push({ kind: 'eof', text: '', key: '', line: lines.length, col: 1, end: 1 });
  return { tokens, directives, lines };
}

function lexLine(line: string, ln: number, out: Token[], file?: string): void {
  let p = 0;
  while (p < line.length) {
    const c = line[p];
    if (c === ' ' || c === '\t') {
      p++;
      continue;
    }
    const col = p + 1;
    if (c === "'" || c === '"') {
      const close = line.indexOf(c, p + 1);
      if (close < 0) {
        // A lone quote, as in unquoted explanatory text ("industry j's output"): a token of its
        // own, which only the reader of explanatory text accepts.
        out.push({ kind: 'op', text: c, key: c, line: ln, col, end: col + 1 });
        p++;
        continue;
      }
      const s = line.slice(p + 1, close);
      out.push({ kind: 'str', text: s, key: s.toLowerCase(), line: ln, col, end: close + 2 });
      p = close + 1;
      continue;
    }
    const num = /^(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)/.exec(line.slice(p));
    // `1..` (a number before `..`) and `.l` (an attribute) are not numbers.
    if (num && !(c === '.' && /^\.[A-Za-z]/.test(line.slice(p)))) {
      let t = num[0];
      if (t.endsWith('.') && line[p + t.length] === '.') t = t.slice(0, -1);
      out.push({ kind: 'num', text: t, key: t, line: ln, col, end: col + t.length });
      p += t.length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(line.slice(p));
    if (id) {
      const t = id[0];
      out.push({ kind: 'id', text: t, key: t.toLowerCase(), line: ln, col, end: col + t.length });
      p += t.length;
      continue;
    }
    if (c === '=' && /^=[A-Za-z]=/.test(line.slice(p, p + 3))) {
      const t = line.slice(p, p + 3);
      out.push({ kind: 'op', text: t, key: t.toLowerCase(), line: ln, col, end: col + 3 });
      p += 3;
      continue;
    }
    const op = OPERATORS.find((o) => line.startsWith(o, p));
    if (!op) gamsError(`"${c}" is not a character of GAMS text`, ln, col, file);
    out.push({ kind: 'op', text: op, key: op, line: ln, col, end: col + op.length });
    p += op.length;
  }
}
