/**
 * The plan card's two writes (DESIGN.md, "Add credits in place" and "Low-credit alert") as Lit
 * reactive controllers: `PurchaseController` runs the purchase dialog's `PurchaseFlow` against the
 * adapter, `LowCreditThresholdController` (threshold-controller.ts, re-exported here) sets or clears
 * the alert. Both request a host update at each change of state, and neither shows anything: the
 * card renders their `state`.
 *
 * Neither ever aborts a write. The card's requests stop when it leaves the page or shows another
 * org (their signals abort), but a write that may already have moved money must finish, so no
 * signal is passed: an org switch, the dialog closing or the element leaving the page lets it
 * finish, and its outcome still goes to `onOutcome` (or `onSaved`) for the org it was made for,
 * even if the card shows another org by then (the card applies it to that org's store and fires
 * its event). The card decides what to do with an outcome the dialog no longer shows, such as a
 * `redirect` after the viewer closed the dialog (not to navigate away unasked: the ledger keeps it
 * for the next dialog of the org, which offers its checkout link).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DashboardAdapter, Money } from '../../contract/types.js';
import {
  PurchaseFlow,
  type PurchaseAttempt,
  type PurchaseFlowState,
  type PurchaseOutcome,
} from './purchase-flow.js';
import { ledgerOf, PurchaseLedger, type PurchaseRedirect, type SettledPurchase } from './purchase-ledger.js';
import type { PlanWritesOptions } from './threshold-controller.js';
import { clockOf, WritesUnderWay, WriteUnavailable } from './write-support.js';

export {
  LowCreditThresholdController,
  type LowCreditThresholdControllerOptions,
  type PlanWritesOptions,
  type ThresholdOutcome,
  type ThresholdState,
} from './threshold-controller.js';

export interface PurchaseControllerOptions extends PlanWritesOptions {
  /** Each try's outcome, for the attempt's org (see `PurchaseOutcome`), and the adapter it went to. */
  /** `sentAt`: the org's store's clock when the try was sent (see `DashboardStore.confirm`). */
  onOutcome(outcome: PurchaseOutcome, adapter: DashboardAdapter | undefined, sentAt: number): void;
  /** The dialog moved on to the end of a try another card sent (it showed that try under way). */
  onObserved?(settled: SettledPurchase): void;
  /** Idempotency keys (default a UUID, see `PurchaseFlow`): one per attempt. */
  newKey?: () => string;
}

