import { UsageError } from '../../errors.js';
import type { SourcedValue } from './baseline.js';

/** The investment a fixed-broadband target calls for. */
export interface BroadbandInvestment {
  /** Subscriptions added (count). */
  addedSubscriptions: number;
  /** Investment, in the unit of the cost per subscription × count (e.g. US$ million when cost is in US$ million). */
  investment: number;
  statement: string;
}

/**
 * Translates "fixed-broadband subscriptions per 100 inhabitants (i4213tfbb) reach Y" into the
 * number of subscriptions to add and the investment they need:
 *   added = (Y − Y₀)/100 · population;  investment = added · cost per subscription.
 * The cost per subscription is an outside figure with its source (recorded in the statement).
 */
export function broadbandInvestment(args: {
  baselinePer100: number;
  targetPer100: number;
  population: number;
  costPerSubscription: SourcedValue;
  /** Currency of the cost per subscription, printed beside it (default `US$`). */
  currency?: string;
}): BroadbandInvestment {
  const { baselinePer100: y0, targetPer100: y, population, costPerSubscription } = args;
  const currency = args.currency ?? 'US$';
  if (!(y >= y0)) {
    throw new UsageError('TARGET_BELOW_BASELINE', `the broadband target ${y} per 100 is below the baseline ${y0} per 100`);
  }
  if (!(population > 0) || !(costPerSubscription.value >= 0)) {
    throw new UsageError('BAD_BROADBAND_INPUT', 'population must be positive and the cost per subscription non-negative');
  }
  const addedSubscriptions = ((y - y0) / 100) * population;
  return {
    addedSubscriptions,
    investment: addedSubscriptions * costPerSubscription.value,
    statement:
      `fixed-broadband subscriptions (i4213tfbb) from ${y0} to ${y} per 100 inhabitants: ${Math.round(addedSubscriptions)} added ` +
      `at ${currency} ${costPerSubscription.value} each (${costPerSubscription.source})`,
  };
}
