/**
 * Keyboard focus stays in a card when a render removes the element that had it (WCAG 2.4.3): Retry
 * in the error state and in the stale note, and a feed row a live entry pushes out. Focus that fell
 * to `<body>` would send the next Tab back to the top of the page, and a screen reader would say
 * nothing about where the viewer is. Each backend answer is held or failed as the test says, so no
 * step depends on the machine's speed.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import { acquireStore, releaseStore } from '../../src/store/registry.js';
import { CARD_TAGS } from '../helpers/dashboard.js';
import { cardInProvider, deepActive, type LiveCard } from '../helpers/a11y.js';
import { dataset, until } from '../helpers/data.js';
import { minuteApart } from '../helpers/activities.js';
import { ignoreResizeObserverLoopErrors } from '../helpers/resize-observer.js';

/** The method each card reads its data with. */
const READ_METHOD = {
  'org-info-card': 'getOrganization',
  'workspace-stats-card': 'getWorkspaceStats',
  'billing-card': 'getBilling',
  'plan-card': 'getPlan',
  'activity-feed': 'listActivities',
  'announcements-panel': 'listAnnouncements',
} as const;

/** Where focus is, as text: the element's name and `part`, or `body`. */
function focusedPart(): string {
  const active = deepActive();
  if (!active || active === document.body) return 'body';
  return `${active.localName}[${active.getAttribute('part') ?? ''}]`;
}

const shadow = (card: LiveCard) => card.shadowRoot!;

async function pressRetry(card: LiveCard, selector = '[part~="retry"]'): Promise<void> {
  shadow(card).querySelector<HTMLElement>(selector)!.focus();
  await sendKeys({ press: 'Enter' });
}

describe('focus kept in the card', () => {
  // <activity-log>'s virtualizer measures its rows as they come (a harmless loop error in Firefox).
  ignoreResizeObserverLoopErrors(beforeEach, afterEach);

  for (const tag of CARD_TAGS) {
    describe(`<${tag}>`, () => {
      it('Retry after a failed load: focus goes to the heading once the data is shown', async () => {
        const adapter = createMemoryAdapter(dataset('o1'));
        adapter.failNext(READ_METHOD[tag], 'server');
        const { card } = await cardInProvider(tag, adapter, (state) => state === 'error');
        await pressRetry(card);
        await until(() => card.state === 'ready' || card.state === 'empty', 'loaded');
        await card.updateComplete;
        expect(focusedPart()).to.equal('div[title]');
        const heading = shadow(card).querySelector<HTMLElement>('[part="title"]')!;
        expect(heading.getAttribute('tabindex'), 'focusable while focused').to.equal('-1');
        await expect(card).to.be.accessible();
        // Never a Tab stop: it is focusable only while it has focus.
        heading.blur();
        expect(heading.hasAttribute('tabindex'), 'focusable after it lost focus').to.equal(false);
      });

      it('Retry that fails again: the heading while loading, then the new Retry', async () => {
        const adapter = createMemoryAdapter(dataset('o1'));
        adapter.failNext(READ_METHOD[tag], 'server');
        const { card } = await cardInProvider(tag, adapter, (state) => state === 'error');
        adapter.hold();
        adapter.failNext(READ_METHOD[tag], 'server');
        await pressRetry(card);
        await until(() => card.state === 'loading', 'loading');
        await card.updateComplete;
        expect(focusedPart(), 'while loading').to.equal('div[title]');
        adapter.release();
        await until(() => card.state === 'error', 'the error again');
        await card.updateComplete;
        expect(focusedPart(), 'after the error').to.equal('button[retry]');
        await expect(card).to.be.accessible();
      });
    });
  }

  it('<activity-log>: Retry after a failed load: focus goes to the heading once the entries are shown', async () => {
    const data = dataset('o1');
    data.o1.activities = minuteApart(5);
    const adapter = createMemoryAdapter(data);
    adapter.failNext('listActivities', 'server');
    const { card: log } = await cardInProvider('activity-log', adapter, (state) => state === 'error');
    await pressRetry(log);
    await until(() => log.state === 'ready', 'loaded');
    await log.updateComplete;
    expect(focusedPart()).to.equal('div[title]');
  });

  it('Retry in the stale note: focus goes to the heading once the note is gone', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    const { card } = await cardInProvider('billing-card', adapter);
    adapter.failNext('getBilling', 'server');
    const store = acquireStore(adapter, 'o1');
    try {
      await store.refresh('billing').catch(() => undefined);
    } finally {
      releaseStore(store);
    }
    await until(() => card.state === 'stale', 'stale');
    await card.updateComplete;
    await pressRetry(card, '[part~="stale"] [part~="retry"]');
    await until(() => card.state === 'ready', 'ready');
    await card.updateComplete;
    expect(focusedPart()).to.equal('div[title]');
    await expect(card).to.be.accessible();
  });

  it('<activity-feed>: a live entry pushes out the focused row; focus goes to the row now in its place', async () => {
    const data = dataset('o1');
    data.o1.activities = minuteApart(10);
    const adapter = createMemoryAdapter(data);
    const { card } = await cardInProvider('activity-feed', adapter);
    const times = () => [...shadow(card).querySelectorAll<HTMLElement>('time[part~="time"]')];
    const entryOf = (element: Element | null) => element?.closest<HTMLElement>('li[data-id]')?.dataset.id;
    expect(times().length).to.equal(5);
    times()[4].focus();
    const pushedOut = entryOf(deepActive());
    adapter.emit('o1', {
      topic: 'activity',
      data: { id: 'new', resourceType: 'Workspaces', action: 'Create', occurredAt: new Date().toISOString() },
    });
    await until(() => !!shadow(card).querySelector('li[data-id="new"]'), 'the live entry shown');
    await card.updateComplete;
    const ids = [...shadow(card).querySelectorAll<HTMLElement>('li[data-id]')].map((li) => li.dataset.id);
    expect(ids).to.not.include(pushedOut);
    expect(focusedPart()).to.equal('time[time]');
    expect(entryOf(deepActive()), 'the last row').to.equal(ids.at(-1));
    await expect(card).to.be.accessible();
  });

  it('<activity-feed>: focus on a row that stays is left where it is', async () => {
    const data = dataset('o1');
    data.o1.activities = minuteApart(10);
    const adapter = createMemoryAdapter(data);
    const { card } = await cardInProvider('activity-feed', adapter);
    const times = [...shadow(card).querySelectorAll<HTMLElement>('time[part~="time"]')];
    times[1].focus();
    const focusedId = deepActive()?.closest<HTMLElement>('li[data-id]')?.dataset.id;
    adapter.emit('o1', {
      topic: 'activity',
      data: { id: 'new', resourceType: 'Workspaces', action: 'Create', occurredAt: new Date().toISOString() },
    });
    await until(() => !!shadow(card).querySelector('li[data-id="new"]'), 'the live entry shown');
    await card.updateComplete;
    expect(deepActive()?.closest<HTMLElement>('li[data-id]')?.dataset.id).to.equal(focusedId);
  });
});
