/**
 * The plan card's low-credit alert in place (DESIGN.md, "Low-credit alert"): a row with the
 * threshold the platform confirmed ("Off" when none) and Change, which opens a small form to set
 * or turn it off (Cancel or Escape closes it unsaved). The row shows the store's plan, which takes
 * the adapter's answer once it confirms: never the value typed, never a value still being saved.
 *
 * A save under way is not stopped by Cancel, another org or the card leaving the page: it finishes,
 * its plan goes to that org's store and `od-low-credit-threshold-change` fires. Saved, the form
 * closes, focus goes back to Change and the card's status region says the new value; failed, the
 * form (opened again if the viewer had closed it) keeps what was typed and says why.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { DashboardAdapter, PlanSummary } from '../../contract/types.js';
import { formatMoney, type FormatContext } from '../../format/format.js';
import { moneyInputText, parseMoneyInput } from '../../format/money-input.js';
import { renderAmountInput } from './amount-input.js';
import { heldStore } from '../../store/registry.js';
import type { DashboardStrings } from '../../strings/strings.js';
import { fill } from '../../strings/template.js';
import { LowCreditThresholdChangeEvent } from './plan-card.events.js';
import { LowCreditThresholdController, type ThresholdOutcome } from './threshold-controller.js';
import type { PlanWritesContext } from './purchase-dialog.js';
import { failureText, refusalText } from './write-texts.js';

/** What the card tells the alert's form: what it tells the dialog (the status region included). */
export type ThresholdFormContext = PlanWritesContext;

/** The form, while open: for which org, and what is typed. */
interface OpenForm {
  orgId: string;
  text: string;
  /** Say why the text cannot be saved (after Save, or once the field was left). */
  showRefusal: boolean;
}

export class ThresholdForm implements ReactiveController {
  readonly writes: LowCreditThresholdController;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #context: ThresholdFormContext;
  #form?: OpenForm;
  /** Where focus goes next render: the field when the form opens, Change when it closes. */
  #focus?: 'field' | 'change';

  constructor(host: ReactiveControllerHost & HTMLElement, context: ThresholdFormContext) {
    this.#host = host;
    this.#context = context;
    this.writes = new LowCreditThresholdController(host, {
      adapter: context.adapter,
      orgId: context.orgId,
      onSaved: (outcome, adapter, sentAt) => this.#deliver(outcome, adapter, sentAt),
    });
    host.addController(this);
  }

  get available(): boolean {
    return this.writes.available;
  }

  hostUpdate(): void {
    // Another org: the form was for the one before. `plan:manage` taken away (access changed live or
    // on a resync): closed as Cancel closes it, so it does not come back open when the viewer may act
    // again; focus, whose Change goes away too, goes to the card's heading (FocusKeeper).
    if (this.#form && (this.#form.orgId !== this.#context.orgId() || !this.#context.mayAct()))
      this.#form = undefined;
    // Back to Change only from the form that goes away (or from nowhere), never from where the
    // viewer moved on to while a save was under way.
    const active = this.#host.shadowRoot?.activeElement;
    if (
      this.#focus === 'change' &&
      !active?.closest('#alert-form') &&
      document.activeElement !== document.body
    )
      this.#focus = undefined;
  }

  hostUpdated(): void {
    const focus = this.#focus;
    this.#focus = undefined;
    const root = this.#host.shadowRoot;
    if (focus === 'field') root?.querySelector<HTMLInputElement>('#alert-amount')?.focus();
    if (focus === 'change') root?.querySelector<HTMLElement>('[part~="alert-change"]')?.focus();
  }

  #open(plan: PlanSummary): void {
    const orgId = this.#context.orgId();
    if (orgId === undefined) return;
    const threshold = plan.lowCreditThreshold;
    // The field reads the credits' currency: a threshold in another would be filled in as theirs.
    const own = threshold?.currency === plan.availableCredits.currency;
    const text = threshold && own ? moneyInputText(threshold, this.#context.format().locale) : '';
    this.#form = { orgId, text, showRefusal: false };
    // Filled afresh from the confirmed threshold: a save that failed before is not this form's.
    this.writes.forgetFailure();
    this.#focus = 'field';
    this.#host.requestUpdate();
  }

  #close(): void {
    this.#form = undefined;
    this.#focus = 'change';
    this.#host.requestUpdate();
  }

