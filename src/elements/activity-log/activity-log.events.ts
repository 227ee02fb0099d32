/** Events of `<activity-log>`, registered in `HTMLElementEventMap`. */
import type { ActivityFilter } from '../../contract/types.js';
import { CancelableDashboardEvent, DashboardEvent } from '../../base/events.js';

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
export class ActivityLogFilterChangeEvent extends DashboardEvent<ActivityLogFilterChangeDetail> {
  static override readonly eventName = 'od-activity-log-filter-change';
}

/** What to export: the org and the filters in effect, as a filter change names them. */
export type ExportCsvDetail = ActivityLogFilterChangeDetail;

/**
 * The viewer asked for a CSV export of the filtered entries. Cancelable: a
 * host that exports on its server calls `preventDefault()` and the element
 * does nothing more.
 */
export class ExportCsvEvent extends CancelableDashboardEvent<ExportCsvDetail> {
  static override readonly eventName = 'od-export-csv';
}

declare global {
  interface HTMLElementEventMap {
    'od-activity-log-filter-change': ActivityLogFilterChangeEvent;
    'od-export-csv': ExportCsvEvent;
  }
}
