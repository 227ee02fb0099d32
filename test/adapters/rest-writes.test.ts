/**
 * The REST adapter's two writes against a real HTTP server (scripts/purchase-server.mjs, started by
 * the test run): what goes over the wire, which failures are retried (with the attempt's own
 * Idempotency-Key every time), which are answers, and what the server did. The server keeps the
 * money; each test reads its ledger and request log.
 */
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { createHttpClient, isRepeatable } from '../../src/adapters/http.js';
import { createRestAdapter, type RestAdapterOptions } from '../../src/adapters/rest.js';
import type { CreditPurchase, Money } from '../../src/contract/types.js';
import { rejectionOf } from './rest-fixtures.js';
import {
  apiBase,
  deadlinesOnServerHang,
  newOrg,
  report,
  setUp,
  type Fault,
  type LoggedRequest,
} from './rest-writes-server.js';

/** The adapter's deadline, held back from the real clock (see `deadlinesOnServerHang`). */
const TIMEOUT_MS = 45_678;
const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });
const START = usd(10_000);

describe('createRestAdapter: writes against a real HTTP server', function () {
  this.timeout(60_000);
  let deadlines: ReturnType<typeof deadlinesOnServerHang>;
  let base: string;
  before(async () => {
    base = await apiBase();
  });
  beforeEach(() => (deadlines = deadlinesOnServerHang(TIMEOUT_MS)));
  afterEach(() => {
    deadlines.restore();
    sinon.restore();
  });

  /** Backoff of a few milliseconds: the tests wait for the server, not for the clock. */
  function adapter(options: Partial<RestAdapterOptions> = {}) {
    return createRestAdapter({
      baseUrl: base,
      fetch: deadlines.fetch,
      timeoutMs: TIMEOUT_MS,
      retryBaseMs: 2,
      retryMaxMs: 8,
      ...options,
    });
  }

  async function session(faults: Fault[] = [], extra: { token?: string } = {}) {
    const org = newOrg('writes');
    await setUp(org, { balance: START, faults, ...extra });
    return org;
  }

  const purchaseBody = (amountMinor: number, currency = 'USD') =>
    JSON.stringify({ amount: { amountMinor, currency } });

  /** Every request is the purchase of `amountMinor` with `key`, as the adapter must send it. */
  function expectPurchases(requests: LoggedRequest[], org: string, key: string, amountMinor: number) {
    for (const [i, request] of requests.entries()) {
      expect(request.method, `request ${i}`).to.equal('POST');
      expect(request.path, `request ${i}`).to.equal(`/api/organizations/${org}/credits/purchases`);
      expect(request.idempotencyKey, `request ${i} key`).to.equal(key);
      expect(request.contentType, `request ${i}`).to.equal('application/json');
      expect(request.accept, `request ${i}`).to.equal('application/json');
      expect(request.body, `request ${i} body`).to.equal(purchaseBody(amountMinor));
    }
  }

  describe('purchaseCredits', () => {
    it('posts the amount with the attempt’s key and resolves to the server’s new balance', async () => {
      const org = await session();
      const client = adapter();
      const result = await client.purchaseCredits(org, { amount: usd(2_500), idempotencyKey: 'key-1' });
      expect(result).to.deep.equal({ status: 'completed', availableCredits: usd(12_500) });
      const server = await report(org);
      expect(server.ledger).to.deep.equal([{ key: 'key-1', amount: usd(2_500), balanceAfter: usd(12_500) }]);
      expect(server.requests).to.have.length(1);
      expectPurchases(server.requests, org, 'key-1', 2_500);
      expect((await client.getPlan(org)).availableCredits).to.deep.equal(usd(12_500));
    });

    it('a connection dropped after the server charged is retried with the same key: one charge', async () => {
      const org = await session(['drop-after']);
      const result = await adapter().purchaseCredits(org, { amount: usd(700), idempotencyKey: 'key-drop' });
      const server = await report(org, true);
      expect(server.requests.map((r) => r.outcome)).to.deep.equal(['charged', 'replayed']);
      expectPurchases(server.requests, org, 'key-drop', 700);
      expect(server.ledger).to.have.length(1);
      expect(result).to.deep.equal({ status: 'completed', availableCredits: server.balance });
      expect(server.balance).to.deep.equal(usd(10_700));
    });

    it('retries every transport failure with the same key, before and after the charge', async () => {
      const faults: Fault[] = [
        'drop-before',
        '503',
        { kind: '429', retryAfter: '0' },
        'hang-before',
        'error-after',
        'hang-after',
      ];
      const org = await session(faults);
      const result = await adapter({ retries: faults.length }).purchaseCredits(org, {
        amount: usd(1),
        idempotencyKey: 'key-all',
      });
      const server = await report(org, true);
      expect(server.requests.map((r) => [r.fault, r.outcome])).to.deep.equal([
        ['drop-before', 'dropped'],
        ['503', 'unavailable'],
        ['429', 'rate-limited'],
        ['hang-before', 'charged'],
        ['error-after', 'replayed'],
        ['hang-after', 'replayed'],
        [null, 'replayed'],
      ]);
      expectPurchases(server.requests, org, 'key-all', 1);
      expect(server.ledger).to.have.length(1);
      expect(result).to.deep.equal({ status: 'completed', availableCredits: usd(10_001) });
      expect(deadlines.fired(), 'a deadline per stalled answer').to.equal(2);
    });

    it('gives up after its retries; the viewer’s Retry with the same key gets the charge made meanwhile', async () => {
      const org = await session(['drop-after', 'drop-before', 'hang-after']);
      const client = adapter({ retries: 2 });
      const request = { amount: usd(300), idempotencyKey: 'key-again' };
      const error = await rejectionOf(client.purchaseCredits(org, request));
      expect(error.code).to.equal('timeout');
      const retried = await client.purchaseCredits(org, request);
      const server = await report(org, true);
      expect(server.requests.map((r) => r.outcome)).to.deep.equal([
        'charged',
        'dropped',
        'replayed',
        'replayed',
      ]);
      expectPurchases(server.requests, org, 'key-again', 300);
      expect(server.ledger).to.have.length(1);
      expect(retried).to.deep.equal({ status: 'completed', availableCredits: usd(10_300) });
    });

    it('a Retry-After beyond the cap rejects at once with rate-limited; Retry then charges once', async () => {
      const org = await session([{ kind: '429', retryAfter: '30' }]);
      const client = adapter();
      const request = { amount: usd(5), idempotencyKey: 'key-429' };
      const error = await rejectionOf(client.purchaseCredits(org, request));
      expect(error.code).to.equal('rate-limited');
      expect(error.retryAfterMs).to.equal(30_000);
      expect((await report(org)).requests, 'not retried').to.have.length(1);
      await client.purchaseCredits(org, request);
      const server = await report(org, true);
      expectPurchases(server.requests, org, 'key-429', 5);
      expect(server.ledger).to.have.length(1);
    });

    it('a refusal (402) is never retried, the same key gets it again, a new key is a new attempt', async () => {
      const org = await session(['refuse']);
      const client = adapter();
      const first = await rejectionOf(
        client.purchaseCredits(org, { amount: usd(900), idempotencyKey: 'k-1' }),
      );
      expect([first.code, first.status]).to.deep.equal(['payment-required', 402]);
      const again = await rejectionOf(
        client.purchaseCredits(org, { amount: usd(900), idempotencyKey: 'k-1' }),
      );
      expect(again.code).to.equal('payment-required');
      expect((await report(org)).ledger, 'nothing charged').to.have.length(0);
      const result = await client.purchaseCredits(org, { amount: usd(900), idempotencyKey: 'k-2' });
      const server = await report(org, true);
      expect(server.requests.map((r) => [r.idempotencyKey, r.outcome])).to.deep.equal([
        ['k-1', 'refused'],
        ['k-1', 'replayed'],
        ['k-2', 'charged'],
      ]);
      expect(server.ledger.map((charge) => charge.key)).to.deep.equal(['k-2']);
      expect(result).to.deep.equal({ status: 'completed', availableCredits: usd(10_900) });
    });

    it('the same key with another amount is a conflict (409), never retried', async () => {
      const org = await session();
      const client = adapter();
      await client.purchaseCredits(org, { amount: usd(100), idempotencyKey: 'k' });
      const error = await rejectionOf(client.purchaseCredits(org, { amount: usd(200), idempotencyKey: 'k' }));
      expect([error.code, error.status]).to.deep.equal(['conflict', 409]);
      const server = await report(org, true);
      expect(server.requests.map((r) => r.outcome)).to.deep.equal(['charged', 'conflict']);
      expect(server.ledger).to.have.length(1);
    });

    it('400 and 422 are invalid-request, never retried', async () => {
      const org = await session([{ kind: 'answer', status: 400, body: '{"code":"invalid-request"}' }]);
      const client = adapter();
      const bad = await rejectionOf(client.purchaseCredits(org, { amount: usd(1), idempotencyKey: 'a' }));
      expect([bad.code, bad.status]).to.deep.equal(['invalid-request', 400]);
      // The account is in USD: the server refuses euros with 422.
      const euros = await rejectionOf(
        client.purchaseCredits(org, { amount: { amountMinor: 1, currency: 'EUR' }, idempotencyKey: 'b' }),
      );
      expect([euros.code, euros.status]).to.deep.equal(['invalid-request', 422]);
      const server = await report(org, true);
      expect(server.requests.map((r) => r.outcome)).to.deep.equal(['answered', 'invalid']);
      expect(server.ledger).to.have.length(0);
    });

    it('after a 401 asks for a token once more and sends the purchase again with the same key', async () => {
      const org = await session([], { token: 'fresh' });
      const getToken = sinon.stub();
      getToken.onFirstCall().resolves('stale');
      getToken.onSecondCall().resolves('fresh');
      const result = await adapter({ getToken }).purchaseCredits(org, {
        amount: usd(42),
        idempotencyKey: 'key-401',
      });
      expect(getToken.args.map(([request]) => request)).to.deep.equal([
        { refresh: false },
        { refresh: true },
      ]);
      const server = await report(org, true);
      expect(server.requests.map((r) => [r.authorization, r.outcome])).to.deep.equal([
        ['Bearer stale', 'unauthorized'],
        ['Bearer fresh', 'charged'],
      ]);
      expectPurchases(server.requests, org, 'key-401', 42);
      expect(result).to.deep.equal({ status: 'completed', availableCredits: usd(10_042) });
    });

    it('an abort rejects with aborted at once and is not retried; the server’s charge stands', async () => {
      const org = await session(['hang-after']);
      // Real fetch, no deadline: only the abort ends the wait.
      const client = adapter({ fetch: undefined, timeoutMs: 0 });
      const controller = new AbortController();
      const request = { amount: usd(60), idempotencyKey: 'key-abort' };
      const pending = rejectionOf(client.purchaseCredits(org, request, { signal: controller.signal }));
      while ((await report(org)).ledger.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      controller.abort();
      expect((await pending).code).to.equal('aborted');
      // One more round trip to the server: an abort sends nothing more.
      expect((await report(org)).requests).to.have.length(1);
      const retried = await client.purchaseCredits(org, request);
      const server = await report(org, true);
      expect(server.requests.map((r) => r.outcome)).to.deep.equal(['charged', 'replayed']);
      expect(retried).to.deep.equal({ status: 'completed', availableCredits: usd(10_060) });
    });

    it('sends nothing for a signal aborted before the call', async () => {
      const org = await session();
      const error = await rejectionOf(
        adapter().purchaseCredits(
          org,
          { amount: usd(1), idempotencyKey: 'k' },
          { signal: AbortSignal.abort() },
        ),
      );
      expect(error.code).to.equal('aborted');
      expect((await report(org, true)).requests).to.have.length(0);
    });

    it('refuses what cannot be right with invalid-request, before the token or any request', async () => {
      const org = await session();
      const getToken = sinon.stub().resolves('t');
      const client = adapter({ getToken });
      const refused: [string, string, unknown][] = [
        [org, 'zero', { amount: usd(0), idempotencyKey: 'k' }],
        [org, 'negative', { amount: usd(-100), idempotencyKey: 'k' }],
        [org, 'a fraction of the minor unit', { amount: usd(1.5), idempotencyKey: 'k' }],
        [org, 'NaN', { amount: usd(NaN), idempotencyKey: 'k' }],
        [org, 'Infinity', { amount: usd(Infinity), idempotencyKey: 'k' }],
        [org, 'beyond safe integers', { amount: usd(2 ** 53), idempotencyKey: 'k' }],
        [org, 'a string amount', { amount: { amountMinor: '100', currency: 'USD' }, idempotencyKey: 'k' }],
        [org, 'a lower-case currency', { amount: { amountMinor: 1, currency: 'usd' }, idempotencyKey: 'k' }],
        [org, 'a two-letter currency', { amount: { amountMinor: 1, currency: 'US' }, idempotencyKey: 'k' }],
        [org, 'no currency', { amount: { amountMinor: 1 }, idempotencyKey: 'k' }],
        [org, 'no amount', { idempotencyKey: 'k' }],
        [org, 'no request', null],
        [org, 'an empty key', { amount: usd(1), idempotencyKey: '' }],
        [org, 'a key of 256 characters', { amount: usd(1), idempotencyKey: 'k'.repeat(256) }],
        [org, 'a key with a space', { amount: usd(1), idempotencyKey: 'a b' }],
        [org, 'a key with leading white space', { amount: usd(1), idempotencyKey: ' k' }],
        [org, 'a key beyond ASCII', { amount: usd(1), idempotencyKey: 'clé' }],
        [org, 'a key that is no string', { amount: usd(1), idempotencyKey: 42 }],
        ['', 'an empty org id', { amount: usd(1), idempotencyKey: 'k' }],
        ['.', 'the org id "."', { amount: usd(1), idempotencyKey: 'k' }],
        ['..', 'the org id ".."', { amount: usd(1), idempotencyKey: 'k' }],
      ];
      for (const [orgId, what, request] of refused) {
        const error = await rejectionOf(client.purchaseCredits(orgId, request as never));
        expect(error.code, what).to.equal('invalid-request');
      }
      expect(getToken.callCount, 'token calls').to.equal(0);
      expect((await report(org)).requests, 'requests').to.have.length(0);
      // The longest key is sent.
      await client.purchaseCredits(org, { amount: usd(1), idempotencyKey: '~'.repeat(255) });
      expect((await report(org, true)).ledger).to.have.length(1);
    });

    describe('validates the answer', () => {
      async function answered(
        body: string,
      ): Promise<{ result?: CreditPurchase; error?: { code: string; path?: unknown } }> {
        const org = await session([{ kind: 'answer', status: 200, body }]);
        try {
          return { result: await adapter().purchaseCredits(org, { amount: usd(1), idempotencyKey: 'k' }) };
        } catch (error) {
          return { error: error as { code: string; path?: unknown } };
        } finally {
          expect((await report(org, true)).requests, 'never retried').to.have.length(1);
        }
      }

      it('takes completed, pending and an absolute http(s) checkout URL', async () => {
        const completed = { status: 'completed', availableCredits: usd(5) };
        expect((await answered(JSON.stringify(completed))).result).to.deep.equal(completed);
        expect((await answered('{"status":"pending","extra":1}')).result).to.deep.equal({
          status: 'pending',
        });
        for (const url of [
          'https://pay.example/checkout?s=1#top',
          'http://localhost:9/pay',
          'HTTPS://PAY.EXAMPLE/x',
        ]) {
          const body = JSON.stringify({ status: 'redirect', url });
          expect((await answered(body)).result, url).to.deep.equal({ status: 'redirect', url });
        }
      });

      it('rejects with invalid-data, naming the field, anything else', async () => {
        const cases: [string, unknown, string][] = [
          ['no status', { availableCredits: usd(5) }, 'status'],
          ['an unknown status', { status: 'done' }, 'status'],
          [
            'a fractional balance',
            { status: 'completed', availableCredits: usd(0.5) },
            'availableCredits.amountMinor',
          ],
          ['no balance', { status: 'completed' }, 'availableCredits'],
          [
            'a bad currency',
            { status: 'completed', availableCredits: { amountMinor: 1, currency: 'usd' } },
            'availableCredits.currency',
          ],
          ['javascript:', { status: 'redirect', url: 'javascript:alert(1)' }, 'url'],
          ['a relative URL', { status: 'redirect', url: '/checkout' }, 'url'],
          ['a scheme-relative URL', { status: 'redirect', url: '//evil.example/pay' }, 'url'],
          ['another scheme', { status: 'redirect', url: 'data:text/html,hi' }, 'url'],
          ['no slashes', { status: 'redirect', url: 'https:evil.example' }, 'url'],
          ['white space first', { status: 'redirect', url: ' https://pay.example/' }, 'url'],
          ['a tab inside', { status: 'redirect', url: 'https://pay.\texample/' }, 'url'],
          ['credentials', { status: 'redirect', url: 'https://pay.example@evil.example/' }, 'url'],
          ['no URL', { status: 'redirect' }, 'url'],
          ['an array', [], ''],
        ];
        for (const [what, body, path] of cases) {
          const { error } = await answered(JSON.stringify(body));
          expect(error?.code, what).to.equal('invalid-data');
          expect(error?.path, what).to.equal(path);
        }
        expect((await answered('<html>')).error?.code, 'not JSON').to.equal('invalid-data');
      });
    });
  });

  describe('setLowCreditThreshold', () => {
    const thresholdPath = (org: string) => `/api/organizations/${org}/plan/low-credit-threshold`;

    it('puts the threshold, or null to clear it, and resolves to the validated plan', async () => {
      const org = await session();
      const client = adapter();
      const set = await client.setLowCreditThreshold(org, usd(1_500));
      expect(set).to.deep.equal({
        name: 'Enterprise',
        availableCredits: START,
        lowCreditThreshold: usd(1_500),
      });
      const cleared = await client.setLowCreditThreshold(org, null);
      expect(cleared).to.deep.equal({ name: 'Enterprise', availableCredits: START });
      const server = await report(org, true);
      expect(server.threshold).to.equal(null);
      expect(
        server.requests.map((r) => [r.method, r.path, r.idempotencyKey, r.contentType, r.body]),
      ).to.deep.equal([
        [
          'PUT',
          thresholdPath(org),
          null,
          'application/json',
          '{"threshold":{"amountMinor":1500,"currency":"USD"}}',
        ],
        ['PUT', thresholdPath(org), null, 'application/json', '{"threshold":null}'],
      ]);
    });

    it('is retried as PUT is idempotent: the same body sets the same state', async () => {
      const org = await session(['drop-after', '503', 'hang-after', { kind: '429', retryAfter: '0' }]);
      const plan = await adapter({ retries: 4 }).setLowCreditThreshold(org, usd(800));
      const server = await report(org, true);
      expect(server.requests.map((r) => r.outcome)).to.deep.equal([
        'set',
        'unavailable',
        'set',
        'rate-limited',
        'set',
      ]);
      for (const request of server.requests) {
        expect(request.body).to.equal('{"threshold":{"amountMinor":800,"currency":"USD"}}');
      }
      expect(server.threshold).to.deep.equal(usd(800));
      expect(plan.lowCreditThreshold).to.deep.equal(usd(800));
    });

    it('422 is invalid-request, never retried; a plan that is not one is invalid-data', async () => {
      const org = await session([{ kind: 'answer', status: 200, body: '{"name":"","availableCredits":5}' }]);
      const client = adapter();
      const invalid = await rejectionOf(client.setLowCreditThreshold(org, usd(1)));
      expect(invalid.code).to.equal('invalid-data');
      const euros = await rejectionOf(client.setLowCreditThreshold(org, { amountMinor: 1, currency: 'EUR' }));
      expect([euros.code, euros.status]).to.deep.equal(['invalid-request', 422]);
      expect((await report(org, true)).requests.map((r) => r.outcome)).to.deep.equal(['answered', 'invalid']);
    });

    it('refuses a threshold that cannot be right, before any request', async () => {
      const org = await session();
      const client = adapter();
      const refused: unknown[] = [
        usd(-1),
        usd(0.5),
        usd(NaN),
        { amountMinor: 1, currency: 'eur' },
        { amountMinor: 1 },
        undefined,
        5,
      ];
      for (const threshold of refused) {
        const error = await rejectionOf(client.setLowCreditThreshold(org, threshold as never));
        expect(error.code, JSON.stringify(threshold)).to.equal('invalid-request');
      }
      expect((await rejectionOf(client.setLowCreditThreshold('..', null))).code).to.equal('invalid-request');
      expect((await report(org)).requests).to.have.length(0);
      // Zero is a threshold (warn only when the credits run out).
      await client.setLowCreditThreshold(org, usd(0));
      expect((await report(org, true)).threshold).to.deep.equal(usd(0));
    });
  });

  describe('the retry rule of the HTTP layer', () => {
    it('repeats reads, PUTs and writes that carry an Idempotency-Key, and nothing else', () => {
      expect(isRepeatable('GET')).to.equal(true);
      expect(isRepeatable('PUT')).to.equal(true);
      expect(isRepeatable('POST')).to.equal(false);
      expect(isRepeatable('POST', { 'Content-Type': 'application/json' })).to.equal(false);
      expect(isRepeatable('POST', { 'Idempotency-Key': 'k' })).to.equal(true);
      expect(isRepeatable('POST', { 'idempotency-key': 'k' })).to.equal(true);
    });

    it('sends a POST without a key once, whatever fails', async () => {
      const org = await session(['drop-after', '503']);
      const http = createHttpClient({
        baseUrl: base,
        fetch: deadlines.fetch,
        timeoutMs: TIMEOUT_MS,
        retries: 3,
        backoff: { baseMs: 2, maxMs: 8, random: Math.random },
      });
      const path = `/organizations/${org}/credits/purchases`;
      const error = await rejectionOf(http.sendJson({ method: 'POST', path, body: { amount: usd(1) } }));
      expect(error.code).to.equal('network');
      const server = await report(org, true);
      // The server refuses a purchase without a key (400) even when it arrives: it was sent once.
      expect(server.requests.map((r) => r.outcome)).to.deep.equal(['invalid']);
    });
  });
});
