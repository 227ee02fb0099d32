/** Events of `<activity-log>`, registered in `HTMLElementEventMap`. */
import type { ActivityFilter } from '../../contract/types.js';

/**
 * The filters of an activity log: the list filter without its paging fields. Dates are the
 * viewer's calendar days, `YYYY-MM-DD`, both included.
 */
export type ActivityLogFilter = Pick<ActivityFilter, 'resourceType' | 'action' | 'from' | 'to' | 'query'>;

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
