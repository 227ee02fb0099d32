/**
 * Every action by keyboard alone, in the states and elements the dashboard's Tab walk
 * (keyboard.test.ts) does not reach (issue #17): each card's Retry after a failed load, the plan
 * card's alert form, and <activity-log>'s filters, export and list. Every stop shows its focus
 * (`:focus-visible` with an outline of at least 2 px), and Tab always leaves for the page after
 * (no trap). Runs in Chromium and Firefox.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/define.js';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory.js';
import type { ActivityLog } from '../../src/elements/activity-log/activity-log.js';
import type { PlanCard } from '../../src/elements/plan-card/plan-card.js';
import { logInProvider, minuteApart, rows, scroller, stubDownloads } from '../helpers/activities.js';
import { CARD_TAGS } from '../helpers/dashboard.js';
import { cardInProvider, deepActive } from '../helpers/a11y.js';
import { dataset, READ_METHODS, until } from '../helpers/data.js';
import { ignoreResizeObserverLoopErrors } from '../helpers/resize-observer.js';

/** An element's most specific part name ("add-credits" of "action add-credits"), else its tag. */
const nameOf = (element: Element | null) =>
  element ? (element.getAttribute('part')?.split(' ').at(-1) ?? element.localName) : 'nothing';

/** Puts a button before and after `element`'s wrapper: where a Tab walk starts and must end. */
function between(wrapper: HTMLElement): { before: HTMLButtonElement; after: HTMLButtonElement } {
  const before = document.createElement('button');
  before.textContent = 'Before';
  const after = document.createElement('button');
  after.textContent = 'After';
  wrapper.before(before);
  wrapper.after(after);
  return { before, after };
}

/**
 * Tabs from `before` until focus reaches `after`, checking that each stop shows its focus, and
 * returns the part names of the stops in order (one name per stop: a date field's own segments
 * keep focus on its input).
 */
async function tabWalk(before: HTMLElement, after: HTMLElement, limit = 40): Promise<string[]> {
  before.focus();
  const stops: string[] = [];
  let last: Element | null = null;
  for (let i = 0; i < limit; i += 1) {
    await sendKeys({ press: 'Tab' });
    const active = deepActive();
    if (active === after) return stops;
    expect(active, `focus left the page after ${stops.join(', ')}`).to.not.equal(null);
    const target = active!;
    const name = nameOf(target);
    // A date field's :focus-visible is on its inside in Chromium; its own styles ring it on :focus.
    const shown = target.matches(':focus-visible') || target.matches('input[type="date"]:focus-within');
    expect(shown, `${name} matches :focus-visible`).to.equal(true);
    const style = getComputedStyle(target);
    expect(style.outlineStyle, `${name} outline`).to.not.equal('none');
    expect(parseFloat(style.outlineWidth), `${name} outline width`).to.be.at.least(2);
    if (target !== last) stops.push(name);
    last = target;
  }
  throw new Error(`Tab never reached the page after the element: stuck after ${stops.join(', ')}`);
}

