export interface CopyOrgIdDetail {
  orgId: string;
}

/** The organization ID was copied to the clipboard (fired after the copy; not cancelable). */
export class CopyOrgIdEvent extends CustomEvent<CopyOrgIdDetail> {
  static readonly eventName = 'od-copy-org-id';
  constructor(detail: CopyOrgIdDetail) {
    super(CopyOrgIdEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'od-copy-org-id': CopyOrgIdEvent;
  }
}
