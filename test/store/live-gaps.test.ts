/**
 * Gaps in live updates the store must close by itself: an org polled while it waits for a stream
 * that is told `reconnecting` and then `polling` again (a leader tab handing over: ARCHITECTURE,
 * "Live connections at scale"), and listeners that all leave and come back while a holder keeps
 * the store (no subscription in between, so events were missed).
 */
import { expect } from '@open-wc/testing';
import type { WorkspaceStats } from '../../src/contract/types.js';
import { DEFAULT_POLL_INTERVAL_MS, DashboardStore } from '../../src/store/store.js';
import { createControlledAdapter, flush, type ControlledAdapter } from './controlled-adapter.js';
import { pollingPageEachTest } from '../helpers/clock.js';

const ORG = 'o1';
const stats = (total: number): WorkspaceStats => ({ total, active: total, suspended: 0, others: 0 });

describe('DashboardStore: gaps in live updates', () => {
  const clockNow = pollingPageEachTest();
  let store: DashboardStore | undefined;
  afterEach(() => store?.dispose());
  const answerAll = async (control: ControlledAdapter, value: unknown) => {
    for (const request of control.pending('workspaces')) request.resolve(value);
    await flush();
  };

  it('is no longer stale once polled again after `reconnecting` while polled', async () => {
    const control = createControlledAdapter();
    store = new DashboardStore(control.adapter, ORG);
    store.subscribe('workspaces', () => {});
    await flush();
    control.connection(ORG, 'polling');
    await answerAll(control, stats(1));
    // The tab that led went away; the new leader has no stream for this org either.
    control.connection(ORG, 'reconnecting');
    expect(store.get('workspaces').stale).to.equal(true);
    control.connection(ORG, 'polling');
    await flush();
    await answerAll(control, stats(2));
    clockNow().tick(DEFAULT_POLL_INTERVAL_MS);
    await flush();
    expect(control.pending('workspaces'), 'still polled').to.have.length(1);
    await answerAll(control, stats(3));
    expect(store.get('workspaces')).to.include({ status: 'ready', stale: false });
    expect(store.get('workspaces').data?.total).to.equal(3);
  });

  it('fetches again when a listener comes back after nobody listened, however soon', async () => {
    const control = createControlledAdapter();
    store = new DashboardStore(control.adapter, ORG);
    const unsubscribe = store.subscribe('workspaces', () => {});
    await flush();
    await answerAll(control, stats(1));
    unsubscribe();
    expect(
      control.subscriptions.filter((s) => !s.closed),
      'live updates stop',
    ).to.have.length(0);
    // Changed while nobody was subscribed: no event can bring it.
    clockNow().tick(500);
    store.subscribe('workspaces', () => {});
    await flush();
    expect(control.pending('workspaces'), 'what was missed meanwhile').to.have.length(1);
    await answerAll(control, stats(2));
    expect(store.get('workspaces').data?.total).to.equal(2);
  });

  it('fetches again after a response begun before an outage nobody listened through', async () => {
    const control = createControlledAdapter();
    store = new DashboardStore(control.adapter, ORG);
    const unsubscribe = store.subscribe('workspaces', () => {});
    await flush();
    const first = control.pending('workspaces')[0];
    control.connection(ORG, 'reconnecting');
    unsubscribe();
    // Back while the first request is still out: the new subscription was never down.
    store.subscribe('workspaces', () => {});
    await flush();
    first.resolve(stats(1));
    await flush();
    expect(control.pending('workspaces'), 'what the outage may have kept from it').to.have.length(1);
    await answerAll(control, stats(2));
    expect(store.get('workspaces')).to.include({ status: 'ready', stale: false });
    expect(store.get('workspaces').data?.total).to.equal(2);
  });

  it('fetches again after a response begun before everyone left and came back', async () => {
    const control = createControlledAdapter();
    store = new DashboardStore(control.adapter, ORG);
    const unsubscribe = store.subscribe('workspaces', () => {});
    await flush();
    const first = control.pending('workspaces')[0];
    unsubscribe();
    store.subscribe('workspaces', () => {});
    await flush();
    first.resolve(stats(1));
    await flush();
    expect(control.pending('workspaces'), 'what no subscription brought meanwhile').to.have.length(1);
  });

  it('still answers a second listener from memory while live updates run', async () => {
    const control = createControlledAdapter();
    store = new DashboardStore(control.adapter, ORG);
    store.subscribe('workspaces', () => {});
    await flush();
    await answerAll(control, stats(1));
    clockNow().tick(500);
    store.subscribe('workspaces', () => {});
    await flush();
    expect(control.pending('workspaces')).to.have.length(0);
  });
});
