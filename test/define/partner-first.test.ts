/**
 * A partner registers exported classes under its own tags, then the default tags are registered (the
 * `define` entry, as the bundle runs it, loaded after the partner's code). A class can be registered
 * only once per registry, so the defaults must not take the partner's class again.
 */
import { expect } from '@open-wc/testing';
import { BillingCard, PlanCard } from '../../src/index.js';
import {
  DEFAULT_TAGS,
  definePartnerTags,
  expectCardsUnder,
  expectDashboard,
  isA,
  PARTNER_CARD_TAGS,
} from './partner-tags.js';

describe('partner tags, then the default tags', () => {
  before(() => definePartnerTags());

  it('the define entry registers every default tag without an exception', async () => {
    // Dynamic, so an exception fails this test instead of the file's loading.
    await import('../../src/define.js');
    expect(DEFAULT_TAGS.filter((tag) => !customElements.get(tag))).to.deep.equal([]);
    expect(customElements.getName(BillingCard)).to.equal('acme-billing');
    expect(customElements.getName(PlanCard)).to.equal('acme-plan');
  });

  it('makes both the partner’s and the default tags cards of the exported classes', async () => {
    await expectCardsUnder({ billing: 'acme-billing', plan: 'acme-plan' });
    await expectCardsUnder({ billing: 'billing-card', plan: 'plan-card' });
    expect(isA('billing-card', BillingCard), '<billing-card> is a BillingCard').to.equal(true);
  });

  it('<org-dashboard> shows its cards under the partner’s tags where it has them', async () => {
    await expectDashboard(PARTNER_CARD_TAGS);
  });
});
