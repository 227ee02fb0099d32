/**
 * The plan card's purchase dialog (DESIGN.md, "Add credits in place"): a native modal `<dialog>`
 * that shows `PurchaseController`'s state, and what each outcome does beyond the dialog: the new
 * balance into the org's store, `od-credits-purchased`, the checkout page of a redirect (or, when
 * the dialog was closed, the card saying that the purchase waits for it: (+) offers its link).
 *
 * Focus: `showModal` moves it into the dialog (to the first amount); when the dialog's content
 * changes with the state, it moves to what the new state offers first (Close after a success,
 * Retry after a failure), never left on a button that went away; when the dialog closes (Cancel,
 * Close, Escape, another org) it goes back to (+). Every result is said by the dialog's polite
 * status region, which is also the visible sentence.
 */
import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';
import type { DashboardAdapter, PlanSummary } from '../../contract/types.js';
import type { FormatContext } from '../../format/format.js';
import type { Direction } from '../../i18n/direction.js';
import { heldStore } from '../../store/registry.js';
import type { DashboardStrings } from '../../strings/strings.js';
import { CreditsPurchasedEvent } from './plan-card.events.js';
import { PurchaseController, type PlanWritesOptions } from './purchase-controller.js';
import type { PurchaseAttempt, PurchaseFlowState, PurchaseOutcome } from './purchase-flow.js';
import type { SettledPurchase } from './purchase-ledger.js';
import {
  purchaseSentence,
  renderChoice,
  renderControls,
  renderWaitingCheckout,
  unseenSentence,
} from './purchase-view.js';

/** What the card tells its write controls. */
export interface PlanWritesContext extends PlanWritesOptions {
  /** The plan on screen: the credits' currency, the packs, the balance. */
  plan(): PlanSummary | undefined;
  strings(): DashboardStrings;
  format(): FormatContext;
  lang(): { lang: string; dir: Direction };
  /** The next change of `store`'s plan is this write's, whose result is said already: no live summary of it. */
  ownChange(store: object): void;
  /**
   * Whether the viewer may act (`plan:manage`). Taken away while the dialog or the alert's form is
   * open (access changed live or on a resync), it closes as Cancel would; a write sent goes on.
   */
  mayAct(): boolean;
  /** Says `text` in the card's polite status region: a write's result that no dialog or form shows. */
  announce(text: string): void;
}

/** Opens a redirect's checkout page in the same tab (a seam for tests, which cannot leave the page). */
export const checkoutPage = {
  open(url: string): void {
    window.location.assign(url);
  },
};

export class PurchaseDialog implements ReactiveController {
  readonly purchase: PurchaseController;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #context: PlanWritesContext;
  readonly #dialog = createRef<HTMLDialogElement>();
  /** Where focus goes back when the dialog closes: the (+) that opened it. */
  #opener?: HTMLElement;
  /** What the dialog showed at the last render (`view`), to move focus when it changes. */
  #shown?: string;
  /** Say why the amount cannot be bought: after Buy was pressed, or the field was left. */
  #showRefusal = false;

  constructor(host: ReactiveControllerHost & HTMLElement, context: PlanWritesContext) {
    this.#host = host;
    this.#context = context;
    this.purchase = new PurchaseController(host, {
      adapter: context.adapter,
      orgId: context.orgId,
      onOutcome: (outcome, adapter, sentAt) => this.#deliver(outcome, adapter, sentAt),
      // Another card's try, this dialog showing it (a second card, a card made again): its redirect too.
      onObserved: (settled) => this.#redirect(settled.attempt),
    });
    host.addController(this);
  }

  /** Whether (+) opens this dialog: the adapter can buy credits. */
  get available(): boolean {
    return this.purchase.available;
  }

  /** Opens the dialog for the card's org; `opener` gets focus back when it closes. */
  open(opener?: HTMLElement): void {
    this.#opener = opener;
    this.#showRefusal = false;
    this.purchase.open();
  }

  /**
   * `plan:manage` taken away with the dialog open: closed before the render that takes it and (+)
   * away, as Cancel closes it (the `close` event, nothing left open to come back when the viewer may
   * act again); focus, which had nowhere else to go back to, goes to the card's heading (FocusKeeper).
   * A purchase under way goes on; its result is said by the card (`#sayUnseen`).
   */
  hostUpdate(): void {
    if (this.#context.mayAct() || this.purchase.state.status === 'idle') return;
    this.purchase.close();
    const dialog = this.#dialog.value;
    if (dialog?.open) dialog.close();
  }

  /** What the dialog shows, as far as focus goes: the state, or that buying is not available here. */
  #view(state: PurchaseFlowState): string {
    return state.status === 'editing' && !this.available ? 'unavailable' : state.status;
  }

