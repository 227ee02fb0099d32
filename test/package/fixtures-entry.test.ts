/**
 * `org-dashboard-elements/fixtures` (src/fixtures.ts) is demo data for hosts without MSW (issue #16):
 * importing it loads no MSW module, and its simulation drives the memory adapter it exports.
 * scripts/test-package.mjs checks the same on the packed package in a project without msw.
 */
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import type { DashboardEvent } from '../../src/contract/types.js';

/** The URLs of the modules this page has loaded whose path names MSW. */
const mswModules = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((url) => /\/(msw|@mswjs)\//.test(url));

describe('org-dashboard-elements/fixtures', () => {
  let fixtures: typeof import('../../src/fixtures.js');
  before(async () => {
    // Room for every module it loads: a full timing buffer would hide the ones that come last.
    performance.setResourceTimingBufferSize(10_000);
    fixtures = await import('../../src/fixtures.js');
  });

  it('loads no MSW module', () => {
    const loaded = performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(
      loaded.some((url) => url.includes('/src/mocks/simulation.')),
      'the probe sees the entry',
    ).to.equal(true);
    expect(mswModules()).to.deep.equal([]);
  });

  it('the simulation drives the memory adapter: its subscribers see live events', () => {
    const clock = sinon.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const { ACME_ORG_ID, createDataset, createMemoryAdapter, startSimulation } = fixtures;
      const adapter = createMemoryAdapter(createDataset({ seed: 3, now: '2026-03-10T12:00:00Z' }));
      const seen: DashboardEvent['topic'][] = [];
      const unsubscribe = adapter.subscribe!(ACME_ORG_ID, (event) => seen.push(event.topic));
      const credits = adapter.data[ACME_ORG_ID].plan.availableCredits.amountMinor;
      const simulation = startSimulation(adapter, () => ACME_ORG_ID, { intervalMs: 1000 });
      clock.tick(3000);
      simulation.stop();
      clock.tick(3000);
      unsubscribe();
      // One step a second: an activity, credits used (plan and billing), a workspace change; then none.
      expect(seen).to.deep.equal(['activity', 'plan', 'billing', 'workspaces']);
      expect(adapter.data[ACME_ORG_ID].plan.availableCredits.amountMinor).to.not.equal(credits);
    } finally {
      clock.restore();
    }
  });

  it('the probe sees MSW when the ./msw entry loads it', async () => {
    await import('../../src/msw.js');
    expect(mswModules()).to.not.deep.equal([]);
  });
});
