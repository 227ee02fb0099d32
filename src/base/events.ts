/**
 * The events every card may fire, and the one base of every typed event of
 * the package. Element-specific events live with their element; all are
 * registered in `HTMLElementEventMap`.
 */
import type { DashboardError } from '../contract/errors.js';
import type { ResourceKey } from '../store/resources.js';

/**
 * A typed event of this package: a `CustomEvent` that bubbles and crosses
 * shadow roots (composed), as DESIGN.md's events all do. A subclass names
 * its event in `static eventName` (the key of its `HTMLElementEventMap`
 * entry); the constructor takes only the detail.
 */
export abstract class DashboardEvent<Detail> extends CustomEvent<Detail> {
  declare static readonly eventName: string;
  /** Whether listeners may cancel it (`event.cancelable`). */
  static readonly cancelable: boolean = false;

  constructor(detail: Detail) {
    const { eventName, cancelable } = new.target as unknown as typeof DashboardEvent;
    super(eventName, { detail, bubbles: true, composed: true, cancelable });
  }
}

/** A `DashboardEvent` whose `preventDefault()` stops what the element was about to do. */
export abstract class CancelableDashboardEvent<Detail> extends DashboardEvent<Detail> {
  static override readonly cancelable = true;
}

export interface DashboardErrorDetail {
  error: DashboardError;
  /** Which data failed: `organization`, `billing`, ... */
  resource: ResourceKey;
  orgId: string;
}

/** A card's data failed to load or refresh (never fired for data the host set itself). */
export class DashboardErrorEvent extends DashboardEvent<DashboardErrorDetail> {
  static override readonly eventName = 'od-error';
}

declare global {
  interface HTMLElementEventMap {
    'od-error': DashboardErrorEvent;
  }
}
