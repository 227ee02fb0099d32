import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { DashboardError } from '../../src/contract/errors.js';
import { createRestAdapter } from '../../src/adapters/rest.js';
import {
  access,
  activityPage,
  announcements,
  billing,
  json,
  never,
  organization,
  plan,
  rejectionOf,
  scriptedFetch,
  workspaces,
} from './rest-fixtures.js';
import { READ_METHODS } from '../helpers/data.js';

const worker = setupWorker();

/** Every request the API handlers saw, newest last. */
let seen: Request[] = [];

/** Serves `body` at `path` under /api and records the requests. */
function serve(path: string, body: () => Response) {
  worker.use(
    http.get(`/api${path}`, ({ request }) => {
      seen.push(request);
      return body();
    }),
  );
}

/** Answers any /api request with `reply`. */
function serveAll(reply: () => Response) {
  worker.use(
    http.get('/api/*', ({ request }) => {
      seen.push(request);
      return reply();
    }),
  );
}

/** No retries, so error tests see the first failure at once. */
const noRetry = { baseUrl: '/api', retries: 0 };

describe('createRestAdapter', () => {
  before(async () => {
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  });
  afterEach(() => {
    worker.resetHandlers();
    seen = [];
  });
  after(() => worker.stop());

  describe('endpoints', () => {
    it('gets the organization', async () => {
      serve('/organizations/acme', () => HttpResponse.json(organization));
      const adapter = createRestAdapter({ baseUrl: '/api' });
      expect(await adapter.getOrganization('acme')).to.deep.equal(organization);
      expect(seen[0].headers.get('accept')).to.equal('application/json');
    });

    const reads = [
      ['gets access', '/organizations/acme/access', 'getAccess', access],
      ['gets workspace stats', '/organizations/acme/workspaces/stats', 'getWorkspaceStats', workspaces],
      ['gets the billing summary', '/organizations/acme/billing/summary', 'getBilling', billing],
      ['gets the plan', '/organizations/acme/plan', 'getPlan', plan],
      ['lists announcements', '/organizations/acme/announcements', 'listAnnouncements', announcements],
    ] as const;
    for (const [title, path, method, body] of reads) {
      it(title, async () => {
        serve(path, () => HttpResponse.json(body));
        expect(await createRestAdapter({ baseUrl: '/api' })[method]('acme')).to.deep.equal(body);
      });
    }

    it('lists activities with no query string when no filter is given', async () => {
      serve('/organizations/acme/activities', () => HttpResponse.json(activityPage));
      const page = await createRestAdapter({ baseUrl: '/api' }).listActivities('acme');
      expect(page).to.deep.equal(activityPage);
      expect(new URL(seen[0].url).search).to.equal('');
    });

    it('sends only the activity filters that are set, with query as q', async () => {
      serve('/organizations/acme/activities', () => HttpResponse.json({ items: [], nextCursor: null }));
      const adapter = createRestAdapter({ baseUrl: '/api' });
      await adapter.listActivities('acme', {
        limit: 25,
        cursor: 'abc',
        resourceType: 'Invoices',
        action: 'Fetch All',
        query: 'a&b=c',
        from: '2024-01-01',
        to: '2024-02-01',
      });
      await adapter.listActivities('acme', { cursor: null, query: '', action: 'Delete' });
      const full = new URL(seen[0].url).searchParams;
      expect(Object.fromEntries(full)).to.deep.equal({
        limit: '25',
        cursor: 'abc',
        resourceType: 'Invoices',
        action: 'Fetch All',
        q: 'a&b=c',
        from: '2024-01-01',
        to: '2024-02-01',
      });
      expect(new URL(seen[1].url).search).to.equal('?action=Delete');
    });

    it('URL-encodes the organization id', async () => {
      const { fetch, calls } = scriptedFetch(() => json(organization));
      await createRestAdapter({ baseUrl: '/api', fetch }).getOrganization('acme/eu 1?x#y');
      expect(calls[0].url).to.equal('/api/organizations/acme%2Feu%201%3Fx%23y');
    });

    it('joins relative and absolute base URLs with or without a trailing slash', async () => {
      const { fetch, calls } = scriptedFetch(() => json(plan));
      for (const baseUrl of ['/api', '/api/', 'https://api.example.com/v1/', 'https://api.example.com/v1']) {
        await createRestAdapter({ baseUrl, fetch }).getPlan('acme');
      }
      expect(calls.map((c) => c.url)).to.deep.equal([
        '/api/organizations/acme/plan',
        '/api/organizations/acme/plan',
        'https://api.example.com/v1/organizations/acme/plan',
        'https://api.example.com/v1/organizations/acme/plan',
      ]);
    });

    it('resolves a relative base URL against the page through the real fetch', async () => {
      serve('/organizations/acme/plan', () => HttpResponse.json(plan));
      // window.fetch passed as is: it must be called without a `this`, or the browser throws.
      const adapter = createRestAdapter({ baseUrl: '/api/', fetch: window.fetch });
      expect(await adapter.getPlan('acme')).to.deep.equal(plan);
      expect(new URL(seen[0].url).pathname).to.equal('/api/organizations/acme/plan');
    });

    it('sends custom headers, the bearer token and credentials', async () => {
      const { fetch, calls } = scriptedFetch(() => json(organization));
      const adapter = createRestAdapter({
        baseUrl: '/api',
        fetch,
        headers: { 'X-Tenant': 'blue', Accept: 'text/plain' },
        credentials: 'include',
        getToken: async () => 's3cret',
      });
      await adapter.getOrganization('acme');
      const { headers, init } = calls[0];
      expect(headers.get('x-tenant')).to.equal('blue');
      expect(headers.get('accept')).to.equal('application/json');
      expect(headers.get('authorization')).to.equal('Bearer s3cret');
      expect(init.credentials).to.equal('include');
      expect(init.method).to.equal('GET');
    });

    it('sends no Authorization header when getToken gives nothing', async () => {
      serve('/organizations/acme', () => HttpResponse.json(organization));
      for (const token of [null, undefined, '']) {
        await createRestAdapter({ baseUrl: '/api', getToken: () => token }).getOrganization('acme');
      }
      expect(seen.map((r) => r.headers.has('authorization'))).to.deep.equal([false, false, false]);
    });

    it('rejects a missing baseUrl at creation', () => {
      expect(() => createRestAdapter({} as never)).to.throw(TypeError);
    });

    it('has every adapter method, including subscribe', () => {
      const adapter = createRestAdapter({ baseUrl: '/api' });
      for (const name of [...READ_METHODS, 'subscribe'] as const) {
        expect(adapter[name], name).to.be.a('function');
      }
    });
  });

  describe('errors', () => {
    const statuses: [number, string][] = [
      [401, 'unauthorized'],
      [403, 'forbidden'],
      [404, 'not-found'],
      [429, 'rate-limited'],
      [500, 'server'],
      [503, 'server'],
      [400, 'invalid-request'],
      [422, 'invalid-request'],
      [402, 'payment-required'],
      [409, 'conflict'],
      [418, 'server'],
    ];
    for (const [status, code] of statuses) {
      it(`maps HTTP ${status} to ${code}, keeping the status`, async () => {
        serveAll(() => HttpResponse.json({ message: 'no' }, { status }));
        const error = await rejectionOf(createRestAdapter(noRetry).getOrganization('acme'));
        expect(error).to.be.instanceOf(DashboardError);
        expect(error.code).to.equal(code);
        expect(error.status).to.equal(status);
      });
    }

    it('reads Retry-After in seconds into retryAfterMs', async () => {
      serveAll(() => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '7' } }));
      const error = await rejectionOf(createRestAdapter(noRetry).getPlan('acme'));
      expect(error.code).to.equal('rate-limited');
      expect(error.retryAfterMs).to.equal(7000);
    });

    it('reads Retry-After as an HTTP date into retryAfterMs', async () => {
      const when = new Date(Date.now() + 30_000).toUTCString();
      serveAll(() => new HttpResponse(null, { status: 429, headers: { 'Retry-After': when } }));
      const error = await rejectionOf(createRestAdapter(noRetry).getPlan('acme'));
      // HTTP dates have whole seconds.
      expect(error.retryAfterMs).to.be.within(28_000, 30_000);
    });

    it('reports a failed fetch as network', async () => {
      serveAll(() => HttpResponse.error());
      const error = await rejectionOf(createRestAdapter(noRetry).getPlan('acme'));
      expect(error.code).to.equal('network');
    });

    it('reports a body that is not JSON as invalid-data', async () => {
      serveAll(() => new HttpResponse('<html>oops</html>', { headers: { 'content-type': 'text/html' } }));
      const error = await rejectionOf(createRestAdapter(noRetry).getPlan('acme'));
      expect(error.code).to.equal('invalid-data');
      expect(error.path).to.equal('');
    });

    it('passes a JSON body on as it is: the store validates every adapter in one place', async () => {
      const wrong = { ...organization, owner: { name: 42 } };
      serveAll(() => HttpResponse.json(wrong));
      expect(await createRestAdapter(noRetry).getOrganization('acme')).to.deep.equal(wrong);
    });

    it('does not retry a body that is not JSON', async () => {
      serveAll(() => new HttpResponse('{"name": ', { headers: { 'content-type': 'application/json' } }));
      const error = await rejectionOf(createRestAdapter({ baseUrl: '/api', retryBaseMs: 1 }).getPlan('acme'));
      expect(error.code).to.equal('invalid-data');
      expect(seen).to.have.length(1);
    });

    it('times out a hung request', async () => {
      const { fetch, calls } = scriptedFetch(() => never());
      const error = await rejectionOf(
        createRestAdapter({ baseUrl: '/api', fetch, timeoutMs: 20, retries: 0 }).getPlan('acme'),
      );
      expect(error.code).to.equal('timeout');
      expect(calls[0].signal.aborted, 'the hung fetch is aborted').to.equal(true);
    });

    it('times out a body that never finishes', async () => {
      const { fetch } = scriptedFetch(
        () => new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"na')) })),
      );
      const error = await rejectionOf(
        createRestAdapter({ baseUrl: '/api', fetch, timeoutMs: 20, retries: 0 }).getPlan('acme'),
      );
      expect(error.code).to.equal('timeout');
    });

    it('rejects with aborted at once when the signal aborts mid-request', async () => {
      const { fetch, calls } = scriptedFetch(() => never());
      const controller = new AbortController();
      const pending = createRestAdapter({ baseUrl: '/api', fetch }).getPlan('acme', {
        signal: controller.signal,
      });
      await Promise.resolve();
      await new Promise((r) => setTimeout(r, 0));
      controller.abort();
      const error = await rejectionOf(pending);
      expect(error.code).to.equal('aborted');
      expect(calls[0].signal.aborted).to.equal(true);
    });

    it('does not fetch with a signal that is already aborted', async () => {
      const { fetch, calls } = scriptedFetch(() => json(plan));
      const error = await rejectionOf(
        createRestAdapter({ baseUrl: '/api', fetch }).getPlan('acme', { signal: AbortSignal.abort() }),
      );
      expect(error.code).to.equal('aborted');
      expect(calls).to.have.length(0);
    });
  });
});
