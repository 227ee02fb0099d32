/**
 * The purchase dialog of the plan card as a state machine (DESIGN.md, "Add credits in place"),
 * without DOM or requests: `PurchaseController` sends what `submit` and `retry` return and hands
 * back each answer to `settle`, which says what the card must deliver.
 *
 * The dialog shows `state`: `idle` (closed), `editing` (a pack or a custom amount), `submitting`,
 * then `completed`, `pending`, `redirect` or `failed`. Money moves, so:
 *
 * - One attempt per org at a time: while an attempt of the org is under way, `submit` and `retry`
 *   return nothing (a second click is ignored, not queued), even after the dialog was closed and
 *   opened again, which then shows that attempt still submitting. What is under way and what is
 *   owed is the org's, not one dialog's: kept in the adapter's `PurchaseLedger`, shared by every
 *   plan card on it (a card made again, a second card of the org).
 * - Every attempt has its own idempotency key; every try of it sends the same one. Retry follows a
 *   failure after which the purchase may have been made (`RETRY_SAME_KEY`); after a refusal
 *   (`NEW_ATTEMPT`) trying again is a new attempt with a new key. Submitting the same amount again
 *   after a failure of the first kind is that Retry (its key), so closing the dialog and buying the
 *   same pack again can never charge twice; another amount is a new attempt, and the first amount's
 *   Retry stays owed until a purchase of the org goes through.
 * - Nothing here aborts a purchase: closing the dialog only hides it. Every answer is settled for
 *   the attempt's own org, whichever org the dialog shows by then.
 * - A redirect that came when no dialog showed its purchase is not lost: the next dialog opened for
 *   the org shows it (`waiting`), with its checkout link, once; nothing opens that page unasked.
 */
import { DashboardError, toDashboardError, type DashboardErrorCode } from '../../contract/errors.js';
import { parseCreditPurchase } from '../../contract/purchase.js';
import type { CreditPurchase, Money } from '../../contract/types.js';
import { parseMoneyInput } from '../../format/money-input.js';
import {
  PurchaseLedger,
  type PurchaseAttempt,
  type PurchaseChoice,
  type SettledPurchase,
} from './purchase-ledger.js';

export type { PurchaseAttempt, PurchaseChoice } from './purchase-ledger.js';
export { sameMoney } from './purchase-ledger.js';

export type PurchaseFlowState =
  | { status: 'idle' }
  | { status: 'editing'; orgId: string; choice?: PurchaseChoice }
  | { status: 'submitting'; attempt: PurchaseAttempt }
  | SettledPurchase;

/**
 * The answer to one try, for the attempt's org (`orgId`, whatever the dialog shows now): the card
 * applies `completed` to that org's store and fires `od-credits-purchased`. `replayed`: the answer
 * came to a Retry, so it may be the server's first answer again, with the balance of that time;
 * the card should refresh the org's plan rather than trust that balance over a newer one.
 */
export type PurchaseOutcome = { orgId: string; attempt: PurchaseAttempt } & (
  | { status: 'completed'; availableCredits: Money; replayed: boolean }
  | { status: 'pending' }
  | { status: 'redirect'; url: string }
  | { status: 'failed'; error: DashboardError; retryable: boolean }
);

/**
 * Failures after which the purchase may have been made, so Retry sends the same key (the server
 * answers its first answer, charging nothing more): the transport ones of DESIGN.md, `invalid-data`
 * (an answer came, so the charge may be done), `aborted` (never by the card: the request may have
 * left), and `unauthorized` (a session that expired: Retry after signing in; the same key is as
 * safe as a new one, and safer if a proxy answered 401 after the server took it).
 */
export const RETRY_SAME_KEY: ReadonlySet<DashboardErrorCode> = new Set<DashboardErrorCode>([
  'network',
  'timeout',
  'rate-limited',
  'server',
  'invalid-data',
  'aborted',
  'unauthorized',
]);
/**
 * Refusals: nothing was charged, and the server may remember the key with its refusal, so trying
 * again is a new attempt with a new key. `forbidden` and `not-found` are refusals no try mends
 * (no `plan:manage`, no such org): the dialog shows them and offers no Retry.
 */
