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
import { DAY_MS, startOfDay } from '../../format/calendar-day.js';

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
  /**
   * The pace's total exactly, only when it is past Number's safe integers (where `total.amountMinor`
   * is the nearest float, good for comparing with last month but some minor units off to show).
   */
  exactMinor?: bigint;
}

/**
 * `amount` × `length` ÷ `elapsed`, rounded to the nearest integer, halves up
 * (away from zero: only positive amounts are scaled). Exact, in BigInt: a
 * float product could round a value just below a half up.
 */
function scale(amount: number, length: number, elapsed: number): bigint {
  const numerator = BigInt(amount) * BigInt(length);
  const divisor = BigInt(elapsed);
  const quotient = numerator / divisor;
  return (numerator % divisor) * 2n >= divisor ? quotient + 1n : quotient;
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
  if (!(current.amountMinor > 0 && elapsed < length)) return { kind: 'pace', total: current };
  const exact = scale(current.amountMinor, length, elapsed);
  // Past Number's range only for amounts no contract value reaches; keep it finite regardless.
  const amountMinor = Math.min(Number(exact), Number.MAX_VALUE);
  const total = { amountMinor, currency: current.currency };
  return Number.isSafeInteger(amountMinor)
    ? { kind: 'pace', total }
    : { kind: 'pace', total, exactMinor: exact };
}
