import { expect } from '@open-wc/testing';
import { DashboardError } from '../../src/contract/errors.js';
import type { BillingSummary, ViewerAccess } from '../../src/contract/types.js';
import { DashboardStore } from '../../src/store/store.js';
import { dataset } from '../helpers/data.js';
import { createControlledAdapter, flush, type ControlledAdapter } from './controlled-adapter.js';

// DESIGN.md (Access): access is loaded once per org. When that load fails, every card still loads
// (the server decides). A card that starts after the failure must not ask again: how many cards
// start before or after the answer depends on how fast the page renders, and the number of requests
// must not. Asking again is for a Retry, a resync and a poll, which all refresh access on purpose.
describe('DashboardStore: a failed access is asked once', () => {
  const access: ViewerAccess = { permissions: ['organization:read', 'billing:read'], role: 'member' };
  const billing = (): BillingSummary => dataset('o1').o1.billing;
  let store: DashboardStore | undefined;
  afterEach(() => store?.dispose());

  const failures: [string, () => DashboardError][] = [
    ['404', () => new DashboardError('not-found', 'No access resource.', { status: 404 })],
    ['500 after retries', () => new DashboardError('server', 'Server error.', { status: 500 })],
  ];

  /** A store whose first card's access request failed with `error`. */
  async function failedAccess(error: () => DashboardError): Promise<ControlledAdapter> {
    const server = createControlledAdapter({ access: null });
    store = new DashboardStore(server.adapter, 'o1');
    store.subscribe('access', () => {});
    store.subscribe('organization', () => {});
    await flush();
    expect(server.pending('access')).to.have.length(1);
    server.pending('access')[0].reject(error());
    await flush();
    expect(store.get('access').error, 'access failed').to.not.equal(undefined);
    return server;
  }

  for (const [name, error] of failures) {
    it(`${name}: a card that starts after the failure does not ask for access again`, async () => {
      const server = await failedAccess(error);
      // A second card, as a card rendered in a later task subscribes.
      store!.subscribe('access', () => {});
      store!.subscribe('billing', () => {});
      await flush();
      expect(server.pending('access'), 'access requests').to.have.length(0);
      expect(server.pending('billing'), 'the server decides').to.have.length(1);
      server.pending('billing')[0].resolve(billing());
      await flush();
      expect(store!.get('billing').status).to.equal('ready');
      expect(store!.get('access').error?.code).to.equal(error().code);
    });

    it(`${name}: a Retry asks again, and its answer is used`, async () => {
      const server = await failedAccess(error);
      void store!.refresh('access');
      await flush();
      expect(server.pending('access')).to.have.length(1);
      server.pending('access')[0].resolve(access);
      await flush();
      expect(store!.get('access').data).to.deep.equal(access);
    });

    it(`${name}: a resync asks again`, async () => {
      const server = await failedAccess(error);
      server.pending('organization')[0].resolve(dataset('o1').o1.organization);
      await flush();
      server.connection('o1', 'reconnecting');
      server.connection('o1', 'open');
      await flush();
      expect(server.pending('access')).to.have.length(1);
    });
  }
});
