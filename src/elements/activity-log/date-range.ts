/**
 * The log's `from` and `to` are calendar days in the viewer's time zone
 * (DESIGN.md, "Dates as filters"); the adapter gets the instants that cover
 * exactly those days there. A day is not always 24 hours long (23 or 25 at a
 * daylight-saving change, 0 when a zone skipped one), and it may not start at
 * midnight (zones that change their clocks at 00:00), so its start is found
 * the way Temporal's `PlainDate#toZonedDateTime(zone)` finds it: the first
 * instant that reads 00:00 that day, or the end of the gap that skipped it.
 */
import type { ActivityFilter } from '../../contract/types.js';
import type { ActivityLogFilter } from './activity-log.events.js';
import { cachedIntl } from '../../format/intl-cache.js';

const DAY_MS = 86_400_000;
const BARE_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A formatter whose parts give the wall-clock fields of an instant in `timeZone` (its offset's source). */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  return cachedIntl(
    `wall-clock|${timeZone}`,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }),
  );
}

/** The zone's offset from UTC at an instant, in milliseconds (whole seconds, as time zone data has them). */
function offsetAt(instant: number, timeZone: string): number {
  const seconds = Math.floor(instant / 1000) * 1000;
  const parts: Record<string, string> = {};
  for (const { type, value } of formatterFor(timeZone).formatToParts(seconds)) parts[type] = value;
  const year = parts.era === 'BC' || parts.era === 'B' ? 1 - Number(parts.year) : Number(parts.year);
  const wall = new Date(0);
  wall.setUTCFullYear(year, Number(parts.month) - 1, Number(parts.day));
  wall.setUTCHours(Number(parts.hour), Number(parts.minute), Number(parts.second), 0);
  return wall.getTime() - seconds;
}

/** 00:00 UTC of a matched `YYYY-MM-DD` (years below 100 too, which `Date.UTC` would move to the 1900s). */
function utcMidnight([, year, month, day]: RegExpExecArray): number {
  const date = new Date(0);
  date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  // 2026-02-30 is no date (setUTCFullYear would roll it over to March).
  return date.getUTCDate() === Number(day) ? date.getTime() : Number.NaN;
}

/**
 * The first instant of a calendar day (`YYYY-MM-DD`) in an IANA time zone,
 * in epoch milliseconds; NaN for a value that is not a date.
 */
export function startOfDay(date: string, timeZone: string): number {
  const match = BARE_DATE.exec(date);
  if (!match) return Number.NaN;
  const midnight = utcMidnight(match);
  if (Number.isNaN(midnight)) return Number.NaN;
  // The offsets a day around: midnight is read with one of them (or falls in the gap between).
  const before = offsetAt(midnight - DAY_MS, timeZone);
  const after = offsetAt(midnight + DAY_MS, timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => midnight - offset)
    .filter((instant) => midnight - offsetAt(instant, timeZone) === instant)
    .sort((a, b) => a - b);
  if (candidates.length > 0) return candidates[0];
  // Midnight was skipped: the day starts where the gap ends, the first instant with the later offset.
  let low = midnight - after;
  let high = midnight - before;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (offsetAt(middle, timeZone) === after) high = middle;
    else low = middle;
  }
  return offsetAt(low, timeZone) === after ? low : high;
}

/** The UTC calendar day of epoch milliseconds, as `YYYY-MM-DD`. */
function utcDay(ms: number): string {
  const date = new Date(ms);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The day after a calendar day, as `YYYY-MM-DD`. */
function dayAfter(date: string): string {
  const match = BARE_DATE.exec(date);
  return match ? utcDay(utcMidnight(match) + DAY_MS) : date;
}

/**
 * The calendar day (`YYYY-MM-DD`) an instant falls on in an IANA time zone;
 * undefined outside the years 0001-9999 a date input can hold.
 */
export function calendarDayAt(instant: number, timeZone: string): string | undefined {
  // Beyond what `Date` holds (a retention of millions of days), Intl would throw.
  if (!(Math.abs(instant) <= 8.64e15)) return undefined;
  const wall = instant + offsetAt(instant, timeZone);
  const year = new Date(wall).getUTCFullYear();
  return year >= 1 && year <= 9999 ? utcDay(wall) : undefined;
}

/** The zone the log's days are read in: the one in effect, else the browser's. */
export function effectiveTimeZone(timeZone: string | undefined): string {
  return timeZone ?? new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * The adapter's `from`/`to` for calendar days `from` to `to` (both included)
 * in a zone: `from` the first instant of the first day, `to` the last
 * millisecond before the day after the last one starts (the REST API's `to`
 * includes its instant). A value that is not a date is passed on as it is.
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
    range.to = Number.isNaN(end) ? to : new Date(end - 1).toISOString();
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
