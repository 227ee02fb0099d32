/**
 * What the purchase dialog shows (purchase-dialog.ts): the sentence of each state, and the choice
 * of amount while editing (the packs in the credits' currency and an amount of one's own, or the
 * field alone without packs; why an amount cannot be bought, once that is worth saying, in a polite
 * region, as Enter in the field moves no focus to have it read; Cancel and Buy), and the buttons
 * every other state offers. Views only: the dialog keeps the state, the focus and what each outcome
 * does.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PlanSummary } from '../../contract/types.js';
import { formatMoney, type FormatContext } from '../../format/format.js';
import type { DashboardStrings } from '../../strings/strings.js';
import { fill } from '../../strings/template.js';
import { renderAmountInput } from './amount-input.js';
import type { PurchaseController } from './purchase-controller.js';
import { sameMoney, type PurchaseFlowState } from './purchase-flow.js';
import type { PurchaseRedirect, SettledPurchase } from './purchase-ledger.js';
import { WriteUnavailable } from './write-support.js';
import { failureText, refusalText } from './write-texts.js';

/** What the state says: the progress, the result, or why it failed. */
export function purchaseSentence(
  state: PurchaseFlowState,
  strings: DashboardStrings,
  format: FormatContext,
): string {
  if (state.status === 'idle' || state.status === 'editing') return '';
  const amount = formatMoney(state.attempt.amount, format);
  switch (state.status) {
    case 'submitting':
      return fill(strings.planBuySubmitting, { amount });
    case 'completed':
      return state.attempt.tries > 1
        ? fill(strings.planBuyCompletedRefreshing, { amount })
        : fill(strings.planBuyCompleted, { amount, balance: formatMoney(state.availableCredits, format) });
    case 'pending':
      return fill(strings.planBuyPending, { amount });
    case 'redirect':
      // Shown after the fact: nothing is opening, the viewer follows the link (or not).
      return fill(state.waiting ? strings.planBuyRedirectWaiting : strings.planBuyRedirect, { amount });
    case 'failed': {
      // Nothing was sent: the adapter has no purchase any more (the host swapped it).
      if (state.error instanceof WriteUnavailable) return strings.planBuyUnavailable;
      const reason = failureText(state.error, strings, 'purchase');
      return state.retryable ? fill(strings.planBuyUnconfirmed, { reason, amount }) : reason;
    }
  }
}

/**
 * What the card's status region says of a try's result that no dialog shows (`purchaseSentence`,
 * but for a redirect: the purchase waits for the checkout page, whose link (+) offers, when the
 * viewer may press it).
 */
export function unseenSentence(
  settled: SettledPurchase,
  strings: DashboardStrings,
  format: FormatContext,
  mayAct: boolean,
): string {
  if (settled.status !== 'redirect') return purchaseSentence(settled, strings, format);
  const amount = formatMoney(settled.attempt.amount, format);
  return mayAct
    ? fill(strings.planBuyRedirectUnseen, { amount, action: strings.planAddCredits })
    : fill(strings.planBuyRedirectWaiting, { amount });
}

/**
 * The card's note of a purchase that waits for payment on its checkout page (its answer came when no
 * dialog showed it), with the page's link: following it, also into another tab, ends the note, as
 * the next dialog of the org showing it does.
 */
export function renderWaitingCheckout(
  redirect: PurchaseRedirect,
  strings: DashboardStrings,
  format: FormatContext,
  followed: () => void,
): TemplateResult {
  const amount = formatMoney(redirect.attempt.amount, format);
  // A middle click opens another tab; a right click only its menu.
  const auxclick = (event: MouseEvent) => event.button === 1 && followed();
  return html`<p part="checkout-waiting" class="note">
    ${fill(strings.planBuyRedirectWaiting, { amount })}
    <a part="checkout-link" href=${redirect.url} @click=${followed} @auxclick=${auxclick}
      >${strings.planBuyRedirectLink}</a
    >
  </p>`;
}

/**
 * What a state offers but the choice of amount: the result's and the failure's buttons, and Close
 * alone while editing with an adapter that can no longer buy (the host swapped it), where the
 * choice would lead nowhere. The first thing focus should go to carries `data-focus`.
 */
