/**
 * What every plan card on the page must know of an org's purchases, whichever card sent them: the
 * attempt under way (one per org) and the failure after which the purchase may have been made (its
 * Retry, with its idempotency key, is owed). One ledger per adapter, as a key means something only
 * to the backend it was sent to.
 *
 * Kept by each card's dialog until 2026-12-06, so a card made again (a route left and come back
 * to, a keyed list rendered again) or a second plan card of the org knew neither: buying the same
 * pack after a failure that may have charged sent a new key and charged twice, and Buy was offered
 * while the first purchase was still on its way.
 */
import type { DashboardError } from '../../contract/errors.js';
import type { Money } from '../../contract/types.js';
import type { MoneyInputRefusal } from '../../format/money-input.js';

/** What the viewer picked: a pack, or the text typed as a custom amount (`amount` once it reads). */
export type PurchaseChoice =
  | { kind: 'pack'; amount: Money }
  | { kind: 'custom'; text: string; amount?: Money; refusal?: MoneyInputRefusal };

/** One purchase the viewer confirmed: every try of it sends `idempotencyKey`. */
export interface PurchaseAttempt {
  readonly orgId: string;
  readonly amount: Money;
  readonly idempotencyKey: string;
  /** What the viewer picked, shown again when they go back to the choice after a failure. */
  readonly choice: PurchaseChoice;
  /** 1 for the first try, then one more for each Retry. */
  readonly tries: number;
}

/** An attempt's failure; `retryable`: it may have been charged, so its Retry sends the same key. */
export type PurchaseFailure = {
  status: 'failed';
  attempt: PurchaseAttempt;
  error: DashboardError;
  retryable: boolean;
};

/** What a try ended in, as a dialog shows it. */
export type SettledPurchase =
  | { status: 'completed'; attempt: PurchaseAttempt; availableCredits: Money }
  | { status: 'pending'; attempt: PurchaseAttempt }
  | { status: 'redirect'; attempt: PurchaseAttempt; url: string }
  | PurchaseFailure;

type SettledListener = (settled: SettledPurchase) => void;

export class PurchaseLedger {
  /** The try under way of each org (one at most). */
  readonly underWay = new Map<string, PurchaseAttempt>();
  /** Each org's last failure after which the purchase may have been made: its Retry is owed. */
  readonly unresolved = new Map<string, PurchaseFailure>();
  readonly #listeners = new Set<SettledListener>();

  /** Records the end of a try (whichever card sent it) and tells every dialog that listens. */
  settle(settled: SettledPurchase): void {
    const { attempt } = settled;
    if (this.underWay.get(attempt.orgId) === attempt) this.underWay.delete(attempt.orgId);
    if (settled.status === 'failed' && settled.retryable) this.unresolved.set(attempt.orgId, settled);
    for (const listener of [...this.#listeners]) listener(settled);
  }

  /** Hears every try this ledger settles; returns the function that stops listening. */
  listen(listener: SettledListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

const ledgers = new WeakMap<object, PurchaseLedger>();

/** The ledger of purchases sent through `adapter`, shared by every plan card using it. */
export function ledgerOf(adapter: object): PurchaseLedger {
  let ledger = ledgers.get(adapter);
  if (!ledger) {
    ledger = new PurchaseLedger();
    ledgers.set(adapter, ledger);
  }
  return ledger;
}
