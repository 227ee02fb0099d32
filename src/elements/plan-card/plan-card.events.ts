import type { Money } from '../../contract/types.js';
import { DashboardEvent } from '../../base/events.js';

export interface CreditsLowDetail {
  orgId: string;
  /** The balance when the credits became low. */
  availableCredits: Money;
  /** The plan's `lowCreditThreshold` when the balance is at or below it; null when only the runway is short. */
  threshold: Money | null;
  /**
   * The runway in days at the recent rate, unrounded (available credits ÷ the mean daily usage of the
   * newest 7 `usage` entries); null without usage or when nothing is being used.
   */
  runwayDays: number | null;
}

/**
 * The credits became low: the balance fell to or below the plan's low-credit
 * threshold, or the runway to the card's `low-runway-days`, or both.
 *
 * Fired once per crossing of data that came from the store (first load or a
 * live update), not again until the credits are no longer low by either rule;
 * never for controlled `data` the host set itself, nor when the host changes
 * `low-runway-days`. Not cancelable: it reports a change that already happened.
 */
export class CreditsLowEvent extends DashboardEvent<CreditsLowDetail> {
  static override readonly eventName = 'od-credits-low';
}

export interface CreditsPurchasedDetail {
  /** The org the credits were bought for (the card may show another by now). */
  orgId: string;
  /** The amount bought, in the credits' currency. */
  amount: Money;
  /**
   * `completed`: the credits are in the balance; `pending`: the platform took the purchase and the
   * credits arrive with the next `plan` event or refresh.
   */
  status: 'completed' | 'pending';
  /** The balance the adapter confirmed (`completed`); null while `pending`. */
  availableCredits: Money | null;
  /** The attempt's idempotency key: the same for every try, so a host can match its own records. */
  idempotencyKey: string;
}

/**
 * Credits were bought in the card's dialog: the adapter confirmed the purchase (completed or
 * pending). Once per attempt, however many tries (Retry) it took, and also when the viewer closed
 * the dialog or the card moved to another org meanwhile. Not for a redirect to a checkout page
 * (nothing is bought yet) nor for a failure. Not cancelable: the money has moved.
 */
export class CreditsPurchasedEvent extends DashboardEvent<CreditsPurchasedDetail> {
  static override readonly eventName = 'od-credits-purchased';
}

export interface LowCreditThresholdChangeDetail {
  orgId: string;
  /** The threshold the adapter confirmed; null: the alert is off. */
  threshold: Money | null;
}

/**
 * The viewer set or cleared the low-credit alert in the card and the adapter confirmed it. Not
 * cancelable, and never for the host's own data or a live update.
 */
export class LowCreditThresholdChangeEvent extends DashboardEvent<LowCreditThresholdChangeDetail> {
  static override readonly eventName = 'od-low-credit-threshold-change';
}

declare global {
  interface HTMLElementEventMap {
    'od-credits-low': CreditsLowEvent;
    'od-credits-purchased': CreditsPurchasedEvent;
    'od-low-credit-threshold-change': LowCreditThresholdChangeEvent;
  }
}
