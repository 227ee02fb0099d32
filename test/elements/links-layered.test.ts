/**
 * A card's `links` are laid over its provider's key by key, as its `strings` are: a card that sets
 * one URL template keeps the others its provider gives. Until 2026-12 the card's object replaced
 * the provider's whole, so a plan card given only `addCredits` lost the provider's
 * `manageSubscription` link and fell back to a button.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import type { DashboardLinks } from '../../src/contract/links.js';
import type { OrgDashboardProvider } from '../../src/elements/org-dashboard-provider/org-dashboard-provider.js';
import type { PlanCard } from '../../src/elements/plan-card/plan-card.js';
import { reach as ready } from '../helpers/card-fixtures.js';
import { dataset, settle } from '../helpers/data.js';

/** Each quick action of the plan card: its link's address, or "button" when it has none. */
function actions(card: PlanCard): Record<string, string> {
  return Object.fromEntries(
    ['manage-subscription', 'add-credits'].map((name) => {
      const action = card.shadowRoot!.querySelector(`[part~="${name}"]`);
      return [
        name,
        action?.tagName === 'A' ? action.getAttribute('href')! : (action?.tagName.toLowerCase() ?? 'none'),
      ];
    }),
  );
}

describe('links: a card’s own over its provider’s, key by key', () => {
  async function planCardIn(provided: DashboardLinks | undefined, own: DashboardLinks | undefined) {
    // Without the writes, (+) is the Add credits action of "Quick actions" (a link or a button).
    const adapter = createMemoryAdapter(dataset('o1'), { writes: false });
    const provider = await fixture<OrgDashboardProvider>(html`
      <org-dashboard-provider org-id="o1" .adapter=${adapter} .links=${provided}>
        <plan-card .links=${own}></plan-card>
      </org-dashboard-provider>
    `);
    const card = provider.querySelector('plan-card')!;
    await ready(card);
    return { provider, card };
  }

  it('keeps the provider’s templates the card does not set', async () => {
    const { card } = await planCardIn(
      { manageSubscription: '/orgs/{orgId}/plan' },
      { addCredits: '/orgs/{orgId}/credits' },
    );
    expect(actions(card)).to.deep.equal({
      'manage-subscription': '/orgs/o1/plan',
      'add-credits': '/orgs/o1/credits',
    });
  });

  it('takes the card’s template over the provider’s for the same key', async () => {
    const { card } = await planCardIn(
      { manageSubscription: '/provider/{orgId}', addCredits: '/provider/{orgId}/credits' },
      { addCredits: '/card/{orgId}/credits' },
    );
    expect(actions(card)).to.deep.equal({
      'manage-subscription': '/provider/o1',
      'add-credits': '/card/o1/credits',
    });
  });

  it('follows either side changing, and a card without its own takes the provider’s whole', async () => {
    const { provider, card } = await planCardIn({ manageSubscription: '/a/{orgId}' }, undefined);
    expect(actions(card)).to.deep.equal({ 'manage-subscription': '/a/o1', 'add-credits': 'button' });
    card.links = { addCredits: '/c/{orgId}' };
    await settle();
    await card.updateComplete;
    expect(actions(card)).to.deep.equal({ 'manage-subscription': '/a/o1', 'add-credits': '/c/o1' });
    provider.links = { manageSubscription: '/b/{orgId}' };
    await settle();
    await card.updateComplete;
    expect(actions(card)).to.deep.equal({ 'manage-subscription': '/b/o1', 'add-credits': '/c/o1' });
    provider.links = undefined;
    await settle();
    await card.updateComplete;
    expect(actions(card)).to.deep.equal({ 'manage-subscription': 'button', 'add-credits': '/c/o1' });
  });
});
