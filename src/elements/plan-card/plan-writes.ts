/**
 * The plan card's writes, loaded on first use: the purchase dialog and the low-credit alert's form,
 * with their controllers, state machine, typed-money reading and styles. Nobody needs them before
 * the first press of (+) or Change, so the card imports this module then (`PlanWritesLoader`), and
 * the first render of a page pays none of it.
 */
import { html, type ReactiveControllerHost } from 'lit';
import type { PlanSummary } from '../../contract/types.js';
import type { FormatContext } from '../../format/format.js';
import type { DashboardStrings } from '../../strings/strings.js';
import { planCardViewStrings } from '../../strings/plan-card-view.js';
import { planWritesStrings } from '../../strings/plan-writes.js';
import { PurchaseDialog } from './purchase-dialog.js';
import { purchaseDialogStyles } from './purchase-dialog.styles.js';
import { ThresholdForm, type ThresholdFormContext } from './threshold-form.js';

/**
 * The card's texts once this module is here. Merged from the two parts (not strings/plan-card.ts,
 * which the package root exports): a bundler that splits code then keeps the dialog's texts in
 * this module's chunk alone.
 */
const allPlanTexts = { ...planCardViewStrings, ...planWritesStrings };

export class PlanWrites {
  /** Buying credits in place. */
  readonly purchase: PurchaseDialog;
  /** Setting the low-credit alert in place. */
  readonly alert: ThresholdForm;
  /** Every English text of the card: what it shows, the dialog's and the form's. */
  readonly strings = allPlanTexts;

  constructor(host: ReactiveControllerHost & HTMLElement, context: ThresholdFormContext) {
    this.purchase = new PurchaseDialog(host, context);
    this.alert = new ThresholdForm(host, context);
  }

  /** What the writes add under the card's values: the alert's form when open, a purchase waiting on its checkout page. */
  render(plan: PlanSummary, strings: DashboardStrings, format: FormatContext) {
    return html`${this.alert.renderForm(plan, strings, format)}${this.purchase.renderWaiting()}`;
  }
}

/** The dialog's and the alert form's styles, adopted by the card when this module arrives. */
export const planWritesStyles = purchaseDialogStyles;
