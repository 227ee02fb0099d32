/**
 * The events every card may fire. Element-specific events live with their
 * element; all are registered in `HTMLElementEventMap`.
 */
import type { DashboardError } from '../contract/errors.js';
import type { ResourceKey } from '../store/resources.js';

export interface DashboardErrorDetail {
  error: DashboardError;
  /** Which data failed: `organization`, `billing`, ... */
  resource: ResourceKey;
  orgId: string;
}

/** A card's data failed to load or refresh (never fired for data the host set itself). */
export class DashboardErrorEvent extends CustomEvent<DashboardErrorDetail> {
  static readonly eventName = 'od-error';
  constructor(detail: DashboardErrorDetail) {
    super(DashboardErrorEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'od-error': DashboardErrorEvent;
  }
}
