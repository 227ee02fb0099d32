import type { PluralMessage } from './plural-message.js';

/**
 * Texts of `<plan-card>` that its first render can show. Keys start with `plan` so they never clash
 * across cards. The purchase dialog's and the alert form's are in plan-writes.ts, loaded with them.
 */
export const planCardViewStrings = {
  planTitle: 'Plan and credits',
  /** Label of the plan's name. */
  planName: 'Plan',
  /** Label of the credit balance. */
  planCredits: 'Available credits',
  planManageSubscription: 'Manage subscription',
  /** Accessible name of the inline (+) button next to the credits. */
  planAddCredits: 'Add credits',
  /** `{threshold}`: the low-balance threshold, formatted as money. */
  planLowCredits: 'Low balance: credits are at or below {threshold}.',
  /**
   * Beside (or instead of) `planLowCredits` when the runway is at or below `low-runway-days`.
   * `{count}`: that number of days.
   */
  planShortRunway: {
    one: 'Short runway: at the recent rate, credits last {count} day or less.',
    other: 'Short runway: at the recent rate, credits last {count} days or less.',
  } as PluralMessage,
  /** Said by screen readers when live data changes the plan or credits. `{amount}`: the credits. */
  planLiveUpdate: 'Credits updated: {amount} available',
  /** The runway, whole days rounded down. `{count}`: days (1 or more). */
  planRunwayDays: { one: 'About {count} day left', other: 'About {count} days left' } as PluralMessage,
  /** The runway from a year on, whole years rounded down. `{count}`: years. */
  planRunwayYears: { one: 'About {count} year left', other: 'About {count} years left' } as PluralMessage,
  /** The runway beyond the horizon the card counts to. `{count}`: 100 years. */
  planRunwayBeyondYears: {
    one: 'More than {count} year left',
    other: 'More than {count} years left',
  } as PluralMessage,
  /** The runway is under one day. */
  planRunwayUnderADay: 'Less than a day left',
  /** Credits at or below zero while they are being used. */
  planRunwayOut: 'No credits left',
  /** `{date}`: the day the credits run out at the recent rate, in the viewer's time zone. */
  planRunOut: 'Runs out around {date}',
  /** Caption of the usage chart. */
  planUsageTitle: 'Credits used per day',
  /**
   * The usage chart's text alternative. `{count}`: the days it spans; `{total}`: credits used in
   * them; `{high}` and `{highDate}`: the highest day's amount and date.
   */
  planUsageSummary: {
    one: '{total} used on {highDate}.',
    other: '{total} used over the last {count} days; the most on {highDate}: {high}.',
  } as PluralMessage,
  /** The usage chart's text alternative when nothing was used. `{count}`: the days it spans. */
  planUsageSummaryNone: {
    one: 'No credits used on the last day.',
    other: 'No credits used over the last {count} days.',
  } as PluralMessage,
  /** One day of the usage chart (its bar's name, and the line under the chart). `{date}`, `{amount}`. */
  planUsageDay: '{date}: {amount}',

  /** (+) or Change was pressed, but what they open could not be loaded (offline, say). */
  planWritesLoadFailed: 'This couldn’t be opened. Check your connection, then try again.',

  // The low-credit alert's row (DESIGN.md, "Low-credit alert"); its form's texts are in plan-writes.ts.
  /** The label of the alert's threshold. */
  planAlert: 'Low-credit alert',
  /** No alert set. */
  planAlertOff: 'Off',
  /** The button that opens the alert's form. */
  planAlertChange: 'Change',
  /** The accessible name of that button. */
  planAlertChangeLabel: 'Change the low-credit alert',
};
