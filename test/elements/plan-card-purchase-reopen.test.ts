/**
 * The dialog opened again right after it closed: `close` is an event the browser sends a task
 * later, so (+) pressed before it came (a quick key repeat, a host's script) must not have the
 * dialog just opened closed by the late event of the one before.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import type { Money } from '../../src/contract/types.js';
import '../../src/define/plan-card.js';
import type { PlanCard } from '../../src/elements/plan-card/plan-card.js';
import { realTask } from '../helpers/clock.js';
import { dataset, until } from '../helpers/data.js';

const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });
const part = <T extends Element = HTMLElement>(el: PlanCard, name: string) =>
  el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);

describe('<plan-card> purchase dialog opened again at once', () => {
  it('after Cancel, (+) in the same task: the dialog stays open, its choice shown', async () => {
    const data = dataset('o1');
    data.o1.plan.creditPacks = [usd(10_000), usd(50_000)];
    const el = await fixture<PlanCard>(
      html`<plan-card org-id="o1" .adapter=${createMemoryAdapter(data)}></plan-card>`,
    );
    await until(() => el.state === 'ready', 'ready');
    await el.updateComplete;
    const dialog = () => part<HTMLDialogElement>(el, 'purchase-dialog');
    part(el, 'add-credits')!.click();
    await until(() => dialog()?.open === true, 'dialog open');
    await el.updateComplete;

    part(el, 'cancel')!.click();
    await el.updateComplete;
    part(el, 'add-credits')!.click();
    await el.updateComplete;
    await realTask();
    await realTask();
    await el.updateComplete;
    expect(`${dialog()!.open} ${part(el, 'confirm') !== null}`).to.equal('true true');
  });
});
