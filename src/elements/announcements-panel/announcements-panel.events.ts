export interface AnnouncementDismissDetail {
  orgId: string;
  announcementId: string;
}

/**
 * The viewer dismissed an announcement (fired before it is hidden and
 * remembered). Cancelable: `preventDefault()` keeps it shown and remembers
 * nothing, e.g. for a host that stores dismissals on its server first.
 */
export class AnnouncementDismissEvent extends CustomEvent<AnnouncementDismissDetail> {
  static readonly eventName = 'od-announcement-dismiss';
  constructor(detail: AnnouncementDismissDetail) {
    super(AnnouncementDismissEvent.eventName, { detail, bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'od-announcement-dismiss': AnnouncementDismissEvent;
  }
}
