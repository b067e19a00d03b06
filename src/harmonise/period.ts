/**
 * Reporting periods of the harmonised dataset (SDMX time formats): `YYYY` annual, `YYYY-S1|2`
 * half-yearly, `YYYY-Q1…4` quarterly, `YYYY-MM` monthly, `YYYY-MM-DD` daily (a real date).
 * @module
 */

/** SDMX frequency code (CL_FREQ) of a reporting period. */
export type PeriodFrequency = 'A' | 'S' | 'Q' | 'M' | 'D';

const PERIOD = /^(\d{4})(?:-(?:S([12])|Q([1-4])|(\d{2})(?:-(\d{2}))?))?$/;
const cache = new Map<string, PeriodFrequency | null>();

/**
 * The frequency of a period written in one of the dataset's time formats, or `undefined` when the
 * text is not such a period (`2020 (est.)`, `Perkotaan / 2022`, `2020-13`, `2021-02-30`, `=2020+1`).
 * @param text the period, already trimmed
 */
export function periodFrequency(text: string): PeriodFrequency | undefined {
  let f = cache.get(text);
  if (f === undefined) {
    f = parse(text);
    if (cache.size < 100_000) cache.set(text, f);
  }
  return f ?? undefined;
}

function parse(text: string): PeriodFrequency | null {
  const m = PERIOD.exec(text);
  if (!m) return null;
  if (m[2]) return 'S';
  if (m[3]) return 'Q';
  if (m[4] === undefined) return 'A';
  const month = +m[4];
  if (month < 1 || month > 12) return null;
  if (m[5] === undefined) return 'M';
  const day = +m[5];
  const d = new Date(Date.UTC(+m[1], month - 1, day));
  return day >= 1 && d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? 'D' : null;
}

/** The formats {@link periodFrequency} accepts, for messages. */
export const PERIOD_FORMATS = 'YYYY, YYYY-S1, YYYY-Q1, YYYY-MM or YYYY-MM-DD';
