/**
 * What a GAMS file may hold as a quoted set element and as a comment, checked before digicge writes
 * one: a label with a line break would end the quoted element and start a new line of GAMS source
 * (`BRD\n$call …` becomes a `$call` line run by the compiler), so such text is an error, never escaped.
 * Rules of the GAMS element names (McCarl GAMS User Guide 24.4, "Element name rules"): a quoted
 * element may hold any printable character but its own quote, up to 63 characters.
 * @module
 */
import { InputError, type Location } from '../errors.js';

/** Longest set element GAMS reads. */
export const GAMS_LABEL_MAX_LENGTH = 63;

// C0 controls (line breaks, tab, NUL, escape…), DEL, C1 controls and the Unicode line/paragraph separators
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

function describe(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `text` with its control characters written as `\uXXXX`, so that a message about it stays one line. */
export function printable(text: string): string {
  return text.replace(new RegExp(CONTROL.source, 'g'), (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

/** Why `label` cannot be a GAMS set element, or `undefined` when it can. */
export function gamsLabelProblem(label: string): string | undefined {
  if (label.length === 0) return 'it is empty';
  const c = CONTROL.exec(label);
  if (c)
    return `it holds the control character ${describe(c[0])} at position ${c.index + 1} (a line break would start a new GAMS statement)`;
  if (label.includes("'") && label.includes('"')) return 'it holds both quote characters';
  if (label.length > GAMS_LABEL_MAX_LENGTH) return `it is ${label.length} characters long; GAMS reads at most ${GAMS_LABEL_MAX_LENGTH}`;
  return undefined;
}

/**
 * The GAMS literal of a set element: `'BRD'`, or `"…"` when the label holds a single quote.
 * @throws InputError `GAMS_BAD_LABEL` at `location` when {@link gamsLabelProblem} finds a problem
 */
export function quoteGamsLabel(label: string, location: Location): string {
  const problem = gamsLabelProblem(label);
  if (problem) throw new InputError('GAMS_BAD_LABEL', `${JSON.stringify(label)} cannot be a GAMS set element: ${problem}`, location);
  return label.includes("'") ? `"${label}"` : `'${label}'`;
}

/**
 * Text for a GAMS comment line (`* …`), which must stay one line.
 * @throws InputError `GAMS_BAD_TEXT` at `location` when the text holds a control character
 */
export function gamsCommentText(text: string, location: Location = {}): string {
  const c = CONTROL.exec(text);
  if (c)
    throw new InputError(
      'GAMS_BAD_TEXT',
      `${JSON.stringify(text)} cannot be written as a GAMS comment: it holds the control character ${describe(c[0])} (a line break would start a new GAMS statement)`,
      location,
    );
  return text;
}
