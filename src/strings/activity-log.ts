import { activityLiveNew } from './activity-feed.js';
import { activityNameStrings } from './activity-names.js';
import type { PluralMessage } from './plural-message.js';

/** Texts of `<activity-log>`. Keys start with `activityLog` so they never clash across cards. */
export const activityLogStrings = {
  activityLogTitle: 'Activity log',
  /** The accessible name of the filter bar. */
  activityLogFilters: 'Filter activity',
  activityLogResourceType: 'Resource type',
  activityLogAction: 'Action',
  /** The "no filter" choice of the resource type and action menus. */
  activityLogAll: 'All',
  activityLogFrom: 'From',
  activityLogTo: 'To',
  activityLogSearch: 'Search',
  activityLogSearchPlaceholder: 'Name, actor, type…',
  activityLogClearFilters: 'Clear filters',
  /** Below the filters when the server says how long it keeps entries. `{count}`: days. A plural message. */
  activityLogRetention: {
    one: 'Entries are kept for {count} day.',
    other: 'Entries are kept for {count} days.',
  } as PluralMessage,
  /** Added to the retention note when the date range starts earlier. `{date}`: the first day still kept. */
  activityLogRetentionBefore: 'Entries before {date} are no longer kept.',
  /** The accessible name of the list of entries. */
  activityLogList: 'Activity entries',
  /** `{resourceType}`, `{action}`: their names ("Workspaces", "Create"; activity-names.ts). */
  activityLogSummary: '{resourceType} · {action}',
  /** As `activityLogSummary`, for entries that name the resource (`{resourceName}`). */
  activityLogSummaryWithName: '{resourceType} · {action} — {resourceName}',
  /** `{actor}`: who did it. */
  activityLogBy: 'by {actor}',
  activityLogEmpty: 'No activity yet',
  activityLogNoMatches: 'No activity matches these filters',
  activityLogLoadingMore: 'Loading more…',
  /**
   * Below the list (or in its place) when the server sent several pages in a row with nothing new
   * to show but says it has more: the log stopped asking, and the Load more button reads on.
   */
  activityLogPausedAfterEmptyPages: 'No new entries found in the last pages. More may follow.',
  /** The button that reads on after `activityLogPausedAfterEmptyPages`. */
  activityLogLoadMore: 'Load more',
  /** Announced after filtering when every match is loaded. `{count}`: how many. */
  activityLogResults: 'Matching entries: {count}',
  /** Announced after filtering when more matches load on scrolling. `{count}`: how many so far. */
  activityLogResultsMore: 'Matching entries: more than {count}',
  /** The button that shows live entries held back while the reader was scrolled down. */
  activityLogNewEntries: 'New entries: {count}. Show',
  activityLogExport: 'Export CSV',
  /** `{count}`: entries written so far. */
  activityLogExporting: 'Exported so far: {count}',
  activityLogExportCancel: 'Cancel export',
  /** `{count}`: entries in the file. A plural message: one text per CLDR plural category. */
  activityLogExportDone: {
    one: 'Export complete: {count} entry',
    other: 'Export complete: {count} entries',
  } as PluralMessage,
  activityLogExportCancelled: 'Export cancelled',
  /** Shown beside the Export button when an export failed (network, server...). */
  activityLogExportFailed: 'Export failed. Try again.',
  /** Shown beside the Export button when the server's pages could not be read (or repeated themselves). */
  activityLogExportInvalid: 'Export stopped: the server sent data the log can’t read.',
  /** The CSV file's column headings, in order: time, resource type, action, resource name, actor. */
  activityLogCsvHeader: 'Time,Resource type,Action,Resource name,Actor',
  // Live entries, said as the feed says them.
  activityLiveNew,
  // The resource types' and actions' names in rows and menus, the feed's. The CSV keeps the API's.
  ...activityNameStrings,
};

export type ActivityLogStrings = typeof activityLogStrings;
