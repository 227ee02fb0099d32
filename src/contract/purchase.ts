/**
 * The two writes of DESIGN.md ("Foresight and acting in place"): what an adapter refuses to send
 * (`invalid-request`, before any request, as for org ids) and the run-time check of a purchase's
 * answer (`invalid-data`). Shared by every adapter, so the rules are one.
 */
import { DashboardError } from './errors.js';
import {
  integer,
  Invalid,
  object,
  pattern,
  picklist,
  refine,
  string,
  variant,
  type Schema,
} from './schema.js';
import type { CreditPurchase, CreditPurchaseRequest, Money } from './types.js';

/** The longest idempotency key sent: 255 characters, Stripe's limit and room for any UUID or ULID. */
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;

const currency = pattern(/^[A-Z]{3}$/, 'expected an ISO 4217 code');
const moneyFrom = (least: number): Schema<Money> =>
  object({ amountMinor: integer(least, Number.MAX_SAFE_INTEGER), currency });

/**
 * 1 to 255 visible ASCII characters (no spaces). A header carries nothing else as written: the
 * browser trims white space (so `" k"` and `"k"` would be one key to the server) and sends other
 * characters as bytes that servers read differently.
 */
const idempotencyKey = pattern(
  new RegExp(`^[\\x21-\\x7e]{1,${IDEMPOTENCY_KEY_MAX_LENGTH}}$`),
  `expected 1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} visible ASCII characters`,
);

/** A purchase: a positive amount in minor units (a safe integer) and a well-formed key. */
const purchaseRequest: Schema<CreditPurchaseRequest> = object({ amount: moneyFrom(1), idempotencyKey });

/** A threshold is zero or more (`null` clears it, see `thresholdError`). */
const threshold = moneyFrom(0);

function refusal<T>(schema: Schema<T>, value: unknown, what: string): DashboardError | undefined {
  try {
    schema(value, undefined);
    return undefined;
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    const path = error.path.join('.');
    return new DashboardError(
      'invalid-request',
      `${what} was not sent: ${path || 'the value'} ${error.message}.`,
      {
        path,
      },
    );
  }
}

/**
 * Why `request` cannot be sent to `purchaseCredits`, or undefined when it can: the amount must be
 * positive whole minor units of a currency code, the key as `idempotencyKey` above.
 */
export function purchaseRequestError(request: unknown): DashboardError | undefined {
  return refusal(purchaseRequest, request, 'The credit purchase');
}

/** Why `value` cannot be sent to `setLowCreditThreshold`, or undefined: money of zero or more, or `null`. */
export function thresholdError(value: unknown): DashboardError | undefined {
  return value === null ? undefined : refusal(threshold, value, 'The low-credit threshold');
}

/**
 * An absolute http(s) URL, written as opened: `http://` or `https://` first, and nothing the URL
 * parser would quietly drop or change (controls, spaces, tabs, line breaks), nor credentials
 * (`https://shop.example@evil.example/` names another host than it seems to).
 */
function isCheckoutUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (!/^https?:\/\//i.test(url) || /[\u0000-\u0020\u007f]/.test(url)) return false;
  try {
    const parsed = new URL(url);
    return parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

const creditPurchase = variant<CreditPurchase>('status', {
  completed: object({
    status: picklist(['completed']),
    availableCredits: moneyFrom(-Number.MAX_SAFE_INTEGER),
  }),
  pending: object({ status: picklist(['pending']) }),
  redirect: object({
    status: picklist(['redirect']),
    url: refine(string, isCheckoutUrl, 'expected an absolute http(s) URL'),
  }),
});

/**
 * Validates what `purchaseCredits` answered (DESIGN.md's `CreditPurchase`): a known `status`,
 * `completed` with valid money, `redirect` with an absolute http(s) URL; anything else is
 * `invalid-data` with the path of the bad field (`availableCredits.amountMinor`, `url`).
 */
export function parseCreditPurchase(value: unknown): CreditPurchase {
  try {
    return creditPurchase(value, undefined);
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    const path = error.path.join('.');
    throw new DashboardError(
      'invalid-data',
      `Invalid credit purchase${path ? ` at ${path}` : ''}: ${error.message}`,
      {
        path,
      },
    );
  }
}