export function renderControls(
  state: PurchaseFlowState,
  strings: DashboardStrings,
  purchase: PurchaseController,
): TemplateResult | typeof nothing {
  // A new attempt needs an adapter that can buy; a Retry still goes to the one its attempt was sent to.
  const available = purchase.available;
  const close = (focus: boolean) =>
    html`<button part="close" type="button" ?data-focus=${focus} @click=${() => purchase.close()}>
      ${strings.planClose}
    </button>`;
  const edit = (part: string, text: string, focus: boolean) =>
    available
      ? html`<button part=${part} type="button" ?data-focus=${focus} @click=${() => purchase.edit()}>
          ${text}
        </button>`
      : nothing;
  switch (state.status) {
    case 'idle':
      return nothing;
    case 'editing':
    case 'pending':
      return html`<div class="dialog-actions">${close(true)}</div>`;
    case 'submitting':
      return html`<p class="note">${strings.planBuyKeepsGoing}</p>
        <div class="dialog-actions">${close(true)}</div>`;
    case 'completed':
      return html`<div class="dialog-actions">
        ${edit('buy-more', strings.planBuyMore, false)} ${close(true)}
      </div>`;
    case 'redirect':
      return html`<div class="dialog-actions">
        <a part="checkout-link" href=${state.url} data-focus>${strings.planBuyRedirectLink}</a>
        ${close(false)}
      </div>`;
    case 'failed': {
      const code = state.error.code;
      const final = code === 'forbidden' || code === 'not-found' || !available;
      return html`<div class="dialog-actions">
        ${
          state.retryable
            ? html`<button part="retry" type="button" data-focus @click=${() => purchase.retry()}>
                  ${strings.retry}
                </button>
                ${edit('change-amount', strings.planBuyChangeAmount, false)}`
            : final
              ? nothing
              : edit('try-again', strings.planBuyTryAgain, true)
        }
        ${close(final)}
      </div>`;
    }
  }
}

export interface ChoiceView {
  state: Extract<PurchaseFlowState, { status: 'editing' }>;
  plan: PlanSummary;
  strings: DashboardStrings;
  format: FormatContext;
  purchase: PurchaseController;
  /** Whether to say why the amount cannot be bought: after Buy was pressed, or the field was left. */
  showRefusal: boolean;
  /** Say why from now on; `focus` (a selector) gets focus once that is on screen. */
  sayRefusal(focus?: string): void;
}

/** The form of the editing state. */
export function renderChoice({
  state,
  plan,
  strings,
  format,
  purchase,
  showRefusal: refusalAsked,
  sayRefusal,
}: ChoiceView): TemplateResult {
  const currency = plan.availableCredits.currency;
  const packs = (plan.creditPacks ?? []).filter((pack) => pack.currency === currency);
  const choice = state.choice;
  const custom = choice?.kind === 'custom' ? choice : undefined;
  const refusal = choice ? custom?.refusal : 'empty';
  const showRefusal = refusal !== undefined && refusalAsked;
  const amount = choice?.amount;
  const typeAmount = (text: string) => purchase.typeAmount(text, currency, format.locale);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (purchase.submit()) return;
    sayRefusal(custom || packs.length === 0 ? '#buy-amount' : 'input');
  };
  const field = html`<div class="custom-amount">
    <label for="buy-amount">${fill(strings.planAmountLabel, { currency })}</label>
    ${renderAmountInput({
      id: 'buy-amount',
      text: custom?.text ?? '',
      invalid: showRefusal && (custom !== undefined || packs.length === 0),
      describedBy: 'buy-refusal',
      focus: packs.length === 0 || custom !== undefined,
      onInput: typeAmount,
      onChange: () => sayRefusal(),
    })}
  </div>`;
  return html`<form part="purchase-form" novalidate @submit=${submit}>
    <p part="balance" class="balance">
      ${fill(strings.planBuyBalance, { amount: formatMoney(plan.availableCredits, format) })}
    </p>
    ${
      packs.length === 0
        ? field
        : html`<fieldset part="packs">
            <legend>${strings.planBuyChoose}</legend>
            ${packs.map(
              (pack, index) =>
                html`<label part="pack">
                  <input
                    type="radio"
                    name="buy-amount"
                    ?data-focus=${choice ? choice.kind === 'pack' && sameMoney(choice.amount, pack) : index === 0}
                    .checked=${choice?.kind === 'pack' && sameMoney(choice.amount, pack)}
                    @change=${() => purchase.choosePack(pack)}
                  />
                  ${formatMoney(pack, format)}
                </label>`,
            )}
            <label part="pack">
              <input
                type="radio"
                name="buy-amount"
                .checked=${custom !== undefined}
                @change=${() => typeAmount(custom?.text ?? '')}
              />
              ${strings.planBuyOther}
            </label>
            ${custom ? field : nothing}
          </fieldset>`
    }
    <p id="buy-refusal" part="field-error" class="field-error" aria-live="polite">
      ${showRefusal && refusal ? refusalText(refusal, currency, strings, format) : nothing}
    </p>
    <div class="dialog-actions">
      <button part="cancel" type="button" @click=${() => purchase.close()}>${strings.planCancel}</button>
      <button part="confirm" type="submit">
        ${amount ? fill(strings.planBuyConfirm, { amount: formatMoney(amount, format) }) : strings.planBuyConfirmNone}
      </button>
    </div>
  </form>`;
}
