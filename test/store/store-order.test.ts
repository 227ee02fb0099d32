/**
 * The store on the rules of DESIGN.md "What values mean": staleness after the
 * live connection gives up, one entry per id whatever its source, live events
 * in time order, and bounded memory while a resource keeps failing.
 */
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { DashboardError } from '../../src/contract/errors.js';
import type { Activity, Announcement, WorkspaceStats } from '../../src/contract/types.js';
import { DEFAULT_POLL_INTERVAL_MS, DashboardStore } from '../../src/store/store.js';
import { ACTIVITY_WINDOW, type ResourceKey } from '../../src/store/resources.js';
import { createControlledAdapter, flush, type ControlledAdapter } from './controlled-adapter.js';

const ORG = 'o1';
const stats = (total: number): WorkspaceStats => ({ total, active: total, suspended: 0, others: 0 });
const activity = (id: string, minute: number, action = 'Create'): Activity => ({
  id,
  resourceType: 'Workspaces',
  action,
  occurredAt: new Date(Date.UTC(2026, 10, 20, 10, minute)).toISOString(),
});
const announcement = (id: string, day: number, title = `News ${id}`): Announcement => ({
  id,
  kind: 'feature',
  title,
  body: 'Body',
  publishedAt: new Date(Date.UTC(2026, 10, day)).toISOString(),
});
const page = (items: unknown[]) => ({ items, nextCursor: null });
const ids = (list: { id: string }[] | undefined) => list?.map((item) => item.id);

