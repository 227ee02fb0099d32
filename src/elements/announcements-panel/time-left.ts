/**
 * How long a maintenance window in progress still runs: "1 hr, 20 min",
 * "2 days, 3 hr", "5 min", in the viewer's locale.
 *
 * Written as `Intl.DurationFormat` (style `short`) writes it, built from what
 * it is built of (each unit through `Intl.NumberFormat`, joined by the
 * locale's unit list pattern, `Intl.ListFormat`): the same text in every
 * browser the tests run in, and it also works in browsers that predate
 * `DurationFormat` (Chrome before 129, Firefox before 136) and are still
 * within the cards' floor.
 */
import { cachedIntl } from '../../format/intl-cache.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface TimeLeft {
  days: number;
  hours: number;
  minutes: number;
}

/**
 * The time left, rounded up so the window is never said to end sooner than
 * it does and the text never reads "0 min": under a day to the minute
 * (hours and minutes), from a day on to the hour (days and hours). A rounding
 * that reaches the next unit is said in it (59 min 30 s is "1 hr", 23 h 59 min
 * 30 s is "1 day").
 */
export function timeLeftParts(ms: number): TimeLeft {
  const minutes = Math.max(1, Math.ceil(ms / MINUTE));
  if (minutes < 24 * 60) return { days: 0, hours: Math.floor(minutes / 60), minutes: minutes % 60 };
  const hours = Math.ceil(ms / HOUR);
  return { days: Math.floor(hours / 24), hours: hours % 24, minutes: 0 };
}

function unitList(locale: string): Intl.ListFormat {
  return cachedIntl(
    `l|${locale}|unit-short`,
    () => new Intl.ListFormat(locale, { type: 'unit', style: 'short' }),
  );
}

/** `ms` (more than 0) as the time left, e.g. "1 hr, 20 min"; units that are 0 are left out. */
export function formatTimeLeft(ms: number, locale: string): string {
  const left = timeLeftParts(ms);
  const units = (['day', 'hour', 'minute'] as const)
    .map((unit) => [unit, left[`${unit}s`]] as const)
    .filter(([, value]) => value > 0)
    .map(([unit, value]) =>
      cachedIntl(
        `u|${locale}|${unit}`,
        () => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }),
      ).format(value),
    );
  return unitList(locale).format(units);
}
