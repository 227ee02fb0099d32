/** A plan card as a purchase test meets it: mounted on an adapter, its dialog opened, a pack bought. */
import type { MemoryAdapter } from '../../src/adapters/memory.js';
import type { PlanCard } from '../../src/elements/plan-card/plan-card.js';
import { checkoutPage } from '../../src/elements/plan-card/purchase-dialog.js';
import { until } from './data.js';

export const part = <T extends Element = HTMLElement>(el: PlanCard, name: string) =>
  el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);

/**
 * For a `beforeEach`: the checkout pages the card would open are recorded in `opened` instead of
 * leaving the test's page; `restore` (for the `afterEach`) puts the real navigation back.
 */
export function watchCheckoutPage(): { opened: string[]; restore: () => void } {
  const opened: string[] = [];
  const { open } = checkoutPage;
  checkoutPage.open = (url) => opened.push(url);
  return { opened, restore: () => (checkoutPage.open = open) };
}

/** A plan card of org o1 on `adapter`, appended to `container`, once ready. */
export async function mountPlanCard(container: Element, adapter: MemoryAdapter): Promise<PlanCard> {
  const el = document.createElement('plan-card') as PlanCard;
  el.orgId = 'o1';
  el.adapter = adapter;
  container.append(el);
  await until(() => el.state === 'ready', 'ready');
  await el.updateComplete;
  return el;
}

/** Presses (+) and waits for the purchase dialog (its code loads on first use). */
export async function openPurchaseDialog(el: PlanCard): Promise<void> {
  part(el, 'add-credits')!.click();
  await until(() => part<HTMLDialogElement>(el, 'purchase-dialog')?.open === true, 'dialog open');
  await el.updateComplete;
}

/** Opens the dialog, picks the first pack and presses Buy. */
export async function buyFirstPack(el: PlanCard): Promise<void> {
  await openPurchaseDialog(el);
  part(el, 'purchase-dialog')!.querySelector<HTMLInputElement>('input[type="radio"]')!.click();
  await el.updateComplete;
  part(el, 'confirm')!.click();
  await el.updateComplete;
}

/** The purchase dialog's status sentence, as read (whitespace collapsed); undefined without a dialog. */
export const purchaseStatusOf = (el: PlanCard) =>
  part(el, 'purchase-status')?.textContent?.replace(/\s+/g, ' ').trim();

/** What the card's own polite status region says now (results no dialog shows). */
export const cardStatusOf = (el: PlanCard) =>
  el.shadowRoot!.querySelector('[part="card"] > [role="status"]')?.textContent?.trim() ?? '';
