/**
 * A redirect's checkout page opens only while a dialog on the page shows that purchase: whichever
 * card sent it (a second card of the org, or a card made again, whose dialog opened on the purchase
 * under way), and never from a card that left the page (the viewer moved on) or a dialog closed.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory.js';
import type { Money } from '../../src/contract/types.js';
import '../../src/define/plan-card.js';
import type { PlanCard } from '../../src/elements/plan-card/plan-card.js';
import { holdAnswers } from '../../stories/support/hold-answers.js';
import { dataset, settle, until } from '../helpers/data.js';
import {
  buyFirstPack,
  mountPlanCard,
  openPurchaseDialog,
  part,
  watchCheckoutPage,
} from '../helpers/plan-card.js';

const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });
const URL = 'https://pay.example/checkout/7';
const statusOf = (el: PlanCard) => part(el, 'purchase-status')?.textContent?.replace(/\s+/g, ' ').trim();

/** o1 with packs; every purchase answers a redirect once `answer()` is called (reads are not held). */
function redirectingAdapter(): { adapter: MemoryAdapter; answer: () => void } {
  const data = dataset('o1');
  data.o1.plan.creditPacks = [usd(10_000), usd(50_000)];
  const adapter = createMemoryAdapter(data);
  adapter.nextPurchase({ status: 'redirect', url: URL });
  const purchases = holdAnswers(adapter, 'purchaseCredits', { backendActs: 'on-release' });
  return { adapter, answer: purchases.release };
}

describe('<plan-card> redirect: the checkout page opens from the dialog that shows it', () => {
  let checkout: ReturnType<typeof watchCheckoutPage>;
  let opened: string[];
  beforeEach(() => ({ opened } = checkout = watchCheckoutPage()));
  afterEach(() => checkout.restore());

  it('a card that left the page mid-purchase (the viewer moved on) takes nobody to checkout', async () => {
    const { adapter, answer } = redirectingAdapter();
    const container = await fixture(html`<div></div>`);
    const el = await mountPlanCard(container, adapter);
    await buyFirstPack(el);
    el.remove();
    answer();
    await settle(5);
    expect(opened).to.deep.equal([]);
  });

  it('a card moved in the page with its dialog open still opens it', async () => {
    const { adapter, answer } = redirectingAdapter();
    const container = await fixture(
      html`<div>
        <div id="a"></div>
        <div id="b"></div>
      </div>`,
    );
    const el = await mountPlanCard(container.querySelector('#a')!, adapter);
    await buyFirstPack(el);
    container.querySelector('#b')!.append(el);
    answer();
    await until(() => opened.length > 0, 'checkout opened');
    expect(opened).to.deep.equal([URL]);
  });

  it('a second card of the org whose dialog shows the purchase opens it, as its sentence says', async () => {
    const { adapter, answer } = redirectingAdapter();
    const container = await fixture(html`<div></div>`);
    const one = await mountPlanCard(container, adapter);
    const two = await mountPlanCard(container, adapter);
    await buyFirstPack(one);
    part(one, 'close')!.click();
    await one.updateComplete;
    await openPurchaseDialog(two);
    answer();
    await until(() => statusOf(two)?.startsWith('Opening') === true, 'the redirect shown');
    await settle(3);
    expect(`${statusOf(two)} opened: ${opened.join()}`).to.equal(
      `Opening the checkout page to pay $100.00… opened: ${URL}`,
    );
  });

  it('a card made again whose dialog shows the purchase opens it once, the card that left does not', async () => {
    const { adapter, answer } = redirectingAdapter();
    const container = await fixture(html`<div></div>`);
    const first = await mountPlanCard(container, adapter);
    await buyFirstPack(first);
    first.remove();
    const second = await mountPlanCard(container, adapter);
    await openPurchaseDialog(second);
    answer();
    await until(() => statusOf(second)?.startsWith('Opening') === true, 'the redirect shown');
    await settle(3);
    expect(opened).to.deep.equal([URL]);
  });

  it('a dialog closed before the answer opens nothing', async () => {
    const { adapter, answer } = redirectingAdapter();
    const el = await mountPlanCard(await fixture(html`<div></div>`), adapter);
    await buyFirstPack(el);
    part(el, 'close')!.click();
    await el.updateComplete;
    answer();
    await settle(5);
    expect(opened).to.deep.equal([]);
  });
});
