/**
 * A controlled card (its own `data`) inside a provider follows the viewer's access the provider
 * loads (DESIGN.md, "Access"): actions that need a permission the viewer lacks are not offered,
 * and the card still fetches nothing itself.
 */
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define/org-dashboard-provider.js';
import '../../src/define/billing-card.js';
import '../../src/define/plan-card.js';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import type { Permission } from '../../src/contract/types.js';
import type { BillingCard } from '../../src/elements/billing-card/billing-card.js';
import type { PlanCard } from '../../src/elements/plan-card/plan-card.js';
import { ALL_PERMISSIONS, dataset, settle, until } from '../helpers/data.js';

const PLAN_ACTIONS = ['add-credits', 'manage-subscription', 'alert-change'];

async function controlledIn(permissions: readonly Permission[], hold = false) {
  const data = dataset('o1');
  data.o1.access.permissions = [...permissions];
  data.o1.plan.lowCreditThreshold = { amountMinor: 10_000, currency: 'USD' };
  const adapter = createMemoryAdapter(data);
  if (hold) adapter.hold();
  const fetches = [sinon.spy(adapter, 'getPlan'), sinon.spy(adapter, 'getBilling')];
  const provider = await fixture(html`
    <org-dashboard-provider
      org-id="o1"
      .adapter=${adapter}
      .links=${{ manageSubscription: '/plan', addCredits: '/credits', invoices: '/invoices' }}
      locale="en-US"
    >
      <plan-card .data=${data.o1.plan}></plan-card>
      <billing-card .data=${data.o1.billing}></billing-card>
    </org-dashboard-provider>
  `);
  const plan = provider.querySelector<PlanCard>('plan-card')!;
  const billing = provider.querySelector<BillingCard>('billing-card')!;
  return { adapter, plan, billing, fetches };
}

const parts = (card: HTMLElement, names: string[]) =>
  names.filter((name) => card.shadowRoot!.querySelector(`[part~="${name}"]`));

describe('a controlled card in a provider follows the viewer’s access', () => {
  afterEach(() => sinon.restore());

  it('offers no plan or invoice action the viewer may not use, and fetches nothing', async () => {
    const { plan, billing, fetches } = await controlledIn(['organization:read', 'plan:read']);
    await settle();
    await plan.updateComplete;
    expect(plan.state).to.equal('ready');
    expect(parts(plan, PLAN_ACTIONS)).to.deep.equal([]);
    expect(parts(billing, ['view-invoices'])).to.deep.equal([]);
    expect(fetches.map((spy) => spy.callCount)).to.deep.equal([0, 0]);
  });

  it('offers them with the permissions, also when access arrives after the first render', async () => {
    const { adapter, plan, billing } = await controlledIn(ALL_PERMISSIONS, true);
    await plan.updateComplete;
    adapter.release();
    await until(() => parts(plan, PLAN_ACTIONS).length === PLAN_ACTIONS.length, 'the plan actions');
    expect(parts(billing, ['view-invoices'])).to.deep.equal(['view-invoices']);
  });

  it('hides them when access arrives after the first render without the permission', async () => {
    const { adapter, plan } = await controlledIn(['organization:read', 'plan:read'], true);
    await plan.updateComplete;
    adapter.release();
    await settle();
    await until(() => parts(plan, PLAN_ACTIONS).length === 0, 'no plan actions');
  });
});
