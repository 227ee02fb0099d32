import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import type { DashboardAdapter } from '../../src/contract/types.js';
import { acquireStore, releaseStore } from '../../src/store/registry.js';
import { DashboardStore } from '../../src/store/store.js';
import { dataset, settle, until } from '../helpers/data.js';

describe('DashboardStore', () => {
  let stores: DashboardStore[] = [];
  const track = (store: DashboardStore) => {
    stores.push(store);
    return store;
  };
  afterEach(() => {
    for (const store of stores) store.dispose();
    stores = [];
    sinon.restore();
  });

  it('makes one request per resource however many listeners ask', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    const spy = sinon.spy(adapter, 'getOrganization');
    const store = track(new DashboardStore(adapter, 'o1'));
    store.subscribe('organization', () => {});
    store.subscribe('organization', () => {});
    await store.load('organization');
    await until(() => store.get('organization').status === 'ready');
    expect(spy.callCount).to.equal(1);
    expect(store.get('organization').data?.name).to.equal('Org o1');
  });

  it('shares one store per adapter and org through the registry', () => {
    const adapter = createMemoryAdapter(dataset('o1', 'o2'));
    const a = acquireStore(adapter, 'o1');
    const b = acquireStore(adapter, 'o1');
    const c = acquireStore(adapter, 'o2');
    expect(a).to.equal(b);
    expect(a).not.to.equal(c);
    releaseStore(a);
    releaseStore(b);
    releaseStore(c);
  });

  it('disposes a store when the last holder lets go, aborting its requests', async () => {
    const adapter = createMemoryAdapter(dataset('o1'), { delayMs: 1000 });
    const spy = sinon.spy(adapter, 'getAccess');
    const store = acquireStore(adapter, 'o1');
    store.subscribe('organization', () => {});
    await settle(1);
    const signal = spy.firstCall.args[1]?.signal;
    releaseStore(store);
    await settle(1);
    expect(store.isDisposed).to.equal(true);
    expect(signal?.aborted).to.equal(true);
    expect(adapter.subscriberCount).to.equal(0);
  });

  it('keeps a store that is released and acquired again in the same task (an element moved)', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    const store = acquireStore(adapter, 'o1');
    releaseStore(store);
    const again = acquireStore(adapter, 'o1');
    await settle(1);
    expect(again).to.equal(store);
    expect(store.isDisposed).to.equal(false);
    releaseStore(again);
  });

  it('checks access first and never requests what the viewer may not see', async () => {
    const data = dataset('o1');
    data.o1.access.permissions = ['organization:read'];
    const adapter = createMemoryAdapter(data);
    const billing = sinon.spy(adapter, 'getBilling');
    const store = track(new DashboardStore(adapter, 'o1'));
    store.subscribe('billing', () => {});
    await until(() => store.get('billing').status === 'error');
    expect(store.get('billing').error?.code).to.equal('forbidden');
    expect(billing.callCount).to.equal(0);
  });

  it('lets the server decide when access cannot be loaded', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    adapter.failNext('getAccess', 'server');
    const store = track(new DashboardStore(adapter, 'o1'));
    store.subscribe('billing', () => {});
    await until(() => store.get('billing').status === 'ready');
    expect(store.get('billing').data?.currentMonthTotal.amountMinor).to.equal(123456);
  });

  it('validates responses: bad data becomes invalid-data with the field path', async () => {
    const data = dataset('o1');
    (data.o1.organization as unknown as { createdAt: string }).createdAt = 'yesterday';
    const store = track(new DashboardStore(createMemoryAdapter(data), 'o1'));
    store.subscribe('organization', () => {});
    await until(() => store.get('organization').status === 'error');
    const error = store.get('organization').error;
    expect(error?.code).to.equal('invalid-data');
    expect(error?.path).to.equal('createdAt');
  });

  it('turns whatever a custom adapter throws into a typed error', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    const custom: DashboardAdapter = { ...adapter, getOrganization: () => Promise.reject(new Error('boom')) };
    const store = track(new DashboardStore(custom, 'o1'));
    store.subscribe('organization', () => {});
    await until(() => store.get('organization').status === 'error');
    expect(store.get('organization').error?.code).to.equal('server');
  });

  it('keeps the last good data, marked stale, when a refresh fails', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    const store = track(new DashboardStore(adapter, 'o1'));
    store.subscribe('organization', () => {});
    await until(() => store.get('organization').status === 'ready');
    adapter.failNext('getOrganization', 'network');
    await store.refresh('organization');
    const state = store.get('organization');
    expect(state.status).to.equal('ready');
    expect(state.stale).to.equal(true);
    expect(state.error?.code).to.equal('network');
    expect(state.data?.name).to.equal('Org o1');
    await store.refresh('organization');
    expect(store.get('organization').stale).to.equal(false);
  });

  it('applies snapshot events and adds activity entries once, newest first', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    const store = track(new DashboardStore(adapter, 'o1'));
    store.subscribe('workspaces', () => {});
    store.subscribe('activity', () => {});
    await until(() => store.get('activity').status === 'ready' && store.get('workspaces').status === 'ready');
    adapter.emit('o1', { topic: 'workspaces', data: { total: 3, active: 3, suspended: 0, others: 0 } });
    const entry = { id: 'a3', resourceType: 'Plans', action: 'Update', occurredAt: '2026-11-21T10:00:00Z' };
    adapter.emit('o1', { topic: 'activity', data: entry });
    adapter.emit('o1', { topic: 'activity', data: entry });
    expect(store.get('workspaces').data?.total).to.equal(3);
    expect(store.get('activity').data?.map((a) => a.id)).to.deep.equal(['a3', 'a2', 'a1']);
  });

  it('drops live events that fail validation', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    const store = track(new DashboardStore(adapter, 'o1'));
    store.subscribe('workspaces', () => {});
    await until(() => store.get('workspaces').status === 'ready');
    adapter.emit('o1', { topic: 'workspaces', data: { total: -1 } as never });
    expect(store.get('workspaces').data?.total).to.equal(10);
  });

  it('keeps a live event that raced a response', async () => {
    const adapter = createMemoryAdapter(dataset('o1'), { delayMs: 30 });
    const store = track(new DashboardStore(adapter, 'o1'));
    store.subscribe('activity', () => {});
    await until(() => adapter.subscriberCount === 1);
    const entry = { id: 'live', resourceType: 'Plans', action: 'Update', occurredAt: '2026-11-22T10:00:00Z' };
    // Sent to subscribers only, not into the data the response will carry.
    for (const s of [entry]) adapter.emit('o1', { topic: 'activity', data: s });
    adapter.update('o1', (d) => (d.activities = d.activities.filter((a) => a.id !== 'live')));
    await until(() => store.get('activity').status === 'ready');
    expect(store.get('activity').data?.map((a) => a.id)).to.deep.equal(['live', 'a2', 'a1']);
  });

  it('marks data stale while the live connection is down and resyncs when it is back', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    const store = track(new DashboardStore(adapter, 'o1'));
    store.subscribe('workspaces', () => {});
    await until(() => store.get('workspaces').status === 'ready' && adapter.subscriberCount === 1);
    adapter.disconnect('o1');
    expect(store.get('workspaces').stale).to.equal(true);
    // Missed while disconnected: only a resync can show it.
    adapter.update('o1', (d) => (d.workspaces = { total: 1, active: 1, suspended: 0, others: 0 }));
    const spy = sinon.spy(adapter, 'getWorkspaceStats');
    adapter.reconnect('o1');
    await until(() => store.get('workspaces').data?.total === 1);
    expect(spy.callCount).to.equal(1);
    expect(store.get('workspaces').stale).to.equal(false);
  });

  it('polls when the adapter has no live updates, and pauses while the page is hidden', async () => {
    // Test pages may run in background tabs, which are hidden: start visible.
    const visibility = sinon.stub(document, 'visibilityState').get(() => 'visible');
    const clock = sinon.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const adapter = createMemoryAdapter(dataset('o1'), { live: false });
    const spy = sinon.spy(adapter, 'getWorkspaceStats');
    const store = track(new DashboardStore(adapter, 'o1', { pollIntervalMs: 60_000 }));
    store.subscribe('workspaces', () => {});
    await until(() => store.get('workspaces').status === 'ready');
    expect(spy.callCount).to.equal(1);
    await clock.tickAsync(60_000);
    await settle();
    expect(spy.callCount).to.equal(2);

    visibility.get(() => 'hidden');
    await clock.tickAsync(120_000);
    await settle();
    expect(spy.callCount).to.equal(2);
    visibility.get(() => 'visible');
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(spy.callCount).to.equal(3);
    clock.restore();
  });

  it('polls next a whole interval after the catch-up poll of a page shown again, not at once', async () => {
    const visibility = sinon.stub(document, 'visibilityState').get(() => 'visible');
    const clock = sinon.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const adapter = createMemoryAdapter(dataset('o1'), { live: false });
    const spy = sinon.spy(adapter, 'getWorkspaceStats');
    const store = track(new DashboardStore(adapter, 'o1', { pollIntervalMs: 60_000 }));
    store.subscribe('workspaces', () => {});
    await until(() => store.get('workspaces').status === 'ready');
    visibility.get(() => 'hidden');
    await clock.tickAsync(119_000);
    visibility.get(() => 'visible');
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(spy.callCount).to.equal(2);
    // The old timer's next tick (1 s later) would fetch what was fetched a second ago.
    await clock.tickAsync(59_000);
    await settle();
    expect(spy.callCount).to.equal(2);
    await clock.tickAsync(1_000);
    await settle();
    expect(spy.callCount).to.equal(3);
    clock.restore();
  });

  it('stops live updates and timers when disposed', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    const store = new DashboardStore(adapter, 'o1');
    store.subscribe('organization', () => {});
    await until(() => adapter.subscriberCount === 1);
    store.dispose();
    expect(adapter.subscriberCount).to.equal(0);
  });
});
