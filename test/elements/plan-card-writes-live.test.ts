/**
 * A write's answer and the live stream: a `plan` event that arrives while a purchase or a new
 * low-credit alert is under way may be newer than the write's answer (usage after the server acted).
 * The card must end up showing the server's plan, not the answer's older one.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory.js';
import type { Money, PlanSummary } from '../../src/contract/types.js';
import '../../src/define/plan-card.js';
import type { PlanCard } from '../../src/elements/plan-card/plan-card.js';
import { dataset, until } from '../helpers/data.js';

const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });

/** Org o1: $500.00 of credits, packs of $100 and $500, the alert at $100.00. */
function adapterForO1(): MemoryAdapter {
  const data = dataset('o1');
  data.o1.plan.availableCredits = usd(50_000);
  data.o1.plan.creditPacks = [usd(10_000), usd(50_000)];
  data.o1.plan.lowCreditThreshold = usd(10_000);
  return createMemoryAdapter(data);
}

/** The server's usage after it acted on a write: $10.00 less, on the live stream before the answer. */
function usageBeforeTheAnswer(adapter: MemoryAdapter): void {
  const plan: PlanSummary = structuredClone(adapter.data.o1.plan);
  plan.availableCredits = usd(plan.availableCredits.amountMinor - 1_000);
  adapter.emit('o1', { topic: 'plan', data: plan });
}

async function card(adapter: MemoryAdapter): Promise<PlanCard> {
  const el = await fixture<PlanCard>(html`<plan-card org-id="o1" .adapter=${adapter}></plan-card>`);
  await until(() => el.state === 'ready', 'ready');
  await el.updateComplete;
  return el;
}

const part = (el: PlanCard, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const creditsOf = (el: PlanCard) => part(el, 'credits')?.textContent?.trim();

describe('plan-card writes and the live stream', () => {
  it('a purchase answer does not undo a newer live plan that came while it was under way', async () => {
    const adapter = adapterForO1();
    const purchase = adapter.purchaseCredits!;
    adapter.purchaseCredits = async (orgId, request, options) => {
      const answer = await purchase(orgId, request, options);
      usageBeforeTheAnswer(adapter);
      return answer;
    };
    const el = await card(adapter);
    let purchased = 0;
    el.addEventListener('od-credits-purchased', () => (purchased += 1));
    part(el, 'add-credits')!.click();
    await el.updateComplete;
    part(el, 'purchase-dialog')!.querySelectorAll<HTMLInputElement>('input[type="radio"]')[1].click();
    await el.updateComplete;
    part(el, 'confirm')!.click();
    await until(() => purchased === 1, 'purchased');
    expect(adapter.data.o1.plan.availableCredits.amountMinor, "the server's balance").to.equal(99_000);
    await until(() => creditsOf(el) === '$990.00', `the server's balance on screen (shows ${creditsOf(el)})`);
  });

  it('a new alert’s answer does not undo a newer live plan that came while it was saved', async () => {
    const adapter = adapterForO1();
    const set = adapter.setLowCreditThreshold!;
    adapter.setLowCreditThreshold = async (orgId, threshold, options) => {
      const answer = await set(orgId, threshold, options);
      usageBeforeTheAnswer(adapter);
      return answer;
    };
    const el = await card(adapter);
    part(el, 'alert-change')!.click();
    await el.updateComplete;
    const input = part(el, 'alert-form')!.querySelector('input')!;
    input.value = '200';
    input.dispatchEvent(new InputEvent('input'));
    await el.updateComplete;
    part(el, 'alert-save')!.click();
    await until(() => part(el, 'alert-form') === null, 'saved');
    await until(() => creditsOf(el) === '$490.00', `the server's balance on screen (shows ${creditsOf(el)})`);
    expect(part(el, 'alert')?.textContent?.trim()).to.equal('$200.00');
  });
});
