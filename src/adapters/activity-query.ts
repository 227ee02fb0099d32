import type { Activity, ActivityFilter, ActivityPage } from '../contract/types.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 200;

/**
 * Text as search compares it: one form for each accented letter (NFC: a typed or pasted "é" may be
 * one character or "e" and a combining mark), lowered without the browser's language (a Turkish
 * browser lowers "I" to "ı", and "invoices" would not find "Invoices").
 */
const searchable = (text: string) => text.normalize('NFC').toLowerCase();

function matchesQuery(activity: Activity, query: string): boolean {
  const needle = searchable(query);
  return [activity.resourceType, activity.action, activity.actor?.name, activity.resourceName].some(
    (field) => field !== undefined && searchable(field).includes(needle),
  );
}

const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/**
 * A `from`/`to` bound as the REST API reads it: an instant (RFC 3339) means
 * itself; a bare date (`YYYY-MM-DD`) means that whole UTC day, so `from`
 * starts at its 00:00Z and `to` includes it through its last millisecond. The
 * activity log sends instants (calendar days in the viewer's zone, see
 * `elements/activity-log/date-range.ts`); other callers may send dates.
 */
function bound(value: string, end: 'from' | 'to'): number {
  if (!BARE_DATE.test(value)) return Date.parse(value);
  const start = Date.parse(`${value}T00:00:00Z`);
  return end === 'from' ? start : start + DAY_MS - 1;
}

/** Whether an activity passes a filter's resource type, action, text and date range (both ends included). */
export function matchesActivityFilter(activity: Activity, filter: ActivityFilter): boolean {
  if (filter.resourceType && activity.resourceType !== filter.resourceType) return false;
  if (filter.action && activity.action !== filter.action) return false;
  if (filter.query && !matchesQuery(activity, filter.query.trim())) return false;
  const at = Date.parse(activity.occurredAt);
  if (filter.from && at < bound(filter.from, 'from')) return false;
  if (filter.to && at > bound(filter.to, 'to')) return false;
  return true;
}

/** How long a backend keeps activity entries (`OrgDataset.activityRetention`). */
export interface ActivityRetention {
  /** Entries older than this many days are gone; every page says so as its `retentionDays`. */
  days: number;
  /**
   * The instant (RFC 3339) the days count back from: the backend's "now". Without it, the time of
   * each request. The fixtures set the `now` they were made for, so a dataset made for a fixed
   * moment serves the same pages whenever it is asked.
   */
  asOf?: string;
}

/**
 * How many entries a page holds: `limit` as a whole number from 1 to 200, 20 when absent. A limit that
 * is no number at all (a host's computed `NaN`) names no size either: 20, not a page that never ends
 * nor one that holds nothing and points at itself.
 */
function pageSize(limit: number | null | undefined): number {
  const asked = Math.floor(Number(limit ?? DEFAULT_PAGE_SIZE));
  return Number.isNaN(asked) ? DEFAULT_PAGE_SIZE : Math.min(Math.max(1, asked), MAX_PAGE_SIZE);
}

/** The first instant (ms) a backend with this retention still keeps. */
function keptSince({ days, asOf }: ActivityRetention): number {
  return (asOf === undefined ? Date.now() : Date.parse(asOf)) - days * DAY_MS;
}

/**
 * One page of a newest-first activity list, the way the REST API pages it:
 * the cursor is the offset into the filtered list, opaque to callers. With a
 * `retention`, entries older than it are gone, as on a backend that deletes
 * them (whatever `from` asks for), and the page carries its `retentionDays`.
 *
 * The list is read only as far as the page needs: up to its last entry and
 * one match beyond (whether there is a next page), not filtered whole. A log
 * of a million entries scrolled to its 600th costs some 600 checks per page,
 * not a million (`npm run bench`, the log at 1,000,000 entries).
 */
export function queryActivities(
  activities: readonly Activity[],
  filter: ActivityFilter = {},
  retention?: ActivityRetention,
): ActivityPage {
  const limit = pageSize(filter.limit);
  const offset = filter.cursor ? Math.max(0, Number.parseInt(filter.cursor, 10) || 0) : 0;
  const since = retention ? keptSince(retention) : -Infinity;
  const items: Activity[] = [];
  let matched = 0;
  let more = false;
  for (const activity of activities) {
    // An entry whose time cannot be read is served, not dropped: validation must see it and say so.
    if (Date.parse(activity.occurredAt) < since || !matchesActivityFilter(activity, filter)) continue;
    if (matched >= offset + limit) {
      more = true;
      break;
    }
    if (matched >= offset) items.push(activity);
    matched += 1;
  }
  const page: ActivityPage = { items, nextCursor: more ? String(offset + items.length) : null };
  if (retention) page.retentionDays = retention.days;
  return page;
}
