import { describe, expect, it } from 'vitest';
import {
  checkCoverageOrder,
  checkQuintileConsistency,
  checkIndicatorRange,
  checkSexConsistency,
  checkUrbanRuralConsistency,
} from '../../src/guidelines/index.js';

describe('quality checks', () => {
  it('reject values outside the indicator range and non-finite values', () => {
    expect(checkIndicatorRange('HH7', 55)).toBeNull();
    expect(checkIndicatorRange('HH7', 100)).toBeNull();
    expect(checkIndicatorRange('HH7', 100.5)).toMatchObject({ rule: 'QR_RANGE', severity: 'reject' });
    expect(checkIndicatorRange('HH7', -1)?.message).toBe('HH7: -1 PERCENT is outside the valid range 0 to 100');
    expect(checkIndicatorRange('POP', 1e10)).toBeNull(); // no upper bound
    expect(checkIndicatorRange('HH7', Number.NaN)).toMatchObject({ rule: 'QR_FINITE' });
    expect(() => checkIndicatorRange('HH99', 1)).toThrowError(expect.objectContaining({ code: 'INDICATOR_UNKNOWN' }));
  });

  it('accept an urban/rural pair whose population-weighted mean is the total, and flag one that is not', () => {
    // 30 million urban at 80 %, 70 million rural at 40 %: (30·80 + 70·40) / 100 = 52 %
    expect(checkUrbanRuralConsistency(52, 80, 40, 30e6, 70e6)).toBeNull();
    expect(checkUrbanRuralConsistency(53, 80, 40, 30e6, 70e6)).toBeNull(); // within 1.5 points
    const f = checkUrbanRuralConsistency(60, 80, 40, 30e6, 70e6)!;
    expect(f).toMatchObject({ rule: 'QR_BREAKDOWN_URBANISATION', severity: 'warn' });
    expect(f.message).toContain('weighted mean 52');
    expect(() => checkUrbanRuralConsistency(52, 80, 40, 0, 0)).toThrowError(expect.objectContaining({ code: 'QUALITY_WEIGHTS_INVALID' }));
  });

  it('check sex and quintile totals', () => {
    expect(checkSexConsistency(50, 48, 52)).toBeNull();
    expect(checkSexConsistency(55, 48, 52)).toMatchObject({ rule: 'QR_BREAKDOWN_SEX' });
    expect(checkQuintileConsistency(50, [20, 35, 50, 65, 80])).toBeNull();
    expect(checkQuintileConsistency(60, [20, 35, 50, 65, 80])).toMatchObject({ rule: 'QR_BREAKDOWN_QUINTILE' });
    expect(() => checkQuintileConsistency(50, [1, 2])).toThrowError(expect.objectContaining({ code: 'QUALITY_QUINTILES' }));
  });

  it('require 4G coverage ≤ 3G ≤ any mobile network', () => {
    expect(checkCoverageOrder({ i271pop: 99, i271G: 95, i271GA: 90 })).toBeNull();
    expect(checkCoverageOrder({ i271G: 95 })).toBeNull();
    expect(checkCoverageOrder({ i271pop: 99, i271G: 95, i271GA: 97 })).toMatchObject({ rule: 'QR_COVERAGE_ORDER' });
    expect(checkCoverageOrder({ i271pop: 90, i271GA: 97 })?.message).toContain('i271GA 97 exceeds i271pop 90');
  });
});