  #deliver(outcome: ThresholdOutcome, adapter: DashboardAdapter | undefined, sentAt: number): void {
    const strings = this.#context.strings();
    const shown = this.#context.orgId() === outcome.orgId;
    if (outcome.status === 'failed') {
      // No form to say why (the viewer may no longer act): the card says it.
      if (shown && !this.#form && !this.#context.mayAct())
        this.#context.announce(
          fill(strings.planAlertFailed, { reason: failureText(outcome.error, strings, 'alert') }),
        );
      // Reopened with what was typed, so the viewer sees why and can save again.
      else if (shown && !this.#form) {
        const typed = outcome.threshold && moneyInputText(outcome.threshold, this.#context.format().locale);
        this.#form = { orgId: outcome.orgId, text: typed ?? '', showRefusal: false };
      }
      this.#host.requestUpdate();
      return;
    }
    const store = adapter && heldStore(adapter, outcome.orgId);
    if (store) {
      this.#context.ownChange(store);
      store.confirm('plan', outcome.plan, sentAt);
    }
    const threshold = outcome.plan.lowCreditThreshold ?? null;
    this.#host.dispatchEvent(new LowCreditThresholdChangeEvent({ orgId: outcome.orgId, threshold }));
    if (!shown) return;
    if (this.#form) this.#close();
    this.#context.announce(
      threshold
        ? fill(strings.planAlertSaved, { amount: formatMoney(threshold, this.#context.format()) })
        : strings.planAlertCleared,
    );
  }

  /** Whether the form is open (Change is expanded). */
  get isOpen(): boolean {
    return this.#form !== undefined;
  }

  /** Change was pressed: opens the form for `plan`'s threshold, or closes it. */
  toggle(plan: PlanSummary): void {
    if (this.#form) this.#close();
    else this.#open(plan);
  }

  /** The form, while open (after the card's list, as a form cannot sit in a `<dl>`). */
  renderForm(plan: PlanSummary, strings: DashboardStrings, format: FormatContext) {
    const form = this.#form;
    if (!this.available || !form) return nothing;
    const currency = plan.availableCredits.currency;
    const state = this.writes.state;
    const saving = state.status === 'saving';
    const read = parseMoneyInput(form.text, currency, format.locale, { allowZero: true });
    const refusal =
      !read.ok && form.showRefusal
        ? refusalText(read.reason, currency, strings, format, { allowZero: true })
        : '';
    const failure =
      state.status === 'failed'
        ? fill(strings.planAlertFailed, { reason: failureText(state.error, strings, 'alert') })
        : '';
    const save = (threshold: Parameters<LowCreditThresholdController['set']>[0] | undefined) => {
      if (saving) return;
      if (threshold === undefined) {
        form.showRefusal = true;
        this.#focus = 'field';
        this.#host.requestUpdate();
        return;
      }
      this.writes.set(threshold);
    };
    return html`<form
      id="alert-form"
      part="alert-form"
      class="alert-form"
      aria-label=${strings.planAlert}
      novalidate
      @submit=${(event: SubmitEvent) => {
        event.preventDefault();
        save(read.ok ? read.amount : undefined);
      }}
      @keydown=${(event: KeyboardEvent) => {
        // Escape cancels, as Cancel does; handled here, it does not also close a host's dialog around the card.
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        this.#close();
      }}
    >
      <p class="note">${strings.planAlertHint}</p>
      <label for="alert-amount">${fill(strings.planAmountLabel, { currency })}</label>
      ${renderAmountInput({
        id: 'alert-amount',
        text: form.text,
        invalid: refusal !== '',
        describedBy: 'alert-error',
        onInput: (text) => {
          form.text = text;
          this.#host.requestUpdate();
        },
        onChange: () => {
          form.showRefusal = form.text.trim() !== '';
          this.#host.requestUpdate();
        },
      })}
      <p id="alert-error" part="field-error" class="field-error" aria-live="polite">${refusal || failure}</p>
      <div class="dialog-actions">
        <button part="alert-save" type="submit" aria-disabled=${saving ? 'true' : 'false'}>
          ${saving ? strings.planAlertSaving : strings.planAlertSave}
        </button>
        ${
          plan.lowCreditThreshold
            ? html`<button
                part="alert-off"
                type="button"
                aria-disabled=${saving ? 'true' : 'false'}
                @click=${() => save(null)}
              >
                ${strings.planAlertTurnOff}
              </button>`
            : nothing
        }
        <button part="cancel" type="button" @click=${() => this.#close()}>${strings.planCancel}</button>
      </div>
    </form>`;
  }
}