export const NEW_ATTEMPT: ReadonlySet<DashboardErrorCode> = new Set<DashboardErrorCode>([
  'payment-required',
  'invalid-request',
  'conflict',
  'forbidden',
  'not-found',
]);

/**
 * A new attempt's key: a UUID, or on a page served over plain http (no `randomUUID` outside secure
 * contexts) 128 random bits in digits, as `getRandomValues` is everywhere; visible ASCII either way.
 */
const newIdempotencyKey = (): string =>
  (crypto.randomUUID as (() => string) | undefined)?.() ??
  crypto.getRandomValues(new Uint32Array(4)).join('-');

/** The ledger each try was sent on: its end is recorded there, whatever the dialog uses by then. */
const sentOn = new WeakMap<PurchaseAttempt, PurchaseLedger>();

export class PurchaseFlow {
  #state: PurchaseFlowState = { status: 'idle' };
  readonly #newKey: () => string;
  readonly #ledger: () => PurchaseLedger;

  /**
   * `ledger`: the purchases of the adapter the card uses now (`ledgerOf`); by default one of this
   * flow's own, as for a dialog alone on its adapter.
   */
  constructor(newKey: () => string = newIdempotencyKey, ledger?: () => PurchaseLedger) {
    this.#newKey = newKey;
    const own = new PurchaseLedger();
    this.#ledger = ledger ?? (() => own);
  }

  get state(): PurchaseFlowState {
    return this.#state;
  }

  /** The org the dialog is open for, or undefined when it is closed. */
  get orgId(): string | undefined {
    const state = this.#state;
    return state.status === 'idle'
      ? undefined
      : state.status === 'editing'
        ? state.orgId
        : state.attempt.orgId;
  }

  /** Whether a purchase of `orgId` (or, without it, of any org) is under way. */
  isUnderWay(orgId?: string): boolean {
    const { underWay } = this.#ledger();
    return orgId === undefined ? underWay.size > 0 : underWay.has(orgId);
  }

  /**
   * Opens the dialog for `orgId`: the attempt still under way for it, its redirect that no dialog
   * showed (shown now, so not again), or its failure that a Retry may mend, else a fresh choice.
   * Opening it for the org it shows changes nothing.
   */
  open(orgId: string): void {
    if (this.orgId === orgId) return;
    const ledger = this.#ledger();
    const underWay = ledger.underWay.get(orgId);
    const redirect = underWay ? undefined : ledger.redirect(orgId);
    if (redirect) ledger.redirectShown(redirect.attempt);
    this.#state = underWay
      ? { status: 'submitting', attempt: underWay }
      : redirect
        ? { ...redirect, waiting: true }
        : (ledger.owed(orgId) ?? { status: 'editing', orgId });
  }

  /** Whether `attempt`'s redirect still waits for a dialog to show it (none did as it came). */
  redirectWaiting(attempt: PurchaseAttempt): boolean {
    return this.#ledgerOf(attempt).redirect(attempt.orgId)?.attempt === attempt;
  }

  /** `attempt`'s redirect was shown as it came (its checkout page opened): the next dialog starts afresh. */
  redirectShown(attempt: PurchaseAttempt): void {
    this.#ledgerOf(attempt).redirectShown(attempt);
  }

