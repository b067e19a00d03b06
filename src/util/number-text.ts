/**
 * The text of a number in digicge's CSV outputs: the shortest decimal that reads back as the same
 * double (ECMAScript's `String(x)`), with `-0` written as `0` and a missing value as `NaN` (as
 * SDMX-CSV writes intentionally missing numbers). The same number always gives the same text.
 */
export function roundTripNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === 0) return '0';
  return String(x);
}
