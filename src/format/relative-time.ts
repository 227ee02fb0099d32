/**
 * Relative times ("5 minutes ago", "in 3 days") that keep themselves
 * current: one shared timer for every element on the page, running only while
 * some element shows a relative time.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FormatContext } from './format.js';
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

function formatter(locale: string): Intl.RelativeTimeFormat {
  return cachedIntl(
    `r|${locale}|auto`,
    () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'long' }),
  );
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

/** `value` relative to `now`, in the largest unit that fits ("yesterday", "in 2 hours", "now"). */
export function formatRelativeTime(
  value: string | number | Date,
  now: number,
  { locale }: FormatContext,
): string {
  const time = new Date(value).getTime();
  if (!Number.isFinite(time) || !Number.isFinite(now)) return '–';
  const diff = time - now;
  if (Math.abs(diff) < 45 * SECOND) return formatter(locale).format(0, 'second');
  const { value: amount, unit } = relativeTimeParts(diff);
  return formatter(locale).format(amount, unit);
}

/** How often relative times are brought up to date. */
export const TICK_MS = 30_000;

const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function tick(): void {
  for (const listener of [...listeners]) listener();
}

/** Calls `listener` every `TICK_MS` on the page's one shared timer; returns the unsubscribe function. */
export function onClockTick(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(tick, TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** Re-renders its element on every shared clock tick while connected; `now` is the time of the last tick. */
export class ClockController implements ReactiveController {
  now = Date.now();
  private unsubscribe?: () => void;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.now = Date.now();
    this.unsubscribe = onClockTick(() => {
      this.now = Date.now();
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
