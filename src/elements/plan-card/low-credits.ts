import { givenNumber } from '../../base/number-attribute.js';
import type { Money, PlanSummary } from '../../contract/types.js';
import { DEFAULT_LOW_RUNWAY_DAYS } from './runway.js';

/**
 * The threshold a plan's balance is at or below, or undefined when it is not
 * low. Amounts in different currencies are not comparable, so a threshold in
 * another currency never warns.
 */
export function lowCreditThreshold(plan: PlanSummary): Money | undefined {
  const threshold = plan.lowCreditThreshold;
  const credits = plan.availableCredits;
  if (!threshold || threshold.currency !== credits.currency) return undefined;
  return credits.amountMinor <= threshold.amountMinor ? threshold : undefined;
}

/** `low-runway-days` as given, or the default when it is not a number at or above zero (or not set). */
export function runwayLimit(value: number | null | undefined): number {
  const days = givenNumber(value);
  return Number.isFinite(days) && days >= 0 ? days : DEFAULT_LOW_RUNWAY_DAYS;
}

/** Why the credits are low, if they are: the threshold the balance reached, and whether the runway is short. */
export interface LowCredits {
  threshold?: Money;
  shortRunway: boolean;
}

/** Both rules of the warning: the balance at or below the threshold, the runway (days, or null) at or below the limit. */
export function lowCredits(plan: PlanSummary, runway: number | null, limit: number): LowCredits {
  return { threshold: lowCreditThreshold(plan), shortRunway: runway !== null && runway <= limit };
}
