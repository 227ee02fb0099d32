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

/**
 * A page's cursor (see `queryActivities`): how many matches came up to the end of the page, the
 * time (ms) of its last entry and that entry's id: `<count>:<ms>:<id>`. The earlier form without
 * the time, `<count>:<id>` or `<count>` alone, is still read (and is given for a last entry whose
 * time cannot be read); an id that itself begins with digits and a colon reads as the newer form.
 */
const CURSOR = /^(\d+)(?::(?:(-?\d+):(?=[\s\S]))?([\s\S]+))?$/;

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

/**
 * Where a cursor says the page starts: after the match `anchor` (with the time `at`, if given) that
 * ended the previous page, at or below its place `offset`; else (older cursors) after `offset` matches.
 */
function readCursor(cursor: string | null | undefined): { offset: number; at?: number; anchor?: string } {
  const match = cursor ? CURSOR.exec(cursor) : null;
  // A cursor that is none (a direct caller's; the adapters refuse it first) starts at the top.
  if (!match) return { offset: 0 };
  return {
    offset: Number(match[1]),
    at: match[2] === undefined ? undefined : Number(match[2]),
    anchor: match[3],
  };
}

/** The cursor of a page that ends with `last`, the `count`th match: its time too, when it has one. */
function cursorAfter(count: number, last: Activity): string {
  const at = Date.parse(last.occurredAt);
  return Number.isNaN(at) ? `${count}:${last.id}` : `${count}:${at}:${last.id}`;
}

/**
 * One page of a newest-first activity list, the way the REST API pages it. The list is kept newest
 * first, entries of the same time by id (code-unit order), as the memory adapter and the mock API
 * keep it (`applyEvent`): an entry re-sent with its id moves to the place of its new time.
 *
 * The cursor (`<count>:<ms>:<id>`, opaque to callers) names the last entry the previous page gave,
 * its time then, and how many matches came up to it. The next page starts after that entry when it
 * is still there with that time (at or below its place); otherwise (deleted, left the retention, or
 * re-sent with another time, older or newer) it starts where that entry was: at the first entry
 * after its time and id in the list's order. So in a list kept in that order, whatever arrives or
 * changes between two pages, an entry that stays in it unchanged is served exactly once: no entry of
 * the next page repeats one already given, and none is skipped (the property test
 * `activity-query-paging.test.ts` checks it). An entry that changes may be served again at its new
 * place, or not at all if it moved above the pages already given; entries that arrive above the
 * page's end come with a fresh first page. An older cursor without a time (`<count>:<id>`) is still
 * read: after its entry where that is at or below its place, else after `count` matches. With a
 * `retention`, entries older than it are gone, as on a backend that deletes them (whatever `from`
 * asks for), and the page carries its `retentionDays`.
 *
 * The list is read only as far as the page needs: up to its last entry and one match beyond
 * (whether there is a next page), not filtered whole. A log of a million entries scrolled to its
 * 600th costs some 600 checks per page, not a million (`npm run bench`, the log at 1,000,000
 * entries); a cursor whose entry is gone or has moved reads the list once more.
 */
export function queryActivities(
  activities: readonly Activity[],
  filter: ActivityFilter = {},
  retention?: ActivityRetention,
): ActivityPage {
  const limit = pageSize(filter.limit);
  const { offset, at, anchor } = readCursor(filter.cursor);
  const since = retention ? keptSince(retention) : -Infinity;
  // An entry whose time cannot be read is served, not dropped: validation must see it and say so.
  const kept = (activity: Activity) =>
    !(Date.parse(activity.occurredAt) < since) && matchesActivityFilter(activity, filter);
  /** The anchor itself, still as the cursor saw it. */
  const isAnchor = (activity: Activity) =>
    activity.id === anchor && (at === undefined || Date.parse(activity.occurredAt) === at);
  /**
   * Whether `activity` comes after the anchor's place in the list's order (older, or as old with a
   * greater id): where the page starts when the anchor is no longer there. An entry whose time
   * cannot be read says nothing about where that place is.
   */
  const pastAnchor = (activity: Activity) => {
    const time = Date.parse(activity.occurredAt);
    return time < at! || (time === at && activity.id > anchor!);
  };
  /**
   * The page that starts after the anchor (`'anchor'`, undefined if it is not found), after the
   * anchor's place in time (`'time'`), or after `offset` matches (`'count'`).
   */
  const page = (from: 'anchor' | 'time' | 'count'): ActivityPage | undefined => {
    const items: Activity[] = [];
    let start = from === 'count' ? offset : Infinity;
    let matched = 0;
    let more = false;
    for (const activity of activities) {
      if (!kept(activity)) continue;
      if (matched < start && from === 'time' && pastAnchor(activity)) start = matched;
      if (matched < start) {
        // The anchor itself, at or below its place: the page begins after it.
        if (from === 'anchor' && matched >= offset - 1 && isAnchor(activity)) start = matched + 1;
        matched += 1;
      } else if (items.length === limit) {
        more = true;
        break;
      } else {
        items.push(activity);
        matched += 1;
      }
    }
    if (from === 'anchor' && start === Infinity) return undefined;
    const last = items.at(-1);
    return { items, nextCursor: more && last ? cursorAfter(matched, last) : null };
  };
  const result =
    (anchor === undefined ? undefined : page('anchor')) ?? page(at === undefined ? 'count' : 'time')!;
  if (retention) result.retentionDays = retention.days;
  return result;
}
