/**
 * A removed element is not kept in memory: nothing the library schedules or registers for it
 * (timers, idle callbacks, module fetches, observers, stores, live subscriptions, the page-wide
 * listeners of tooltips and storage) refers to it once it has left the page. Each element is made
 * ready with its live subscription open, gets a live event just before it goes (so the renders and
 * announcements it schedules are pending), with the plan card's writes still on their way over a
 * slow network, and must then be collected; so must one removed while its data is still on its way
 * from a server that does not answer. A host that swaps dashboards (one org, then another) would
 * otherwise keep every one it removed, each with its whole tree.
 *
 * Chromium only (test/helpers/removal.ts): Firefox has no way to force a collection.
 */
import { expect } from '@open-wc/testing';
import { collected, mount, needsGc, orgO1, removed, type Stateful } from '../helpers/removal.js';
import '../../src/define.js';
import '../../src/define/activity-log.js';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory.js';
import type { OrgDataset } from '../../src/adapters/dataset.js';
import type { DashboardAdapter, DashboardEvent } from '../../src/contract/types.js';
import { planWritesChunk } from '../../src/elements/plan-card/plan-writes-loader.js';
import { CARD_TAGS, cardsOf } from '../helpers/dashboard.js';
import { READ_METHODS, until } from '../helpers/data.js';

/** Each element, what shows it is ready, and a live event of its topic. */
const ELEMENTS: {
  tag: string;
  ready: (el: Stateful) => Stateful[];
  event: (org: OrgDataset) => DashboardEvent;
}[] = [
  {
    tag: 'org-info-card',
    ready: (el) => [el],
    event: (org) => ({ topic: 'organization', data: { ...org.organization, name: 'Renamed' } }),
  },
  {
    tag: 'workspace-stats-card',
    ready: (el) => [el],
    event: () => ({ topic: 'workspaces', data: { total: 11, active: 7, suspended: 2, others: 2 } }),
  },
  {
    tag: 'billing-card',
    ready: (el) => [el],
    event: (org) => ({ topic: 'billing', data: { ...org.billing } }),
  },
  {
    tag: 'plan-card',
    ready: (el) => [el],
    event: (org) => ({ topic: 'plan', data: { ...org.plan } }),
  },
  { tag: 'activity-feed', ready: (el) => [el], event: liveActivity },
  {
    tag: 'announcements-panel',
    ready: (el) => [el],
    event: () => ({
      topic: 'announcements',
      data: { id: 'n1', kind: 'update', title: 'New', body: 'Body.', publishedAt: '2026-11-20T11:00:00Z' },
    }),
  },
  { tag: 'activity-log', ready: (el) => [el], event: liveActivity },
  { tag: 'org-dashboard', ready: (el) => cardsOf(el), event: liveActivity },
];

function liveActivity(): DashboardEvent {
  return {
    topic: 'activity',
    data: { id: 'live-1', resourceType: 'Workspaces', action: 'Create', occurredAt: '2026-11-20T11:00:00Z' },
  };
}

/** Requests on their way, held as the browser's network stack holds a pending `fetch`. */
const network = new Set<{ reject: (error: unknown) => void }>();

const realLoad = planWritesChunk.load;
/** Module fetches on their way, held as the browser's module loader holds a pending `import()`. */
let pending: ((error: unknown) => void)[] = [];
/** A slow network: the plan card's writes are still on their way when the element goes. */
const slowLoad = (): ReturnType<typeof realLoad> => new Promise((_, reject) => pending.push(reject));

/**
 * Mounts `tag` for org o1 in a container of its own (a fixture would be held by the fixture
 * registry), waits until it is ready with its live subscription open, sends a live event and
 * removes it at once. Returns a weak reference to it and the adapter.
 */
async function mountedThenRemoved(
  element: (typeof ELEMENTS)[number],
): Promise<{ ref: WeakRef<HTMLElement>; adapter: MemoryAdapter }> {
  const org = orgO1();
  const adapter = createMemoryAdapter({ o1: structuredClone(org) });
  const { el, container } = mount(element.tag, adapter);
  await until(() => {
    const parts = element.ready(el);
    return parts.length > 0 && parts.every((part) => part.state === 'ready');
  }, `${element.tag} ready`);
  await until(() => adapter.subscriberCount > 0, `${element.tag} subscribed`);
  for (const part of element.ready(el)) await part.updateComplete;
  // The pointer over a plan card's (+): the fetch of its writes is on its way.
  pointerOverAddCredits(el);
  adapter.emit('o1', element.event(org));
  return { ref: removed(el, container), adapter };
}

/** A pointer over the (+) of the plan card that `el` is or holds, as when the viewer is about to buy. */
function pointerOverAddCredits(el: Stateful): void {
  const plan = el.localName === 'plan-card' ? el : el.shadowRoot?.querySelector('plan-card');
  plan?.shadowRoot
    ?.querySelector('[part~="add-credits"]')
    ?.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
}

