import type { PluralMessage } from './plural-message.js';

/**
 * Texts of `<plan-card>`'s purchase dialog and low-credit alert form: loaded with them, on first use
 * (elements/plan-card/plan-writes.ts), so a first render carries none of them.
 */
export const planWritesStrings = {
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
  /** A redirect that came after the dialog was closed, shown when it opens again: nothing opens by itself. */
  planBuyRedirectWaiting: 'The purchase of {amount} is waiting for payment on the checkout page.',
  /**
   * Said by the card when that redirect comes with the dialog closed. `{action}`: the (+) button's
   * name (`planAddCredits`), whose dialog then offers the checkout link.
   */
  planBuyRedirectUnseen:
    'The purchase of {amount} is waiting for payment on the checkout page: the {action} button leads there.',
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

  // The low-credit alert's form (DESIGN.md, "Low-credit alert").
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
