/**
 * The default tags are registered first (the `define` entry, as the CDN bundle does on load), then a
 * partner registers exported classes under its own tags, as README shows:
 * `customElements.define('acme-billing', BillingCard)`. A class can be registered only once per
 * registry, so the defaults must have left the exported classes free.
 */
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { BillingCard, OrgDashboard, OrgDashboardProvider } from '../../src/index.js';
import { CARD_TAGS } from '../helpers/dashboard.js';
import {
  DEFAULT_TAGS,
  definePartnerTags,
  expectCardsUnder,
  expectDashboard,
  isA,
  PARTNER_CARD_TAGS,
} from './partner-tags.js';

describe('default tags, then partner tags', () => {
  it('registers every default tag, each an instance of the exported class', () => {
    expect(DEFAULT_TAGS.filter((tag) => !customElements.get(tag))).to.deep.equal([]);
    expect(isA('billing-card', BillingCard), '<billing-card> is a BillingCard').to.equal(true);
    expect(isA('org-dashboard', OrgDashboard), '<org-dashboard> is an OrgDashboard').to.equal(true);
  });

  it('<org-dashboard> shows its cards under the default tags before the partner registers any', async () => {
    await expectDashboard(CARD_TAGS);
  });

  it('a partner then registers the exported classes under its own tags without an exception', () => {
    expect(() => definePartnerTags()).to.not.throw();
    expect(() => customElements.define('acme-dashboard', OrgDashboard)).to.not.throw();
    expect(() => customElements.define('acme-provider', OrgDashboardProvider)).to.not.throw();
    expect(customElements.getName(BillingCard)).to.equal('acme-billing');
    expect(customElements.getName(OrgDashboard)).to.equal('acme-dashboard');
  });

  it('makes both the partner’s and the default tags cards of the exported classes', async () => {
    await expectCardsUnder({ billing: 'acme-billing', plan: 'acme-plan' });
    await expectCardsUnder({ billing: 'billing-card', plan: 'plan-card' });
  });

  it('a dashboard made now shows its cards under the partner’s tags, under either dashboard tag', async () => {
    await expectDashboard(PARTNER_CARD_TAGS);
    await expectDashboard(PARTNER_CARD_TAGS, 'acme-dashboard');
  });
});
