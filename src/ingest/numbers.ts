/** How numbers are written in a source. */
export interface NumberFormat {
  /** Decimal mark, `.` (default) or `,`. */
  decimal?: string;
  /** Thousands separator: '' (none, default), `,`, `.`, space, no-break space or `'`. */
  thousands?: string;
}

const grammars = new Map<string, RegExp>();

/**
 * The grammar of a number in a format: an optional sign; digits, or (with a thousands mark)
 * 1–3 digits then groups of exactly three each led by the mark; optionally the decimal mark and
 * digits (no thousands mark after it); optionally an exponent.
 */
function grammar(dec: string, th: string): RegExp {
  const id = `${dec}\u0000${th}`;
  let re = grammars.get(id);
  if (!re) {
    const esc = (c: string): string => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const int = th ? `(?:\\d{1,3}(?:${esc(th)}\\d{3})+|\\d+)` : '\\d+';
    re = new RegExp(`^[+-]?(?:${int}(?:${esc(dec)}\\d*)?|${esc(dec)}\\d+)(?:[eE][+-]?\\d+)?$`);
    grammars.set(id, re);
  }
  return re;
}

/**
 * Parses a number written with the given marks; returns `NaN` when the text is not a number in
 * exactly that format: a value written in another locale is never reinterpreted (`1.234,5` with
 * thousands `,` and decimal `.` is not 1.2345, it is not a number). Hexadecimal, `Infinity` and
 * stray letters are not numbers; scientific notation is accepted.
 * Examples: `1.234,5` with decimal `,` and thousands `.` → 1234.5; `6.3e-05` → 0.000063.
 * @param text cell text (surrounding spaces ignored)
 * @param fmt decimal and thousands marks
 */
export function parseLocaleNumber(text: string, fmt: NumberFormat = {}): number {
  const s = text.trim();
  const th = fmt.thousands ?? '';
  const dec = fmt.decimal ?? '.';
  if (th === dec) return NaN;
  if (!grammar(dec, th).test(s)) return NaN;
  let plain = th ? s.split(th).join('') : s;
  if (dec !== '.') plain = plain.replace(dec, '.');
  return Number(plain);
}

/** Number formats met in national files, tried when a cell does not match the declared one. */
const OTHER_FORMATS: readonly Required<NumberFormat>[] = [
  { decimal: '.', thousands: ',' },
  { decimal: ',', thousands: '.' },
  { decimal: ',', thousands: ' ' },
  { decimal: '.', thousands: ' ' },
  { decimal: ',', thousands: '' },
  { decimal: '.', thousands: '' },
  { decimal: '.', thousands: "'" },
];

/**
 * When `text` is not a number in the declared format but is one in another common format, the
 * first such format (so that the reject can say so); otherwise `undefined`.
 * @param text cell text
 * @param fmt the declared format
 */
export function otherNumberFormat(text: string, fmt: NumberFormat = {}): Required<NumberFormat> | undefined {
  const dec = fmt.decimal ?? '.',
    th = fmt.thousands ?? '';
  return OTHER_FORMATS.find((f) => (f.decimal !== dec || f.thousands !== th) && !Number.isNaN(parseLocaleNumber(text, f)));
}
