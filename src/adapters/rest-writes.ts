/**
 * The REST adapter's two writes as requests (rest.ts loads this module on the first write, so a
 * page's first load carries none of it): what is sent, and the check of the purchase's answer.
 */
import { parseCreditPurchase, purchaseRequestError, thresholdError } from '../contract/purchase.js';
import type { CreditPurchaseRequest, Money } from '../contract/types.js';
import type { JsonRequest } from './http.js';
import { orgPath } from './rest-paths.js';

export { parseCreditPurchase };

/**
 * `POST /organizations/{orgId}/credits/purchases`: the amount as JSON and the attempt's key in
 * `Idempotency-Key`, which the server uses to answer a repeat with its first result. Input that
 * cannot be right is refused before any request (and before the token is asked for).
 */
export function purchaseRequest(orgId: string, request: CreditPurchaseRequest): JsonRequest {
  const path = orgPath(orgId, '/credits/purchases');
  const refused = purchaseRequestError(request);
  if (refused) throw refused;
  const { amountMinor, currency } = request.amount;
  return {
    method: 'POST',
    path,
    headers: { 'Idempotency-Key': request.idempotencyKey },
    body: { amount: { amountMinor, currency } },
  };
}

/** `PUT /organizations/{orgId}/plan/low-credit-threshold`: set (money) or clear (`null`) the alert. */
export function thresholdRequest(orgId: string, threshold: Money | null): JsonRequest {
  const path = orgPath(orgId, '/plan/low-credit-threshold');
  const refused = thresholdError(threshold);
  if (refused) throw refused;
  const body = threshold && { amountMinor: threshold.amountMinor, currency: threshold.currency };
  return { method: 'PUT', path, body: { threshold: body } };
}