  hostUpdated(): void {
    const dialog = this.#dialog.value;
    const state = this.purchase.state;
    if (!dialog) return;
    // Moved in the page with the dialog open: leaving the document took it out of the top layer
    // and made it a plain open dialog (no backdrop, the page behind usable, Escape ignored).
    // Shown again as a modal, without the close event that would end the flow.
    if (state.status !== 'idle' && dialog.open && !dialog.matches(':modal')) dialog.removeAttribute('open');
    if (state.status !== 'idle' && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[data-focus]')?.focus();
    } else if (state.status === 'idle' && dialog.open) {
      dialog.close();
      this.#returnFocus();
    } else if (dialog.open && this.#shown && this.#shown !== this.#view(state)) {
      dialog.querySelector<HTMLElement>('[data-focus]')?.focus();
    }
    this.#shown = this.#view(state);
  }

  /**
   * The dialog closed: by Escape (the flow still shows it, so it closes now), or after Cancel,
   * Close or the card closing it. The purchase goes on either way.
   */
  readonly #closed = () => {
    // Open again since (a task passes before `close` comes): this event is of the close before.
    if (this.#dialog.value?.open) return;
    this.#shown = undefined;
    // Kept on the page only to close (see `render`): it goes now.
    if (!this.available) this.#host.requestUpdate();
    if (this.purchase.state.status === 'idle') return;
    this.purchase.close();
    this.#returnFocus();
  };

