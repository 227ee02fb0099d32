/**
 * A write's confirmed answer (`DashboardStore.confirm`) against data that came after the write was
 * sent: where the two differ, either may be newer, and a fetch begun after the answer settles it
 * (ARCHITECTURE, "A write's answer and the live stream"), also when a fetch is already out or the
 * org's store was made again in between.
 */
import { expect } from '@open-wc/testing';
import type { PlanSummary } from '../../src/contract/types.js';
import { acquireStore, heldStore, releaseStore } from '../../src/store/registry.js';
import { DashboardStore } from '../../src/store/store.js';
import { createControlledAdapter, flush, type ControlledAdapter } from './controlled-adapter.js';

const ORG = 'o1';
const plan = (credits: number): PlanSummary => ({
  name: 'Standard',
  availableCredits: { amountMinor: credits, currency: 'USD' },
});
const credits = (store: DashboardStore) => store.get('plan').data?.availableCredits.amountMinor;

describe('DashboardStore.confirm: a write answer settled against newer data', () => {
  let stores: DashboardStore[] = [];
  afterEach(async () => {
    for (const store of stores) releaseStore(store);
    stores = [];
    await flush();
  });
  const held = async (control: ControlledAdapter, first?: PlanSummary) => {
    const store = acquireStore(control.adapter, ORG);
    stores.push(store);
    store.subscribe('plan', () => {});
    await flush();
    if (first) await answer(control, first);
    return store;
  };
  const answer = async (control: ControlledAdapter, value: PlanSummary) => {
    control.pending('plan')[0].resolve(value);
    await flush();
  };

  it('fetches after the answer when a fetch begun before it is out', async () => {
    const control = createControlledAdapter();
    const store = await held(control, plan(100));
    const sentAt = store.clock;
    void store.refresh('plan');
    await flush();
    // Credits used after the purchase was sent: newer or older than its answer, nobody knows.
    control.emit(ORG, { topic: 'plan', data: plan(90) });
    store.confirm('plan', plan(150), sentAt);
    expect(credits(store), 'the answer, at once').to.equal(150);
    await answer(control, plan(140));
    expect(control.pending('plan'), 'a fetch begun after the answer').to.have.length(1);
    await answer(control, plan(140));
    expect(credits(store)).to.equal(140);
  });

  it('fetches after the answer when a fetch begun after the write was sent disagrees with it', async () => {
    const control = createControlledAdapter();
    const store = await held(control, plan(100));
    const sentAt = store.clock;
    // Back after an outage: the resync's answer already has the purchase and later usage.
    control.connection(ORG, 'reconnecting');
    control.connection(ORG, 'open');
    await flush();
    await answer(control, plan(140));
    store.confirm('plan', plan(150), sentAt);
    await flush();
    expect(control.pending('plan'), 'a fetch settles it').to.have.length(1);
    await answer(control, plan(140));
    expect(credits(store)).to.equal(140);
  });

  it('compares with the moments of a store made again for the org after the write was sent', async () => {
    const control = createControlledAdapter();
    const first = await held(control, plan(100));
    // A busy first store: its clock is far along when the purchase leaves.
    for (let i = 0; i < 10; i += 1) control.emit(ORG, { topic: 'plan', data: plan(100 - i) });
    const sentAt = heldStore(control.adapter, ORG)!.clock;
    // The viewer looks at another org and comes back while the purchase is out.
    releaseStore(first);
    stores = [];
    await flush();
    expect(first.isDisposed).to.equal(true);
    const again = await held(control, plan(150));
    control.emit(ORG, { topic: 'plan', data: plan(140) });
    heldStore(control.adapter, ORG)!.confirm('plan', plan(150), sentAt);
    await flush();
    expect(
      control.pending('plan'),
      'the live snapshot came after the send: a fetch settles it',
    ).to.have.length(1);
    await answer(control, plan(140));
    expect(credits(again)).to.equal(140);
  });

  it('changes nothing when what came since the send is the answer', async () => {
    const control = createControlledAdapter();
    const store = await held(control, plan(100));
    const sentAt = store.clock;
    control.emit(ORG, { topic: 'plan', data: plan(150) });
    store.confirm('plan', plan(150), sentAt);
    await flush();
    expect(control.pending('plan')).to.have.length(0);
    expect(credits(store)).to.equal(150);
  });

  // Found by store-truth-model.test.ts (seed -493752933): a provider held the store, no card listened.
  it('fetches for the first listener what was confirmed while no live updates ran', async () => {
    const control = createControlledAdapter();
    const store = acquireStore(control.adapter, ORG);
    stores.push(store);
    store.confirm('plan', plan(150), store.clock);
    // Credits used meanwhile reach nobody: no card listened, so no stream was open.
    store.subscribe('plan', () => {});
    await flush();
    expect(control.pending('plan'), 'a fetch, not the answer taken as current').to.have.length(1);
    await answer(control, plan(140));
    expect(credits(store)).to.equal(140);
  });

  it('shares with a later listener what was fetched while live updates ran', async () => {
    const control = createControlledAdapter();
    await held(control, plan(100));
    const second = acquireStore(control.adapter, ORG);
    stores.push(second);
    second.subscribe('plan', () => {});
    await flush();
    expect(control.pending('plan')).to.have.length(0);
  });
});