  /** The ledger `attempt` was sent on (its end is recorded there), else the current one. */
  #ledgerOf(attempt: PurchaseAttempt): PurchaseLedger {
    return sentOn.get(attempt) ?? this.#ledger();
  }

  /** Closes the dialog (Cancel, Escape, another org, the card leaving): a purchase under way goes on. */
  close(): void {
    this.#state = { status: 'idle' };
  }

  /** Picks one of the packs. */
  choosePack(amount: Money): void {
    if (this.#state.status === 'editing') this.#state = { ...this.#state, choice: { kind: 'pack', amount } };
  }

  /** The custom amount as typed, read in `locale` as money of `currency` (the credits'). */
  typeAmount(text: string, currency: string, locale: string): void {
    if (this.#state.status !== 'editing') return;
    const read = parseMoneyInput(text, currency, locale);
    const choice: PurchaseChoice = read.ok
      ? { kind: 'custom', text, amount: read.amount }
      : { kind: 'custom', text, refusal: read.reason };
    this.#state = { ...this.#state, choice };
  }

  /** Back to the choice (after a failure, keeping what was picked; after a success, to buy more). */
  edit(): void {
    const state = this.#state;
    if (state.status === 'idle' || state.status === 'editing' || state.status === 'submitting') return;
    const { orgId, choice } = state.attempt;
    this.#state =
      state.status === 'failed' ? { status: 'editing', orgId, choice } : { status: 'editing', orgId };
  }

  /**
   * Confirms the chosen amount: the try to send, or undefined when there is nothing to send (no
   * valid amount, or a purchase of this org under way). The same amount as the org's failure that
   * may have been charged is its Retry, with its key.
   */
  submit(): PurchaseAttempt | undefined {
    const state = this.#state;
    const ledger = this.#ledger();
    if (state.status !== 'editing' || !state.choice?.amount || ledger.underWay.has(state.orgId))
      return undefined;
    const { orgId, choice } = state;
    const amount = state.choice.amount;
    const owed = ledger.owed(orgId, amount);
    if (owed) return this.#send({ ...owed.attempt, choice });
    return this.#send({ orgId, amount, choice, idempotencyKey: this.#newKey(), tries: 0 });
  }

  /** Retry after a failure that may have been charged: the same attempt, the same key. */
  retry(): PurchaseAttempt | undefined {
    const state = this.#state;
    if (state.status !== 'failed' || !state.retryable || this.#ledger().underWay.has(state.attempt.orgId))
      return undefined;
    return this.#send(state.attempt);
  }

  #send(attempt: PurchaseAttempt): PurchaseAttempt {
    const next = { ...attempt, tries: attempt.tries + 1 };
    const ledger = this.#ledger();
    sentOn.set(next, ledger);
    ledger.send(next);
    this.#state = { status: 'submitting', attempt: next };
    return next;
  }

  /**
   * A try of the org ended (sent by this dialog or another one on the same ledger): the dialog moves
   * on if it shows that try under way. Returns whether it did.
   */
  observe(settled: SettledPurchase): boolean {
    const shown = this.#state;
    if (shown.status !== 'submitting' || shown.attempt !== settled.attempt) return false;
    this.#state = settled;
    return true;
  }

  /**
   * Takes the answer to `attempt` (what the adapter resolved to, or rejected with) and returns the
   * outcome to deliver for the attempt's org. The dialog moves on only if it still shows that try.
   */
  settle(
    attempt: PurchaseAttempt,
    answer: { ok: true; purchase: CreditPurchase } | { ok: false; error: unknown },
  ): PurchaseOutcome {
    let state: SettledPurchase;
    try {
      if (!answer.ok) throw answer.error;
      // Checked again, as a custom adapter may not: a redirect only to an absolute http(s) URL.
      state = { ...parseCreditPurchase(answer.purchase), attempt };
      // A balance in another currency is not the credits' balance (the amount bought is in theirs):
      // shown, it would pass for theirs. Unreadable, then, and the charge may have gone through.
      if (state.status === 'completed' && state.availableCredits.currency !== attempt.amount.currency)
        throw new DashboardError(
          'invalid-data',
          `Invalid credit purchase at availableCredits.currency: expected ${attempt.amount.currency}, the credits' currency`,
          { path: 'availableCredits.currency' },
        );
    } catch (thrown) {
      const error = toDashboardError(thrown);
      state = { status: 'failed', attempt, error, retryable: RETRY_SAME_KEY.has(error.code) };
    }
    this.observe(state);
    // Every dialog of the org hears it, this one included (observed already).
    this.#ledgerOf(attempt).settle(state);
    const { orgId } = attempt;
    switch (state.status) {
      case 'completed':
        return {
          orgId,
          attempt,
          status: 'completed',
          availableCredits: state.availableCredits,
          replayed: attempt.tries > 1,
        };
      case 'redirect':
        return { orgId, attempt, status: 'redirect', url: state.url };
      case 'failed':
        return { orgId, attempt, status: 'failed', error: state.error, retryable: state.retryable };
      default:
        return { orgId, attempt, status: 'pending' };
    }
  }
}
