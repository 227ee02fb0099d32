/**
 * Quick actions (DESIGN.md, "Quick actions and events"): each is a real link
 * when the host configures a URL for it, and always dispatches a cancelable,
 * bubbling, composed `od-*` event first, so a host router can
 * `preventDefault()` and route itself.
 */
import type { LinkKey } from '../contract/links.js';

export type ActionEventName =
  'od-manage-subscription' | 'od-add-credits' | 'od-view-invoices' | 'od-show-more-activities';

export interface ActionDetail {
  orgId: string;
  /** The resolved URL, when a template is configured for the action. */
  href?: string;
}

/** One class for the four quick-action events; `type` tells them apart. */
export class DashboardActionEvent extends CustomEvent<ActionDetail> {
  constructor(type: ActionEventName, detail: ActionDetail) {
    super(type, { detail, bubbles: true, composed: true, cancelable: true });
  }
}

/** Which link template each action uses. */
export const ACTION_LINK: Record<ActionEventName, LinkKey> = {
  'od-manage-subscription': 'manageSubscription',
  'od-add-credits': 'addCredits',
  'od-view-invoices': 'invoices',
  'od-show-more-activities': 'activityLog',
};

declare global {
  interface HTMLElementEventMap {
    'od-manage-subscription': DashboardActionEvent;
    'od-add-credits': DashboardActionEvent;
    'od-view-invoices': DashboardActionEvent;
    'od-show-more-activities': DashboardActionEvent;
  }
}
