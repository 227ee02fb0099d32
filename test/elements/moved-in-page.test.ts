/**
 * Elements moved within the page: a framework reordering a list or re-parenting a layout takes an
 * element out and puts it back in the same task. A move is not a removal: the element keeps its
 * store, its data, its live connection, its loaded pages and a running export, and reports nothing
 * twice. A real removal still lets go of all of it (removed-elements*.test.ts).
 */
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define.js';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory.js';
import type { DashboardErrorEvent } from '../../src/base/events.js';
import type { ActivityFilter } from '../../src/contract/types.js';
import type { ActivityLog } from '../../src/elements/activity-log/activity-log.js';
import type { OrgDashboardProvider } from '../../src/elements/org-dashboard-provider/org-dashboard-provider.js';
import { clean, minuteApart, rowIds, scrollUntil, stubDownloads } from '../helpers/activities.js';
import { dataset, READ_METHODS, settle, until } from '../helpers/data.js';
import { ignoreResizeObserverLoopErrors } from '../helpers/resize-observer.js';

type Stateful = HTMLElement & { state: string; updateComplete: Promise<boolean> };
type Store = { isDisposed: boolean };

/** The store an element is bound to (a card's through its resource controller, the log's binding). */
const storeOf = (el: HTMLElement): Store | undefined => {
  const internals = el as unknown as { source?: { store?: Store }; binding?: { store?: Store } };
  return internals.source?.store ?? internals.binding?.store;
};
const entriesOf = (log: ActivityLog) =>
  (log as unknown as { pages: { list: { entries: unknown[]; loadingMore: boolean } } }).pages.list;

/** Two sibling places, `#a` holding `content` and `#b` empty, on the page. */
const twoPlaces = (content: unknown) =>
  fixture<HTMLElement>(
    html`<div>
      <div id="a">${content}</div>
      <div id="b"></div>
    </div>`,
  );

/** Moves `el` to `#b` of `host`, in one task, and lets everything that follows run. */
async function moved(host: HTMLElement, el: Stateful): Promise<void> {
  host.querySelector('#b')!.append(el);
  await el.updateComplete;
  await settle(5);
}

/** Every adapter request from now on, as `method:org`. */
function requestsOf(adapter: MemoryAdapter): string[] {
  const calls: string[] = [];
  for (const method of READ_METHODS) {
    const original = (adapter[method] as (...args: unknown[]) => unknown).bind(adapter);
    sinon.stub(adapter, method).callsFake((...args: unknown[]) => {
      calls.push(`${method}:${String(args[0])}`);
      return original(...args) as never;
    });
  }
  return calls;
}