  /**
   * Back to (+) (the one that opened the dialog, or the card's (+) now if that one was rendered
   * anew meanwhile), unless there is none (the card shows another state) or focus already moved on
   * outside.
   */
  #returnFocus(): void {
    const root = this.#host.shadowRoot;
    const opener = this.#opener?.isConnected
      ? this.#opener
      : (root?.querySelector<HTMLElement>('[part~="add-credits"]') ?? undefined);
    const focused = root?.activeElement;
    const lost =
      !focused || this.#dialog.value?.contains(focused) || document.activeElement === document.body;
    if (opener?.isConnected && lost) opener.focus();
  }

  #deliver(outcome: PurchaseOutcome, adapter: DashboardAdapter | undefined, sentAt: number): void {
    const store = adapter && heldStore(adapter, outcome.orgId);
    const { amount, idempotencyKey } = outcome.attempt;
    switch (outcome.status) {
      case 'completed': {
        const plan = store?.get('plan').data;
        if (store) this.#context.ownChange(store);
        // A Retry's answer may be the first answer again, with the balance of that time: fetch instead.
        if (plan && !outcome.replayed)
          store?.confirm('plan', { ...plan, availableCredits: outcome.availableCredits }, sentAt);
        else void store?.refresh('plan');
        const detail = {
          orgId: outcome.orgId,
          amount,
          idempotencyKey,
          availableCredits: outcome.availableCredits,
        };
        this.#host.dispatchEvent(new CreditsPurchasedEvent({ ...detail, status: 'completed' }));
        this.#sayUnseen({ ...outcome, status: 'completed' });
        return;
      }
      case 'failed':
        // An answer came but could not be taken (a balance in another currency, say): the charge may
        // have gone through, so the plan is fetched again; the last good balance stays meanwhile.
        if (outcome.error.code === 'invalid-data') void store?.refresh('plan');
        this.#sayUnseen(outcome);
        return;
      case 'pending':
        this.#sayUnseen(outcome);
        this.#host.dispatchEvent(
          new CreditsPurchasedEvent({
            orgId: outcome.orgId,
            amount,
            idempotencyKey,
            status: 'pending',
            availableCredits: null,
          }),
        );
        return;
      case 'redirect':
        if (!this.#redirect(outcome.attempt)) this.#sayUnseen(outcome);
    }
  }

  /**
   * Says a try's result in the card's status region when the dialog no longer shows it (the viewer
   * closed it while the purchase went on, or lost `plan:manage`), for the org the card shows: the
   * balance changing, or a failure that owes a Retry, is not left unsaid. A redirect that no dialog
   * shows opens nothing (see `#redirect`): the purchase waits for the checkout page, whose link
   * (+) offers next (unless another card's dialog showed it meanwhile).
   */
  #sayUnseen(settled: SettledPurchase): void {
    const shown = this.purchase.state;
    if ('attempt' in shown && shown.attempt === settled.attempt) return;
    if (this.#context.orgId() !== settled.attempt.orgId) return;
    if (settled.status === 'redirect' && !this.purchase.redirectWaiting(settled.attempt)) return;
    const context = this.#context;
    context.announce(unseenSentence(settled, context.strings(), context.format(), context.mayAct()));
  }

  /**
   * Opens the checkout page of `attempt`'s redirect only while this dialog shows it, on the page:
   * never away from a page the viewer moved on in (the dialog closed, the card gone with its route).
   * Returns whether it did; if not, the ledger keeps the redirect for the org's next dialog.
   */
  #redirect(attempt: PurchaseAttempt): boolean {
    const shown = this.purchase.state;
    if (shown.status !== 'redirect' || shown.attempt !== attempt || !this.#host.isConnected) return false;
    this.purchase.redirectShown(attempt);
    checkoutPage.open(shown.url);
    return true;
  }

  /** In the card: the org's purchase waiting on its checkout page, with the link (`renderWaitingCheckout`). */
  renderWaiting(): TemplateResult | typeof nothing {
    const context = this.#context;
    const orgId = context.orgId();
    const redirect = orgId === undefined ? undefined : this.purchase.waitingRedirect(orgId);
    if (!redirect) return nothing;
    return renderWaitingCheckout(redirect, context.strings(), context.format(), () =>
      this.purchase.redirectShown(redirect.attempt),
    );
  }

  /**
   * Rendered while the adapter can buy, and also while the dialog is open when the host swaps in an
   * adapter that cannot: a dialog that vanished under the viewer would take away a purchase's result
   * (a try under way still ends, on the adapter it was sent to) and their focus.
   */
  render(): TemplateResult | typeof nothing {
    // Kept while still open, so that it closes as a dialog does (focus back to (+)), then leaves.
    if (!this.available && this.purchase.state.status === 'idle' && !this.#dialog.value?.open) return nothing;
    const strings = this.#context.strings();
    const { lang, dir } = this.#context.lang();
    return html`<dialog
      ${ref(this.#dialog)}
      part="purchase-dialog"
      aria-labelledby="buy-title"
      lang=${lang}
      dir=${dir}
      @close=${this.#closed}
    >
      <h2 id="buy-title" part="dialog-title">${strings.planBuyTitle}</h2>
      ${this.#renderState(strings)}
    </dialog>`;
  }

  /**
   * The state's sentence in the one status region (kept across states, so each new sentence is
   * announced), then its controls.
   */
  #renderState(strings: DashboardStrings) {
    const state = this.purchase.state;
    const format = this.#context.format();
    const unavailable = this.#view(state) === 'unavailable';
    return html`<p part="purchase-status" class="purchase-status" role="status">
        ${unavailable ? strings.planBuyUnavailable : purchaseSentence(state, strings, format)}
      </p>
      ${this.#renderControls(state, strings, format)}`;
  }

  /** What the state offers (purchase-view.ts); the first thing focus should go to carries `data-focus`. */
  #renderControls(state: PurchaseFlowState, strings: DashboardStrings, format: FormatContext) {
    return state.status === 'editing' && this.available
      ? this.#renderChoice(state, strings, format)
      : renderControls(state, strings, this.purchase);
  }

  /** The choice of amount, in the editing state (purchase-view.ts). */
  #renderChoice(
    state: Extract<PurchaseFlowState, { status: 'editing' }>,
    strings: DashboardStrings,
    format: FormatContext,
  ) {
    const plan = this.#context.plan();
    if (!plan) return nothing;
    return renderChoice({
      state,
      plan,
      strings,
      format,
      purchase: this.purchase,
      showRefusal: this.#showRefusal,
      sayRefusal: (focus) => {
        this.#showRefusal = true;
        this.#host.requestUpdate();
        if (focus)
          void this.#host.updateComplete.then(() =>
            this.#dialog.value?.querySelector<HTMLElement>(focus)?.focus(),
          );
      },
    });
  }
}
