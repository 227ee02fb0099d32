/**
 * The log's `from` and `to` are calendar days in the viewer's time zone
 * (DESIGN.md, "Dates as filters"); the adapter gets the instants that cover
 * exactly those days there (`format/calendar-day.ts` finds where a day starts).
 */
import type { ActivityFilter } from '../../contract/types.js';
import type { ActivityLogFilter } from './activity-log.events.js';
import { dayAfter, startOfDay } from '../../format/calendar-day.js';

/** The zone the log's days are read in: the one in effect, else the browser's. */
export function effectiveTimeZone(timeZone: string | undefined): string {
  return timeZone ?? new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * The inclusive end of a range that stops where `next` (epoch ms, a day's first instant) begins:
 * its last nanosecond. The REST API's `to` includes its instant and an instant may have up to nine
 * fraction digits (DESIGN.md, "Instants"), so `…59.999999999Z` leaves out nothing before `next` at
 * any precision a server keeps, where `…59.999Z` would leave out an entry at `…59.9995Z` on a
 * server that keeps microseconds. Readers that go to the millisecond (`Date`, the memory adapter)
 * read it as `next - 1` ms, which is just as exact for them.
 */
function lastNanosecondBefore(next: number): string {
  return new Date(next - 1).toISOString().replace(/Z$/, '999999Z');
}

/**
 * The adapter's `from`/`to` for calendar days `from` to `to` (both included)
 * in a zone: `from` the first instant of the first day, `to` the last
 * nanosecond before the day after the last one starts there (23 or 25 hours
 * after it on a daylight-saving change). A value that is not a date is passed
 * on as it is.
 */
export function dayRangeFilter(
  from: string | undefined,
  to: string | undefined,
  timeZone: string,
): Pick<ActivityFilter, 'from' | 'to'> {
  const range: Pick<ActivityFilter, 'from' | 'to'> = {};
  if (from) {
    const start = startOfDay(from, timeZone);
    range.from = Number.isNaN(start) ? from : new Date(start).toISOString();
  }
  if (to) {
    const end = startOfDay(dayAfter(to), timeZone);
    range.to = Number.isNaN(end) ? to : lastNanosecondBefore(end);
  }
  return range;
}

/**
 * The log's filters as the adapter receives them: `from` and `to` become the
 * instants that cover those days in `timeZone`, else the browser's.
 */
export function adapterFilterOf(filter: ActivityLogFilter, timeZone: string | undefined): ActivityLogFilter {
  const { from, to, ...rest } = filter;
  return { ...rest, ...dayRangeFilter(from, to, effectiveTimeZone(timeZone)) };
}
