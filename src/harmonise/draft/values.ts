import { missingMarker } from '../../guidelines/index.js';

const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const COMMA_DECIMAL = /^[+-]?\d+,\d+$/;
const DOT_THOUSANDS = /^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const COMMA_THOUSANDS = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** Whether a cell reads as a number in some common notation (plain, decimal comma, thousands marks). */
export function isNumberText(text: string): boolean {
  const t = text.trim();
  return t !== '' && (PLAIN.test(t) || COMMA_DECIMAL.test(t) || DOT_THOUSANDS.test(t) || COMMA_THOUSANDS.test(t));
}

/** Whether a non-empty cell is a missing-value marker of the guideline (chapter 5). */
export function isMarkerText(text: string): boolean {
  const t = text.trim();
  return t !== '' && missingMarker(t) !== undefined;
}

/** The number notation of a set of cells, with the evidence. */
export interface NumberNotation {
  decimal: '.' | ',';
  thousands: '' | ',' | '.';
  why: string;
}

/**
 * Guesses decimal and thousands marks from value cells: `1.234,5` or `12,5` (and no `12.5`) mean a
 * decimal comma; `1,234.5` means a thousands comma. A notation the cells do not show is the plain one.
 */
export function sniffNotation(cells: readonly string[]): NumberNotation {
  let plainDot = 0,
    commaDec = 0,
    dotThou = 0,
    commaThou = 0;
  for (const c of cells) {
    const t = c.trim();
    if (/^[+-]?\d+\.\d+$/.test(t) && !DOT_THOUSANDS.test(t)) plainDot++;
    else if (COMMA_DECIMAL.test(t) && !COMMA_THOUSANDS.test(t)) commaDec++;
    else if (DOT_THOUSANDS.test(t) && !PLAIN.test(t)) dotThou++;
    else if (COMMA_THOUSANDS.test(t)) commaThou++;
  }
  if ((commaDec > 0 || dotThou > 0) && plainDot === 0 && commaThou === 0) {
    return {
      decimal: ',',
      thousands: dotThou > 0 ? '.' : '',
      why: `${commaDec} cell(s) like 12,5${dotThou ? ` and ${dotThou} like 1.234,5` : ''} and none like 12.5: decimal comma`,
    };
  }
  if (commaThou > 0) return { decimal: '.', thousands: ',', why: `${commaThou} cell(s) like 1,234 or 1,234.5: thousands comma` };
  return { decimal: '.', thousands: '', why: `${plainDot} cell(s) like 12.5, none with a decimal comma or thousands marks` };
}

/** Distinct non-numeric texts of value cells with how often each occurs and one place. */
export interface TokenCount {
  text: string;
  count: number;
  first: string;
}

/** Counts the non-numeric texts among value cells (the empty cell included). */
export function nonNumericTokens(cells: readonly { text: string; where: string }[]): TokenCount[] {
  const m = new Map<string, TokenCount>();
  for (const { text, where } of cells) {
    const t = text.trim();
    if (isNumberText(t)) continue;
    const e = m.get(t);
    if (e) e.count++;
    else m.set(t, { text: t, count: 1, first: where });
  }
  return [...m.values()].sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : 1));
}
