import { InputError } from '../errors.js';
import { getIndicator } from './catalogue.js';
import type { Indicator } from './generated/catalogue.js';
import { getQualityRule } from './quality.js';

/** A failed quality check: the rule id (the reason code in rejects and warnings) and a message. */
export interface QualityFinding {
  /** Rule id, e.g. `QR_RANGE`. */
  rule: string;
  /** reject or warn, from the rule. */
  severity: 'reject' | 'warn';
  /** What is wrong, with the numbers. */
  message: string;
}

function rule(id: string): { severity: 'reject' | 'warn'; tolerance: number } {
  const r = getQualityRule(id);
  if (!r) throw new InputError('QUALITY_RULE_UNKNOWN', `no quality rule ${id} in guidelines/quality/rules.json`);
  return { severity: r.severity, tolerance: r.tolerance ?? 0 };
}

function indicatorOf(indicator: string | Indicator): Indicator {
  const ind = typeof indicator === 'string' ? getIndicator(indicator) : indicator;
  if (!ind) throw new InputError('INDICATOR_UNKNOWN', `"${String(indicator)}" is not an indicator of the catalogue`);
  return ind;
}

/**
 * QR_FINITE and QR_RANGE: the value (already in the canonical unit) is finite and inside the
 * indicator's valid range. Returns `null` when it passes.
 */
export function checkIndicatorRange(indicator: string | Indicator, value: number): QualityFinding | null {
  const ind = indicatorOf(indicator);
  if (!Number.isFinite(value))
    return { rule: 'QR_FINITE', severity: rule('QR_FINITE').severity, message: `${ind.code}: ${value} is not a finite number` };
  const { min, max } = ind.range;
  if (value < min || (max !== null && value > max)) {
    return {
      rule: 'QR_RANGE',
      severity: rule('QR_RANGE').severity,
      message: `${ind.code}: ${value} ${ind.unit} is outside the valid range ${min} to ${max === null ? 'no upper bound' : max}`,
    };
  }
  return null;
}

/**
 * QR_BREAKDOWN_URBANISATION: the total equals the mean of the urban and rural values weighted by
 * urban and rural population (POP_URB, POP_RUR of the same area and year), within the rule's
 * tolerance. Returns `null` when consistent.
 * @param total value for URBANISATION=_T
 * @param urban value for U
 * @param rural value for R
 * @param urbanWeight weight of U (urban population, or urban households)
 * @param ruralWeight weight of R
 */
export function checkUrbanRuralConsistency(
  total: number,
  urban: number,
  rural: number,
  urbanWeight: number,
  ruralWeight: number,
): QualityFinding | null {
  const { severity, tolerance } = rule('QR_BREAKDOWN_URBANISATION');
  if (!(urbanWeight >= 0 && ruralWeight >= 0 && urbanWeight + ruralWeight > 0)) {
    throw new InputError(
      'QUALITY_WEIGHTS_INVALID',
      `urban and rural weights must be non-negative with a positive sum, not ${urbanWeight} and ${ruralWeight}`,
    );
  }
  const expected = (urbanWeight * urban + ruralWeight * rural) / (urbanWeight + ruralWeight);
  const gap = Math.abs(total - expected);
  if (gap <= tolerance + 1e-9) return null;
  return {
    rule: 'QR_BREAKDOWN_URBANISATION',
    severity,
    message: `total ${total} differs by ${Number(gap.toPrecision(4))} from the population-weighted mean ${Number(expected.toPrecision(6))} of urban ${urban} and rural ${rural} (tolerance ${tolerance})`,
  };
}

/** QR_BREAKDOWN_SEX: the total lies between the female and male values, within the tolerance. */
export function checkSexConsistency(total: number, female: number, male: number): QualityFinding | null {
  const { severity, tolerance } = rule('QR_BREAKDOWN_SEX');
  const lo = Math.min(female, male) - tolerance;
  const hi = Math.max(female, male) + tolerance;
  if (total >= lo - 1e-9 && total <= hi + 1e-9) return null;
  return {
    rule: 'QR_BREAKDOWN_SEX',
    severity,
    message: `total ${total} is not between female ${female} and male ${male} (tolerance ${tolerance})`,
  };
}

/** QR_BREAKDOWN_QUINTILE: the total equals the simple mean of the five quintiles, within the tolerance. */
export function checkQuintileConsistency(total: number, quintiles: readonly number[]): QualityFinding | null {
  const { severity, tolerance } = rule('QR_BREAKDOWN_QUINTILE');
  if (quintiles.length !== 5) throw new InputError('QUALITY_QUINTILES', `five quintile values are needed, not ${quintiles.length}`);
  const mean = quintiles.reduce((a, b) => a + b, 0) / 5;
  const gap = Math.abs(total - mean);
  if (gap <= tolerance + 1e-9) return null;
  return {
    rule: 'QR_BREAKDOWN_QUINTILE',
    severity,
    message: `total ${total} differs by ${Number(gap.toPrecision(4))} from the mean ${mean} of the quintiles (tolerance ${tolerance})`,
  };
}

/** QR_COVERAGE_ORDER: i271GA ≤ i271G ≤ i271pop (absent values are skipped). */
export function checkCoverageOrder(values: { i271pop?: number; i271G?: number; i271GA?: number }): QualityFinding | null {
  const { severity, tolerance } = rule('QR_COVERAGE_ORDER');
  const pairs: [string, number | undefined, string, number | undefined][] = [
    ['i271GA', values.i271GA, 'i271G', values.i271G],
    ['i271G', values.i271G, 'i271pop', values.i271pop],
    ['i271GA', values.i271GA, 'i271pop', values.i271pop],
  ];
  for (const [a, x, b, y] of pairs) {
    if (x !== undefined && y !== undefined && x > y + tolerance + 1e-9) {
      return {
        rule: 'QR_COVERAGE_ORDER',
        severity,
        message: `${a} ${x} exceeds ${b} ${y}: coverage by a newer network cannot exceed coverage by an older one`,
      };
    }
  }
  return null;
}
