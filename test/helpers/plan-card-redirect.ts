/** A plan card whose purchase answers a redirect to a checkout page, held until the test lets it come. */
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory.js';
import type { Money } from '../../src/contract/types.js';
import type { PlanCard } from '../../src/elements/plan-card/plan-card.js';
import { heldStore } from '../../src/store/registry.js';
import { ALL_PERMISSIONS, dataset, settle, until } from './data.js';
import { holdAnswers } from '../../stories/support/hold-answers.js';
import { part } from './plan-card.js';

export const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });
export const CHECKOUT_URL = 'https://pay.example/checkout/42';
/** What the card and the dialog say of the redirect of the first pack ($100.00) that waits. */
export const WAITING = 'The purchase of $100.00 is waiting for payment on the checkout page.';

/**
 * `ids` with packs; the next purchase answers a redirect to CHECKOUT_URL once `release()` is called,
 * and `answered()` counts the answers handed back to the card.
 */
export function redirecting(...ids: string[]) {
  const data = dataset(...ids);
  for (const id of ids) {
    data[id].plan.creditPacks = [usd(10_000), usd(50_000)];
    data[id].plan.name = `Plan ${id}`;
  }
  const adapter = createMemoryAdapter(data);
  adapter.nextPurchase({ status: 'redirect', url: CHECKOUT_URL });
  const purchases = holdAnswers(adapter, 'purchaseCredits');
  return { adapter, release: purchases.release, answered: () => purchases.answered };
}

/** Takes `plan:manage` from the viewer (or gives it back) and has the card's store fetch access again. */
export async function setManage(adapter: MemoryAdapter, may: boolean): Promise<void> {
  adapter.data.o1.access.permissions = may
    ? [...ALL_PERMISSIONS]
    : ALL_PERMISSIONS.filter((permission) => permission !== 'plan:manage');
  await heldStore(adapter, 'o1')!.refresh('access');
}

/** Waits for the answer to reach the card, and for the render after it (what the card says). */
export async function delivered(el: PlanCard, answered: () => number): Promise<void> {
  await until(() => answered() === 1, 'answered');
  await settle(3);
  await el.updateComplete;
}

/** Shows `orgId` on `el` and waits for its plan. */
export async function show(el: PlanCard, adapter: MemoryAdapter, orgId: string): Promise<void> {
  el.orgId = orgId;
  const name = adapter.data[orgId].plan.name;
  await until(
    () => el.state === 'ready' && part(el, 'plan-name')?.textContent?.trim() === name,
    `${orgId} shown`,
  );
  await el.updateComplete;
}

/** Closes the open dialog with its Close (or Cancel) and waits for it to be closed. */
export async function closeDialog(el: PlanCard): Promise<void> {
  (part(el, 'close') ?? part(el, 'cancel'))!.click();
  await until(() => part<HTMLDialogElement>(el, 'purchase-dialog')?.open === false, 'dialog closed');
  await el.updateComplete;
}
