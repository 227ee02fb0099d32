import { CancelableDashboardEvent } from '../../base/events.js';

export interface AnnouncementDismissDetail {
  orgId: string;
  announcementId: string;
}

/**
 * The viewer dismissed an announcement (fired before it is hidden and
 * remembered). Cancelable: `preventDefault()` keeps it shown and remembers
 * nothing, e.g. for a host that stores dismissals on its server first.
 */
export class AnnouncementDismissEvent extends CancelableDashboardEvent<AnnouncementDismissDetail> {
  static override readonly eventName = 'od-announcement-dismiss';
}

declare global {
  interface HTMLElementEventMap {
    'od-announcement-dismiss': AnnouncementDismissEvent;
  }
}
