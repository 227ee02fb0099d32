/**
 * The plan card's low-credit alert in place, through the card as a viewer uses it: the row with the
 * confirmed threshold, Change, the form (Save, Turn off, Cancel), what the card's status region
 * says, `od-low-credit-threshold-change`, failures and refusals, against the memory adapter.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory.js';
import type { Money } from '../../src/contract/types.js';
import '../../src/define/plan-card.js';
import type { PlanCard } from '../../src/elements/plan-card/plan-card.js';
import type { LowCreditThresholdChangeEvent } from '../../src/elements/plan-card/plan-card.events.js';
import { dataset, until } from '../helpers/data.js';

const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });

/** Org o1 ($500.00 of credits), with the alert at `threshold` ($100.00 by default) or off (null). */
function adapterWithAlert(threshold: Money | null = usd(10_000)): MemoryAdapter {
  const data = dataset('o1');
  if (threshold) data.o1.plan.lowCreditThreshold = threshold;
  return createMemoryAdapter(data);
}

async function card(adapter: MemoryAdapter): Promise<PlanCard> {
  const el = await fixture<PlanCard>(html`<plan-card org-id="o1" .adapter=${adapter}></plan-card>`);
  await until(() => el.state === 'ready', 'ready');
  await el.updateComplete;
  return el;
}

const part = <T extends Element = HTMLElement>(el: PlanCard, name: string) =>
  el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
const textOf = (el: PlanCard, name: string) => part(el, name)?.textContent?.trim();
const inputOf = (el: PlanCard) => part<HTMLInputElement>(el, 'alert-form')!.querySelector('input')!;
/** What the card's own polite status region (the frame's, not the dialog's) says. */
const cardStatusOf = (el: PlanCard) =>
  el.shadowRoot!.querySelector('[part="card"] > [role="status"]')!.textContent!.trim();
/** The part names of the element with focus in the card (a string, so a failure prints briefly). */
const focused = (el: PlanCard) =>
  el.shadowRoot!.activeElement?.getAttribute('part') ?? String(el.shadowRoot!.activeElement?.localName);
const formOpen = (el: PlanCard) => part(el, 'alert-form') !== null;

/** Every `od-low-credit-threshold-change` detail `el` fires from now on. */
function recordChanges(el: PlanCard) {
  const details: LowCreditThresholdChangeEvent['detail'][] = [];
  el.addEventListener('od-low-credit-threshold-change', (event) => details.push(event.detail));
  return details;
}

async function openForm(el: PlanCard): Promise<void> {
  part(el, 'alert-change')!.click();
  await el.updateComplete;
}

async function type(el: PlanCard, text: string): Promise<void> {
  const input = inputOf(el);
  input.value = text;
  input.dispatchEvent(new InputEvent('input'));
  await el.updateComplete;
}

async function press(el: PlanCard, name: string): Promise<void> {
  part(el, name)!.click();
  await el.updateComplete;
}

