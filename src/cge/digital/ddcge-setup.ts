/**
 * What ddcge reads from its parameter file besides numbers by element: the household groups
 * (location × access), the factor and labour lists, the digital, orderable and telecom goods, and
 * the connectivity channels' parameters — each checked against the SAM, with the JSON path of what
 * is wrong.
 * @module
 */
import { ModelError } from '../../errors.js';
import type { SamCells } from '../sam-input.js';

/** Institutional accounts a ddcge SAM must have. */
export const DDCGE_ACCOUNTS = ['IDT', 'TRF', 'GOV', 'INV', 'EXT'] as const;

/** Household group attributes in the parameter file. */
export interface DdcgeHousehold {
  location: 'urban' | 'rural';
  connected: boolean;
}

function list(params: Readonly<Record<string, unknown>>, key: string, file?: string): string[] {
  const v = params[key];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
    throw new ModelError('MISSING_PARAMETER', `the parameter file needs "${key}": a list of account labels`, {
      ...(file ? { file } : {}),
      jsonPath: `/${key}`,
    });
  }
  return v as string[];
}

/** Reads the household groups declared in the parameter file, checked against the SAM. */
export function ddcgeHouseholds(params: Readonly<Record<string, unknown>>, cells: SamCells, file?: string): Record<string, DdcgeHousehold> {
  const h = params.households;
  if (!h || typeof h !== 'object') {
    throw new ModelError(
      'MISSING_PARAMETER',
      'the parameter file needs "households": {"<account>": {"location": "urban"|"rural", "connected": true|false}}',
      {
        ...(file ? { file } : {}),
        jsonPath: '/households',
      },
    );
  }
  const out: Record<string, DdcgeHousehold> = {};
  for (const [label, attrs] of Object.entries(h as Record<string, unknown>)) {
    cells.index(label);
    const a = attrs as Partial<DdcgeHousehold>;
    if ((a.location !== 'urban' && a.location !== 'rural') || typeof a.connected !== 'boolean') {
      throw new ModelError(
        'MISSING_PARAMETER',
        `household ${label} needs "location" ("urban" or "rural") and "connected" (true or false)`,
        {
          ...(file ? { file } : {}),
          jsonPath: `/households/${label}`,
        },
      );
    }
    out[label] = { location: a.location, connected: a.connected };
  }
  return out;
}

/** The connectivity channels' parameters. */
export interface DdcgeChannels {
  /** Telecom units bought for access by each newly connected person (≥ 0). */
  accessQuantity: number;
  /** Effective price reduction of orderable goods for a newly connected person, in [0, 1). */
  priceDiscount: number;
  /** Efficiency gain of a labour type per unit rise of its connected share, by labour type. */
  productivityPremium: Record<string, number>;
  /** TFP gain per unit relative rise of the connected population share, times digital input intensity. */
  spillover: number;
}

/** Reads `channels` from a parameter file (every channel off when absent), with located errors. */
export function channelsOf(params: Readonly<Record<string, unknown>>, labour: readonly string[], file?: string): DdcgeChannels {
  const c = (params.channels ?? {}) as Record<string, unknown>;
  const at = (k: string) => ({ ...(file ? { file } : {}), jsonPath: `/channels/${k}` });
  const num = (k: string, ok: (x: number) => boolean, what: string): number => {
    const v = c[k] ?? 0;
    if (typeof v !== 'number' || !Number.isFinite(v) || !ok(v))
      throw new ModelError('BAD_CHANNEL', `channels.${k} must be ${what}, got ${JSON.stringify(v)}`, at(k));
    return v;
  };
  const prem = (c.productivity_premium ?? {}) as Record<string, unknown>;
  const productivityPremium: Record<string, number> = {};
  for (const [f, v] of Object.entries(prem)) {
    if (!labour.includes(f))
      throw new ModelError(
        'UNKNOWN_ELEMENT',
        `channels.productivity_premium names "${f}", which is not a labour type (${labour.join(', ')})`,
        at(`productivity_premium/${f}`),
      );
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      throw new ModelError('BAD_CHANNEL', `channels.productivity_premium.${f} must be a number ≥ 0`, at(`productivity_premium/${f}`));
    productivityPremium[f] = v;
  }
  return {
    accessQuantity: num('access_quantity', (x) => x >= 0, 'a number ≥ 0'),
    priceDiscount: num('price_discount', (x) => x >= 0 && x < 1, 'a number in [0, 1)'),
    productivityPremium,
    spillover: num('spillover', (x) => x >= 0, 'a number ≥ 0'),
  };
}

/** The accounts and lists of a ddcge calibration, read from the parameter file and checked against the SAM. */
export interface DdcgeSetup {
  readonly goods: readonly string[];
  readonly factors: readonly string[];
  readonly labour: readonly string[];
  readonly households: readonly string[];
  readonly householdAttributes: Readonly<Record<string, DdcgeHousehold>>;
  readonly connected: readonly string[];
  readonly digital: readonly string[];
  readonly orderable: readonly string[];
  readonly telecom: string;
  readonly channels: DdcgeChannels;
}

/**
 * Reads the accounts and lists of the parameter file: goods are the SAM's accounts that are not
 * institutions, households or factors; `digital_goods`, `orderable_goods` and `telecom` must name goods.
 */
export function ddcgeSetup(S: SamCells, params: Readonly<Record<string, unknown>>, paramsFile?: string): DdcgeSetup {
  for (const a of DDCGE_ACCOUNTS) S.index(a);
  const householdAttributes = ddcgeHouseholds(params, S, paramsFile);
  const households = Object.keys(householdAttributes);
  const factors = list(params, 'factors', paramsFile);
  const labour = list(params, 'labour', paramsFile);
  for (const f of [...factors, ...labour]) S.index(f);
  const inst = new Set<string>([...DDCGE_ACCOUNTS, ...households, ...factors]);
  const goods = S.labels.filter((l) => !inst.has(l));
  const known = new Set(goods);
  const digital = list(params, 'digital_goods', paramsFile);
  const orderable = list(params, 'orderable_goods', paramsFile);
  const telecom = typeof params.telecom === 'string' ? params.telecom : '';
  for (const [key, labels] of [
    ['digital_goods', digital],
    ['orderable_goods', orderable],
    ['telecom', [telecom]],
  ] as const) {
    for (const g of labels) {
      if (!known.has(g)) {
        throw new ModelError('UNKNOWN_ELEMENT', `"${g}" in "${key}" is not a goods account of the SAM (goods: ${goods.join(', ')})`, {
          ...(paramsFile ? { file: paramsFile } : {}),
          jsonPath: `/${key}`,
          index: [g],
        });
      }
    }
  }
  const connected = households.filter((h) => householdAttributes[h]!.connected);
  return {
    goods,
    factors,
    labour,
    households,
    householdAttributes,
    connected,
    digital,
    orderable,
    telecom,
    channels: channelsOf(params, labour, paramsFile),
  };
}
