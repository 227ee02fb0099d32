/**
 * Relative times ("5 minutes ago", "in 3 days") that keep themselves
 * current: one shared timer for every element on the page, running only while
 * some element shows a relative time.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FormatContext } from './format.js';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
  ['second', 1000],
];

const formatters = new Map<string, Intl.RelativeTimeFormat>();

function formatter(locale: string): Intl.RelativeTimeFormat {
  let cached = formatters.get(locale);
  if (!cached) {
    cached = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'long' });
    formatters.set(locale, cached);
  }
  return cached;
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
  const abs = Math.abs(diff);
  if (abs < 45_000) return formatter(locale).format(0, 'second');
  for (const [unit, ms] of UNITS) {
    if (abs >= ms || unit === 'second') return formatter(locale).format(Math.round(diff / ms), unit);
  }
  return '–';
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
