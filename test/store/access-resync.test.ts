import { expect } from '@open-wc/testing';
import type { BillingSummary, ViewerAccess } from '../../src/contract/types.js';
import { DashboardStore } from '../../src/store/store.js';
import { dataset } from '../helpers/data.js';
import { createControlledAdapter, flush } from './controlled-adapter.js';

// A resync (the live connection back after a drop) fetches access and every shown resource again.
// Each resource's request must follow the access that resync brings, not the access it replaces:
// a permission granted while the viewer was away shows at once, a revoked one sends nothing.
describe('DashboardStore access on a resync', () => {
  const billing = (): BillingSummary => dataset('o1').o1.billing;
  const member = (...extra: ViewerAccess['permissions']): ViewerAccess => ({
    permissions: ['organization:read', ...extra],
    role: 'member',
  });
  let store: DashboardStore | undefined;
  afterEach(() => store?.dispose());

  /** A store showing billing under `access`, its live connection open. */
  async function showing(access: ViewerAccess) {
    const server = createControlledAdapter({ access: null });
    store = new DashboardStore(server.adapter, 'o1');
    store.subscribe('access', () => {});
    store.subscribe('billing', () => {});
    await flush();
    server.pending('access')[0].resolve(access);
    await flush();
    server.pending('billing')[0]?.resolve(billing());
    await flush();
    return server;
  }

  async function reconnect(server: ReturnType<typeof createControlledAdapter>, access: ViewerAccess) {
    server.connection('o1', 'reconnecting');
    server.connection('o1', 'open');
    await flush();
    server.pending('access')[0].resolve(access);
    await flush();
  }

  it('shows a resource whose permission was granted meanwhile, in that resync', async () => {
    const server = await showing(member());
    expect(store!.get('billing').error?.code).to.equal('forbidden');
    await reconnect(server, member('billing:read'));
    expect(server.pending('billing')).to.have.length(1);
    server.pending('billing')[0].resolve(billing());
    await flush();
    expect(store!.get('billing').status).to.equal('ready');
  });

  it('asks nothing for a resource whose permission was revoked meanwhile', async () => {
    const server = await showing(member('billing:read'));
    expect(store!.get('billing').status).to.equal('ready');
    await reconnect(server, member());
    expect(server.pending('billing')).to.have.length(0);
    expect(store!.get('billing').error?.code).to.equal('forbidden');
    expect(store!.get('billing').data).to.equal(undefined);
  });
});
