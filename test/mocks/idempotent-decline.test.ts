/**
 * A declined purchase (402) is its idempotency key's answer, as a completed one is (openapi.yaml's
 * `purchaseCredits`, Stripe's rule): every repeat of the key with the same body gets the same 402,
 * never a charge; the same key with another body is 409. So a client whose 402 was lost on the
 * way back, and which tries again with the same key as the REST adapter does, is declined again
 * rather than charged for an attempt the server declined. The mock API and the memory adapter
 * agree.
 */
import { expect } from '@open-wc/testing';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import { createRestAdapter } from '../../src/adapters/rest.js';
import type { DashboardError } from '../../src/contract/errors.js';
import type { CreditPurchaseRequest, DashboardAdapter, Money } from '../../src/contract/types.js';
import { ACME_ORG_ID, INITECH_ORG_ID, createDataset, type MockApi } from '../../src/msw.js';
import { mockApiWorker } from '../helpers/mock-api-worker.js';

const NOW = '2025-06-15T12:00:00.000Z';
let api: MockApi;

const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });
const euros = (amountMinor: number): Money => ({ amountMinor, currency: 'EUR' });
const acme = () => api.data[ACME_ORG_ID];
const balance = () => acme().plan.availableCredits.amountMinor;

/** The purchase as sent over HTTP, with its status and JSON body. */
async function purchase(
  amount: Money,
  key: string,
  orgId: string = ACME_ORG_ID,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`/api/organizations/${orgId}/credits/purchases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'Idempotency-Key': key },
    body: JSON.stringify({ amount }),
  });
  return { status: response.status, body: await response.json() };
}

/** What an adapter's purchase came to: its answer, or its error's code and status. */
const outcome = (call: Promise<unknown>) =>
  call.then(
    (answer) => ({ answer }),
    (error: DashboardError) => ({ code: error.code, status: error.status }),
  );

/**
 * The REST adapter over the mock API, with a `fetch` that loses the next `lose` purchase answers
 * after the server handled them (the connection dropped on the way back), and the keys it sent.
 */
function restLosingAnswers(lose: number): { rest: DashboardAdapter; keys: (string | null)[] } {
  const keys: (string | null)[] = [];
  const rest = createRestAdapter({
    baseUrl: '/api',
    retryBaseMs: 1,
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      const sent = new Request(input, init);
      if (sent.method !== 'POST') return response;
      keys.push(sent.headers.get('idempotency-key'));
      if (lose <= 0) return response;
      lose -= 1;
      await response.body?.cancel();
      throw new TypeError('Failed to fetch');
    },
  });
  return { rest, keys };
}

describe('mocks: a declined purchase is its idempotency key’s answer', () => {
  const mockApi = mockApiWorker(NOW);
  beforeEach(() => {
    api = mockApi.serve();
  });

  it('answers a repeat of a declined key with the same 402 and body, charging nothing', async () => {
    const plans: unknown[] = [];
    const emit = api.emit.bind(api);
    api.emit = (orgId, event) => (plans.push(event), emit(orgId, event));
    const start = balance();
    api.failNext('purchaseCredits', 402);
    const declined = await purchase(usd(500), 'k1');
    expect(declined.status).to.equal(402);
    expect(declined.body).to.deep.include({ code: 'payment-required' });
    for (let repeat = 0; repeat < 3; repeat += 1)
      expect(await purchase(usd(500), 'k1'), `repeat ${repeat}`).to.deep.equal(declined);
    expect(balance()).to.equal(start);
    expect(plans).to.deep.equal([]);
    expect(acme().creditPurchases ?? []).to.deep.equal([]);
    // Trying again is a new purchase with a new key.
    expect((await purchase(usd(500), 'k2')).body).to.deep.equal({
      status: 'completed',
      availableCredits: usd(start + 500),
    });
  });

  it('refuses a declined or completed key with another amount or currency (409), as the memory adapter does', async () => {
    const memory = createMemoryAdapter(createDataset({ now: NOW }));
    api.failNext('purchaseCredits', 402);
    memory.failNext('purchaseCredits', 'payment-required');
    const steps: [Money, string][] = [
      [usd(500), 'declined'],
      [usd(501), 'declined'],
      [euros(500), 'declined'],
      [usd(700), 'completed'],
      [usd(701), 'completed'],
      [euros(700), 'completed'],
      [usd(500), 'declined'],
      [usd(700), 'completed'],
    ];
    const statuses: number[] = [];
    for (const [amount, key] of steps) {
      const overHttp = await purchase(amount, key);
      statuses.push(overHttp.status);
      const inMemory = await outcome(memory.purchaseCredits!(ACME_ORG_ID, { amount, idempotencyKey: key }));
      const code = (overHttp.body as { code?: string }).code;
      const fromHttp = code === undefined ? { answer: overHttp.body } : { code, status: overHttp.status };
      expect(inMemory, `${key} ${JSON.stringify(amount)}`).to.deep.equal(fromHttp);
    }
    expect(statuses).to.deep.equal([402, 409, 409, 200, 409, 409, 402, 200]);
    expect(acme().plan).to.deep.equal(memory.data[ACME_ORG_ID].plan);
  });

  it('declines only what would be charged: a refused request keeps its key free, a known key gets its answer', async () => {
    const start = balance();
    const completed = await purchase(usd(300), 'known');
    const refused: [Money, string, string, number][] = [
      [usd(0), 'k1', ACME_ORG_ID, 400],
      [euros(100), 'k1', ACME_ORG_ID, 422],
      [usd(100), 'k1', INITECH_ORG_ID, 403],
      [usd(100), 'k1', 'org_nope', 404],
    ];
    for (const [amount, key, orgId, status] of refused) {
      api.failNext('purchaseCredits', 402);
      expect((await purchase(amount, key, orgId)).status, `${orgId} ${JSON.stringify(amount)}`).to.equal(
        status,
      );
    }
    api.failNext('purchaseCredits', 402);
    expect(await purchase(usd(300), 'known'), 'a repeat is answered as before').to.deep.equal(completed);
    expect((await purchase(usd(100), 'k1')).status, 'the key stayed free').to.equal(200);
    expect(balance()).to.equal(start + 400);
  });

  it('leaves the next purchase’s injected outcome (pending) to the next new purchase', async () => {
    api.nextPurchase({ status: 'pending' });
    api.failNext('purchaseCredits', 402);
    expect((await purchase(usd(5), 'k1')).status).to.equal(402);
    expect((await purchase(usd(5), 'k2')).body).to.deep.equal({ status: 'pending' });
  });

  it('declines the REST adapter’s retry after a lost 402 (same key), where it charged', async () => {
    const start = balance();
    const { rest, keys } = restLosingAnswers(1);
    api.failNext('purchaseCredits', 402);
    const request: CreditPurchaseRequest = { amount: usd(900), idempotencyKey: 'k1' };
    const fromRest = await outcome(rest.purchaseCredits!(ACME_ORG_ID, request));
    expect(keys, 'the adapter tried again with the same key').to.deep.equal(['k1', 'k1']);
    expect(fromRest).to.deep.equal({ code: 'payment-required', status: 402 });
    expect(balance(), 'declined, never charged').to.equal(start);
    // The memory adapter, asked again with the same key by its caller, answers alike.
    const memory = createMemoryAdapter(createDataset({ now: NOW }));
    memory.failNext('purchaseCredits', 'payment-required');
    const first = await outcome(memory.purchaseCredits!(ACME_ORG_ID, request));
    expect(await outcome(memory.purchaseCredits!(ACME_ORG_ID, request))).to.deep.equal(first);
    expect(first).to.deep.equal(fromRest);
    expect(memory.data[ACME_ORG_ID].plan.availableCredits.amountMinor).to.equal(start);
  });

  it('answers the REST adapter’s retry after a lost completion with that completion, charging once', async () => {
    const start = balance();
    const { rest, keys } = restLosingAnswers(2);
    const answer = await rest.purchaseCredits!(ACME_ORG_ID, { amount: usd(40), idempotencyKey: 'k1' });
    expect(keys).to.deep.equal(['k1', 'k1', 'k1']);
    expect(answer).to.deep.equal({ status: 'completed', availableCredits: usd(start + 40) });
    expect(balance()).to.equal(start + 40);
  });
});
