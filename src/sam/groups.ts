/**
 * Account groups of a social accounting matrix and their inference from account labels.
 * @module
 */
import type { SamDocument } from '../guidelines/generated/sam.js';

/**
 * The institutional role of a SAM account. `margin` holds trade and transport margins; `tax` is any
 * tax or tariff account (indirect, import, direct); `other` is an account whose role is not known.
 * The list comes from the SAM's JSON Schema (`guidelines/schemas/sam.schema.json`).
 */
export type AccountGroup = SamDocument['accounts'][number]['group'];

/** Every account group, in the usual SAM order (production, income, expenditure, other). */
export const ACCOUNT_GROUPS: readonly AccountGroup[] = [
  'activity',
  'commodity',
  'margin',
  'factor',
  'household',
  'enterprise',
  'government',
  'tax',
  'savings-investment',
  'rest-of-world',
  'other',
];

/** True when `s` is one of the {@link ACCOUNT_GROUPS}. */
export function isAccountGroup(s: string): s is AccountGroup {
  return (ACCOUNT_GROUPS as readonly string[]).includes(s);
}

/** Label patterns, tried in order; the first match gives the group (case-insensitive). */
const RULES: readonly [RegExp, AccountGroup][] = [
  // prefixes of the activity/commodity convention: A-Crops, C-Crops, M-Crops (imported commodity)
  [/^(a|act)[-_.]/i, 'activity'],
  [/^(c|com)[-_.]/i, 'commodity'],
  [/^m[-_.]/i, 'commodity'],
  [/^(act|acts|activit(y|ies))$/i, 'activity'],
  [/^(com|comm|commodit(y|ies))$/i, 'commodity'],
  [/^(margin|margins|mar|trm|trade[-_ ]?margin)s?$/i, 'margin'],
  // tax accounts before capital and government (Itax, Ttax, Dtax, IDT, TRF, Tariff, Subsidy)
  [/^(itax|ttax|dtax|mtax|stax|idt|dt|trf|tariff|tariffs|tax|taxes|subsid(y|ies)|ptax|prodtax|imptax|dirtax|indtax)$/i, 'tax'],
  [/(tax|taxes|duty|duties)$/i, 'tax'],
  [/^tax[-_.]/i, 'tax'],
  // savings-investment before capital: CapAcct, INV, S-I, SAV, KAP
  [
    /^(capacct|cap[-_ ]?acct|capital[-_ ]?account|inv|invest|investment|s[-_]?i|sav|saving|savings|kacc|sav[-_]inv|dstk|stk|accumulation|ch in inventories|changes? in (inventories|stocks))$/i,
    'savings-investment',
  ],
  [/^(row|ext|rest[-_ ]?of[-_ ]?(the[-_ ]?)?world|world|foreign|row[-_].*)$/i, 'rest-of-world'],
  [
    /^(labor|labour|lab|capital|cap|land|water|lnd|wage|wages|f[-_].*|lab[-_].*|labor[-_].*|labour[-_].*|cap[-_].*|capital[-_].*|gos|mixed)$/i,
    'factor',
  ],
  [/^(hh|hoh|hhd|hhs|household|households|h[-_].*|hh[-_]?\w*|hhd[-_]?\w*)$/i, 'household'],
  [/^(ent|ent[-_].*|enterprise|enterprises|firm|firms|corp|corporations)$/i, 'enterprise'],
  [/^(govt|gov|gov[-_].*|govt[-_].*|government|gvt|g)$/i, 'government'],
];

/**
 * Infers an account's group from its label, or `undefined` when no rule matches. Recognised:
 * `A-*`/`ACT` activity; `C-*`, `M-*` (imported commodity), `COM` commodity; `Margin`/`MAR` margin;
 * `Itax`, `Ttax`, `Dtax`, `IDT`, `TRF`, `*tax`, `Tariff`, `Subsidy` tax; `CapAcct`, `INV`, `S-I`,
 * `SAV` savings-investment; `ROW`, `EXT` rest of the world; `Labor`, `Labour`, `LAB*`, `Capital`,
 * `CAP*`, `Land`, `Water`, `F-*` factor; `HH*`, `HOH`, `H-*` household; `ENT*` enterprise;
 * `Govt`, `GOV*` government.
 */
export function inferAccountGroup(label: string): AccountGroup | undefined {
  const s = label.trim();
  for (const [re, group] of RULES) if (re.test(s)) return group;
  return undefined;
}
