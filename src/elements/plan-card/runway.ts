/**
 * The credit runway (DESIGN.md, "Foresight and acting in place"): how long the
 * available credits last at the recent rate of use, and the day they run out.
 * Pure functions of the plan and a clock reading, so they are proven apart
 * from the card (test/elements/plan-card-runway.test.ts).
 */
import type { CreditUsage, PlanSummary } from '../../contract/types.js';
import { cachedIntl } from '../../format/intl-cache.js';

/** The runway reads the mean daily use of this many of the newest usage entries (fewer if fewer are given). */
export const RUNWAY_ENTRIES = 7;

/** Default of `low-runway-days`: the warning shows at a runway of a week or less. */
export const DEFAULT_LOW_RUNWAY_DAYS = 7;

/**
 * The mean length of a Gregorian year in days. A runway this long or longer
 * reads in years; and beyond a hundred of them the card names no date: nobody
 * plans that far, and a date far enough out is past what `Date` can hold.
 */
const DAYS_PER_YEAR = 365.2425;
export const RUNWAY_HORIZON_YEARS = 100;
const HORIZON_DAYS = RUNWAY_HORIZON_YEARS * DAYS_PER_YEAR;

/**
 * The usage entries in `currency`, in the order given (oldest first). An
 * amount in another currency cannot be divided into the credits nor drawn on
 * their axis, so it is left out.
 */
export function usageIn(usage: readonly CreditUsage[] | undefined, currency: string): CreditUsage[] {
  return (usage ?? []).filter((entry) => entry.credits.currency === currency);
}

/**
 * The runway in days: the available credits ÷ the mean daily usage of the
 * newest `RUNWAY_ENTRIES` entries in the credits' currency, unrounded.
 *
 * Entries in other currencies are left out *before* the newest seven are
 * taken, so the answer is the same whether the validator has already dropped
 * them or not. null, and never a division by zero, when no entry is left or
 * their mean is not above zero (nothing used, or refunds outweigh use): the
 * credits are not being used up. Credits at or below zero give 0: they have
 * run out. Amounts are safe integers, so a positive sum is at least 1 and the
 * quotient is always finite.
 */
export function runwayDays(plan: Pick<PlanSummary, 'availableCredits' | 'usage'>): number | null {
  const recent = usageIn(plan.usage, plan.availableCredits.currency).slice(-RUNWAY_ENTRIES);
  // Summed exactly: safe integers near the limit, with a refund among them, lose their sign in floats.
  const used = recent.reduce((sum, entry) => sum + BigInt(entry.credits.amountMinor), 0n);
  if (used <= 0n) return null;
  const credits = plan.availableCredits.amountMinor;
  return credits <= 0 ? 0 : (credits * recent.length) / Number(used);
}

/** How the card says a runway: it never promises more than the credits cover, so counts are rounded down. */
export type RunwayWords =
  { unit: 'out' | 'under-a-day' } | { unit: 'days' | 'years' | 'beyond-years'; count: number };

export function runwayWords(days: number): RunwayWords {
  if (days <= 0) return { unit: 'out' };
  if (days < 1) return { unit: 'under-a-day' };
  if (days < DAYS_PER_YEAR) return { unit: 'days', count: Math.floor(days) };
  if (days < HORIZON_DAYS) return { unit: 'years', count: Math.floor(days / DAYS_PER_YEAR) };
  return { unit: 'beyond-years', count: RUNWAY_HORIZON_YEARS };
}

/** A formatter whose parts are the Gregorian year, month and day of an instant in `timeZone` (the viewer's when undefined). */
function dayFormatter(timeZone: string | undefined): Intl.DateTimeFormat {
  return cachedIntl(
    `day|${timeZone ?? ''}`,
    () => new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }),
  );
}

/**
 * The day the credits run out, `YYYY-MM-DD`: today in the viewer's time zone
 * plus the runway's whole days, rounded down. Rounded down because the
 * credits last `days` from now, and now is somewhere in today: the run-out
 * instant falls on that date or the next, and the card names the earlier one
 * (the same whole days the "About N days left" text counts; "less than a day"
 * runs out today). Calendar arithmetic, so a daylight-saving change between
 * now and then (a 23- or 25-hour day) moves nothing. undefined beyond the
 * horizon (see `RUNWAY_HORIZON_YEARS`).
 */
export function runOutDate(days: number, now: number, timeZone?: string): string | undefined {
  // No clock (NaN: on the server) is no day to count from.
  if (!(days >= 0 && days < HORIZON_DAYS) || !Number.isFinite(now)) return undefined;
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const { type, value } of dayFormatter(timeZone).formatToParts(now)) parts[type] = value;
  const date = new Date(0);
  date.setUTCFullYear(Number(parts.year), Number(parts.month) - 1, Number(parts.day) + Math.floor(days));
  return date.toISOString().slice(0, 10);
}
