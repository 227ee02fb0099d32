/** Events of `<activity-log>`, registered in `HTMLElementEventMap`. */

/** The filters of an activity log; absent fields do not filter. Dates are `YYYY-MM-DD`. */
export interface ActivityLogFilter {
  resourceType?: string;
  action?: string;
  /** First day included. */
  from?: string;
  /** Last day included. */
  to?: string;
  /** Free text matched against resource type, action, resource name and actor. */
  query?: string;
}

export interface ActivityLogFilterChangeDetail {
  orgId: string;
  filter: ActivityLogFilter;
}

/**
 * The viewer changed the filters (never fired when the host sets the
 * attributes): a host keeps them in its URL from here.
 */
export class ActivityLogFilterChangeEvent extends CustomEvent<ActivityLogFilterChangeDetail> {
  static readonly eventName = 'od-activity-log-filter-change';
  constructor(detail: ActivityLogFilterChangeDetail) {
    super(ActivityLogFilterChangeEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

export interface ExportCsvDetail {
  orgId: string;
  filter: ActivityLogFilter;
}

/**
 * The viewer asked for a CSV export of the filtered entries. Cancelable: a
 * host that exports on its server calls `preventDefault()` and the element
 * does nothing more.
 */
export class ExportCsvEvent extends CustomEvent<ExportCsvDetail> {
  static readonly eventName = 'od-export-csv';
  constructor(detail: ExportCsvDetail) {
    super(ExportCsvEvent.eventName, { detail, bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'od-activity-log-filter-change': ActivityLogFilterChangeEvent;
    'od-export-csv': ExportCsvEvent;
  }
}
