import type { Money } from '../../contract/types.js';
import { DashboardEvent } from '../../base/events.js';

export interface CreditsLowDetail {
  orgId: string;
  /** The balance that reached the threshold. */
  availableCredits: Money;
  /** The plan's `lowCreditThreshold`. */
  threshold: Money;
}

/**
 * The credit balance fell to or below the plan's low-credit threshold.
 *
 * Fired once per crossing of data that came from the store (first load or a
 * live update), not again until the balance has gone back above the
 * threshold; never for controlled `data` the host set itself. Not cancelable:
 * it reports a change that already happened.
 */
export class CreditsLowEvent extends DashboardEvent<CreditsLowDetail> {
  static override readonly eventName = 'od-credits-low';
}

declare global {
  interface HTMLElementEventMap {
    'od-credits-low': CreditsLowEvent;
  }
}
