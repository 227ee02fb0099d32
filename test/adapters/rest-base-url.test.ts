/**
 * Base URLs that carry a query (an Azure Functions `?code=` key, an API gateway's `?api-version=`):
 * every request goes to the base's path plus the API's, with the base's query kept and the request's
 * own parameters added. Against the real purchase server (its routes are matched on the path), and
 * on the live streams of the reference model (live-server.ts).
 */
import { expect } from '@open-wc/testing';
import { createRestAdapter } from '../../src/adapters/rest.js';
import { json, organization, plan, scriptedFetch, until } from './rest-fixtures.js';
import { listen, LiveServer } from './live-server.js';
import { apiBase, newOrg, report, setUp } from './rest-writes-server.js';

const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });

describe('createRestAdapter: a base URL with a query', function () {
  this.timeout(60_000);

  it('reaches the real server’s routes, reads and writes', async () => {
    const org = newOrg('base-query');
    await setUp(org, { balance: usd(500) });
    const adapter = createRestAdapter({ baseUrl: `${await apiBase()}/?code=k%2F1&v=2`, timeoutMs: 0 });
    expect((await adapter.getPlan(org)).availableCredits).to.deep.equal(usd(500));
    expect((await adapter.setLowCreditThreshold(org, usd(100))).lowCreditThreshold).to.deep.equal(usd(100));
    const { requests } = await report(org, true);
    expect(requests.map((r) => `${r.method} ${r.path}`)).to.deep.equal([
      `GET /api/organizations/${org}/plan`,
      `PUT /api/organizations/${org}/plan/low-credit-threshold`,
    ]);
  });

  it('keeps the base’s query and adds the request’s own parameters after it', async () => {
    const { fetch, calls } = scriptedFetch((call) =>
      call.url.includes('/activities') ? json({ items: [], nextCursor: null }) : json(organization),
    );
    const adapter = createRestAdapter({ baseUrl: 'https://api.example.com/v1/?code=k&v=2', fetch });
    await adapter.getOrganization('acme');
    await adapter.listActivities('acme', { limit: 5, cursor: 'a&b?c' });
    await createRestAdapter({ baseUrl: '/api?', fetch }).getPlan('acme');
    await createRestAdapter({ baseUrl: '/api#top', fetch }).getPlan('acme');
    expect(calls.map((call) => call.url)).to.deep.equal([
      'https://api.example.com/v1/organizations/acme?code=k&v=2',
      'https://api.example.com/v1/organizations/acme/activities?code=k&v=2&limit=5&cursor=a%26b%3Fc',
      '/api/organizations/acme/plan',
      '/api/organizations/acme/plan',
    ]);
  });

  it('opens the per-org and the multi-org streams under the base’s path, with its query', async () => {
    const server = new LiveServer();
    const adapter = createRestAdapter({ baseUrl: '/api?code=k', fetch: server.fetch, random: () => 0 });
    const one = listen(adapter.subscribe, 'org-1');
    try {
      await until(() => one.states.includes('open'), 'the per-org stream open');
      expect(server.requests[0].url.pathname).to.equal('/api/organizations/org-1/events');
      expect(server.requests[0].url.searchParams.get('code')).to.equal('k');
      const two = listen(adapter.subscribe, 'org-2');
      try {
        await until(
          () => server.requests.some((r) => r.url.pathname === '/api/events'),
          'the multi-org stream',
        );
        const multi = server.requests.find((r) => r.url.pathname === '/api/events')!;
        expect(multi.url.searchParams.get('code')).to.equal('k');
        expect(multi.url.searchParams.getAll('orgId').sort()).to.deep.equal(['org-1', 'org-2']);
        await until(() => two.states.includes('open'), 'org-2 open');
        server.emit('org-2', 'plan', plan);
        await until(() => two.events.length === 1, 'org-2’s event');
      } finally {
        two.unsubscribe();
      }
    } finally {
      one.unsubscribe();
    }
  });
});
