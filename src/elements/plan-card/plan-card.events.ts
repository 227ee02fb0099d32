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

declare global {
  interface HTMLElementEventMap {
    'od-credits-low': CreditsLowEvent;
  }
}
