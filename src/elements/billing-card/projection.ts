/**
 * The month-end projection (DESIGN.md, "Foresight and acting in place"):
 * what the billing period will cost at the rate spent so far, or the
 * server's own forecast. Pure: the card passes the time and zone in.
 *
 * The period's dates start at midnight in the viewer's time zone, where
 * Temporal's `PlainDate#toZonedDateTime(zone)` puts it (the first instant
 * reading 00:00, or the end of a gap that skipped it), so a period with a
 * daylight-saving change is an hour shorter or longer, as it really is.
 */
import type { BillingSummary, Money } from '../../contract/types.js';
import { cachedIntl } from '../../format/intl-cache.js';

export const DAY_MS = 86_400_000;
const BARE_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * What the card says about the period:
 * - `forecast`: the server's forecast, in the current total's currency;
 * - `pace`: the current total scaled by the period's length over the time elapsed in it;
 * - `ended`: the period is over where the viewer is, so its total is the current total and
 *   nothing is projected (the card compares that total as it does without a period).
 */
export interface PeriodProjection {
  kind: 'forecast' | 'pace' | 'ended';
  total: Money;
}

/** Wall-clock fields of an instant in a zone, from which its offset is read. */
function wallClock(timeZone: string | undefined): Intl.DateTimeFormat {
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

/** A UTC instant of a year, month (1-12), day and time; years below 100 stay themselves. */
function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

/** The zone's offset from UTC at an instant, in ms (whole seconds, as time zone data has them). */
function offsetAt(instant: number, timeZone: string | undefined): number {
  const seconds = Math.floor(instant / 1000) * 1000;
  const parts: Record<string, string> = {};
  for (const { type, value } of wallClock(timeZone).formatToParts(seconds)) parts[type] = value;
  const year = parts.era === 'BC' || parts.era === 'B' ? 1 - Number(parts.year) : Number(parts.year);
  const n = (field: string) => Number(parts[field]);
  return utc(year, n('month'), n('day'), n('hour'), n('minute'), n('second')) - seconds;
}

/**
 * The first instant of a calendar day (`YYYY-MM-DD`) in an IANA zone (the
 * browser's when undefined), in epoch ms; NaN for what is not a date. Midnight is read with the offset of
 * a day before or a day after (one of them holds at midnight), or it fell in
 * a gap, and the day starts where the gap ends.
 */
export function startOfDay(date: string, timeZone: string | undefined): number {
  const match = BARE_DATE.exec(date);
  if (!match) return Number.NaN;
  const [year, month, day] = match.slice(1).map(Number);
  const midnight = utc(year, month, day);
  // 2026-02-30 is no date (the Date would roll over to March).
  if (new Date(midnight).getUTCDate() !== day) return Number.NaN;
  const before = offsetAt(midnight - DAY_MS, timeZone);
  const after = offsetAt(midnight + DAY_MS, timeZone);
  // The larger offset reads midnight earlier: when both hold (a repeated midnight), the first wins.
  for (const offset of before > after ? [before, after] : [after, before]) {
    if (offsetAt(midnight - offset, timeZone) === offset) return midnight - offset;
  }
  // Skipped: the gap lies between midnight read with the later offset and with the earlier one.
  let low = midnight - after;
  let high = midnight - before;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (offsetAt(middle, timeZone) === after) high = middle;
    else low = middle;
  }
  return offsetAt(low, timeZone) === after ? low : high;
}

/**
 * `amount` × `length` ÷ `elapsed`, rounded to the nearest integer, halves up
 * (away from zero: only positive amounts are scaled). Exact, in BigInt: a
 * float product could round a value just below a half up.
 */
function scale(amount: number, length: number, elapsed: number): number {
  const numerator = BigInt(amount) * BigInt(length);
  const divisor = BigInt(elapsed);
  const quotient = numerator / divisor;
  const rounded = (numerator % divisor) * 2n >= divisor ? quotient + 1n : quotient;
  // Past Number's range only for amounts no contract value reaches; keep it finite regardless.
  return Math.min(Number(rounded), Number.MAX_VALUE);
}

/**
 * The projection for `billing` at `now` (epoch ms) in `timeZone` (the
 * browser's when undefined), or
 * undefined without a readable period (no period, not dates, or an end
 * before the start): then the card shows what it shows without one.
 *
 * - From the period's end on (`now` ≥ the end's midnight): `ended`, the current total.
 * - Else `forecastTotal` when it is in the current total's currency (another currency
 *   cannot be compared with last month's and is ignored).
 * - Else the pace: elapsed is the real time since the start's midnight, at least one day
 *   (before the start, too) and at most the period's length. A total of zero or less (a
 *   credit) is no spending rate and is not scaled.
 */
export function projectPeriod(
  billing: BillingSummary,
  now: number,
  timeZone: string | undefined,
): PeriodProjection | undefined {
  const { period, forecastTotal, currentMonthTotal: current } = billing;
  if (!period || !Number.isFinite(now)) return undefined;
  const start = startOfDay(period.start, timeZone);
  const end = startOfDay(period.end, timeZone);
  if (!(start <= end)) return undefined;
  if (now >= end) return { kind: 'ended', total: current };
  if (forecastTotal && forecastTotal.currency === current.currency) {
    return { kind: 'forecast', total: forecastTotal };
  }
  const length = end - start;
  const elapsed = Math.min(Math.max(Math.floor(now) - start, DAY_MS), length);
  const amountMinor =
    current.amountMinor > 0 && elapsed < length
      ? scale(current.amountMinor, length, elapsed)
      : current.amountMinor;
  return { kind: 'pace', total: { amountMinor, currency: current.currency } };
}
