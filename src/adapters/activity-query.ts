import { instantMillis, isRealDay } from '../contract/instant.js';
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

const BARE_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** The first millisecond of a bare date's UTC day, when it is a day that exists. */
function dayStart(value: string): number | undefined {
  const match = BARE_DATE.exec(value);
  if (!match || !isRealDay(+match[1], +match[2], +match[3])) return undefined;
  return Date.parse(`${value}T00:00:00Z`);
}

/**
 * A `from`/`to` bound as the REST API reads it (openapi.yaml's `DateOrInstant`): an RFC 3339
 * instant means itself; a bare date (`YYYY-MM-DD`) means that whole UTC day, so `from` starts at
 * its 00:00Z and `to` includes it through its last millisecond. Anything else (a local time without
 * an offset, 30 February, "yesterday") is no bound: NaN, which the adapters refuse before paging
 * (`activityFilterError`) and which filters nothing where a filter is only matched. The activity
 * log sends instants (calendar days in the viewer's zone, see
 * `elements/activity-log/date-range.ts`); other callers may send dates.
 */
function bound(value: string, end: 'from' | 'to'): number {
  const start = dayStart(value);
  if (start === undefined) return instantMillis(value) ?? Number.NaN;
  return end === 'from' ? start : start + DAY_MS - 1;
}

/** A page's cursor: how many matches came before it, and the id of the last one (see `queryActivities`). */
const CURSOR = /^(\d+)(?::([\s\S]+))?$/;

/**
 * What the REST API refuses in an activities query with 400 (openapi.yaml, `listActivities`), as
 * a sentence for the error; undefined when every parameter is well formed. `limit` is a whole
 * number of at least 1 (larger than 200 is clamped, not refused), `cursor` a `nextCursor` as given,
 * `from` and `to` dates or RFC 3339 instants. The memory adapter and the mock API both ask it, so a
 * query one refuses the other refuses too.
 */
export function activityFilterError(filter: ActivityFilter): string | undefined {
  const { limit, cursor, from, to } = filter;
  if (limit !== undefined && limit !== null && !(Number.isSafeInteger(limit) && limit >= 1))
    return `Invalid limit "${String(limit)}".`;
  if (cursor && !CURSOR.test(cursor)) return `Invalid cursor "${cursor}".`;
  if (from && Number.isNaN(bound(from, 'from'))) return `Invalid from "${from}".`;
  if (to && Number.isNaN(bound(to, 'to'))) return `Invalid to "${to}".`;
  return undefined;
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

/** Where a cursor says the page starts: after `offset` matches, and after the match `anchor` if given. */
function readCursor(cursor: string | null | undefined): { offset: number; anchor?: string } {
  const match = cursor ? CURSOR.exec(cursor) : null;
  // A cursor that is none (a direct caller's; the adapters refuse it first) starts at the top.
  return match ? { offset: Number(match[1]), anchor: match[2] } : { offset: 0 };
}

/**
 * One page of a newest-first activity list, the way the REST API pages it. The cursor
 * (`<count>:<id>`, opaque to callers) names the last entry the previous page gave and how many
 * matches came up to it. The next page starts after that entry wherever it now is, so entries that
 * arrived above it since (new activity, a late event placed by its time) move nothing: no entry of
 * the next page repeats one already given, and none is skipped. Only when that entry is no longer
 * at or below its place (gone, or moved up by an update of its id) does the count say where to go
 * on. With a `retention`, entries older than it are gone, as on a backend that deletes them
 * (whatever `from` asks for), and the page carries its `retentionDays`.
 *
 * The list is read only as far as the page needs: up to its last entry and one match beyond
 * (whether there is a next page), not filtered whole. A log of a million entries scrolled to its
 * 600th costs some 600 checks per page, not a million (`npm run bench`, the log at 1,000,000
 * entries); a cursor whose entry is gone reads the list once more.
 */
export function queryActivities(
  activities: readonly Activity[],
  filter: ActivityFilter = {},
  retention?: ActivityRetention,
): ActivityPage {
  const limit = pageSize(filter.limit);
  const { offset, anchor } = readCursor(filter.cursor);
  const since = retention ? keptSince(retention) : -Infinity;
  // An entry whose time cannot be read is served, not dropped: validation must see it and say so.
  const kept = (activity: Activity) =>
    !(Date.parse(activity.occurredAt) < since) && matchesActivityFilter(activity, filter);
  /** The page after `offset` matches, or with `afterAnchor` after the anchor (undefined if it is not found). */
  const page = (afterAnchor: boolean): ActivityPage | undefined => {
    const items: Activity[] = [];
    let start = afterAnchor ? Infinity : offset;
    let matched = 0;
    let more = false;
    for (const activity of activities) {
      if (!kept(activity)) continue;
      if (matched < start) {
        // The anchor itself, at or below its place: the page begins after it.
        if (afterAnchor && matched >= offset - 1 && activity.id === anchor) start = matched + 1;
        matched += 1;
      } else if (items.length === limit) {
        more = true;
        break;
      } else {
        items.push(activity);
        matched += 1;
      }
    }
    if (start === Infinity) return undefined;
    const last = items.at(-1);
    return { items, nextCursor: more && last ? `${start + items.length}:${last.id}` : null };
  };
  const result = (anchor === undefined ? undefined : page(true)) ?? page(false)!;
  if (retention) result.retentionDays = retention.days;
  return result;
}