export class PurchaseController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: PurchaseControllerOptions;
  readonly #flow: PurchaseFlow;
  /** The adapter each attempt (by key) was first sent to: its key means something only there. */
  readonly #adapters = new Map<string, DashboardAdapter>();
  readonly #underWay = new WritesUnderWay();
  /** For a card without an adapter: nothing can be sent, but the flow needs a ledger. */
  readonly #ownLedger = new PurchaseLedger();
  /** The ledger this controller hears, and how to stop hearing it. */
  #heard?: { ledger: PurchaseLedger; stop: () => void };

  constructor(host: ReactiveControllerHost, options: PurchaseControllerOptions) {
    this.#host = host;
    this.#options = options;
    this.#flow = new PurchaseFlow(options.newKey, () => this.#ledger());
    host.addController(this);
  }

  /** The purchases of the card's adapter, shared with every plan card on it (`PurchaseLedger`). */
  #ledger(): PurchaseLedger {
    const adapter = this.#options.adapter();
    return adapter ? ledgerOf(adapter) : this.#ownLedger;
  }

  /**
   * Hears the tries of the current adapter's ledger, so a try another card sent moves this dialog on,
   * and its waiting redirects coming and going, which the card shows (`waitingRedirect`).
   */
  #hear(): void {
    const ledger = this.#ledger();
    if (this.#heard?.ledger === ledger) return;
    this.#heard?.stop();
    const stopListening = ledger.listen((settled) => {
      if (!this.#flow.observe(settled)) return;
      this.#host.requestUpdate();
      this.#options.onObserved?.(settled);
    });
    const stopWatching = ledger.watchRedirects(() => this.#host.requestUpdate());
    this.#heard = {
      ledger,
      stop: () => {
        stopListening();
        stopWatching();
      },
    };
  }

  /** What the dialog shows. */
  get state(): PurchaseFlowState {
    return this.#flow.state;
  }

  /** Whether the adapter can buy credits (the card also needs the viewer's `plan:manage`). */
  get available(): boolean {
    return typeof this.#options.adapter()?.purchaseCredits === 'function';
  }

  /** Whether a purchase of `orgId` (or of any org) is under way. */
  isUnderWay(orgId?: string): boolean {
    return this.#flow.isUnderWay(orgId);
  }

  /**
   * The purchase of `orgId` that waits for the viewer on its checkout page, its answer having come
   * when no dialog showed it, until a dialog shows it, the viewer follows its link or another
   * purchase of the org is sent.
   */
  waitingRedirect(orgId: string): PurchaseRedirect | undefined {
    return this.#ledger().redirect(orgId);
  }

  /** Whether `attempt`'s redirect waits for the next dialog of its org (no dialog showed it as it came). */
  redirectWaiting(attempt: PurchaseAttempt): boolean {
    return this.#flow.redirectWaiting(attempt);
  }

  /** `attempt`'s redirect was shown as it came (its checkout page opened): not kept for the next dialog. */
  redirectShown(attempt: PurchaseAttempt): void {
    this.#flow.redirectShown(attempt);
  }

  /** Resolves once no purchase is under way (each outcome delivered): for tests and `updateComplete`. */
  async settled(): Promise<void> {
    await this.#underWay.settled();
  }

  /** Opens the dialog for the card's org (see `PurchaseFlow.open`). */
  open(): void {
    const orgId = this.#options.orgId();
    if (orgId === undefined || !this.available) return;
    this.#change(() => this.#flow.open(orgId));
  }

  close(): void {
    this.#change(() => this.#flow.close());
  }

  choosePack(amount: Money): void {
    this.#change(() => this.#flow.choosePack(amount));
  }

  typeAmount(text: string, currency: string, locale: string): void {
    this.#change(() => this.#flow.typeAmount(text, currency, locale));
  }

  edit(): void {
    this.#change(() => this.#flow.edit());
  }

  /**
   * Confirms the chosen amount; false when nothing was sent (a purchase of the org under way, or an
   * adapter that can no longer buy: a Buy pressed after the host swapped it, before the render).
   */
  submit(): boolean {
    if (!this.available) return false;
    return this.#start(this.#flow.submit());
  }

  /** Retries the failed attempt with its key; false when it cannot be retried. */
  retry(): boolean {
    return this.#start(this.#flow.retry());
  }

  hostConnected(): void {
    this.#hear();
  }

  hostUpdate(): void {
    this.#hear();
    const shown = this.#flow.orgId;
    if (shown !== undefined && shown !== this.#options.orgId()) this.#flow.close();
  }

  hostDisconnected(): void {
    // Nothing to abort: a purchase under way finishes and is delivered (see the module comment).
    this.#heard?.stop();
    this.#heard = undefined;
  }

  #change(step: () => void): void {
    step();
    this.#host.requestUpdate();
  }

  #start(attempt: PurchaseAttempt | undefined): boolean {
    if (!attempt) return false;
    const { orgId, amount, idempotencyKey } = attempt;
    const adapter = this.#adapters.get(idempotencyKey) ?? this.#options.adapter();
    if (adapter) this.#adapters.set(idempotencyKey, adapter);
    const sentAt = clockOf(adapter, orgId);
    const run = (async () => {
      let answer: Parameters<PurchaseFlow['settle']>[1];
      try {
        if (!adapter?.purchaseCredits) throw new WriteUnavailable('buy credits');
        // No options, so no signal: nothing the card does aborts a purchase.
        answer = {
          ok: true,
          purchase: await adapter.purchaseCredits(orgId, { amount: { ...amount }, idempotencyKey }),
        };
      } catch (error) {
        answer = { ok: false, error };
      }
      const outcome = this.#flow.settle(attempt, answer);
      if (outcome.status !== 'failed' || !outcome.retryable) this.#adapters.delete(idempotencyKey);
      this.#host.requestUpdate();
      this.#options.onOutcome(outcome, adapter, sentAt);
    })();
    this.#underWay.add(run);
    this.#host.requestUpdate();
    return true;
  }
}
