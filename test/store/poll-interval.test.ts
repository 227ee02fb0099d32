/** `poll-interval` on the provider takes effect whenever it changes, also on a store already shared. */
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import { OrgDashboardProvider } from '../../src/elements/org-dashboard-provider/org-dashboard-provider.js';
import { DashboardStore } from '../../src/store/store.js';
import { MIN_POLL_INTERVAL_MS } from '../../src/store/poll-interval.js';
import { dataset, settle, until } from '../helpers/data.js';

if (!customElements.get('org-dashboard-provider')) {
  customElements.define('org-dashboard-provider', OrgDashboardProvider);
}

describe('poll interval', () => {
  let clock: sinon.SinonFakeTimers | undefined;
  beforeEach(() => {
    // Test pages may run in background tabs, which are hidden: polling pauses there.
    sinon.stub(document, 'visibilityState').get(() => 'visible');
  });
  afterEach(() => {
    clock?.restore();
    clock = undefined;
    sinon.restore();
  });

  async function pollingProvider(interval: number) {
    const adapter = createMemoryAdapter(dataset('o1'), { live: false });
    const requests = sinon.spy(adapter, 'getWorkspaceStats');
    const provider = await fixture<OrgDashboardProvider>(
      html`<org-dashboard-provider
        org-id="o1"
        .adapter=${adapter}
        poll-interval=${interval}
      ></org-dashboard-provider>`,
    );
    const store = provider.dataStore!;
    store.subscribe('workspaces', () => {});
    await until(() => store.get('workspaces').status === 'ready');
    return { adapter, provider, store, requests };
  }

  it('restarts the interval when `poll-interval` changes after the store exists', async () => {
    clock = sinon.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { provider, requests } = await pollingProvider(60_000);
    expect(requests.callCount).to.equal(1);
    provider.pollInterval = 5000;
    await provider.updateComplete;
    await clock.tickAsync(5000);
    await settle();
    expect(requests.callCount).to.equal(2);
    await clock.tickAsync(5000);
    await settle();
    expect(requests.callCount).to.equal(3);
  });

  it('uses the shortest interval of the providers sharing a store, and forgets a provider that leaves', async () => {
    clock = sinon.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { adapter, store, requests } = await pollingProvider(60_000);
    const second = await fixture<OrgDashboardProvider>(
      html`<org-dashboard-provider
        org-id="o1"
        .adapter=${adapter}
        poll-interval="10000"
      ></org-dashboard-provider>`,
    );
    expect(second.dataStore).to.equal(store);
    await clock.tickAsync(10_000);
    await settle();
    expect(requests.callCount).to.equal(2);
    second.remove();
    await settle();
    await clock.tickAsync(10_000);
    await settle();
    expect(requests.callCount, 'back to 60 s').to.equal(2);
    await clock.tickAsync(50_000);
    await settle();
    expect(requests.callCount).to.equal(3);
  });

  it('never polls more often than once a second, and reads nonsense as the default', async () => {
    clock = sinon.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const adapter = createMemoryAdapter(dataset('o1'), { live: false });
    const requests = sinon.spy(adapter, 'getWorkspaceStats');
    const store = new DashboardStore(adapter, 'o1', { pollIntervalMs: 10 });
    try {
      store.subscribe('workspaces', () => {});
      await until(() => store.get('workspaces').status === 'ready');
      await clock.tickAsync(MIN_POLL_INTERVAL_MS - 1);
      await settle();
      expect(requests.callCount).to.equal(1);
      await clock.tickAsync(1);
      await settle();
      expect(requests.callCount).to.equal(2);
      store.setPollInterval({ holder: 'a provider' }, Number.NaN);
      await clock.tickAsync(30_000);
      await settle();
      expect(requests.callCount, 'NaN is the default of 60 s').to.equal(2);
    } finally {
      store.dispose();
    }
  });
});
