/**
 * The result of a viewer's own action is said once (issue #17): the purchase dialog's status says
 * "$500.00 added…", and the card's live summary of the same new balance ("Credits updated: …") must
 * not say it again; the low-credit alert's "saved" likewise. Every live region of the card is
 * listened to (status, alert, aria-live, the dialog's included) on a fake clock, for two of the
 * card's announcement pauses after the result.
 */
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory.js';
import { ANNOUNCE_INTERVAL_MS } from '../../src/base/dashboard-card.js';
import type { Money } from '../../src/contract/types.js';
import '../../src/define/plan-card.js';
import type { PlanCard } from '../../src/elements/plan-card/plan-card.js';
import { dataset, until } from '../helpers/data.js';

const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });
const LIVE = '[role="status"], [role="alert"], [aria-live]:not([aria-live="off"])';

function adapterWithPacks(): MemoryAdapter {
  const data = dataset('o1');
  data.o1.plan.creditPacks = [usd(10_000), usd(50_000)];
  return createMemoryAdapter(data);
}

async function card(adapter: MemoryAdapter): Promise<PlanCard> {
  const el = await fixture<PlanCard>(
    html`<plan-card org-id="o1" locale="en-US" .adapter=${adapter}></plan-card>`,
  );
  await until(() => el.state === 'ready', 'ready');
  await el.updateComplete;
  return el;
}

const part = <T extends Element = HTMLElement>(el: PlanCard, name: string) =>
  el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);

/** Everything any live region of the card says from now on (regions added later included). */
function listen(el: PlanCard) {
  const said: string[] = [];
  const last = new Map<Element, string>();
  const observer = new MutationObserver(() => {
    for (const region of el.shadowRoot!.querySelectorAll(LIVE)) {
      const text = region.textContent!.replace(/\s+/g, ' ').trim();
      if (text && text !== last.get(region)) said.push(text);
      last.set(region, text);
    }
  });
  for (const region of el.shadowRoot!.querySelectorAll(LIVE))
    last.set(region, region.textContent!.replace(/\s+/g, ' ').trim());
  observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
  return { said, stop: () => observer.disconnect() };
}

describe('the result of a write is said once', () => {
  let clock: sinon.SinonFakeTimers | undefined;
  afterEach(() => clock?.restore());

  it('a purchase: the dialog says it, the card does not say the new balance again', async () => {
    const adapter = adapterWithPacks();
    const el = await card(adapter);
    part(el, 'add-credits')!.click();
    await until(() => part<HTMLDialogElement>(el, 'purchase-dialog')?.open === true, 'dialog open');
    await el.updateComplete;
    const { said, stop } = listen(el);
    clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    part<HTMLDialogElement>(el, 'purchase-dialog')!
      .querySelectorAll<HTMLInputElement>('input[type="radio"]')[1]
      .click();
    await el.updateComplete;
    part(el, 'confirm')!.click();
    for (let i = 0; i < 4; i += 1) {
      await clock.tickAsync(ANNOUNCE_INTERVAL_MS / 2);
      await el.updateComplete;
    }
    stop();
    const result = '$500.00 added. Available credits: $1,000.00.';
    expect(
      said.filter((text) => text === result),
      `said: ${JSON.stringify(said)}`,
    ).to.have.length(1);
    expect(
      said.filter((text) => text !== result && text.includes('$1,000.00')),
      'the new balance said again',
    ).to.deep.equal([]);
  });

  it('a low-credit alert: "saved" once, and no summary of the same change', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    const el = await card(adapter);
    part(el, 'alert-change')!.click();
    await until(() => !!part(el, 'amount-input'), 'form open');
    await el.updateComplete;
    const { said, stop } = listen(el);
    clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const input = part<HTMLInputElement>(el, 'amount-input')!;
    input.value = '25';
    input.dispatchEvent(new InputEvent('input'));
    await el.updateComplete;
    part(el, 'alert-save')!.click();
    for (let i = 0; i < 4; i += 1) {
      await clock.tickAsync(ANNOUNCE_INTERVAL_MS / 2);
      await el.updateComplete;
    }
    stop();
    expect(
      said.filter((text) => text.includes('$25.00')),
      `said: ${JSON.stringify(said)}`,
    ).to.have.length(1);
  });
});
