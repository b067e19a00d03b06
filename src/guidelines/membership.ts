/**
 * ASEAN membership in force in a period, from the dated `membership` of the ASEAN aggregate in
 * CL_AREA (ten Member States up to 25 October 2025, eleven from 26 October 2025 with Timor-Leste).
 *
 * Rule: an ASEAN aggregate or comparison of a reference period is formed from the States that were
 * members on the **last day of that period** (annual 2025: 31 December 2025, so Timor-Leste counts;
 * annual 2024: ten). This is the "changing composition" convention of regional aggregates (a State
 * counts from the period in which it joins).
 * @module
 */
import { InputError } from '../errors.js';
import { loadCodeList } from './codelists.js';

/** One dated membership of the ASEAN aggregate. */
export interface MembershipSpell {
  /** ISO 3166-1 alpha-3 code of the Member State. */
  member: string;
  /** Date of admission, ISO 8601. */
  from: string;
  /** Last day of membership, when it ended. */
  to?: string;
  /** Where the date is stated. */
  source: string;
}

/** The dated membership of the ASEAN aggregate in CL_AREA, in code order. */
export function aseanMembership(): MembershipSpell[] {
  const asean = loadCodeList('CL_AREA').codes.find((c) => c.id === 'ASEAN');
  const spells = asean?.membership;
  if (!spells)
    throw new InputError('MEMBERSHIP_MISSING', 'the ASEAN aggregate of CL_AREA has no dated membership', {
      file: 'guidelines/codelists/CL_AREA.json',
      jsonPath: '/codes/ASEAN/membership',
    });
  return [...spells].map((s) => ({ ...s })).sort((a, b) => (a.member < b.member ? -1 : a.member > b.member ? 1 : 0));
}

/**
 * The last day (ISO date) of a reference period: `2024` → 2024-12-31, `2025-Q3` → 2025-09-30,
 * `2025-S1` → 2025-06-30, `2025-10` / `2025-M10` → 2025-10-31, `2025-10-26` → itself.
 * @throws InputError `MEMBERSHIP_PERIOD` for a text that is none of these
 */
export function periodEnd(period: string | number): string {
  const p = String(period).trim();
  const pad = (n: number) => String(n).padStart(2, '0');
  const monthEnd = (y: number, m: number) => `${y}-${pad(m)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})(?:-A1)?$/.exec(p))) return `${m[1]}-12-31`;
  if ((m = /^(\d{4})-Q([1-4])$/.exec(p))) return monthEnd(+m[1]!, 3 * +m[2]!);
  if ((m = /^(\d{4})-S([12])$/.exec(p))) return monthEnd(+m[1]!, 6 * +m[2]!);
  if ((m = /^(\d{4})-M?(0[1-9]|1[0-2])$/.exec(p))) return monthEnd(+m[1]!, +m[2]!);
  if (/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(p)) return p;
  throw new InputError('MEMBERSHIP_PERIOD', `"${p}" is not a reference period (expected a year, YYYY-Qn, YYYY-Sn, YYYY-MM or a date)`, {
    column: 'TIME_PERIOD',
  });
}

/**
 * The ASEAN Member States in force in a reference period (members on its last day), sorted:
 * ten for 2024, eleven for 2025 and later.
 * @param period a year or an SDMX reference period (see {@link periodEnd})
 */
export function aseanMembersInForce(period: string | number): string[] {
  const end = periodEnd(period);
  return aseanMembership()
    .filter((s) => s.from <= end && (s.to === undefined || s.to >= end))
    .map((s) => s.member);
}

/**
 * Whether `area` counts in ASEAN aggregates of `period`. Areas that were never ASEAN members
 * (other economies, test areas) are not filtered by this rule and give `true`.
 */
export function inForceOrNotMember(area: string, period: string | number): boolean {
  const spells = aseanMembership().filter((s) => s.member === area);
  if (spells.length === 0) return true;
  const end = periodEnd(period);
  return spells.some((s) => s.from <= end && (s.to === undefined || s.to >= end));
}
