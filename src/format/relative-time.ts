/**
 * Relative times ("5 minutes ago", "in 3 days") that keep themselves
 * current: one shared timer for every element on the page, running only while
 * some element shows a relative time.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { calendarDayAt, dayNumber } from './calendar-day.js';
import { formatDateTime, memo, type FormatContext } from './format.js';
import { cachedIntl } from './intl-cache.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Each unit, smallest first, with how many of it make the next unit as a
 * viewer counts them. Months and years are 30 and 365 days long here, yet a
 * year is 12 months: "12 months ago" must read "last year".
 */
const UNITS: { unit: Intl.RelativeTimeFormatUnit; ms: number; perNext: number }[] = [
  { unit: 'second', ms: SECOND, perNext: 60 },
  { unit: 'minute', ms: MINUTE, perNext: 60 },
  { unit: 'hour', ms: HOUR, perNext: 24 },
  { unit: 'day', ms: DAY, perNext: 7 },
  { unit: 'week', ms: 7 * DAY, perNext: 30 / 7 },
  { unit: 'month', ms: 30 * DAY, perNext: 12 },
  { unit: 'year', ms: 365 * DAY, perNext: Infinity },
];

type Numeric = 'auto' | 'always';

function formatter(locale: string, numeric: Numeric): Intl.RelativeTimeFormat {
  return cachedIntl(
    `r|${locale}|${numeric}`,
    () => new Intl.RelativeTimeFormat(locale, { numeric, style: 'long' }),
  );
}

/**
 * The texts already said, by locale, number and unit: a feed formats each new
 * entry's "now" or "1 minute ago", which `Intl.RelativeTimeFormat` builds
 * anew each call (in a CPU profile of 100 new activities, the largest share of script);
 * a lookup is free. Bounded as the `Intl` cache is: full, it starts afresh.
 */
const said = new Map<string, string>();
const SAID_LIMIT = 512;

function say(
  locale: string,
  amount: number,
  unit: Intl.RelativeTimeFormatUnit,
  numeric: Numeric = 'auto',
): string {
  const key = `${locale}|${amount}|${unit}|${numeric}`;
  let text = said.get(key);
  if (text === undefined) {
    text = formatter(locale, numeric).format(amount, unit);
    if (said.size >= SAID_LIMIT) said.clear();
    said.set(key, text);
  }
  return text;
}

/**
 * The number and unit for a difference of `diff` ms: the largest unit it
 * reaches, rounded half away from zero (past and future alike), and carried
 * into the next unit when the rounding reaches that unit's size, so 59.6
 * minutes is 1 hour, never 60 minutes.
 */
export function relativeTimeParts(diff: number): { value: number; unit: Intl.RelativeTimeFormatUnit } {
  const abs = Math.abs(diff);
  const sign = diff < 0 ? -1 : 1;
  let index = UNITS.length - 1;
  while (index > 0 && abs < UNITS[index].ms) index--;
  while (Math.round(abs / UNITS[index].ms) >= UNITS[index].perNext) index++;
  const { unit, ms } = UNITS[index];
  // `|| 0`: never "-0 seconds".
  return { value: sign * Math.round(abs / ms) || 0, unit };
}

/**
 * `value` relative to `now`, in the largest unit that fits ("yesterday", "in 2 hours", "now").
 * Without a clock (`now` NaN: on the server, see `ClockController`) it is the absolute date and time,
 * which stays true however long after the render a page is served, where "2 days ago" would not.
 */
export function formatRelativeTime(
  value: string | number | Date,
  now: number,
  context: FormatContext,
): string {
  const time = new Date(value).getTime();
  if (Number.isNaN(now) && Number.isFinite(time)) return formatDateTime(time, context);
  if (!Number.isFinite(time) || !Number.isFinite(now)) return '–';
  const diff = time - now;
  if (Math.abs(diff) < 45 * SECOND) return say(context.locale, 0, 'second');
  const { value: amount, unit } = relativeTimeParts(diff);
  const text = say(context.locale, amount, unit);
  // A word for the amount ("yesterday", "last month", German "vorgestern") names a calendar unit: true
  // only when the calendar where the viewer is agrees. Else the counted form ("1 day ago"), which the
  // rounding makes true. Asked only when the two differ, so a count costs no calendar.
  if (!CALENDAR_UNITS.has(unit) || text === say(context.locale, amount, unit, 'always')) return text;
  const distance = calendarDistance(unit, now, time, context);
  return distance === amount ? text : say(context.locale, amount, unit, 'always');
}

