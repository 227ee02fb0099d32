/**
 * What the partner-tag tests check in each order of registration. A page's registry cannot be reset,
 * so each order is a test file (a page) of its own: partner-first, defaults-first, dashboard-first.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import { BillingCard, PlanCard, type OrgDashboard } from '../../src/index.js';
import { cardFixtures, reach, shadowText } from '../helpers/card-fixtures.js';
import { CARD_TAGS, cardsOf } from '../helpers/dashboard.js';
import { dataset, ORG_DATASET_STATES, orgDataset, until } from '../helpers/data.js';

/** Every tag the `define` entry registers. */
export const DEFAULT_TAGS = ['org-dashboard-provider', ...CARD_TAGS, 'activity-log', 'org-dashboard'];

const PARTNER_TAGS: Record<string, string> = { 'billing-card': 'acme-billing', 'plan-card': 'acme-plan' };
/** The default card tags, with the partner's in place of billing and plan (see `definePartnerTags`). */
export const PARTNER_CARD_TAGS = CARD_TAGS.map((tag) => PARTNER_TAGS[tag] ?? tag);

/** The partner's registrations as README and DESIGN.md show them: the exported classes themselves. */
export function definePartnerTags(): void {
  customElements.define('acme-billing', BillingCard);
  customElements.define('acme-plan', PlanCard);
}

/**
 * `instanceof` and tag names as the values asserted on: a failed assertion on an element or a class
 * leaves Web Test Runner serializing it, and the file never ends.
 */
export const isA = (tag: string, element: CustomElementConstructor) =>
  document.createElement(tag) instanceof element;

/** A controlled card under `tag` upgrades to an instance of the exported class and renders its data. */
export async function expectCardsUnder(tags: { billing: string; plan: string }): Promise<void> {
  const org = orgDataset('o1');
  const billing = await cardFixtures(tags.billing).alone({ data: org.billing });
  expect(billing instanceof BillingCard, `<${tags.billing}> is a BillingCard`).to.equal(true);
  await reach(billing);
  expect(shadowText(billing, '[part~="current-month"]'), `<${tags.billing}>`).to.equal('$1,234.56');

  const plan = await cardFixtures(tags.plan).alone({ data: org.plan });
  expect(plan instanceof PlanCard, `<${tags.plan}> is a PlanCard`).to.equal(true);
  await reach(plan);
  expect(shadowText(plan, '[part~="credits"]'), `<${tags.plan}>`).to.equal('$500.00');
}

/** A dashboard (`<org-dashboard>` by default) with its six cards under `cardTags`, each settled. */
export async function expectDashboard(cardTags: readonly string[], tag = 'org-dashboard'): Promise<void> {
  const dashboard = document.createElement(tag) as OrgDashboard;
  dashboard.orgId = 'o1';
  dashboard.adapter = createMemoryAdapter(dataset('o1'));
  await fixture(html`${dashboard}`);
  await until(() => {
    const cards = cardsOf<HTMLElement & { state?: string }>(dashboard);
    return cards.length === 6 && cards.every((card) => card.state && card.state !== 'loading');
  }, 'the dashboard’s six cards to load');
  const cards = cardsOf<HTMLElement & { state?: string }>(dashboard);
  expect(cards.map((card) => card.localName)).to.deep.equal([...cardTags]);
  expect(cards.map((card) => card.state)).to.deep.equal(ORG_DATASET_STATES);
}