describe('keyboard: every action in every state', () => {
  afterEach(() => sinon.restore());

  for (const [index, tag] of CARD_TAGS.entries()) {
    it(`<${tag}>: a failed load's Retry is reached by Tab, shows focus, and Enter loads again`, async () => {
      const adapter = createMemoryAdapter(dataset('o1'));
      // The card's own read (the order of CARD_TAGS; getAccess, second in READ_METHODS, is every card's).
      const method = READ_METHODS.filter((name) => name !== 'getAccess')[index];
      adapter.failNext(method, 'server');
      const { provider, card } = await cardInProvider(tag, adapter, (state) => state === 'error');
      const { before, after } = between(provider);
      expect(await tabWalk(before, after)).to.deep.equal(['retry']);
      before.focus();
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      await until(() => card.state === 'ready' || card.state === 'empty', `${tag} loaded again`);
    });
  }

  describe('<plan-card> with purchases and the low-credit alert', () => {
    async function planCard(adapter: MemoryAdapter) {
      const card = await fixture<PlanCard>(
        html`<div><plan-card org-id="o1" locale="en-US" .adapter=${adapter}></plan-card></div>`,
      );
      const el = card.querySelector<PlanCard>('plan-card')!;
      await until(() => el.state === 'ready', 'plan card ready');
      await el.updateComplete;
      return { el, ...between(card) };
    }

    it('reaches (+) and Change; the alert form by keys: type, Enter saves, focus back on Change', async () => {
      const data = dataset('o1');
      const adapter = createMemoryAdapter(data);
      const { el, before, after } = await planCard(adapter);
      const stops = await tabWalk(before, after);
      expect(stops).to.include.members(['add-credits', 'alert-change']);

      const change = el.shadowRoot!.querySelector<HTMLElement>('[part~="alert-change"]')!;
      change.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => nameOf(deepActive()) === 'amount-input', 'focus in the amount field');
      // Within the open form, Tab goes field, Save, Cancel (no Turn off without a threshold), then on.
      const inForm = await tabWalk(deepActive() as HTMLElement, after);
      expect(inForm.slice(0, 2)).to.deep.equal(['alert-save', 'cancel']);

      (el.shadowRoot!.querySelector('[part~="amount-input"]') as HTMLElement).focus();
      await sendKeys({ type: '25' });
      await sendKeys({ press: 'Enter' });
      await until(() => el.shadowRoot!.querySelector('[part~="alert-form"]') === null, 'form closed');
      expect(el.shadowRoot!.querySelector('[part~="alert"]')!.textContent!.trim()).to.equal('$25.00');
      await until(() => nameOf(deepActive()) === 'alert-change', 'focus back on Change');
    });

    it('Escape in the alert form cancels it: nothing saved, focus back on Change', async () => {
      const adapter = createMemoryAdapter(dataset('o1'));
      const saved = sinon.spy(adapter, 'setLowCreditThreshold');
      const { el } = await planCard(adapter);
      el.shadowRoot!.querySelector<HTMLElement>('[part~="alert-change"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => nameOf(deepActive()) === 'amount-input', 'focus in the amount field');
      await sendKeys({ type: '40' });
      await sendKeys({ press: 'Escape' });
      await until(() => el.shadowRoot!.querySelector('[part~="alert-form"]') === null, 'form closed');
      expect(nameOf(deepActive())).to.equal('alert-change');
      expect(saved.called).to.equal(false);
    });
  });

  describe('<activity-log>', () => {
    ignoreResizeObserverLoopErrors(beforeEach, afterEach);

    let adapter: MemoryAdapter;

    async function log(count: number): Promise<ActivityLog> {
      const data = dataset('o1');
      data.o1.activities = minuteApart(count, (n) => ({
        resourceName: `res-${n}`,
        resourceType: n % 2 ? 'workspace' : 'member',
      }));
      adapter = createMemoryAdapter(data);
      const el = await logInProvider(adapter);
      await until(() => el.state === 'ready', 'log ready');
      await el.updateComplete;
      return el;
    }

    it('Tab goes through the filters, the export and the list, each showing focus, and out', async () => {
      const el = await log(120);
      const { before, after } = between(el.closest('org-dashboard-provider')!);
      const stops = await tabWalk(before, after);
      // Entries are read in the list (arrow keys scroll it); their times are no stops of their own.
      expect(stops).to.deep.equal([
        'export',
        'resource-type-filter',
        'action-filter',
        'from-filter',
        'to-filter',
        'search',
        'list',
      ]);
    });

    it('a filter changes with the arrow keys, the search with typing, and the list scrolls to load more', async () => {
      const el = await log(120);
      const part = (name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
      await until(() => rows(el).length > 0, 'entries shown');

      part('search').focus();
      await sendKeys({ type: 'res-7' });
      await until(() => el.query === 'res-7', 'search applied');
      await until(
        () => rows(el).length > 0 && rows(el).every((row) => row.textContent!.includes('res-7')),
        'only matching entries',
      );
      for (let i = 0; i < 'res-7'.length; i += 1) await sendKeys({ press: 'Backspace' });
      await until(() => !el.query, 'search cleared');

      part('resource-type-filter').focus();
      await sendKeys({ press: 'ArrowDown' });
      await until(() => !!el.resourceType, 'resource type picked with ArrowDown');

      // The list: End scrolls to the last entry loaded, and the next page loads.
      (part('resource-type-filter') as HTMLSelectElement).value = '';
      part('resource-type-filter').dispatchEvent(new Event('change'));
      await until(() => !el.resourceType && rows(el).length > 0, 'filter cleared');
      const pages = sinon.spy(adapter, 'listActivities');
      scroller(el).focus();
      await sendKeys({ press: 'End' });
      await until(() => scroller(el).scrollTop > 0, 'the list scrolled');
      await until(() => pages.getCalls().some((call) => !!call.args[1]?.cursor), 'the next page asked for');
    });

    it('a failed page: Tab reaches Retry past the filters, and Enter loads the entries', async () => {
      const data = dataset('o1');
      data.o1.activities = minuteApart(30, (n) => ({ resourceName: `res-${n}` }));
      adapter = createMemoryAdapter(data);
      adapter.failNext('listActivities', 'server');
      const el = await logInProvider(adapter);
      await until(() => !!el.shadowRoot!.querySelector('[part~="retry"]'), 'Retry shown');
      await el.updateComplete;
      const { before, after } = between(el.closest('org-dashboard-provider')!);
      const stops = await tabWalk(before, after);
      expect(stops).to.include('retry');
      el.shadowRoot!.querySelector<HTMLElement>('[part~="retry"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => rows(el).length > 0, 'entries loaded');
    });

    it('nothing matches: Clear filters is reached by Tab and Enter shows every entry again', async () => {
      const el = await log(30);
      const search = el.shadowRoot!.querySelector<HTMLElement>('[part~="search"]')!;
      search.focus();
      await sendKeys({ type: 'no such entry' });
      await until(() => !!el.shadowRoot!.querySelector('[part~="clear-filters"]'), 'Clear filters shown');
      const { before, after } = between(el.closest('org-dashboard-provider')!);
      expect(await tabWalk(before, after)).to.include('clear-filters');
      el.shadowRoot!.querySelector<HTMLElement>('[part~="clear-filters"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => !el.query && rows(el).length > 0, 'every entry again');
    });

    it('Export starts with Enter and the file downloads', async () => {
      const { created } = stubDownloads();
      const el = await log(30);
      el.shadowRoot!.querySelector<HTMLElement>('[part~="export"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => created.length === 1, 'download');
    });
  });
});
