/**
 * The REST adapter's writes load with the first write (an import(), rest.ts `restWritesChunk`). A
 * fetch of that code that fails (offline, a deploy that removed the chunk) sent nothing: the write
 * rejects with `network`, which the dialog offers to try again, never a raw `TypeError`.
 */
import { expect } from '@open-wc/testing';
import { createRestAdapter, restWritesChunk } from '../../src/adapters/rest.js';
import { DashboardError } from '../../src/contract/errors.js';
import { organization, scriptedFetch } from './rest-fixtures.js';

const realLoad = restWritesChunk.load;

describe('createRestAdapter: the writes load on first use', () => {
  afterEach(() => {
    restWritesChunk.load = realLoad;
  });

  it('a fetch of their code that fails rejects with network and sends nothing', async () => {
    restWritesChunk.load = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    const server = scriptedFetch(
      () => new Response('{}', { headers: { 'content-type': 'application/json' } }),
    );
    const adapter = createRestAdapter({ baseUrl: '/api', fetch: server.fetch });
    const outcomes = await Promise.all([
      adapter.purchaseCredits!(organization.id, {
        amount: { amountMinor: 5000, currency: 'USD' },
        idempotencyKey: 'k1',
      }).catch((error: unknown) => error),
      adapter.setLowCreditThreshold!(organization.id, { amountMinor: 1000, currency: 'USD' }).catch(
        (error: unknown) => error,
      ),
    ]);
    expect(
      outcomes.map((error) => (error instanceof DashboardError ? error.code : String(error))),
    ).to.deep.equal(['network', 'network']);
    expect(server.calls.length).to.equal(0);
  });
});
