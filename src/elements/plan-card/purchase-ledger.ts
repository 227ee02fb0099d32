/**
 * What every plan card on the page must know of an org's purchases, whichever card sent them: the
 * attempt under way (one per org), the failures after which the purchase may have been made (their
 * Retry, with its idempotency key, is owed) and the redirect that no dialog showed (its checkout page
 * still to visit). One ledger per adapter, as a key means something only to the backend it was sent to.
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
  | PurchaseRedirect
  | PurchaseFailure;

/**
 * A redirect: the purchase waits for the viewer on the checkout page at `url`. `waiting`: shown after
 * the fact (the answer came when no dialog showed the purchase), so nothing opened that page.
 */
export type PurchaseRedirect = {
  status: 'redirect';
  attempt: PurchaseAttempt;
  url: string;
  waiting?: boolean;
};

type SettledListener = (settled: SettledPurchase) => void;

/** Whether two amounts are the same money (same currency, same minor units). */
export const sameMoney = (a: Money, b: Money) => a.amountMinor === b.amountMinor && a.currency === b.currency;

export class PurchaseLedger {
  /** The try under way of each org (one at most). */
  readonly underWay = new Map<string, PurchaseAttempt>();
  /**
   * Each org's failures after which the purchase may have been made, one per amount, newest last:
   * each is owed its Retry (its key) until a purchase of the org goes through. Another amount tried
   * and refused meanwhile gives none up: going back to the first amount must not charge it twice.
   */
  readonly #owed = new Map<string, PurchaseFailure[]>();
  /**
   * Each org's redirect that no dialog has shown yet: its answer came after the viewer closed the
   * dialog (or to a card that left the page), and the card opens no checkout page unasked. Kept for
   * the next dialog opened for the org, which shows it once with its link; given up then, when a
   * dialog shows it as it comes (`redirectShown`), or when another purchase of the org is sent.
   */
  readonly #redirects = new Map<string, PurchaseRedirect>();
  readonly #listeners = new Set<SettledListener>();
  /** Told whenever an org's waiting redirect comes or goes: every card's note of it follows. */
  readonly #redirectWatchers = new Set<() => void>();

  /** The org's failure owed a Retry for `amount`; without it, the latest. */
  owed(orgId: string, amount?: Money): PurchaseFailure | undefined {
    const owed = this.#owed.get(orgId) ?? [];
    return amount ? owed.find((failure) => sameMoney(failure.attempt.amount, amount)) : owed.at(-1);
  }

  /** The org's redirect that no dialog has shown (see `#redirects`). */
  redirect(orgId: string): PurchaseRedirect | undefined {
    return this.#redirects.get(orgId);
  }

  /** `attempt`'s redirect was shown in a dialog (its checkout page opened, or its link offered): not again. */
  redirectShown(attempt: PurchaseAttempt): void {
    if (this.#redirects.get(attempt.orgId)?.attempt === attempt) this.#dropRedirect(attempt.orgId);
  }

  #dropRedirect(orgId: string): void {
    if (this.#redirects.delete(orgId)) this.#redirectsChanged();
  }

  #redirectsChanged(): void {
    for (const watcher of [...this.#redirectWatchers]) watcher();
  }

  /** Hears each waiting redirect coming or going (any org); returns the function that stops. */
  watchRedirects(watcher: () => void): () => void {
    this.#redirectWatchers.add(watcher);
    return () => this.#redirectWatchers.delete(watcher);
  }

  /**
   * A try is sent: under way, and no longer owed (its end says what it owes). A redirect of the org
   * still to pay gives way too: the viewer chose another purchase rather than that checkout page.
   */
  send(attempt: PurchaseAttempt): void {
    this.underWay.set(attempt.orgId, attempt);
    this.#dropRedirect(attempt.orgId);
    this.#forget(attempt);
  }

  /**
   * Records the end of a try (whichever card sent it) and tells every dialog that listens. A redirect
   * is kept until a dialog shows it: the one that shows the try as it ends says so (`redirectShown`).
   */
  settle(settled: SettledPurchase): void {
    const { attempt } = settled;
    const { orgId } = attempt;
    if (this.underWay.get(orgId) === attempt) this.underWay.delete(orgId);
    if (settled.status === 'redirect') this.#redirects.set(orgId, settled);
    if (settled.status !== 'failed') this.#owed.delete(orgId);
    else if (settled.retryable) this.#owed.set(orgId, [...this.#forget(attempt), settled]);
    for (const listener of [...this.#listeners]) listener(settled);
    // Watchers ask for renders, which come after a dialog showing this try has opened its page.
    if (settled.status === 'redirect') this.#redirectsChanged();
  }

  /** Gives up what is owed for `attempt`'s amount; returns what stays owed of its org. */
  #forget({ orgId, amount }: PurchaseAttempt): PurchaseFailure[] {
    const kept = (this.#owed.get(orgId) ?? []).filter(
      (failure) => !sameMoney(failure.attempt.amount, amount),
    );
    this.#owed.set(orgId, kept);
    return kept;
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
