/**
 * Why an amount cannot be bought is told to a screen reader, not only shown: Enter in the amount
 * field leaves focus where it is (nothing new is read from its description), and Buy with no pack
 * chosen puts focus on the first pack, which the refusal does not describe. Every live region of
 * the card is listened to, as a screen reader hears them.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import type { Money } from '../../src/contract/types.js';
import '../../src/define/plan-card.js';
import type { PlanCard } from '../../src/elements/plan-card/plan-card.js';
import { dataset, settle, until } from '../helpers/data.js';

const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });
const LIVE = '[role="status"], [role="alert"], [aria-live]:not([aria-live="off"])';
const part = <T extends Element = HTMLElement>(el: PlanCard, name: string) =>
  el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);

async function openDialog(packs: Money[]): Promise<PlanCard> {
  const data = dataset('o1');
  data.o1.plan.creditPacks = packs;
  const el = await fixture<PlanCard>(
    html`<plan-card org-id="o1" .adapter=${createMemoryAdapter(data)}></plan-card>`,
  );
  await until(() => el.state === 'ready', 'ready');
  await el.updateComplete;
  part(el, 'add-credits')!.click();
  await until(() => part<HTMLDialogElement>(el, 'purchase-dialog')?.open === true, 'dialog open');
  await el.updateComplete;
  return el;
}

/** What the card's live regions say from now on: each new text of a region. */
function listen(el: PlanCard): string[] {
  const said: string[] = [];
  const last = new Map<Element, string>();
  const read = () => {
    for (const region of el.shadowRoot!.querySelectorAll(LIVE)) {
      const text = region.textContent!.replace(/\s+/g, ' ').trim();
      if (text && text !== last.get(region)) said.push(text);
      last.set(region, text);
    }
  };
  read();
  said.length = 0;
  new MutationObserver(read).observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
  return said;
}

describe('<plan-card> purchase dialog: a refused amount is said', () => {
  it('Enter in the amount field with 12.345: "Enter at most 2 decimals." is said', async () => {
    const el = await openDialog([]);
    const said = listen(el);
    await sendKeys({ type: '12.345' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await settle(3);
    expect(said).to.deep.equal(['Enter at most 2 decimals.']);
  });

  it('Buy with no pack chosen: "Choose or enter an amount." is said', async () => {
    const el = await openDialog([usd(10_000), usd(50_000)]);
    const said = listen(el);
    part(el, 'confirm')!.click();
    await el.updateComplete;
    await settle(3);
    expect(said).to.deep.equal(['Choose or enter an amount.']);
  });
});
