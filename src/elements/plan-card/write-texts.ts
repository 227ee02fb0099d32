/**
 * The words of the plan card's two writes that both share: why a typed amount cannot be taken,
 * and why a write failed.
 */
import type { DashboardError, DashboardErrorCode } from '../../contract/errors.js';
import { currencyExponent } from '../../format/currency.js';
import type { FormatContext } from '../../format/format.js';
import { moneyInputText, type MoneyInputRefusal } from '../../format/money-input.js';
import { fillPlural } from '../../i18n/plural.js';
import type { DashboardStrings, TextKey } from '../../strings/strings.js';
import { fill } from '../../strings/template.js';

/** Why `text` typed as an amount of `currency` was refused, in words. */
export function refusalText(
  refusal: MoneyInputRefusal,
  currency: string,
  strings: DashboardStrings,
  format: FormatContext,
  { allowZero = false } = {},
): string {
  const exponent = currencyExponent(currency);
  switch (refusal) {
    case 'empty':
      return strings.planAmountEmpty;
    case 'not-a-number': {
      // 1234.5 in the currency's unit, written as this locale writes it ("1234,50" in German).
      const amountMinor = 1234 * 10 ** exponent + (exponent > 0 ? 5 * 10 ** (exponent - 1) : 0);
      return fill(strings.planAmountNotANumber, {
        example: moneyInputText({ amountMinor, currency }, format.locale),
      });
    }
    case 'too-many-decimals':
      return exponent === 0
        ? fill(strings.planAmountWhole, { currency })
        : fillPlural(strings.planAmountDecimals, exponent, format);
    case 'not-positive':
      return allowZero ? strings.planAmountNegative : strings.planAmountNotPositive;
    case 'too-large':
      return strings.planAmountTooLarge;
  }
}

/** What happened, by error code, in a sentence (the reason of a write's failure). */
const FAILURE_TEXT: Record<DashboardErrorCode, TextKey> = {
  network: 'errorNetwork',
  timeout: 'errorTimeout',
  'rate-limited': 'errorRateLimited',
  server: 'planWriteServerError',
  'invalid-data': 'planWriteUnreadable',
  aborted: 'planWriteInterrupted',
  unauthorized: 'errorUnauthorized',
  'payment-required': 'planBuyDeclined',
  'invalid-request': 'planBuyRefused',
  conflict: 'planBuyConflict',
  forbidden: 'planWriteForbidden',
  'not-found': 'errorNotFound',
};

/** Why a write failed, in words; `alert` for the low-credit alert, whose refusal is not a purchase's. */
export function failureText(
  error: DashboardError,
  strings: DashboardStrings,
  write: 'purchase' | 'alert',
): string {
  if (write === 'alert' && error.code === 'invalid-request') return strings.planAlertRefused;
  return strings[FAILURE_TEXT[error.code] ?? 'planBuyFailed'];
}
