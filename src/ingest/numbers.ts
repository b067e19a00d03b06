/** How numbers are written in a source. */
export interface NumberFormat {
  /** Decimal mark, `.` (default) or `,`. */
  decimal?: string;
  /** Thousands separator: '' (none, default), `,`, `.`, space or `'`. */
  thousands?: string;
}

const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parses a number written with the given marks; returns `NaN` when the text is not a number
 * (hexadecimal, `Infinity`, stray letters are not numbers). Scientific notation is accepted.
 * Examples: `1.234,5` with decimal `,` and thousands `.` → 1234.5; `6.3e-05` → 0.000063.
 * @param text cell text (surrounding spaces ignored)
 * @param fmt decimal and thousands marks
 */
export function parseNumber(text: string, fmt: NumberFormat = {}): number {
  let s = text.trim();
  const th = fmt.thousands ?? '';
  const dec = fmt.decimal ?? '.';
  if (th) {
    if (s.includes(th)) {
      const intPart = dec && s.includes(dec) ? s.slice(0, s.indexOf(dec)) : s;
      const groups = intPart.replace(/^[+-]/, '').split(th);
      if (groups[0].length === 0 || groups[0].length > 3 || groups.slice(1).some((g) => g.length !== 3)) return NaN;
      s = s.split(th).join('');
    }
  }
  if (dec !== '.') {
    if (s.includes('.')) return NaN;
    s = s.replace(dec, '.');
  }
  if (!PLAIN.test(s)) return NaN;
  return Number(s);
}
