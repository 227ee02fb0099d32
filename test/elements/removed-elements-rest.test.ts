/**
 * removed-elements.test.ts over the REST adapter: its live hub (one stream per `baseUrl` for the
 * page, its tabs' leader and followers) lives as long as the page, so what it keeps of a removed
 * dashboard it keeps for good. A host that swaps dashboards (one org, then another) on the mock API
 * (MSW, as the demo runs) must get each removed one collected while the next one stays live on the
 * same stream.
 *
 * Chromium only (test/helpers/removal.ts).
 */
import { expect } from '@open-wc/testing';
import { collected, needsGc, removed, type Stateful } from '../helpers/removal.js';
import { setupWorker } from 'msw/browser';
import '../../src/define.js';
import { createRestAdapter } from '../../src/adapters/rest.js';
import {
  ACME_ORG_ID,
  createActivity,
  createDataset,
  createHandlers,
  GLOBEX_ORG_ID,
  type MockApi,
} from '../../src/msw.js';
import { cardsOf } from '../helpers/dashboard.js';
import { until } from '../helpers/data.js';

const worker = setupWorker();
const BASE_URL = '/api-removed';

/** A dashboard for `orgId` on the page, every card settled and its org's live stream open. */
async function liveDashboard(api: MockApi, orgId: string): Promise<{ el: Stateful; container: HTMLElement }> {
  const container = document.createElement('div');
  const el: Stateful = document.createElement('org-dashboard');
  el.setAttribute('org-id', orgId);
  el.setAttribute('locale', 'en-US');
  el.setAttribute('time-zone', 'UTC');
  Object.assign(el, { adapter: createRestAdapter({ baseUrl: BASE_URL }) });
  container.append(el);
  document.body.append(container);
  await until(() => {
    const cards = cardsOf(el);
    return cards.length === 6 && cards.every((card) => card.state !== 'loading');
  }, `${orgId}'s cards settled`);
  await until(() => api.streamCount(orgId) > 0, `${orgId}'s live stream`);
  return { el, container };
}

/** The dashboard of the first org, live, gets an event and is removed; the second org's stays. */
async function swapped(api: MockApi): Promise<{ ref: WeakRef<HTMLElement>; next: HTMLElement }> {
  const first = await liveDashboard(api, ACME_ORG_ID);
  api.emit(ACME_ORG_ID, { topic: 'activity', data: createActivity(ACME_ORG_ID) });
  const ref = removed(first.el, first.container);
  const next = await liveDashboard(api, GLOBEX_ORG_ID);
  const activity = createActivity(GLOBEX_ORG_ID);
  api.emit(GLOBEX_ORG_ID, { topic: 'activity', data: activity });
  // The stream work ends where it shows, not after some frames (a busy machine delivers later): the
  // second dashboard's feed shows the event, and no stream carries the first org any more.
  const feed = cardsOf(next.el).find((card) => card.localName === 'activity-feed')!;
  await until(
    () => feed.shadowRoot?.querySelector(`[data-id="${CSS.escape(activity.id)}"]`) != null,
    "the second org's live event in its feed",
  );
  await until(() => api.streamCount(ACME_ORG_ID) === 0, "the first org's stream closed");
  return { ref, next: next.container };
}

describe('a removed dashboard is not kept in memory (REST adapter, live hub)', () => {
  let started = false;
  before(async function () {
    needsGc(this);
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
    started = true;
  });
  // Firefox skips the suite before the worker starts: stopping it then only earns MSW's warning.
  after(() => started && worker.stop());

  it('one org swapped for another on the same base URL: the first is collected, the second stays live', async function () {
    const api = createHandlers({ baseUrl: BASE_URL, data: createDataset({ now: new Date().toISOString() }) });
    worker.resetHandlers(...api.handlers);
    const { ref, next } = await swapped(api);
    expect(await collected(ref), 'collected').to.equal(true);
    next.remove();
  });
});