describe('plan-card low-credit alert', () => {
  it('the row shows "Off" without a threshold', async () => {
    const el = await card(adapterWithAlert(null));
    expect(textOf(el, 'alert')).to.equal('Off');
    expect(part(el, 'alert-change')!.getAttribute('aria-expanded')).to.equal('false');
    expect(formOpen(el)).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('the row shows the confirmed threshold; Change opens the form with focus in the field, prefilled', async () => {
    const el = await card(adapterWithAlert());
    expect(textOf(el, 'alert')).to.equal('$100.00');
    await openForm(el);
    expect(formOpen(el)).to.equal(true);
    expect(part(el, 'alert-change')!.getAttribute('aria-expanded')).to.equal('true');
    expect(focused(el)).to.equal('amount-input');
    expect(inputOf(el).value).to.equal('100.00');
    expect(part(el, 'alert-off') !== null).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('Save: the row keeps the old value while saving, then shows the adapter’s, says it, and focus returns to Change', async () => {
    const adapter = adapterWithAlert();
    const el = await card(adapter);
    const changes = recordChanges(el);
    await openForm(el);
    await type(el, '50');
    adapter.hold();
    await press(el, 'alert-save');
    expect(textOf(el, 'alert-save')).to.equal('Saving…');
    expect(part(el, 'alert-save')!.getAttribute('aria-disabled')).to.equal('true');
    expect(textOf(el, 'alert')).to.equal('$100.00');
    expect(changes).to.have.length(0);
    await expect(el).to.be.accessible();

    adapter.release();
    await until(() => changes.length === 1, 'the change event');
    await el.updateComplete;
    expect(changes[0].orgId).to.equal('o1');
    expect(changes[0].threshold).to.deep.equal(usd(5_000));
    expect(adapter.data.o1.plan.lowCreditThreshold).to.deep.equal(usd(5_000));
    expect(textOf(el, 'alert')).to.equal('$50.00');
    expect(formOpen(el)).to.equal(false);
    expect(focused(el)).to.equal('action alert-change');
    await until(() => cardStatusOf(el) === 'Low-credit alert set to $50.00.', 'the announcement');
    await expect(el).to.be.accessible();
  });

  it('Save from "Off": the row shows the new threshold', async () => {
    const adapter = adapterWithAlert(null);
    const el = await card(adapter);
    const changes = recordChanges(el);
    await openForm(el);
    expect(inputOf(el).value).to.equal('');
    expect(part(el, 'alert-off') === null).to.equal(true);
    await type(el, '25.5');
    await press(el, 'alert-save');
    await until(() => changes.length === 1, 'the change event');
    await el.updateComplete;
    expect(changes[0].threshold).to.deep.equal(usd(2_550));
    expect(textOf(el, 'alert')).to.equal('$25.50');
    await until(() => cardStatusOf(el) === 'Low-credit alert set to $25.50.', 'the announcement');
  });

  it('Turn off clears the threshold: null in the event, "Off" in the row', async () => {
    const adapter = adapterWithAlert();
    const el = await card(adapter);
    const changes = recordChanges(el);
    await openForm(el);
    await press(el, 'alert-off');
    await until(() => changes.length === 1, 'the change event');
    await el.updateComplete;
    expect(changes[0]).to.deep.equal({ orgId: 'o1', threshold: null });
    expect(adapter.data.o1.plan.lowCreditThreshold).to.equal(undefined);
    expect(textOf(el, 'alert')).to.equal('Off');
    expect(formOpen(el)).to.equal(false);
    expect(focused(el)).to.equal('action alert-change');
    await until(() => cardStatusOf(el) === 'Low-credit alert turned off.', 'the announcement');
  });

  it('Cancel closes the form without saving, and focus returns to Change', async () => {
    const adapter = adapterWithAlert();
    const el = await card(adapter);
    const changes = recordChanges(el);
    await openForm(el);
    await type(el, '70');
    await press(el, 'cancel');
    expect(formOpen(el)).to.equal(false);
    expect(focused(el)).to.equal('action alert-change');
    expect(textOf(el, 'alert')).to.equal('$100.00');
    expect(changes).to.have.length(0);
    expect(adapter.data.o1.plan.lowCreditThreshold).to.deep.equal(usd(10_000));
  });

  it('a failure keeps the form open with the typed text and says why', async () => {
    const adapter = adapterWithAlert();
    adapter.failNext('setLowCreditThreshold', 'server');
    const el = await card(adapter);
    const changes = recordChanges(el);
    await openForm(el);
    await type(el, '75');
    await press(el, 'alert-save');
    const says = 'The alert wasn’t saved. The server had a problem.';
    await until(() => textOf(el, 'field-error') === says, `"${says}"`);
    await el.updateComplete;
    expect(formOpen(el)).to.equal(true);
    expect(inputOf(el).value).to.equal('75');
    expect(textOf(el, 'alert-save')).to.equal('Save');
    expect(textOf(el, 'alert')).to.equal('$100.00');
    expect(changes).to.have.length(0);
    expect(adapter.data.o1.plan.lowCreditThreshold).to.deep.equal(usd(10_000));
    await expect(el).to.be.accessible();

    // Saving again works once the server does.
    await press(el, 'alert-save');
    await until(() => changes.length === 1, 'the change event');
    await el.updateComplete;
    expect(textOf(el, 'alert')).to.equal('$75.00');
  });

  it('a failure is forgotten once the form is closed: opened again, it says nothing of it', async () => {
    const adapter = adapterWithAlert();
    adapter.failNext('setLowCreditThreshold', 'server');
    const el = await card(adapter);
    await openForm(el);
    await type(el, '75');
    await press(el, 'alert-save');
    await until(() => (textOf(el, 'field-error') ?? '') !== '', 'the failure said');
    await press(el, 'cancel');
    await openForm(el);
    expect(`${inputOf(el).value} | ${textOf(el, 'field-error') ?? ''}`).to.equal('100.00 | ');
  });

  it('a threshold in another currency than the credits’ is not filled in as if it were theirs', async () => {
    const el = await card(adapterWithAlert({ amountMinor: 10_000, currency: 'EUR' }));
    await openForm(el);
    // EUR 100.00 typed as dollars would be another threshold; the viewer sets one in dollars.
    expect(inputOf(el).value).to.equal('');
  });

  it('the field is marked invalid only while its refusal is shown', async () => {
    const el = await card(adapterWithAlert());
    await openForm(el);
    const invalid = () => inputOf(el).getAttribute('aria-invalid');
    expect(invalid(), 'as the form opens').to.equal('false');
    await type(el, '75');
    inputOf(el).dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(invalid(), 'a valid amount, left').to.equal('false');
    await type(el, 'abc');
    inputOf(el).dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(invalid(), 'a refused amount, left').to.equal('true');
    expect(textOf(el, 'field-error')).to.equal('Enter an amount such as 1234.50.');
  });

  it('"abc" is refused with an example, focus stays in the field, and nothing is sent', async () => {
    const adapter = adapterWithAlert();
    const el = await card(adapter);
    const sent: (Money | null)[] = [];
    const set = adapter.setLowCreditThreshold!;
    adapter.setLowCreditThreshold = (orgId, threshold, options) => {
      sent.push(threshold);
      return set(orgId, threshold, options);
    };
    await openForm(el);
    await type(el, 'abc');
    await press(el, 'alert-save');
    await el.updateComplete;
    expect(textOf(el, 'field-error')).to.equal('Enter an amount such as 1234.50.');
    expect(inputOf(el).getAttribute('aria-invalid')).to.equal('true');
    expect(focused(el)).to.equal('amount-input');
    expect(inputOf(el).value).to.equal('abc');
    expect(sent).to.have.length(0);
    expect(textOf(el, 'alert')).to.equal('$100.00');
    await expect(el).to.be.accessible();
  });
});
