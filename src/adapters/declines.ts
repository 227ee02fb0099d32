/**
 * Declined purchases, as a payment backend keeps them (openapi.yaml's `purchaseCredits`, and
 * Stripe's rule): a decline (402) is the first definitive answer to its idempotency key, as a
 * completed purchase is. Every repeat of the key with the same amount is declined again, with the
 * same status and message, and never charged: a client whose 402 was lost on the way back tries
 * again with the same key, and must not be charged for an attempt the backend declined. The
 * memory adapter and the mock REST API decline here (`takePurchase` in `dataset.ts`) when told to
 * by `failNext`, so both keep the same ledger.
 */
import { DashboardError } from '../contract/errors.js';
import type { Money } from '../contract/types.js';

/** How a backend declines a purchase: the status it answers (402) and its error body's message. */
export interface Decline {
  status: number;
  message: string;
}

/** A purchase the backend declined under an idempotency key: nothing charged, `decline` for good. */
export interface DeclinedPurchaseRecord {
  idempotencyKey: string;
  amount: Money;
  decline: Decline;
}

/** The error a decline rejects with, the first time and on every repeat of its key. */
export function declineError({ status, message }: Decline): DashboardError {
  return new DashboardError('payment-required', message, { status });
}

/**
 * The decline an injected error stands for: `payment-required`, with its status (402 unless it
 * says otherwise) and message. Undefined for any other error, which is no answer of the backend's
 * (a 429, a 5xx, a network failure) or a refusal it does not store (400, 409, 422).
 */
export function declineOf(error: DashboardError): Decline | undefined {
  return error.code === 'payment-required'
    ? { status: error.status ?? 402, message: error.message }
    : undefined;
}
