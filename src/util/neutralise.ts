/**
 * Protection against formula injection (CSV/spreadsheet injection): a text cell that begins with
 * `=`, `+`, `-`, `@`, a tab or a carriage return can be run as a formula by spreadsheet programs.
 * Such text is prefixed with a single quote, as OWASP recommends. Numbers are not text and are
 * never altered.
 * @module
 */

const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/** True when `text` would be read as a formula by a spreadsheet program. */
export function isFormulaLike(text: string): boolean {
  return text.length > 0 && TRIGGERS.has(text[0]!);
}

/** Returns `text` prefixed with `'` when it is formula-like, else unchanged. */
export function neutraliseFormula(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}
