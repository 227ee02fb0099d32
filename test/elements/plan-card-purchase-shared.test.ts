/**
 * A purchase is the org's, not one card's: a plan card made again (a route left and come back to, a
 * keyed list rendered again) or a second plan card of the org knows the purchase under way and the
 * Retry owed after a failure that may have charged, so no purchase is ever charged twice. And a card
 * moved in the page keeps its open dialog modal.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory.js';
import type { Money } from '../../src/contract/types.js';
import '../../src/define/plan-card.js';
import type { PlanCard } from '../../src/elements/plan-card/plan-card.js';
import { holdAnswers } from '../../stories/support/hold-answers.js';
import { dataset, settle, until } from '../helpers/data.js';
import { buyFirstPack, mountPlanCard, openPurchaseDialog, part } from '../helpers/plan-card.js';

const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });
const dialogOf = (el: PlanCard) => part<HTMLDialogElement>(el, 'purchase-dialog')!;
const statusOf = (el: PlanCard) => part(el, 'purchase-status')!.textContent!.replace(/\s+/g, ' ').trim();

function adapterWithPacks(): MemoryAdapter {
  const data = dataset('o1');
  data.o1.plan.availableCredits = usd(50_000);
  data.o1.plan.creditPacks = [usd(10_000), usd(50_000)];
  return createMemoryAdapter(data);
}

/**
 * An adapter with two packs whose purchases are recorded, each with its key, as the card sends
 * them, and reach the backend only once `release` is called.
 */
function heldPurchases(): { adapter: MemoryAdapter; keys: () => string[]; release: () => void } {
  const adapter = adapterWithPacks();
  const purchases = holdAnswers(adapter, 'purchaseCredits', { backendActs: 'on-release' });
  const keys = () => purchases.calls.map(([, request]) => request.idempotencyKey);
  return { adapter, keys, release: purchases.release };
}

const credits = (adapter: MemoryAdapter) => adapter.data.o1.plan.availableCredits.amountMinor;

describe('<plan-card> purchases are the org’s, whichever card shows them', () => {
  it('a card made again after a failure that may have charged buys the same pack with the same key: charged once', async () => {
    const { adapter, keys, release } = heldPurchases();
    release(); // Nothing held: only the keys sent count here.
    // Charged, but the answer is lost on the way back.
    adapter.failNext('purchaseCredits', 'network', 1, { afterHandling: true });
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const first = await mountPlanCard(container, adapter);
    await buyFirstPack(first);
    await until(() => part(first, 'retry') !== null, 'Retry offered');
    first.remove();
    const second = await mountPlanCard(container, adapter);
    // The new card's dialog opens on the failure, with its Retry.
    await openPurchaseDialog(second);
    expect(part(second, 'retry') !== null, 'Retry offered again').to.equal(true);
    // Going back to the choice and buying the same pack is that Retry.
    part(second, 'change-amount')!.click();
    await second.updateComplete;
    dialogOf(second).querySelector<HTMLInputElement>('input[type="radio"]')!.click();
    await second.updateComplete;
    part(second, 'confirm')!.click();
    await until(() => keys().length === 2, 'second try');
    const [key, retryKey] = keys();
    await until(() => statusOf(second).includes('added'), 'completed');
    expect(`${key === retryKey ? 'same key' : 'new key'}; credits ${credits(adapter)}`).to.equal(
      'same key; credits 60000',
    );
  });

  it('a card made again while a purchase is under way shows it under way and offers no Buy', async () => {
    const { adapter, keys, release } = heldPurchases();
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const first = await mountPlanCard(container, adapter);
    await buyFirstPack(first);
    await until(() => keys().length === 1, 'sent');
    first.remove();
    const second = await mountPlanCard(container, adapter);
    await openPurchaseDialog(second);
    const whileUnderWay = `${statusOf(second) !== ''} ${part(second, 'confirm') === null}`;
    release();
    // The first card's try ends: the second card's dialog, which shows it, moves on.
    await until(() => statusOf(second).includes('added'), 'the second dialog shows the result');
    expect(`${whileUnderWay}; sent ${keys().length}; credits ${credits(adapter)}`).to.equal(
      'true true; sent 1; credits 60000',
    );
  });

  it('two plan cards of one org: while one buys, the other cannot, and both show the result', async () => {
    const { adapter, keys, release } = heldPurchases();
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const one = await mountPlanCard(container, adapter);
    const two = await mountPlanCard(container, adapter);
    await buyFirstPack(one);
    await openPurchaseDialog(two);
    const offersBuy = part(two, 'confirm') !== null;
    release();
    await until(() => statusOf(one).includes('added') && statusOf(two).includes('added'), 'both show it');
    await settle(3);
    expect(`offers Buy ${offersBuy}; sent ${keys().length}; credits ${credits(adapter)}`).to.equal(
      'offers Buy false; sent 1; credits 60000',
    );
  });

  it('keeps its open dialog modal when moved in the page, and Escape still closes it', async () => {
    const adapter = adapterWithPacks();
    const container = await fixture<HTMLElement>(
      html`<div>
        <div id="a"></div>
        <div id="b"></div>
      </div>`,
    );
    const el = await mountPlanCard(container.querySelector('#a')!, adapter);
    await openPurchaseDialog(el);
    // A framework moves the card (reordering a list): removed and inserted again in one task.
    container.querySelector('#b')!.append(el);
    await el.updateComplete;
    const dialog = dialogOf(el);
    const modal = `${dialog.open} ${dialog.matches(':modal')} ${dialog.contains(el.shadowRoot!.activeElement)}`;
    const closed = oneEvent(dialog, 'close');
    await sendKeys({ press: 'Escape' });
    await closed;
    await el.updateComplete;
    expect(`${modal}; after close ${el.shadowRoot!.activeElement?.getAttribute('part') ?? 'none'}`).to.equal(
      'true true true; after close action add-credits',
    );
  });
});