/** The units whose words ("yesterday", "next week") name a unit of the calendar. */
const CALENDAR_UNITS = new Set<Intl.RelativeTimeFormatUnit>(['day', 'week', 'month', 'year']);

/** The first day of the locale's week, 1 (Monday) to 7 (Sunday); Monday (ISO 8601) where the browser cannot say. */
const firstDayOfWeek = memo((locale): number => {
  try {
    type WeekInfo = { firstDay?: number };
    const info = new Intl.Locale(locale) as Intl.Locale & { getWeekInfo?(): WeekInfo; weekInfo?: WeekInfo };
    return (info.getWeekInfo?.() ?? info.weekInfo)?.firstDay ?? 1;
  } catch {
    return 1;
  }
});

/**
 * How many calendar days, weeks (from the locale's first day), months or years lie from the day of
 * `from` to the day of `to` in the viewer's time zone (Gregorian); undefined for other units or
 * days out of range.
 */
function calendarDistance(
  unit: Intl.RelativeTimeFormatUnit,
  from: number,
  to: number,
  { locale, timeZone }: FormatContext,
): number | undefined {
  const [a, b] = [calendarDayAt(from, timeZone), calendarDayAt(to, timeZone)];
  if (!a || !b) return undefined;
  const [yearA, monthA] = a.split('-').map(Number);
  const [yearB, monthB] = b.split('-').map(Number);
  if (unit === 'year') return yearB - yearA;
  if (unit === 'month') return yearB * 12 + monthB - (yearA * 12 + monthA);
  const [dayA, dayB] = [dayNumber(a), dayNumber(b)];
  if (unit === 'day') return dayB - dayA;
  if (unit !== 'week') return undefined;
  // Day 0 (1970-01-01) was a Thursday, ISO weekday 4; each day's week starts on the locale's first
  // day. `+ 14` keeps the remainder positive for days before 1970.
  const weekStart = (day: number) => day - ((((day + 3) % 7) + 14 - (firstDayOfWeek(locale) - 1)) % 7);
  return (weekStart(dayB) - weekStart(dayA)) / 7;
}

/** How often relative times are brought up to date. */
export const TICK_MS = 30_000;

const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function tick(): void {
  for (const listener of [...listeners]) listener();
}

/**
 * A page shown again ticks at once: while it was hidden the browser held its timers back (a minute
 * or more apart), so its times may be that old.
 */
function onVisibilityChange(): void {
  if (document.visibilityState === 'visible') tick();
}

/**
 * Calls `listener` every `TICK_MS` on the page's one shared timer, and when the page is shown
 * again; returns the unsubscribe function.
 */
export function onClockTick(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    timer = setInterval(tick, TICK_MS);
    document.addEventListener('visibilitychange', onVisibilityChange);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
      document.removeEventListener('visibilitychange', onVisibilityChange);
    }
  };
}

/**
 * Re-renders its element on every shared clock tick while connected; `now` is the time of its last
 * render (each render reads the clock: an entry that arrives between two ticks is "now", not "in 1
 * minute" as of the last tick), NaN while the time is not known. It is read at connect, never at construction: a server
 * render (which connects nothing) reads no clock, as Next's prerendering requires, and renders what
 * needs no clock (see `formatRelativeTime`). An element hydrating server-rendered DOM renders it once
 * more without a clock, since Lit's hydration must see the template the server rendered, and reads
 * the clock after that first update.
 */
export class ClockController implements ReactiveController {
  #now = Number.NaN;
  #hydrating = false;
  private unsubscribe?: () => void;

  constructor(private readonly host: ReactiveControllerHost & Partial<Pick<HTMLElement, 'shadowRoot'>>) {
    host.addController(this);
  }

  /** The time of the last render or tick; NaN on the server and in the update that hydrates the server's DOM. */
  get now(): number {
    return this.#now;
  }

  hostConnected(): void {
    const host = this.host as typeof this.host & { hasUpdated?: boolean };
    // Declarative shadow DOM already there before the first update: the server rendered it.
    this.#hydrating = !host.hasUpdated && (host.shadowRoot?.hasChildNodes() ?? false);
    if (!this.#hydrating) this.#now = Date.now();
    this.unsubscribe = onClockTick(() => {
      this.#now = Date.now();
      this.host.requestUpdate();
    });
  }

  hostUpdate(): void {
    // Connected (the clock is known) and not hydrating: as of this render.
    if (this.unsubscribe && !this.#hydrating) this.#now = Date.now();
  }

  hostUpdated(): void {
    if (!this.#hydrating) return;
    this.#hydrating = false;
    this.#now = Date.now();
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
