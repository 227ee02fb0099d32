/**
 * Only `<org-dashboard>` is registered, and it registers the card tags it needs on its first render;
 * then a partner registers exported card classes under its own tags, then the `define` entry loads.
 * A class can be registered only once per registry, so the dashboard must not take the exported
 * classes either.
 */
import { expect } from '@open-wc/testing';
import '../../src/define/org-dashboard.js';
import { ActivityFeed, BillingCard, PlanCard } from '../../src/index.js';
import { CARD_TAGS } from '../helpers/dashboard.js';
import {
  DEFAULT_TAGS,
  definePartnerTags,
  expectCardsUnder,
  expectDashboard,
  isA,
  PARTNER_CARD_TAGS,
} from './partner-tags.js';

/** A host's own element that happens to hold a default tag: no card at all. */
class NotACard extends HTMLElement {}

describe('<org-dashboard> first, then partner tags, then the define entry', () => {
  it('registers the card tags on its first render, each an instance of the exported class', async () => {
    // Held by something else: the dashboard must not take it for the feed, nor throw.
    customElements.define('activity-feed', NotACard);
    const tags = CARD_TAGS.map((tag) => (tag === 'activity-feed' ? 'activity-feed-2' : tag));
    await expectDashboard(tags);
    expect(isA('billing-card', BillingCard), '<billing-card> is a BillingCard').to.equal(true);
    expect(isA('activity-feed-2', ActivityFeed), '<activity-feed-2> is an ActivityFeed').to.equal(true);
    expect(isA('activity-feed', ActivityFeed), '<activity-feed> is the host’s').to.equal(false);
  });

  it('a partner then registers the exported classes under its own tags without an exception', () => {
    expect(() => definePartnerTags()).to.not.throw();
    expect(customElements.getName(BillingCard)).to.equal('acme-billing');
    expect(customElements.getName(PlanCard)).to.equal('acme-plan');
  });

  it('the define entry then registers the remaining default tags without an exception', async () => {
    await import('../../src/define.js');
    expect(DEFAULT_TAGS.filter((tag) => !customElements.get(tag))).to.deep.equal([]);
  });

  it('makes both the partner’s and the default tags cards of the exported classes', async () => {
    await expectCardsUnder({ billing: 'acme-billing', plan: 'acme-plan' });
    await expectCardsUnder({ billing: 'billing-card', plan: 'plan-card' });
  });

  it('a dashboard made now shows its cards under the partner’s tags, the feed under the derived one', async () => {
    await expectDashboard(
      PARTNER_CARD_TAGS.map((tag) => (tag === 'activity-feed' ? 'activity-feed-2' : tag)),
    );
  });
});
