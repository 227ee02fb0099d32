/**
 * A maintenance window in the viewer's locale and time zone: "in 3 days,
 * 2:00 – 4:00 AM UTC", "In progress, ends in 1 hr, 20 min (2:00 – 4:00 AM
 * UTC)", "Completed (Apr 28, 2:00 – 4:00 AM UTC)". The day is said relative
 * to today (in the viewer's time zone, by calendar day, so 23:00 tomorrow is
 * "tomorrow" however many hours away) while it is within a week, and as a
 * date beyond that. A
 * window over a daylight-saving change shows each end with its own zone
 * ("1:00 AM EDT – 1:00 AM EST"), never one instant.
 */
import { DAY_MS, offsetAt } from '../../format/calendar-day.js';
import type { FormatContext } from '../../format/format.js';
import { cachedIntl } from '../../format/intl-cache.js';
import { formatTimeLeft } from './time-left.js';

/** Beyond this many days away a date says more than "in 12 days". */
const RELATIVE_DAYS = 6;

export type WindowPhase = 'upcoming' | 'ongoing' | 'ended';

export interface WindowText {
  phase: WindowPhase;
  /** The day the window starts: "tomorrow", "in 3 days", "Apr 28". */
  when: string;
  /**
   * Its times, with the time zone: "2:00 – 4:00 AM UTC", "Jun 16, 10:00 PM UTC – Jun 17, 2:00 AM UTC",
   * and across a daylight-saving change "1:30 AM EST – 3:30 AM EDT".
   */
  range: string;
  /** While it is in progress, the time until it ends ("1 hr, 20 min"; see time-left.ts); else empty. */
  left: string;
}

function dateFormat(locale: string, timeZone: string | undefined, options: Intl.DateTimeFormatOptions) {
  const key = `d|${locale}|${timeZone ?? ''}|${JSON.stringify(options)}`;
  return cachedIntl(key, () => new Intl.DateTimeFormat(locale, { ...options, timeZone }));
}

function relativeDays(locale: string, days: number): string {
  return cachedIntl(
    `r|${locale}|auto`,
    () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
  ).format(days, 'day');
}

/**
 * An instant's wall clock in a time zone, as milliseconds of UTC with that reading. One formatter
 * (calendar-day.ts's, which the billing card's projection uses too) gives the day, the year and the
 * offset: a formatter per question cost a fresh page about a millisecond each to build.
 */
const wallClock = (ms: number, timeZone: string | undefined): number => ms + offsetAt(ms, timeZone);

/** The calendar day of an instant in a time zone, as a day count (for differences in days). */
const calendarDay = (ms: number, timeZone: string | undefined): number =>
  Math.floor(wallClock(ms, timeZone) / DAY_MS);

function dayText(start: number, now: number, { locale, timeZone }: FormatContext): string {
  // No clock (on the server): the date in full, true whenever the page is read.
  if (Number.isNaN(now)) return dateFormat(locale, timeZone, { dateStyle: 'medium' }).format(start);
  const days = calendarDay(start, timeZone) - calendarDay(now, timeZone);
  if (Math.abs(days) <= RELATIVE_DAYS) return relativeDays(locale, days);
  // The year of the calendar the date is written in (Persian for fa, Buddhist for th), not Gregorian's.
  const year = dateFormat(locale, timeZone, { year: 'numeric' });
  const sameYear = year.format(start) === year.format(now);
  return dateFormat(locale, timeZone, {
    month: 'short',
    day: 'numeric',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(start);
}

const separators = new Map<string, string>();

/** What the locale puts between the two ends of a range (" – ", "～", " تا "), read from `Intl` itself. */
function rangeSeparator(locale: string): string {
  let separator = separators.get(locale);
  if (separator === undefined) {
    separator = ' – ';
    const probe = dateFormat(locale, 'UTC', {
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    });
    if (typeof probe.formatRangeToParts === 'function') {
      const parts = probe.formatRangeToParts(Date.UTC(2000, 0, 1, 10), Date.UTC(2000, 1, 2, 14));
      const between = parts
        .slice(
          parts.findLastIndex((p) => p.source === 'startRange') + 1,
          parts.findIndex((p) => p.source === 'endRange'),
        )
        .map((p) => p.value)
        .join('');
      if (between.trim()) separator = between;
    }
    separators.set(locale, separator);
  }
  return separator;
}

/** Each end in full, with its own time zone name, however much they share. */
function bothEnds(formatter: Intl.DateTimeFormat, start: number, end: number, locale: string): string {
  return `${formatter.format(start)}${rangeSeparator(locale)}${formatter.format(end)}`;
}

/**
 * The window's times with the zone. Where both ends have the same offset,
 * `formatRange` says what they share once ("2:00 – 4:00 AM UTC"). Across a
 * daylight-saving change it would print one zone name for both ends (the
 * start an hour off) or, when the wall clock repeats (1:00 EDT to 1:00 EST),
 * a single instant: there each end is written in full with its own zone
 * name ("1:00 AM EDT – 1:00 AM EST").
 */
function rangeText(start: number, end: number, { locale, timeZone }: FormatContext): string {
  const time: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' };
  // Within a day: only times. Across days: the dates too ("Jun 16, 10:00 PM – Jun 17, 2:00 AM UTC").
  const sameDay = calendarDay(end, timeZone) === calendarDay(start, timeZone);
  const options: Intl.DateTimeFormatOptions = sameDay ? time : { month: 'short', day: 'numeric', ...time };
  const formatter = dateFormat(locale, timeZone, options);
  // Short zone names differ wherever offsets do (checked for every zone's changes since 2015 in 18 locales).
  if (offsetAt(start, timeZone) !== offsetAt(end, timeZone)) return bothEnds(formatter, start, end, locale);
  if (typeof formatter.formatRange !== 'function') return bothEnds(formatter, start, end, locale);
  const range = formatter.formatRange(start, end);
  // Two instants the shown fields cannot tell apart (under a minute, or a year, apart): both anyway.
  return range === formatter.format(start) && start !== end ? bothEnds(formatter, start, end, locale) : range;
}

/**
 * The parts of a window's text at `now`, or undefined for instants that do not parse. Without a
 * clock (`now` NaN, on the server) the phase is not known: the window is told as an upcoming one is
 * (its date and times, which hold in any phase), and the phase follows once the browser has a clock.
 */
export function describeWindow(
  window: { start: string; end: string },
  now: number,
  format: FormatContext,
): WindowText | undefined {
  const start = Date.parse(window.start);
  const end = Date.parse(window.end);
  if (
    !Number.isFinite(start) ||
    !Number.isFinite(end) ||
    now === Infinity ||
    now === -Infinity ||
    end < start
  )
    return undefined;
  const phase: WindowPhase = Number.isNaN(now) || now < start ? 'upcoming' : now < end ? 'ongoing' : 'ended';
  return {
    phase,
    when: dayText(start, now, format),
    range: rangeText(start, end, format),
    left: phase === 'ongoing' ? formatTimeLeft(end - now, format.locale) : '',
  };
}
