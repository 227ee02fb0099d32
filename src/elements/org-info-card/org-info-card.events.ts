import { DashboardEvent } from '../../base/events.js';

export interface CopyOrgIdDetail {
  orgId: string;
}

/** The organization ID was copied to the clipboard (fired after the copy; not cancelable). */
export class CopyOrgIdEvent extends DashboardEvent<CopyOrgIdDetail> {
  static override readonly eventName = 'od-copy-org-id';
}

declare global {
  interface HTMLElementEventMap {
    'od-copy-org-id': CopyOrgIdEvent;
  }
}
