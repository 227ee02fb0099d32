/**
 * Where focus goes when the low-credit alert's form closes after a save: back to Change when it
 * was in the form (which goes away with it), but never taken from where the viewer moved on to
 * while the save was under way (a search box of the page, another control of the card).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory.js';
import '../../src/define/plan-card.js';
import type { PlanCard } from '../../src/elements/plan-card/plan-card.js';
import { holdAnswers } from '../../stories/support/hold-answers.js';
import { dataset, until } from '../helpers/data.js';

const part = <T extends Element = HTMLElement>(el: PlanCard, name: string) =>
  el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
/** Where focus is: an element of the page by id, or a part of the card. */
const focused = (el: PlanCard) =>
  document.activeElement === el
    ? `card ${el.shadowRoot!.activeElement?.getAttribute('part')}`
    : `page ${document.activeElement?.id || document.activeElement?.localName}`;

/** The alert's saves wait for `answer()`; reads are not held. */
function heldSaves(): { adapter: MemoryAdapter; answer: () => void } {
  const adapter = createMemoryAdapter(dataset('o1'));
  const saves = holdAnswers(adapter, 'setLowCreditThreshold', { backendActs: 'on-release' });
  return { adapter, answer: saves.release };
}

async function setup(adapter: MemoryAdapter): Promise<{ el: PlanCard; search: HTMLInputElement }> {
  const page = await fixture<HTMLElement>(html`<div><input id="search" aria-label="Search" /></div>`);
  const el = document.createElement('plan-card') as PlanCard;
  el.orgId = 'o1';
  el.adapter = adapter;
  page.append(el);
  await until(() => el.state === 'ready', 'ready');
  await el.updateComplete;
  part(el, 'alert-change')!.click();
  await el.updateComplete;
  await sendKeys({ type: '50' });
  return { el, search: page.querySelector('#search')! };
}

const saved = (el: PlanCard) => until(() => part(el, 'alert')?.textContent?.trim() === '$50.00', 'saved');

describe('plan-card low-credit alert: focus after a save', () => {
  it('saved with Enter in the field: focus returns to Change', async () => {
    const { adapter, answer } = heldSaves();
    const { el } = await setup(adapter);
    await sendKeys({ press: 'Enter' });
    answer();
    await saved(el);
    await el.updateComplete;
    expect(focused(el)).to.equal('card action alert-change');
  });

  it('the viewer moved on to the page’s search box while it saved: focus stays there', async () => {
    const { adapter, answer } = heldSaves();
    const { el, search } = await setup(adapter);
    await sendKeys({ press: 'Enter' });
    search.focus();
    await sendKeys({ type: 'inv' });
    answer();
    await saved(el);
    await el.updateComplete;
    await sendKeys({ type: 'oices' });
    expect(`${focused(el)} "${search.value}"`).to.equal('page search "invoices"');
  });

  it('the viewer moved on to Manage subscription while it saved: focus stays there', async () => {
    const { adapter, answer } = heldSaves();
    const { el } = await setup(adapter);
    await sendKeys({ press: 'Enter' });
    part(el, 'manage-subscription')!.focus();
    answer();
    await saved(el);
    await el.updateComplete;
    expect(focused(el)).to.equal('card action manage-subscription');
  });
});
