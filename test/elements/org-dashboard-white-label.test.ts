// No default registration here: a partner registers the classes under its own names.
import { expect, fixture, html } from '@open-wc/testing';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import {
  ActivityFeed,
  AnnouncementsPanel,
  BillingCard,
  OrgDashboard,
  OrgDashboardProvider,
  OrgInfoCard,
  PlanCard,
  WorkspaceStatsCard,
} from '../../src/index.js';
import { dataset, until } from '../helpers/data.js';

describe('<org-dashboard> white-labelled', () => {
  before(() => {
    customElements.define('acme-billing', BillingCard);
    customElements.define('acme-plan', PlanCard);
    customElements.define('acme-org', OrgInfoCard);
    customElements.define('acme-dashboard', OrgDashboard);
    customElements.define('acme-provider', OrgDashboardProvider);
  });

  it('uses the partner’s tag names, and registers the default for classes left unregistered', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    const dashboard = await fixture<OrgDashboard>(
      html`<acme-dashboard org-id="o1" .adapter=${adapter}></acme-dashboard>`,
    );
    const cards = [
      ...dashboard.shadowRoot!.querySelectorAll<HTMLElement & { state: string }>('[part~="grid"] > *'),
    ];
    expect(cards.map((card) => card.localName)).to.deep.equal([
      'acme-org',
      'workspace-stats-card',
      'acme-billing',
      'acme-plan',
      'activity-feed',
      'announcements-panel',
    ]);
    // Subclasses, so the classes stay free for tags the partner registers later (test/define/).
    expect(Object.getPrototypeOf(customElements.get('workspace-stats-card'))).to.equal(WorkspaceStatsCard);
    expect(Object.getPrototypeOf(customElements.get('activity-feed'))).to.equal(ActivityFeed);
    expect(Object.getPrototypeOf(customElements.get('announcements-panel'))).to.equal(AnnouncementsPanel);
    await until(() => cards.every((card) => card.state !== 'loading'));
    expect(cards[2].state).to.equal('ready');
  });

  it('works inside a provider registered under another name', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    const provider = await fixture<HTMLElement>(html`
      <acme-provider org-id="o1" .adapter=${adapter}><acme-billing></acme-billing></acme-provider>
    `);
    const card = provider.querySelector<HTMLElement & { state: string }>('acme-billing')!;
    await until(() => card.state === 'ready');
  });
});
