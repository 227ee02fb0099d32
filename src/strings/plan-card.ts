import type { PluralMessage } from './plural-message.js';

/** Texts of `<plan-card>`. Keys start with `plan` so they never clash across cards. */
export const planCardStrings = {
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

  // The purchase dialog (DESIGN.md, "Add credits in place"). `{amount}` is always money, formatted.
  /** The purchase dialog's heading and name. */
  planBuyTitle: 'Add credits',
  /** `{amount}`: the available credits now. */
  planBuyBalance: 'Available now: {amount}',
  /** The legend of the amounts to choose from. */
  planBuyChoose: 'Amount to buy',
  /** The choice that takes the amount typed in the field below it. */
  planBuyOther: 'Other amount',
  /** The label of a typed amount (custom purchase, or the low-credit alert). `{currency}`: its code. */
  planAmountLabel: 'Amount in {currency}',
  /** No amount chosen or typed. */
  planAmountEmpty: 'Choose or enter an amount.',
  /** The text typed does not read as an amount. `{example}`: an amount written as the viewer's locale writes it. */
  planAmountNotANumber: 'Enter an amount such as {example}.',
  /** The currency has no minor unit (yen). `{currency}`: its code. */
  planAmountWhole: 'Enter a whole amount: {currency} has no smaller unit.',
  /** More decimals than the currency has. `{count}`: the decimals it has. */
  planAmountDecimals: {
    one: 'Enter at most {count} decimal.',
    other: 'Enter at most {count} decimals.',
  } as PluralMessage,
  planAmountNotPositive: 'Enter an amount above zero.',
  planAmountNegative: 'Enter zero or more.',
  planAmountTooLarge: 'This amount is too large.',
  /** The confirm button, naming what will be charged. */
  planBuyConfirm: 'Buy {amount}',
  /** The confirm button before an amount is chosen. */
  planBuyConfirmNone: 'Buy credits',
  planBuySubmitting: 'Buying {amount}…',
  /** Under the progress: closing the dialog does not stop the purchase. */
  planBuyKeepsGoing: 'You can close this dialog; the purchase goes on.',
  /** `{balance}`: the balance the platform confirmed. */
  planBuyCompleted: '{amount} added. Available credits: {balance}.',
  /** Completed on a Retry: the balance arrives with a refresh. */
  planBuyCompletedRefreshing: '{amount} added. The balance is being updated.',
  planBuyPending: 'Purchase of {amount} received. The credits appear here once the payment completes.',
  planBuyRedirect: 'Opening the checkout page to pay {amount}…',
  /** The link to the checkout page, should it not open by itself. */
  planBuyRedirectLink: 'Go to checkout',
  /** After a success: back to the choice. */
  planBuyMore: 'Buy more',
  /** After a refusal: back to the choice, as it was, for a new attempt. */
  planBuyTryAgain: 'Try again',
  /** After a failure that may have charged: back to the choice; another amount is a new purchase. */
  planBuyChangeAmount: 'Change amount',
  planCancel: 'Cancel',
  planClose: 'Close',
  /**
   * After a failure that may have charged (connection lost, timeout, too many requests, server error):
   * `{reason}` says what happened; Retry sends the same attempt, which the platform never charges twice.
   */
  planBuyUnconfirmed:
    '{reason} The purchase of {amount} isn’t confirmed. Retry completes it without charging twice.',
  planWriteServerError: 'The server had a problem.',
  planWriteUnreadable: 'The server’s answer couldn’t be read.',
  planWriteInterrupted: 'The request was interrupted.',
  planBuyDeclined:
    'The payment was declined, so nothing was charged. Check the payment method, then try again.',
  planBuyRefused: 'This amount can’t be bought, so nothing was charged. Try another amount.',
  planBuyConflict: 'The purchase was refused, so nothing was charged. Try again.',
  planWriteForbidden: 'You aren’t allowed to change this organization’s plan or credits.',
  planBuyFailed: 'The purchase failed, so nothing was charged.',
  /** When the adapter has no `purchaseCredits` any more (the host swapped it). */
  planBuyUnavailable: 'Buying credits isn’t available here.',
  /** (+) or Change was pressed, but what they open could not be loaded (offline, say). */
  planWritesLoadFailed: 'This couldn’t be opened. Check your connection, then try again.',

  // The low-credit alert (DESIGN.md, "Low-credit alert").
  /** The label of the alert's threshold. */
  planAlert: 'Low-credit alert',
  /** No alert set. */
  planAlertOff: 'Off',
  /** The button that opens the alert's form. */
  planAlertChange: 'Change',
  /** The accessible name of that button. */
  planAlertChangeLabel: 'Change the low-credit alert',
  /** The form's explanation. */
  planAlertHint: 'Warn when available credits fall to this amount or below.',
  planAlertSave: 'Save',
  planAlertTurnOff: 'Turn off',
  planAlertSaving: 'Saving…',
  /** Said when saved. `{amount}`: the confirmed threshold. */
  planAlertSaved: 'Low-credit alert set to {amount}.',
  planAlertCleared: 'Low-credit alert turned off.',
  /** The server refused the threshold typed. */
  planAlertRefused: 'The server refused this amount.',
  /** `{reason}`: why (the error's words). */
  planAlertFailed: 'The alert wasn’t saved. {reason}',
};

export type PlanCardStrings = typeof planCardStrings;
