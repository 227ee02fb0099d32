/**
 * Races and leaks: rapid org switches end on the last org only, with every
 * superseded request aborted and no stale data ever rendered; elements removed
 * mid-request leave no timers, listeners or live connections behind.
 */
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define.js';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import type { CardState } from '../../src/base/dashboard-card.js';
import type { DashboardAdapter } from '../../src/contract/types.js';
import type { OrgDashboard } from '../../src/elements/org-dashboard/org-dashboard.js';
import type { OrgDashboardProvider } from '../../src/elements/org-dashboard-provider/org-dashboard-provider.js';
import { dataset, ORG_DATASET_STATES, READ_METHODS, settle, until } from '../helpers/data.js';

type Card = HTMLElement & { state: CardState };
const SWITCHES = 100;
const ORG_IDS = Array.from({ length: SWITCHES }, (_, i) => `org-${i}`);

/** Wraps every adapter method to record its calls' signals and whether each call finished. */
function recordRequests(adapter: DashboardAdapter) {
  const requests: { method: string; orgId: string; signal?: AbortSignal }[] = [];
  for (const method of READ_METHODS) {
    const original = adapter[method].bind(adapter) as (
      orgId: string,
      o?: { signal?: AbortSignal },
    ) => Promise<unknown>;
    (adapter as unknown as Record<string, unknown>)[method] = (
      orgId: string,
      options?: { signal?: AbortSignal },
    ) => {
      requests.push({ method, orgId, signal: options?.signal });
      return original(orgId, options);
    };
  }
  return requests;
}

/** Text of every card inside a dashboard, one string. */
const shownText = (dashboard: OrgDashboard) =>
  [...dashboard.shadowRoot!.querySelectorAll<Card>('[part~="grid"] > *')]
    .map((card) => card.shadowRoot?.textContent ?? '')
    .join(' ');

describe('races and leaks', function () {
  this.timeout(30000);
  afterEach(() => sinon.restore());

  it(`${SWITCHES} rapid org switches: the last org only, superseded requests aborted, no stale render`, async () => {
    const data = dataset(...ORG_IDS);
    for (const id of ORG_IDS) data[id].organization.name = `Name of ${id}`;
    const adapter = createMemoryAdapter(data, { delayMs: 5 });
    const requests = recordRequests(adapter);
    const provider = await fixture<OrgDashboardProvider>(html`
      <org-dashboard-provider org-id=${ORG_IDS[0]} .adapter=${adapter}>
        <org-dashboard></org-dashboard>
      </org-dashboard-provider>
    `);
    const dashboard = provider.querySelector('org-dashboard')!;
    let current = ORG_IDS[0];
    const staleRenders: string[] = [];
    // Every change to any card's shadow tree is checked against the org being shown at that moment.
    const check = () => {
      const text = shownText(dashboard);
      for (const match of text.matchAll(/Name of (org-\d+)/g)) {
        if (match[1] !== current) staleRenders.push(`${match[1]} shown while on ${current}`);
      }
    };
    const observer = new MutationObserver(check);
    const observeAll = () => {
      for (const card of dashboard.shadowRoot!.querySelectorAll<Card>('[part~="grid"] > *')) {
        if (card.shadowRoot)
          observer.observe(card.shadowRoot, { subtree: true, childList: true, characterData: true });
      }
    };
    await dashboard.updateComplete;
    observeAll();

    for (const id of ORG_IDS) {
      current = id;
      provider.orgId = id;
      await provider.updateComplete;
      // A random short pause: some switches land before any answer, some in the middle of them.
      await new Promise((resolve) => setTimeout(resolve, Math.random() < 0.5 ? 0 : Math.random() * 8));
    }
    const last = ORG_IDS.at(-1)!;
    const cards = () => [...dashboard.shadowRoot!.querySelectorAll<Card>('[part~="grid"] > *')];
    await until(() => cards().every((card) => card.state !== 'loading'), 'the last org to load');
    await settle(5);
    observer.disconnect();
    check();

    expect(cards().map((card) => card.state)).to.deep.equal(ORG_DATASET_STATES);
    expect(shownText(dashboard)).to.include(`Name of ${last}`);
    expect(staleRenders, 'stale renders').to.deep.equal([]);
    const superseded = requests.filter((r) => r.orgId !== last);
    expect(superseded.length, 'requests for earlier orgs were made').to.be.greaterThan(0);
    expect(
      superseded.filter((r) => !r.signal?.aborted).map((r) => `${r.method}(${r.orgId})`),
      'superseded requests left running',
    ).to.deep.equal([]);
    expect(requests.filter((r) => r.orgId === last && r.signal?.aborted)).to.deep.equal([]);
    expect(adapter.subscriberCount, 'one live connection, for the last org').to.equal(1);
  });

  it('removing elements mid-request leaves no timers, listeners or connections behind', async () => {
    const adapter = createMemoryAdapter(dataset('o1', 'o2'), { delayMs: 50 });
    const pollingAdapter = createMemoryAdapter(dataset('o3'), { delayMs: 50, live: false });
    const requests = recordRequests(adapter);
    const setIntervalSpy = sinon.spy(window, 'setInterval');
    const clearIntervalSpy = sinon.spy(window, 'clearInterval');
    const addListener = sinon.spy(document, 'addEventListener');
    const removeListener = sinon.spy(document, 'removeEventListener');

    const host = await fixture<HTMLElement>(html`
      <div>
        <org-dashboard org-id="o1" .adapter=${adapter}></org-dashboard>
        <org-dashboard-provider org-id="o2" .adapter=${adapter}>
          <billing-card></billing-card><activity-feed></activity-feed
          ><announcements-panel></announcements-panel>
        </org-dashboard-provider>
        <org-dashboard org-id="o3" .adapter=${pollingAdapter}></org-dashboard>
        <plan-card org-id="o1" .adapter=${adapter}></plan-card>
      </div>
    `);
    await until(() => requests.length > 0, 'requests to start');
    expect(adapter.subscriberCount, 'live connections while shown').to.be.greaterThan(0);
    // Removed while every request is still on its way (each takes 50 ms).
    host.remove();
    await settle(3);
    await new Promise((resolve) => setTimeout(resolve, 80));

    expect(adapter.subscriberCount, 'live connections left').to.equal(0);
    expect(
      requests.filter((r) => !r.signal?.aborted).map((r) => `${r.method}(${r.orgId})`),
      'requests left running',
    ).to.deep.equal([]);
    const started = setIntervalSpy.returnValues;
    const cleared = new Set(clearIntervalSpy.args.map(([id]) => id));
    expect(
      started.filter((id) => !cleared.has(id)),
      'intervals left running',
    ).to.deep.equal([]);
    const added = addListener.args.map(([type, listener]) => ({ type, listener }));
    const left = added.filter(
      ({ type, listener }) => !removeListener.args.some(([t, l]) => t === type && l === listener),
    );
    expect(
      left.map(({ type }) => type),
      'document listeners left',
    ).to.deep.equal([]);
  });
});