/**
 * `element` inside an `<org-dashboard-provider>` for org o1 (the adapter, locale and time zone are
 * the provider's), ready, then removed from it while the provider stays: a provider lives as long
 * as the page, and a host may swap what is inside it.
 */
async function removedFromProvider(
  element: (typeof ELEMENTS)[number],
): Promise<{ ref: WeakRef<HTMLElement>; provider: HTMLElement }> {
  const provider = document.createElement('org-dashboard-provider');
  provider.setAttribute('org-id', 'o1');
  provider.setAttribute('locale', 'en-US');
  provider.setAttribute('time-zone', 'UTC');
  Object.assign(provider, { adapter: createMemoryAdapter({ o1: orgO1() }) });
  const el: Stateful = document.createElement(element.tag);
  provider.append(el);
  document.body.append(provider);
  await until(() => {
    const parts = element.ready(el);
    return parts.length > 0 && parts.every((part) => part.state === 'ready');
  }, `${element.tag} ready`);
  for (const part of element.ready(el)) await part.updateComplete;
  const ref = new WeakRef<HTMLElement>(el);
  el.remove();
  return { ref, provider };
}

/**
 * An `<org-dashboard-provider>` with every card in it, ready and live, removed whole right after a
 * live event: the provider (its stores, its live subscriptions, its context) must go with them.
 */
async function providerRemovedWithItsCards(): Promise<{ ref: WeakRef<HTMLElement>; adapter: MemoryAdapter }> {
  const adapter = createMemoryAdapter({ o1: orgO1() });
  const { el: provider, container } = mount('org-dashboard-provider', adapter);
  const elements = CARD_TAGS.map((tag) => document.createElement(tag) as Stateful);
  provider.append(...elements);
  await until(() => elements.every((el) => el.state === 'ready'), 'the cards ready');
  await until(() => adapter.subscriberCount > 0, 'subscribed');
  for (const el of elements) await el.updateComplete;
  adapter.emit('o1', liveActivity());
  return { ref: removed(provider, container), adapter };
}

/** Mounts `element` on reads that are never answered and removes it once it has asked for its data. */
async function removedWhileAsking(element: (typeof ELEMENTS)[number]): Promise<WeakRef<HTMLElement>> {
  const { adapter, asked } = unansweredReads();
  const { el, container } = mount(element.tag, adapter);
  await until(() => asked() > 0 && element.ready(el).length > 0, `${element.tag} asking`);
  return removed(el, container);
}

/** Reads that end only when aborted, as a `fetch` to a server that does not answer. */
function unansweredReads(): { adapter: DashboardAdapter; asked: () => number } {
  let asked = 0;
  const adapter: DashboardAdapter = { ...createMemoryAdapter({ o1: orgO1() }) };
  for (const method of READ_METHODS) {
    (adapter as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      asked += 1;
      const signal = args
        .map((arg) => (arg as { signal?: AbortSignal } | undefined)?.signal)
        .find((found) => found instanceof AbortSignal);
      return new Promise((_, reject) => {
        const request = { reject };
        network.add(request);
        signal?.addEventListener('abort', () => {
          network.delete(request);
          reject(signal.reason);
        });
      });
    };
  }
  return { adapter, asked: () => asked };
}

describe('a removed element is not kept in memory', () => {
  before(function () {
    needsGc(this);
  });
  beforeEach(() => {
    planWritesChunk.load = slowLoad;
  });
  afterEach(() => {
    for (const reject of pending) reject(new TypeError('Failed to fetch dynamically imported module'));
    pending = [];
    for (const request of network) request.reject(new TypeError('Failed to fetch'));
    network.clear();
    planWritesChunk.load = realLoad;
  });

  it('<org-dashboard-provider>, removed with its cards right after a live event', async () => {
    const { ref, adapter } = await providerRemovedWithItsCards();
    expect(await collected(ref), 'collected').to.equal(true);
    expect(adapter.subscriberCount, 'live subscriptions left').to.equal(0);
  });

  for (const element of ELEMENTS) {
    it(`<${element.tag}>, removed right after a live event`, async function () {
      const { ref, adapter } = await mountedThenRemoved(element);
      expect(await collected(ref), 'collected').to.equal(true);
      expect(adapter.subscriberCount, 'live subscriptions left').to.equal(0);
    });

    it(`<${element.tag}>, removed from a provider that stays on the page`, async function () {
      const { ref, provider } = await removedFromProvider(element);
      expect(await collected(ref), 'collected').to.equal(true);
      provider.remove();
    });

    it(`<${element.tag}>, removed while its data is on its way`, async function () {
      expect(await collected(await removedWhileAsking(element)), 'collected').to.equal(true);
    });
  }
});
