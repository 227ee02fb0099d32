import { CancelableDashboardEvent, DashboardEvent } from '../../base/events.js';

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

export interface AnnouncementsReadDetail {
  orgId: string;
  /** The viewer's new read mark, an ISO 8601 instant (UTC): everything published up to it is read. */
  readAt: string;
}

/**
 * The viewer marked all announcements as read (fired after the mark is set
 * and remembered; not cancelable), e.g. for a host that keeps read state on
 * its server too.
 */
export class AnnouncementsReadEvent extends DashboardEvent<AnnouncementsReadDetail> {
  static override readonly eventName = 'od-announcements-read';
}

declare global {
  interface HTMLElementEventMap {
    'od-announcement-dismiss': AnnouncementDismissEvent;
    'od-announcements-read': AnnouncementsReadEvent;
  }
}
