import { InputError, NumericError } from '../errors.js';
import { getIndicator } from './catalogue.js';
import { hasCodeInList } from './codelists.js';
import type { Indicator } from './generated/catalogue.js';
import { loadQualityRules } from './quality.js';

export type { UnitConversion } from './generated/quality-rules.js';

/** What a conversion to the canonical unit may need besides the value. */
export interface ConversionContext {
  /** Total population (persons) of the same area and year: for counts → per 100 inhabitants. */
  population?: number;
  /** Local currency units per US dollar of the same area and year: for LCU → USD. */
  exchangeRate?: number;
}

/** A value in an indicator's canonical unit, and how it was obtained. */
export interface CanonicalValue {
  /** The value in the canonical unit, UNIT_MULT 0. */
  value: number;
  /** The canonical CL_UNIT_MEASURE code. */
  unit: string;
  /** How the value was converted, for the observation's provenance (e.g. `NUMBER×10^3 / POP × 100`). */
  method: string;
}

function finite(x: number, what: string): number {
  if (!Number.isFinite(x)) throw new NumericError('UNIT_CONVERSION_NOT_FINITE', `${what} is not a finite number`);
  return x;
}

function positive(x: number | undefined, code: string, need: string, ind: string): number {
  if (x === undefined) throw new InputError(code, `${ind} needs ${need} of the same area and year for this conversion`);
  if (!(finite(x, need) > 0)) throw new InputError(code, `${need} must be positive, not ${x}`);
  return x;
}

/**
 * Converts a reported value to an indicator's canonical unit (UNIT_MULT 0), by the guideline's rules:
 * value × 10^UNIT_MULT, then nothing more when the unit is the canonical one or one the indicator's
 * `unitHistory` lists (the publisher changed the unit, not the content: SDG 17.8.1 per 100
 * inhabitants is read as percent), else the one conversion `guidelines/quality/rules.json` lists
 * for that pair of units (SHARE → PERCENT, NUMBER → PER_100_POP with the population, LCU → USD with
 * the exchange rate). Anything else is refused: a unit that cannot be converted makes a rejected
 * row, never a guess.
 * @param indicator catalogue code or indicator
 * @param value reported value
 * @param unit reported CL_UNIT_MEASURE code
 * @param unitMult reported UNIT_MULT (power of ten), default 0
 * @throws InputError `INDICATOR_UNKNOWN`, `UNIT_UNKNOWN`, `UNIT_MULT_INVALID`, `UNIT_NOT_CONVERTIBLE`,
 *   `UNIT_NEEDS_POPULATION`, `UNIT_NEEDS_EXCHANGE_RATE`; NumericError `UNIT_CONVERSION_NOT_FINITE`
 */
export function toCanonicalUnit(
  indicator: string | Indicator,
  value: number,
  unit: string,
  unitMult = 0,
  context: ConversionContext = {},
): CanonicalValue {
  const ind = typeof indicator === 'string' ? getIndicator(indicator) : indicator;
  if (!ind) throw new InputError('INDICATOR_UNKNOWN', `"${String(indicator)}" is not an indicator of the catalogue`);
  if (!hasCodeInList('CL_UNIT_MEASURE', unit))
    throw new InputError('UNIT_UNKNOWN', `"${unit}" is not a CL_UNIT_MEASURE code (indicator ${ind.code})`);
  if (!hasCodeInList('CL_UNIT_MULT', String(unitMult)))
    throw new InputError('UNIT_MULT_INVALID', `UNIT_MULT must be a CL_UNIT_MULT code (a power of ten: 0, 3, 6, …), not ${unitMult}`);
  const scaled = finite(value, 'the value') * 10 ** unitMult;
  const mult = unitMult ? `×10^${unitMult}` : '';
  const target = ind.unit;
  const done = (v: number, method: string): CanonicalValue => ({
    value: finite(v, `the converted value of ${ind.code}`),
    unit: target,
    method,
  });
  if (unit === target) return done(scaled, `${unit}${mult}`);
  if ((ind.unitHistory ?? []).some((h) => h.unit === unit)) {
    return done(scaled, `${unit}${mult} read as ${target} (unit changed by the publisher, same content)`);
  }
  const rule = loadQualityRules().unitConversions.find((c) => c.from === unit && c.to === target);
  if (!rule)
    throw new InputError('UNIT_NOT_CONVERTIBLE', `${ind.code} is stored in ${target}; a value in ${unit} cannot be converted to it`);
  switch (rule.operation) {
    case 'scale':
      return done(scaled * (rule.factor ?? 1), `${unit}${mult} × ${rule.factor ?? 1}`);
    case 'per_100_population':
      return done(
        (scaled / positive(context.population, 'UNIT_NEEDS_POPULATION', 'the population', ind.code)) * 100,
        `${unit}${mult} / POP × 100`,
      );
    case 'divide_by_exchange_rate':
      return done(
        scaled / positive(context.exchangeRate, 'UNIT_NEEDS_EXCHANGE_RATE', 'the exchange rate (LCU per USD)', ind.code),
        `${unit}${mult} / EXR`,
      );
  }
}