describe('DashboardStore: staleness, order, duplicates and memory', () => {
  let stores: DashboardStore[] = [];
  const storeOf = (control: ReturnType<typeof createControlledAdapter>) => {
    const store = new DashboardStore(control.adapter, ORG);
    stores.push(store);
    return store;
  };
  afterEach(() => {
    for (const store of stores) store.dispose();
    stores = [];
  });
  /** Answers the oldest request out for `resource` with `value` and lets the store take it in. */
  const answer = async (control: ControlledAdapter, resource: ResourceKey, value: unknown) => {
    control.pending(resource)[0].resolve(value);
    await flush();
  };
  /** A store for ORG with a listener on `resource`, its first request sent and, given `first`, answered with it. */
  const subscribed = async (resource: ResourceKey, first?: unknown) => {
    const control = createControlledAdapter();
    const store = storeOf(control);
    store.subscribe(resource, () => {});
    await flush();
    if (first !== undefined) await answer(control, resource, first);
    return { control, store };
  };
  /** Asks the store for a refresh and lets its request go out. */
  const refreshSent = async (store: DashboardStore, resource: ResourceKey) => {
    void store.refresh(resource);
    await flush();
  };

  describe('stale after the live connection gives up (defect 2)', () => {
    it('clears once polling has fetched fresh data after `closed`', async () => {
      const { control, store } = await subscribed('workspaces', stats(1));
      control.connection(ORG, 'reconnecting');
      expect(store.get('workspaces').stale).to.equal(true);
      control.connection(ORG, 'closed');
      await flush();
      // Whatever the store fetched by itself, and then a Retry: fresh data is not stale.
      for (const request of control.pending('workspaces')) request.resolve(stats(2));
      await flush();
      await refreshSent(store, 'workspaces');
      for (const request of control.pending('workspaces')) request.resolve(stats(3));
      await flush();
      expect(store.get('workspaces').data?.total).to.equal(3);
      expect(store.get('workspaces').stale).to.equal(false);
    });

    it('fetches again at once when the connection gives up, and is stale until then', async () => {
      const { control, store } = await subscribed('workspaces', stats(1));
      control.connection(ORG, 'closed');
      await flush();
      expect(store.get('workspaces').stale, 'events may have been missed').to.equal(true);
      expect(control.pending('workspaces')).to.have.length(1);
      await answer(control, 'workspaces', stats(2));
      expect(store.get('workspaces').stale).to.equal(false);
    });
  });

  describe('polled until streamed (`polling`, then `open`)', () => {
    let clock: sinon.SinonFakeTimers | undefined;
    beforeEach(() => {
      // Test pages may run in background tabs, which are hidden: polling pauses there.
      sinon.stub(document, 'visibilityState').get(() => 'visible');
      clock = sinon.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    });
    afterEach(() => {
      clock?.restore();
      sinon.restore();
    });
    const interval = async () => {
      await clock!.tickAsync(DEFAULT_POLL_INTERVAL_MS);
      await flush();
    };

    it('polls while told `polling`, still takes live events, and on `open` fetches once and stops polling', async () => {
      const { control, store } = await subscribed('workspaces', stats(1));
      // Streamed until now, so events may have been missed when it is told to poll.
      control.connection(ORG, 'open');
      control.connection(ORG, 'polling');
      await flush();
      expect(control.pending('workspaces'), 'what streaming would have brought').to.have.length(1);
      await answer(control, 'workspaces', stats(2));
      await interval();
      expect(control.pending('workspaces'), 'a poll').to.have.length(1);
      await answer(control, 'workspaces', stats(3));
      expect(store.get('workspaces')).to.include({ status: 'ready', stale: false });
      // Still subscribed: an event the adapter delivers counts.
      control.emit(ORG, { topic: 'workspaces', data: stats(4) });
      expect(store.get('workspaces').data?.total).to.equal(4);
      expect(control.subscriptions.filter((s) => !s.closed)).to.have.length(1);

      control.connection(ORG, 'open');
      await flush();
      expect(control.pending('workspaces'), 'what polling may have missed').to.have.length(1);
      await answer(control, 'workspaces', stats(5));
      await interval();
      await interval();
      expect(control.pending('workspaces'), 'no poll once streamed').to.have.length(0);
      expect(store.get('workspaces')).to.include({ status: 'ready', stale: false });
      expect(store.get('workspaces').data?.total).to.equal(5);
    });

    it('told `polling` before it was ever open, fetches nothing twice: its first fetch and the polls cover it', async () => {
      const control = createControlledAdapter();
      const store = storeOf(control);
      store.subscribe('workspaces', () => {});
      await flush();
      control.connection(ORG, 'polling');
      await flush();
      await answer(control, 'workspaces', stats(1));
      expect(control.pending('workspaces'), 'no second fetch at start').to.have.length(0);
      expect(store.get('workspaces')).to.include({ status: 'ready', stale: false });
      await interval();
      expect(control.pending('workspaces'), 'a poll').to.have.length(1);
    });

    it('keeps one timer when told `polling` twice, and polls on alone after a final `closed`', async () => {
      const { control } = await subscribed('workspaces', stats(1));
      control.connection(ORG, 'open');
      control.connection(ORG, 'polling');
      control.connection(ORG, 'polling');
      await flush();
      await answer(control, 'workspaces', stats(2));
      await interval();
      expect(control.pending('workspaces')).to.have.length(1);
      await answer(control, 'workspaces', stats(3));
      control.connection(ORG, 'closed');
      await flush();
      for (const request of control.pending('workspaces')) request.resolve(stats(4));
      await flush();
      await interval();
      expect(control.pending('workspaces'), 'one poll per interval').to.have.length(1);
    });
  });

  describe('one entry per id (defect 13)', () => {
    it('deduplicates a fetched activity page, the first copy winning', async () => {
      const { control, store } = await subscribed('activity');
      const first = activity('a1', 1, 'Create');
      await answer(control, 'activity', page([activity('a2', 2), first, activity('a1', 1, 'Delete')]));
      expect(ids(store.get('activity').data)).to.deep.equal(['a2', 'a1']);
      expect(store.get('activity').data?.[1].action).to.equal('Create');
    });

    it('deduplicates fetched announcements', async () => {
      const { store } = await subscribed('announcements', [announcement('n1', 3), announcement('n1', 3)]);
      expect(ids(store.get('announcements').data)).to.deep.equal(['n1']);
    });

    it('deduplicates entries that arrived live before the first response', async () => {
      const { control, store } = await subscribed('activity');
      control.emit(ORG, { topic: 'activity', data: activity('live', 30) });
      control.emit(ORG, { topic: 'activity', data: activity('live', 30) });
      await answer(control, 'activity', page([activity('a1', 1)]));
      expect(ids(store.get('activity').data)).to.deep.equal(['live', 'a1']);
    });
  });

  describe('live events in time order', () => {
    it('inserts an activity older than what is shown at its place', async () => {
      const { control, store } = await subscribed('activity', page([activity('a3', 3), activity('a1', 1)]));
      control.emit(ORG, { topic: 'activity', data: activity('a2', 2) });
      expect(ids(store.get('activity').data)).to.deep.equal(['a3', 'a2', 'a1']);
    });

    it('keeps a snapshot that arrived live while the first fetch was out', async () => {
      const { control, store } = await subscribed('workspaces');
      control.emit(ORG, { topic: 'workspaces', data: stats(7) });
      expect(store.get('workspaces').data?.total).to.equal(7);
      await answer(control, 'workspaces', stats(1));
      expect(store.get('workspaces').data?.total).to.equal(7);
      expect(store.get('workspaces').stale).to.equal(false);
    });

    it('keeps the last of several events that raced a refresh', async () => {
      const { control, store } = await subscribed('workspaces', stats(1));
      await refreshSent(store, 'workspaces');
      control.emit(ORG, { topic: 'workspaces', data: stats(2) });
      control.emit(ORG, { topic: 'workspaces', data: stats(3) });
      await answer(control, 'workspaces', stats(1));
      expect(store.get('workspaces').data?.total).to.equal(3);
    });

    it('keeps a changed announcement that arrived after its fetch left', async () => {
      const { control, store } = await subscribed('announcements');
      control.emit(ORG, { topic: 'announcements', data: announcement('n1', 3, 'Changed') });
      await answer(control, 'announcements', [announcement('n1', 3, 'Original'), announcement('n2', 2)]);
      expect(store.get('announcements').data?.map((a) => a.title)).to.deep.equal(['Changed', 'News n2']);
    });

    it('is not stale when a failed refresh had been overtaken by a live snapshot', async () => {
      const { control, store } = await subscribed('workspaces', stats(1));
      await refreshSent(store, 'workspaces');
      control.emit(ORG, { topic: 'workspaces', data: stats(2) });
      control.pending('workspaces')[0].reject(new DashboardError('network', 'offline'));
      await flush();
      expect(store.get('workspaces').data?.total).to.equal(2);
      expect(store.get('workspaces').stale).to.equal(false);
    });

    it('does not let a response sent before an outage end it: the resync fetches again', async () => {
      const { control, store } = await subscribed('workspaces', stats(1));
      await refreshSent(store, 'workspaces');
      const sentBefore = control.pending('workspaces')[0];
      control.connection(ORG, 'reconnecting');
      control.connection(ORG, 'open');
      await flush();
      sentBefore.resolve(stats(2));
      await flush();
      expect(store.get('workspaces').stale, 'what changed during the outage is missing').to.equal(true);
      expect(control.pending('workspaces')).to.have.length(1);
      await answer(control, 'workspaces', stats(3));
      expect(store.get('workspaces').data?.total).to.equal(3);
      expect(store.get('workspaces').stale).to.equal(false);
    });
  });

  describe('memory while a resource keeps failing', () => {
    /** How many live entries the store holds back for a resource without data. */
    const heldBack = (store: DashboardStore): number => {
      const entries = (store as unknown as { entries: Map<string, { pending?: unknown }> }).entries;
      const pending = entries.get('activity')?.pending;
      if (Array.isArray(pending)) return pending.length;
      return (pending as { size?: number } | undefined)?.size ?? 0;
    };

    it('holds back at most one window of entries, one per id', async () => {
      const { control, store } = await subscribed('activity');
      for (let attempt = 0; attempt < 5; attempt += 1) {
        for (let i = 0; i < 40; i += 1) {
          const id = `e${attempt}-${i}`;
          control.emit(ORG, { topic: 'activity', data: activity(id, i) });
          control.emit(ORG, { topic: 'activity', data: activity(id, i) });
        }
        control.pending('activity')[0].reject(new DashboardError('server', 'down'));
        await flush();
        expect(store.get('activity').status).to.equal('error');
        await refreshSent(store, 'activity');
      }
      for (let i = 0; i < 200; i += 1)
        control.emit(ORG, { topic: 'activity', data: activity(`x${i}`, i % 60) });
      expect(heldBack(store)).to.be.at.most(ACTIVITY_WINDOW);
      await answer(control, 'activity', page([]));
      const shown = store.get('activity').data ?? [];
      expect(shown).to.have.length(ACTIVITY_WINDOW);
      expect(new Set(ids(shown)).size).to.equal(shown.length);
      expect(heldBack(store)).to.equal(0);
    });
  });
});
