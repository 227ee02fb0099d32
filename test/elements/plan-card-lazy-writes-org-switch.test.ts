/**
 * (+) or Change pressed while the writes' module is still on its way, and the card shows another
 * org by the time it arrives (the viewer picked another org meanwhile): what was pressed was for
 * the org shown then, so nothing opens for the new one, and the alert's form is never filled with
 * the first org's threshold for the second.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory.js';
import type { Money } from '../../src/contract/types.js';
import '../../src/define/plan-card.js';
import type { PlanCard } from '../../src/elements/plan-card/plan-card.js';
import { planWritesChunk } from '../../src/elements/plan-card/plan-writes-loader.js';
import { dataset, settle, until } from '../helpers/data.js';

const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });
const realLoad = planWritesChunk.load;
const part = <T extends Element = HTMLElement>(el: PlanCard, name: string) =>
  el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);

/** o1 with the alert at $100.00, o2 with it off; both with packs. */
function adapterOfTwo(): MemoryAdapter {
  const data = dataset('o1', 'o2');
  for (const id of ['o1', 'o2']) data[id].plan.creditPacks = [usd(10_000)];
  data.o1.plan.lowCreditThreshold = usd(10_000);
  return createMemoryAdapter(data);
}

describe('plan-card writes arriving after an org switch', () => {
  let arrive = () => {};
  beforeEach(() => {
    const held = new Promise<void>((resolve) => (arrive = resolve));
    planWritesChunk.load = async () => {
      await held;
      return realLoad();
    };
  });
  afterEach(() => (planWritesChunk.load = realLoad));

  for (const pressed of ['add-credits', 'alert-change'] as const)
    it(`${pressed} pressed on o1, the module arrives with o2 shown: nothing opens for o2`, async () => {
      const el = await fixture<PlanCard>(
        html`<plan-card org-id="o1" .adapter=${adapterOfTwo()}></plan-card>`,
      );
      await until(() => el.state === 'ready', 'ready');
      await el.updateComplete;
      part(el, pressed)!.click();
      el.orgId = 'o2';
      await until(() => el.state === 'ready' && part(el, 'alert')?.textContent?.trim() === 'Off', 'o2 shown');
      arrive();
      await until(() => part(el, 'purchase-dialog') !== null, 'the writes loaded');
      await el.updateComplete;
      await settle(3);
      const form = part(el, 'alert-form')?.querySelector('input')?.value;
      expect(
        `dialog open: ${part<HTMLDialogElement>(el, 'purchase-dialog')!.open}; form: ${form ?? 'none'}`,
      ).to.equal('dialog open: false; form: none');
    });
});
