/**
 * Idempotency keys on a page served over plain http (an intranet host): `crypto.randomUUID` exists
 * only in secure contexts, yet Buy must still send a purchase with a key of its own, throw nothing
 * into the page, and keep the key rules (a Retry sends the same key, a new attempt a new one).
 * The insecure context is stood in for by hiding `randomUUID` (`getRandomValues` stays, as it does
 * there).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import type { Money } from '../../src/contract/types.js';
import '../../src/define/plan-card.js';
import type { PlanCard } from '../../src/elements/plan-card/plan-card.js';
import { dataset, until } from '../helpers/data.js';

const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });
const part = <T extends Element = HTMLElement>(el: PlanCard, name: string) =>
  el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
const statusOf = (el: PlanCard) =>
  part(el, 'purchase-status')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<plan-card> purchases without crypto.randomUUID (plain http)', () => {
  const thrown: string[] = [];
  const onError = (event: ErrorEvent) => {
    thrown.push(event.message);
    event.preventDefault();
  };
  beforeEach(() => {
    thrown.length = 0;
    window.addEventListener('error', onError);
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
  });
  afterEach(() => {
    delete (crypto as { randomUUID?: unknown }).randomUUID;
    window.removeEventListener('error', onError);
  });

  it('Buy sends the purchase with a key of its own; Retry the same key, a new attempt a new one', async () => {
    const data = dataset('o1');
    data.o1.plan.creditPacks = [usd(10_000), usd(50_000)];
    const adapter = createMemoryAdapter(data);
    const keys: string[] = [];
    const purchase = adapter.purchaseCredits!;
    adapter.purchaseCredits = (orgId, request, options) => {
      keys.push(request.idempotencyKey);
      return purchase(orgId, request, options);
    };
    const el = await fixture<PlanCard>(html`<plan-card org-id="o1" .adapter=${adapter}></plan-card>`);
    await until(() => el.state === 'ready', 'ready');
    await el.updateComplete;
    const buy = async (pack: number) => {
      part(el, 'add-credits')!.click();
      await until(() => part<HTMLDialogElement>(el, 'purchase-dialog')?.open === true, 'dialog open');
      await el.updateComplete;
      part(el, 'purchase-dialog')!.querySelectorAll<HTMLInputElement>('input[type="radio"]')[pack].click();
      await el.updateComplete;
      part(el, 'confirm')!.click();
      await el.updateComplete;
    };

    adapter.failNext('purchaseCredits', 'network', 1, { afterHandling: true });
    await buy(0);
    await until(() => part(el, 'retry') !== null || thrown.length > 0, 'Retry offered');
    part(el, 'retry')!.click();
    await until(() => statusOf(el).includes('added'), 'the Retry completed');
    // The Retry's answer may be the first one again: the card refreshes the plan; wait for it.
    await until(() => part(el, 'credits')?.textContent?.trim() === '$600.00', 'the refreshed balance');
    part(el, 'close')!.click();
    await el.updateComplete;
    await buy(1);
    await until(() => keys.length === 3 && statusOf(el).includes('added'), 'the second purchase');

    expect(thrown, 'thrown into the page').to.deep.equal([]);
    expect(keys[1], 'the Retry').to.equal(keys[0]);
    expect(keys[2], 'a new attempt').not.to.equal(keys[0]);
    for (const key of keys) expect(key).to.match(/^[\x21-\x7e]{1,255}$/);
    expect((adapter.data.o1.creditPurchases ?? []).length).to.equal(2);
  });
});
