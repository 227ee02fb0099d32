/**
 * Calendar days in an IANA time zone. A day is not always 24 hours long (23
 * or 25 at a daylight-saving change, 0 when a zone skipped one), and it may
 * not start at midnight (zones that change their clocks at 00:00), so its
 * start is found the way Temporal's `PlainDate#toZonedDateTime(zone)` finds
 * it: the first instant that reads 00:00 that day, or the end of the gap that
 * skipped it. The activity log's date filters and retention and the billing
 * card's period all read days this way.
 */
import { cachedIntl } from './intl-cache.js';

export const DAY_MS = 86_400_000;
const BARE_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A formatter whose parts give the wall-clock fields of an instant in `timeZone` (its offset's source). */
function formatterFor(timeZone: string | undefined): Intl.DateTimeFormat {
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
export function offsetAt(instant: number, timeZone: string | undefined): number {
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
 * in epoch milliseconds; NaN for a value that is not a date. An undefined zone is the browser's.
 */
export function startOfDay(date: string, timeZone: string | undefined): number {
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
export function dayAfter(date: string): string {
  const match = BARE_DATE.exec(date);
  return match ? utcDay(utcMidnight(match) + DAY_MS) : date;
}

/**
 * The calendar day (`YYYY-MM-DD`) an instant falls on in an IANA time zone (the browser's when
 * undefined); undefined outside the years 0001-9999 a date input can hold.
 */
export function calendarDayAt(instant: number, timeZone: string | undefined): string | undefined {
  // Beyond what `Date` holds (a retention of millions of days), Intl would throw.
  if (!(Math.abs(instant) <= 8.64e15)) return undefined;
  const wall = instant + offsetAt(instant, timeZone);
  const year = new Date(wall).getUTCFullYear();
  return year >= 1 && year <= 9999 ? utcDay(wall) : undefined;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` (negative before). */
export function dayNumber(date: string): number {
  const match = BARE_DATE.exec(date);
  return match ? Math.round(utcMidnight(match) / DAY_MS) : Number.NaN;
}