describe('elements moved within the page', () => {
  ignoreResizeObserverLoopErrors(beforeEach, afterEach);
  afterEach(() => sinon.restore());

  describe('a standalone card (own org-id and adapter)', () => {
    it('keeps its store and data: no request, no live reconnect, never loading', async () => {
      const adapter = createMemoryAdapter(dataset('o1'));
      const host = await twoPlaces(html`<org-info-card org-id="o1" .adapter=${adapter}></org-info-card>`);
      const card = host.querySelector<Stateful>('org-info-card')!;
      await until(() => card.state === 'ready' && adapter.subscriberCount === 1, 'ready and live');
      await settle(3);
      const before = storeOf(card)!;
      const calls = requestsOf(adapter);
      const subscribe = sinon.spy(adapter, 'subscribe');
      await moved(host, card);
      expect(
        JSON.stringify({
          same: storeOf(card) === before,
          disposed: before.isDisposed,
          state: card.state,
          requests: calls.join(' '),
          resubscribed: subscribe.callCount,
          live: adapter.subscriberCount,
        }),
      ).to.equal(
        JSON.stringify({
          same: true,
          disposed: false,
          state: 'ready',
          requests: '',
          resubscribed: 0,
          live: 1,
        }),
      );
    });

    it('keeps its data when it is older than the store keeps it fresh: no refetch', async () => {
      const adapter = createMemoryAdapter(dataset('o1'));
      const host = await twoPlaces(html`<org-info-card org-id="o1" .adapter=${adapter}></org-info-card>`);
      const card = host.querySelector<Stateful>('org-info-card')!;
      await until(() => card.state === 'ready', 'ready');
      await settle(3);
      // A minute later on the clock (only `Date`: timers run as they do).
      sinon.useFakeTimers({ now: Date.now() + 60_000, toFake: ['Date'] });
      const calls = requestsOf(adapter);
      await moved(host, card);
      expect(`${card.state} | requests: ${calls.join(' ')}`).to.equal('ready | requests: ');
    });

    it('on a slow backend: shows its data throughout, never the skeleton again', async () => {
      const adapter = createMemoryAdapter(dataset('o1'));
      const host = await twoPlaces(html`<org-info-card org-id="o1" .adapter=${adapter}></org-info-card>`);
      const card = host.querySelector<Stateful>('org-info-card')!;
      await until(() => card.state === 'ready', 'ready');
      adapter.hold();
      const states: string[] = [];
      host.querySelector('#b')!.append(card);
      states.push(card.state);
      await card.updateComplete;
      states.push(card.state);
      await settle(5);
      states.push(card.state);
      adapter.release();
      expect(states.join(','), 'states after the move').to.equal('ready,ready,ready');
    });

    it('a removal (not a move) still lets go of the store and the live connection', async () => {
      const adapter = createMemoryAdapter(dataset('o1'));
      const host = await twoPlaces(html`<org-info-card org-id="o1" .adapter=${adapter}></org-info-card>`);
      const card = host.querySelector<Stateful>('org-info-card')!;
      await until(() => card.state === 'ready' && adapter.subscriberCount === 1, 'ready and live');
      const store = storeOf(card)!;
      card.remove();
      await settle(3);
      expect(`${store.isDisposed} | live ${adapter.subscriberCount}`).to.equal('true | live 0');
    });
  });

  it('a standalone <activity-log> keeps its store and entries: no request', async () => {
    const data = dataset('o1');
    data.o1.activities = minuteApart(30);
    const adapter = createMemoryAdapter(data);
    const host = await twoPlaces(
      html`<activity-log
        org-id="o1"
        .adapter=${adapter}
        style="--od-activity-log-height: 300px"
      ></activity-log>`,
    );
    const log = host.querySelector<ActivityLog>('activity-log')!;
    await until(() => log.state === 'ready' && rowIds(log).length > 0, 'ready');
    await settle(3);
    const before = storeOf(log)!;
    const entries = entriesOf(log).entries.length;
    const calls = requestsOf(adapter);
    await moved(host, log);
    expect(
      JSON.stringify({
        same: storeOf(log) === before,
        disposed: before.isDisposed,
        state: log.state,
        entries: entriesOf(log).entries.length,
        requests: calls.join(' '),
      }),
    ).to.equal(JSON.stringify({ same: true, disposed: false, state: 'ready', entries, requests: '' }));
  });

  it('<activity-log> moved after scrolling keeps its pages: no refetch of page 1', async () => {
    const data = dataset('o1');
    data.o1.activities = minuteApart(180);
    const adapter = createMemoryAdapter(data);
    const pages: string[] = [];
    const original = adapter.listActivities.bind(adapter);
    adapter.listActivities = (orgId, filter?: ActivityFilter) => {
      // A memory adapter's cursor is `<entries before the page>:<time>:<id>`: the count names the page.
      pages.push(`${filter?.limit}:${filter?.cursor?.split(':')[0] ?? 'first'}`);
      return original(orgId, filter);
    };
    const host = await fixture<HTMLElement>(
      html`<org-dashboard-provider org-id="o1" .adapter=${adapter}>
        <div id="a"><activity-log style="--od-activity-log-height: 300px"></activity-log></div>
        <div id="b"></div>
      </org-dashboard-provider>`,
    );
    const log = host.querySelector<ActivityLog>('activity-log')!;
    await until(() => log.state === 'ready' && rowIds(log).length > 0, 'ready');
    await scrollUntil(log, () => pages.includes('50:50'), 'the second page');
    await until(() => entriesOf(log).entries.length > 50 && !entriesOf(log).loadingMore, 'second page in');
    const before = entriesOf(log).entries.length;
    const asked = pages.length;
    await moved(host, log);
    await until(() => log.state === 'ready', 'ready after the move');
    expect(
      JSON.stringify({ requests: pages.slice(asked).join(' '), entries: entriesOf(log).entries.length }),
    ).to.equal(JSON.stringify({ requests: '', entries: before }));
  });

  it('<activity-log> moved during a CSV export: the export goes on and downloads', async () => {
    const { names } = stubDownloads();
    const data = dataset('o1');
    data.o1.activities = minuteApart(500);
    const adapter = createMemoryAdapter(data);
    const host = await fixture<HTMLElement>(
      html`<org-dashboard-provider org-id="o1" .adapter=${adapter}>
        <div id="a"><activity-log></activity-log></div>
        <div id="b"></div>
      </org-dashboard-provider>`,
    );
    const log = host.querySelector<ActivityLog>('activity-log')!;
    await until(() => log.state === 'ready', 'ready');
    const said: string[] = [];
    adapter.hold();
    const done = log.exportCsv();
    await until(() => log.exporting, 'exporting');
    host.querySelector('#b')!.append(log);
    said.push(`exporting after the move: ${log.exporting}`);
    adapter.release();
    await done;
    await log.updateComplete;
    const status = clean(log.shadowRoot!.querySelector('[role="status"]')?.textContent);
    said.push(`files: ${names.length}`, `cancelled: ${status.includes('cancel')}`);
    expect(said.join(' | ')).to.equal('exporting after the move: true | files: 1 | cancelled: false');
  });

  it('a card in error fires od-error once and sends no request when moved', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    adapter.failNext('getBilling', 'server', 100);
    const errors: string[] = [];
    const onError = (event: DashboardErrorEvent) => errors.push(event.detail.error.code);
    const host = await fixture<HTMLElement>(
      html`<org-dashboard-provider org-id="o1" .adapter=${adapter} @od-error=${onError}>
        <div id="a"><billing-card></billing-card></div>
        <div id="b"></div>
      </org-dashboard-provider>`,
    );
    const card = host.querySelector<Stateful>('billing-card')!;
    await until(() => card.state === 'error' && errors.length > 0, 'error');
    await card.updateComplete;
    await settle(3);
    const calls = requestsOf(adapter);
    await moved(host, card);
    expect(`${card.state} | requests: ${calls.join(' ')} | od-error: ${errors.join(',')}`).to.equal(
      'error | requests:  | od-error: server',
    );
  });

  it('a left-out list item is reported once, not again after a move', async () => {
    const data = dataset('o1');
    data.o1.announcements = [
      { id: 'n1', kind: 'update', title: 'Hi', body: 'B', publishedAt: '2026-11-20T10:00:00Z' },
      { id: 'n2', kind: 'bogus', title: 'Bad', body: 'B', publishedAt: '2026-11-20T10:00:00Z' } as never,
    ];
    const adapter = createMemoryAdapter(data);
    const errors: string[] = [];
    const onError = (event: DashboardErrorEvent) => errors.push(event.detail.error.code);
    const host = await fixture<HTMLElement>(
      html`<org-dashboard-provider org-id="o1" .adapter=${adapter} @od-error=${onError}>
        <div id="a"><announcements-panel></announcements-panel></div>
        <div id="b"></div>
      </org-dashboard-provider>`,
    );
    const panel = host.querySelector<Stateful>('announcements-panel')!;
    await until(() => panel.state === 'ready' && errors.length > 0, 'ready');
    await panel.updateComplete;
    await settle(3);
    await moved(host, panel);
    expect(errors.join(','), 'od-error after the move').to.equal('invalid-data');
  });

  it('a card moved out of its provider no longer shows, nor keeps live, the provider org', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    const host = await twoPlaces(
      html`<org-dashboard-provider org-id="o1" .adapter=${adapter}
        ><org-info-card></org-info-card
      ></org-dashboard-provider>`,
    );
    const card = host.querySelector<Stateful>('org-info-card')!;
    await until(() => card.state === 'ready' && adapter.subscriberCount === 1, 'ready and live');
    await moved(host, card);
    const afterMove = card.state;
    host.querySelector('org-dashboard-provider')!.remove();
    await settle(5);
    expect(`${afterMove} | ${card.state} | live ${adapter.subscriberCount}`).to.equal(
      'loading | loading | live 0',
    );
  });

  it('a card moved into another provider shows that provider org', async () => {
    const adapter = createMemoryAdapter(dataset('o1', 'o2'));
    const host = await fixture<HTMLElement>(
      html`<div>
        <org-dashboard-provider id="p1" org-id="o1" .adapter=${adapter}
          ><org-info-card></org-info-card
        ></org-dashboard-provider>
        <org-dashboard-provider id="p2" org-id="o2" .adapter=${adapter}></org-dashboard-provider>
      </div>`,
    );
    const card = host.querySelector<Stateful>('org-info-card')!;
    await until(() => card.state === 'ready', 'ready');
    host.querySelector('#p2')!.append(card);
    const name = () => clean(card.shadowRoot!.querySelector('[part~="name"]')?.textContent);
    await until(() => card.state === 'ready' && name() === 'Org o2', 'o2 shown');
    await settle(3);
    expect(`${name()} | ${(storeOf(card) as unknown as { orgId: string }).orgId}`).to.equal('Org o2 | o2');
  });

  it('<activity-log> moved while the viewer types a search still runs that search', async () => {
    const data = dataset('o1');
    data.o1.activities = minuteApart(30);
    const adapter = createMemoryAdapter(data);
    const host = await twoPlaces(
      html`<org-dashboard-provider org-id="o1" .adapter=${adapter}
        ><activity-log style="--od-activity-log-height: 300px"></activity-log
      ></org-dashboard-provider>`,
    );
    const log = host.querySelector<ActivityLog>('activity-log')!;
    await until(() => log.state === 'ready' && rowIds(log).length > 0, 'ready');
    const input = log.shadowRoot!.querySelector<HTMLInputElement>('[part~="search"]')!;
    input.value = 'a7';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    // Before the search's pause ends, a framework moves the log with its provider.
    host.querySelector('#b')!.append(host.querySelector('org-dashboard-provider')!);
    await until(() => log.query === 'a7', 'the search applied');
    expect(log.query).to.equal('a7');
  });

  it('a card moved in the page still says its next live change', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    const host = await twoPlaces(
      html`<org-dashboard-provider org-id="o1" .adapter=${adapter}
        ><workspace-stats-card></workspace-stats-card
      ></org-dashboard-provider>`,
    );
    const card = host.querySelector<Stateful>('workspace-stats-card')!;
    await until(() => card.state === 'ready', 'ready');
    await settle(3);
    host.querySelector('#b')!.append(host.querySelector('org-dashboard-provider')!);
    await card.updateComplete;
    await settle(5);
    adapter.emit('o1', { topic: 'workspaces', data: { total: 20, active: 7, suspended: 2, others: 11 } });
    const said = () => clean(card.shadowRoot!.querySelector('[role="status"]')?.textContent);
    await until(() => said() !== '', 'an announcement');
    expect(said()).to.equal('Workspaces updated: 7 active, 20 in total');
  });

  it('a provider moved on its own keeps its store: no request', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    const host = await twoPlaces(
      html`<org-dashboard-provider org-id="o1" .adapter=${adapter}></org-dashboard-provider>`,
    );
    const provider = host.querySelector<OrgDashboardProvider>('org-dashboard-provider')!;
    await until(() => provider.dataStore?.get('access').data !== undefined, 'access loaded');
    const before = provider.dataStore!;
    const calls = requestsOf(adapter);
    host.querySelector('#b')!.append(provider);
    await provider.updateComplete;
    await settle(5);
    expect(
      JSON.stringify({
        same: provider.dataStore === before,
        disposed: before.isDisposed,
        requests: calls.join(' '),
      }),
    ).to.equal(JSON.stringify({ same: true, disposed: false, requests: '' }));
  });
});
