/**
 * The plan card's purchase dialog, through the card as a viewer uses it: (+), the dialog's states,
 * focus, the balance on screen and `od-credits-purchased`, against the memory adapter's ledger.
 */
import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory.js';
import type { Money } from '../../src/contract/types.js';
import '../../src/define/plan-card.js';
import type { PlanCard } from '../../src/elements/plan-card/plan-card.js';
import type { CreditsPurchasedEvent } from '../../src/elements/plan-card/plan-card.events.js';
import { checkoutPage } from '../../src/elements/plan-card/purchase-dialog.js';
import { dataset, until } from '../helpers/data.js';

const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });

function adapterWithPacks(): MemoryAdapter {
  const data = dataset('o1', 'o2');
  for (const id of ['o1', 'o2']) data[id].plan.creditPacks = [usd(10_000), usd(50_000)];
  return createMemoryAdapter(data);
}

async function card(adapter: MemoryAdapter, orgId = 'o1'): Promise<PlanCard> {
  const el = await fixture<PlanCard>(html`<plan-card org-id=${orgId} .adapter=${adapter}></plan-card>`);
  await until(() => el.state === 'ready', 'ready');
  await el.updateComplete;
  return el;
}

const part = <T extends Element = HTMLElement>(el: PlanCard, name: string) =>
  el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
const dialogOf = (el: PlanCard) => part<HTMLDialogElement>(el, 'purchase-dialog')!;
const statusOf = (el: PlanCard) => part(el, 'purchase-status')!.textContent!.trim();
const creditsOf = (el: PlanCard) => part(el, 'credits')!.textContent!.trim();
/** The part names of the element with focus in the card (a string, so a failure prints briefly). */
const focused = (el: PlanCard) =>
  el.shadowRoot!.activeElement?.getAttribute('part') ?? String(el.shadowRoot!.activeElement?.localName);

describe('plan-card purchase dialog', () => {
  it('(+) fires od-add-credits, then opens a modal dialog with focus on the first pack', async () => {
    const el = await card(adapterWithPacks());
    const plus = part(el, 'add-credits')!;
    expect(plus.getAttribute('aria-haspopup')).to.equal('dialog');
    const fired = oneEvent(el, 'od-add-credits');
    plus.click();
    await fired;
    await el.updateComplete;
    const dialog = dialogOf(el);
    expect(dialog.open).to.equal(true);
    expect(el.shadowRoot!.activeElement === dialog.querySelector('input[type="radio"]')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('buys a pack: the balance on screen is the ledger’s, and od-credits-purchased fires once', async () => {
    const adapter = adapterWithPacks();
    const el = await card(adapter);
    const events: CreditsPurchasedEvent[] = [];
    el.addEventListener('od-credits-purchased', (event) => events.push(event));
    part(el, 'add-credits')!.click();
    await el.updateComplete;
    dialogOf(el).querySelectorAll<HTMLInputElement>('input[type="radio"]')[1].click();
    await el.updateComplete;
    const confirm = part(el, 'confirm')!;
    expect(confirm.textContent!.trim()).to.equal('Buy $500.00');
    confirm.click();
    await until(() => events.length === 1, 'purchased');
    await el.updateComplete;
    expect(adapter.data.o1.plan.availableCredits.amountMinor).to.equal(100_000);
    expect(creditsOf(el)).to.equal('$1,000.00');
    expect(statusOf(el)).to.equal('$500.00 added. Available credits: $1,000.00.');
    expect(events[0].detail).to.deep.include({ orgId: 'o1', status: 'completed' });
    expect(focused(el)).to.equal('close');
    await expect(el).to.be.accessible();
    part(el, 'close')!.click();
    await el.updateComplete;
    expect(dialogOf(el).open).to.equal(false);
    expect(focused(el)).to.equal('action add-credits');
  });

  it('Escape closes the dialog and focus returns to (+)', async () => {
    const el = await card(adapterWithPacks());
    part(el, 'add-credits')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(dialogOf(el).open).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(dialogOf(el).open).to.equal(false);
    expect(focused(el)).to.equal('action add-credits');
  });

  it('a host that cancels od-add-credits keeps its own flow: no dialog', async () => {
    const el = await card(adapterWithPacks());
    el.addEventListener('od-add-credits', (event) => event.preventDefault());
    part(el, 'add-credits')!.click();
    await el.updateComplete;
    expect(dialogOf(el).open).to.equal(false);
  });

  it('a custom amount with a fraction of a cent is refused in words, and nothing is sent', async () => {
    const adapter = adapterWithPacks();
    const el = await card(adapter);
    part(el, 'add-credits')!.click();
    await el.updateComplete;
    const radios = dialogOf(el).querySelectorAll<HTMLInputElement>('input[type="radio"]');
    radios[radios.length - 1].click();
    await el.updateComplete;
    const input = part<HTMLInputElement>(el, 'amount-input')!;
    input.value = '12.345';
    input.dispatchEvent(new InputEvent('input'));
    part(el, 'confirm')!.click();
    await el.updateComplete;
    expect(part(el, 'field-error')!.textContent!.trim()).to.equal('Enter at most 2 decimals.');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(adapter.data.o1.creditPurchases ?? []).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('a redirect opens the checkout page while the dialog shows it', async () => {
    const adapter = adapterWithPacks();
    adapter.nextPurchase({ status: 'redirect', url: 'https://pay.example/checkout/1' });
    const el = await card(adapter);
    const opened: string[] = [];
    const open = checkoutPage.open;
    checkoutPage.open = (url) => opened.push(url);
    try {
      part(el, 'add-credits')!.click();
      await el.updateComplete;
      dialogOf(el).querySelector<HTMLInputElement>('input[type="radio"]')!.click();
      await el.updateComplete;
      part(el, 'confirm')!.click();
      await until(() => opened.length === 1, 'redirect');
      await el.updateComplete;
      expect(statusOf(el)).to.equal('Opening the checkout page to pay $100.00…');
      expect(part<HTMLAnchorElement>(el, 'checkout-link')!.href).to.equal('https://pay.example/checkout/1');
      expect(opened).to.deep.equal(['https://pay.example/checkout/1']);
    } finally {
      checkoutPage.open = open;
    }
    await aTimeout(0);
  });
});
