// Imports the package root only, as a partner would before registering tags of its own.
import { expect } from '@open-wc/testing';
import * as root from '../../src/index.js';
import { CARD_TAGS } from '../helpers/dashboard.js';

const DEFAULT_TAGS = ['org-dashboard-provider', ...CARD_TAGS, 'org-dashboard'];

describe('the package root', () => {
  it('registers no tag when imported', () => {
    expect(DEFAULT_TAGS.filter((tag) => customElements.get(tag))).to.deep.equal([]);
  });

  it('exports every element class, the adapters and the error type', () => {
    for (const name of [
      'OrgDashboardProvider',
      'OrgInfoCard',
      'WorkspaceStatsCard',
      'BillingCard',
      'PlanCard',
      'ActivityFeed',
      'AnnouncementsPanel',
      'OrgDashboard',
      'createRestAdapter',
      'createMemoryAdapter',
      'DashboardError',
    ]) {
      expect(root, name).to.have.property(name).that.is.a('function');
    }
  });

  it('registers the default tags through the define entry', async () => {
    await import('../../src/define.js');
    expect(DEFAULT_TAGS.filter((tag) => !customElements.get(tag))).to.deep.equal([]);
    // A subclass of the exported class, which stays free for a partner's own tag (test/define/).
    expect(Object.getPrototypeOf(customElements.get('billing-card'))).to.equal(root.BillingCard);
  });
});
