/**
 * Leading-zero padding (WDI writes 0 for the years before a series starts): with the mapping's
 * `filters.leadingZerosArePadding`, a zero earlier than the first non-zero value of its series in
 * the same source is padding, not data; a series with no non-zero value has not started, so all
 * its zeros are padding. The first non-zero period is taken over the whole source — cells left
 * out by the mapping's year range count too, so that a year filter never turns padding into data.
 * @module
 */

/** Earliest non-zero period of each series of one source (series key → period). */
export class FirstNonZero {
  private readonly first = new Map<number, string>();

  /** Records a value of `series` at `time` (NaN and zeros are ignored). */
  note(series: number, time: string, value: number): void {
    if (value === 0 || Number.isNaN(value)) return;
    const f = this.first.get(series);
    if (f === undefined || time < f) this.first.set(series, time);
  }

  /** Whether a value of `series` at `time` is padding. */
  isPadding(series: number, time: string, value: number): boolean {
    if (value !== 0) return false;
    const f = this.first.get(series);
    return f === undefined || time < f;
  }
}
