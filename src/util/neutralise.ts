/**
 * Protection against formula injection (CSV/spreadsheet injection): a text cell that begins with
 * `=`, `+`, `-`, `@`, a tab or a carriage return can be run as a formula by spreadsheet programs.
 * Such text is prefixed with a single quote, as OWASP recommends. Numbers are not text and are
 * never altered.
 *
 * The prefix is reversible: text that already begins with quotes followed by a trigger character
 * gets one more quote, so {@link restoreFormula} gives back exactly the text that was written.
 * @module
 */

const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/** True when `text` would be read as a formula by a spreadsheet program. */
export function isFormulaLike(text: string): boolean {
  return text.length > 0 && TRIGGERS.has(text[0]!);
}

/** True when `text` is quotes followed by a trigger character (the written form of neutralised text). */
function isQuotedTrigger(text: string): boolean {
  let k = 0;
  while (k < text.length && text[k] === "'") k++;
  return k > 0 && k < text.length && TRIGGERS.has(text[k]!);
}

/** Returns `text` prefixed with `'` when it is formula-like (or already reads as neutralised text), else unchanged. */
export function neutraliseFormula(text: string): string {
  return isFormulaLike(text) || isQuotedTrigger(text) ? `'${text}` : text;
}

/** The inverse of {@link neutraliseFormula}: drops the one quote it added. For readers of digicge's own CSV outputs. */
export function restoreFormula(text: string): string {
  return isQuotedTrigger(text) ? text.slice(1) : text;
}
