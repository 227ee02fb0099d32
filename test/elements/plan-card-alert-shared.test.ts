/**
 * A low-credit alert's write is the org's, not one card's: a second plan card of the org, or a card
 * made again while the first one's PUT is under way, sees that write in flight and sends no second
 * PUT (answered out of order, two PUTs could leave the platform on the older value).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import '../../src/define/plan-card.js';
import type { PlanCard } from '../../src/elements/plan-card/plan-card.js';
import { holdAnswers } from '../../stories/support/hold-answers.js';
import { dataset, settle, until } from '../helpers/data.js';
import { mountPlanCard, part } from '../helpers/plan-card.js';

/** An adapter whose threshold writes are recorded as sent and reach the backend only on `release()`. */
function heldWrites() {
  const adapter = createMemoryAdapter(dataset('o1'));
  const writes = holdAnswers(adapter, 'setLowCreditThreshold', { backendActs: 'on-release' });
  return { adapter, sent: writes.calls, release: writes.release };
}

async function saveAlert(el: PlanCard, text: string): Promise<void> {
  part(el, 'alert-change')!.click();
  await until(() => part(el, 'alert-form') !== null, 'form open');
  await el.updateComplete;
  const input = part(el, 'alert-form')!.querySelector('input')!;
  input.value = text;
  input.dispatchEvent(new InputEvent('input'));
  await el.updateComplete;
  part(el, 'alert-save')!.click();
  await el.updateComplete;
}

const saveText = (el: PlanCard) => part(el, 'alert-save')?.textContent?.trim();
const alertText = (el: PlanCard) => part(el, 'alert')?.textContent?.trim();

describe('<plan-card> low-credit alert writes are the org’s', () => {
  it('two cards of one org: while one saves, the other shows it saving and sends no second PUT', async () => {
    const { adapter, sent, release } = heldWrites();
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const one = await mountPlanCard(container, adapter);
    const two = await mountPlanCard(container, adapter);
    await saveAlert(one, '50');
    await saveAlert(two, '70');
    await settle(2);
    const during = `sent ${sent.length}; two says ${saveText(two)}`;
    release();
    await until(
      () => alertText(one) === '$50.00' && alertText(two) === '$50.00',
      'both show the saved value',
    );
    await two.updateComplete;
    expect(`${during}; then two says ${saveText(two)}; sent ${sent.length}`).to.equal(
      'sent 1; two says Saving…; then two says Save; sent 1',
    );
  });

  it('a card made again while its save is under way sends no second PUT', async () => {
    const { adapter, sent, release } = heldWrites();
    const container = await fixture<HTMLElement>(html`<div></div>`);
    const first = await mountPlanCard(container, adapter);
    await saveAlert(first, '50');
    first.remove();
    const again = await mountPlanCard(container, adapter);
    await saveAlert(again, '50');
    await settle(2);
    const during = `sent ${sent.length}; says ${saveText(again)}`;
    release();
    await until(() => alertText(again) === '$50.00', 'the saved value');
    expect(`${during}; sent ${sent.length}`).to.equal('sent 1; says Saving…; sent 1');
  });
});
