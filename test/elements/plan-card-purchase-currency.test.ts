/**
 * A `completed` purchase whose new balance is in another currency than the credits': the answer
 * cannot be the credits' balance, so the card takes it as unreadable (`invalid-data`): it never
 * shows that balance as the credits', keeps the last good one and fetches the plan again, and,
 * as the charge may have gone through, its Retry sends the same idempotency key (never a second
 * charge).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory.js';
import type { Money } from '../../src/contract/types.js';
import '../../src/define/plan-card.js';
import type { PlanCard } from '../../src/elements/plan-card/plan-card.js';
import type { CreditsPurchasedEvent } from '../../src/elements/plan-card/plan-card.events.js';
import { dataset, until } from '../helpers/data.js';
import { buyFirstPack, mountPlanCard, part } from '../helpers/plan-card.js';

const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });

/** Charges as the memory adapter does, but the first answer names its balance in euros. */
function euroAnswerOnce(): { adapter: MemoryAdapter; keys: string[]; plans: () => number } {
  const data = dataset('o1');
  data.o1.plan.creditPacks = [usd(10_000)];
  const adapter = createMemoryAdapter(data);
  const keys: string[] = [];
  const purchase = adapter.purchaseCredits!.bind(adapter);
  adapter.purchaseCredits = async (orgId, request, options) => {
    keys.push(request.idempotencyKey);
    const answer = await purchase(orgId, request, options);
    if (keys.length > 1 || answer.status !== 'completed') return answer;
    return { status: 'completed', availableCredits: { ...answer.availableCredits, currency: 'EUR' } };
  };
  let fetched = 0;
  const getPlan = adapter.getPlan.bind(adapter);
  adapter.getPlan = (orgId, options) => {
    fetched++;
    return getPlan(orgId, options);
  };
  return { adapter, keys, plans: () => fetched };
}

const statusOf = (el: PlanCard) =>
  part(el, 'purchase-status')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<plan-card> a completed purchase in another currency than the credits’', () => {
  it('is unreadable: no euro balance shown, the plan fetched again, Retry with the same key, one charge', async () => {
    const { adapter, keys, plans } = euroAnswerOnce();
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const el = await mountPlanCard(container, adapter);
    const shown = new Set<string>();
    const observer = new MutationObserver(() => {
      for (const selector of ['[part~="credits"]', '[part~="purchase-status"]', '[part~="balance"]'])
        shown.add(el.shadowRoot!.querySelector(selector)?.textContent?.trim() ?? '');
    });
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
    const purchased: CreditsPurchasedEvent['detail'][] = [];
    el.addEventListener('od-credits-purchased', (event) => purchased.push(event.detail));
    const fetchedBefore = plans();
    await buyFirstPack(el);
    await until(() => part(el, 'retry') !== null || statusOf(el).includes('added'), 'answered');
    await until(() => plans() > fetchedBefore, 'the plan fetched again');
    await until(() => part(el, 'credits')?.textContent?.trim() === '$600.00', 'the fetched balance');
    const first = `${statusOf(el)} | retry ${part(el, 'retry') !== null} | events ${purchased.length}`;
    part(el, 'retry')!.click();
    await until(() => statusOf(el).includes('added'), 'the Retry completed');
    observer.disconnect();
    const euros = [...shown].filter((text) => text.includes('€'));
    expect(first).to.equal(
      'The server’s answer couldn’t be read. The purchase of $100.00 isn’t confirmed. Retry completes it without charging twice. | retry true | events 0',
    );
    expect(
      `keys ${keys.length}, same ${keys[0] === keys[1]}; charges ${adapter.data.o1.creditPurchases?.length}; euros ${euros.length}; events ${purchased.map((p) => p.availableCredits?.currency).join()}`,
    ).to.equal('keys 2, same true; charges 1; euros 0; events USD');
  });
});
