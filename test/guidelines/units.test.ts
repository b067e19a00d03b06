import { describe, expect, it } from 'vitest';
import { toCanonicalUnit } from '../../src/guidelines/index.js';

describe('toCanonicalUnit', () => {
  it('applies UNIT_MULT and keeps the canonical unit', () => {
    expect(toCanonicalUnit('POP', 5.5, 'PERSONS', 6)).toEqual({ value: 5_500_000, unit: 'PERSONS', method: 'PERSONS×10^6' });
    expect(toCanonicalUnit('HH7', 43.2, 'PERCENT')).toMatchObject({ value: 43.2, unit: 'PERCENT' });
  });

  it('turns subscription counts into subscriptions per 100 inhabitants with the population', () => {
    // 123 456 thousand subscriptions for 97.3 million people: 123 456 000 / 97 300 000 × 100
    const r = toCanonicalUnit('i271', 123_456, 'NUMBER', 3, { population: 97_300_000 });
    expect(r.unit).toBe('PER_100_POP');
    expect(r.value).toBeCloseTo((123_456_000 / 97_300_000) * 100, 10);
    expect(r.method).toBe('NUMBER×10^3 / POP × 100');
    expect(() => toCanonicalUnit('i271', 1, 'NUMBER')).toThrowError(expect.objectContaining({ code: 'UNIT_NEEDS_POPULATION' }));
    expect(() => toCanonicalUnit('i271', 1, 'NUMBER', 0, { population: 0 })).toThrowError(
      expect.objectContaining({ code: 'UNIT_NEEDS_POPULATION' }),
    );
  });

  it('reads SDG 17.8.1 values published per 100 inhabitants as percent (unit history), and shares as percent', () => {
    expect(toCanonicalUnit('HH7', 61.2, 'PER_100_POP')).toMatchObject({ value: 61.2, unit: 'PERCENT' });
    expect(toCanonicalUnit('HH7', 0.612, 'SHARE').value).toBeCloseTo(61.2, 12);
  });

  it('converts local currency to US dollars with the exchange rate', () => {
    // 20 000 billion rupiah at 14 000 rupiah per dollar = 1.428… billion dollars
    expect(toCanonicalUnit('GDP_CUR', 20_000, 'LCU', 9, { exchangeRate: 14_000 }).value).toBeCloseTo(20_000e9 / 14_000, 3);
    expect(() => toCanonicalUnit('GDP_CUR', 1, 'LCU')).toThrowError(expect.objectContaining({ code: 'UNIT_NEEDS_EXCHANGE_RATE' }));
  });

  it('refuses what cannot be converted, unknown units and non-finite numbers', () => {
    expect(() => toCanonicalUnit('i271pop', 98, 'PER_100_POP')).toThrowError(expect.objectContaining({ code: 'UNIT_NOT_CONVERTIBLE' }));
    expect(() => toCanonicalUnit('HH7', 40, 'PERCENTAGE')).toThrowError(expect.objectContaining({ code: 'UNIT_UNKNOWN' }));
    expect(() => toCanonicalUnit('HH99', 40, 'PERCENT')).toThrowError(expect.objectContaining({ code: 'INDICATOR_UNKNOWN' }));
    expect(() => toCanonicalUnit('HH7', Number.NaN, 'PERCENT')).toThrowError(
      expect.objectContaining({ code: 'UNIT_CONVERSION_NOT_FINITE' }),
    );
    expect(() => toCanonicalUnit('HH7', 40, 'PERCENT', 0.5)).toThrowError(expect.objectContaining({ code: 'UNIT_MULT_INVALID' }));
  });
});
