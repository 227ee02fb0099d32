import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define.js';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import { ANNOUNCE_INTERVAL_MS, type CardState } from '../../src/base/dashboard-card.js';
import type { DashboardEvent, WorkspaceStats } from '../../src/contract/types.js';
import { cardInProvider, liveRegion } from '../helpers/a11y.js';
import { dataset, settle, until } from '../helpers/data.js';

type Card = HTMLElement & { state: CardState; updateComplete: Promise<boolean>; data?: unknown };

const said = (card: HTMLElement) => liveRegion(card).textContent!.trim();
const workspaces = (active: number, total = 20): WorkspaceStats => ({
  total,
  active,
  suspended: 2,
  others: total - active - 2,
});

/** A card on its own backend (org o1) in a provider, once loaded. */
async function mount(tag: string, adapter = createMemoryAdapter(dataset('o1'))) {
  const { card } = await cardInProvider(tag, adapter);
  return { card: card as Card, adapter };
}

describe('live announcements', () => {
  afterEach(() => sinon.restore());

  it('has a polite status region and says nothing for the initial load', async () => {
    const { card } = await mount('workspace-stats-card');
    await settle();
    expect(liveRegion(card).getAttribute('role')).to.equal('status');
    expect(said(card)).to.equal('');
  });

  it('summarizes a live change: "Workspaces updated: 7 active, 20 in total"', async () => {
    const { card, adapter } = await mount('workspace-stats-card');
    adapter.emit('o1', { topic: 'workspaces', data: workspaces(7) });
    await until(() => said(card) !== '', 'an announcement');
    expect(said(card)).to.equal('Workspaces updated: 7 active, 20 in total');
  });

  it('says at most one thing per card every few seconds, the latest state after the pause', async () => {
    const { card, adapter } = await mount('workspace-stats-card');
    const clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    adapter.emit('o1', { topic: 'workspaces', data: workspaces(7) });
    await card.updateComplete;
    await clock.tickAsync(0);
    await card.updateComplete;
    expect(said(card)).to.equal('Workspaces updated: 7 active, 20 in total');
    adapter.emit('o1', { topic: 'workspaces', data: workspaces(8) });
    await card.updateComplete;
    adapter.emit('o1', { topic: 'workspaces', data: workspaces(9) });
    await card.updateComplete;
    await clock.tickAsync(ANNOUNCE_INTERVAL_MS - 100);
    await card.updateComplete;
    expect(said(card)).to.equal('Workspaces updated: 7 active, 20 in total');
    await clock.tickAsync(100);
    await card.updateComplete;
    expect(said(card)).to.equal('Workspaces updated: 9 active, 20 in total');
  });

  it('says nothing when the host sets `data`', async () => {
    const card = await fixture<Card>(
      html`<workspace-stats-card .data=${workspaces(6)}></workspace-stats-card>`,
    );
    card.data = workspaces(7);
    await card.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    await card.updateComplete;
    expect(said(card)).to.equal('');
  });

  it('names new activity, in the viewer’s language and plural', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    const provider = await fixture(html`
      <org-dashboard-provider org-id="o1" locale="de-DE" .adapter=${adapter}>
        <activity-feed></activity-feed>
      </org-dashboard-provider>
    `);
    const card = provider.firstElementChild as Card;
    await until(() => card.state === 'ready', 'feed ready');
    const entry = (id: string) => ({
      id,
      resourceType: 'Workspaces',
      action: 'Create',
      occurredAt: new Date().toISOString(),
    });
    adapter.emit('o1', { topic: 'activity', data: entry('n1') });
    adapter.emit('o1', { topic: 'activity', data: entry('n2') });
    await until(() => said(card) !== '', 'an announcement');
    expect(said(card)).to.be.oneOf([
      'Neue Aktivität: Workspaces · Erstellen',
      '2 neue Aktivitäten, zuletzt: Workspaces · Erstellen',
    ]);
  });

  it('announces billing, plan, organization and announcements changes too', async () => {
    const base = dataset('o1').o1;
    const changes: [tag: string, change: DashboardEvent, announced: string][] = [
      [
        'billing-card',
        {
          topic: 'billing',
          data: { ...base.billing, currentMonthTotal: { amountMinor: 200000, currency: 'USD' } },
        },
        'Billing updated: $2,000.00 this month',
      ],
      [
        'plan-card',
        { topic: 'plan', data: { ...base.plan, availableCredits: { amountMinor: 1000, currency: 'USD' } } },
        'Credits updated: $10.00 available',
      ],
      [
        'org-info-card',
        { topic: 'organization', data: { ...base.organization, name: 'Renamed' } },
        'Organization updated: Renamed',
      ],
      [
        'announcements-panel',
        {
          topic: 'announcements',
          data: {
            id: 'x1',
            kind: 'feature',
            title: 'Dark mode',
            body: '',
            publishedAt: new Date().toISOString(),
          },
        },
        'New announcement: Dark mode',
      ],
    ];
    // Each card on a backend of its own, mounted once it has loaded (ready, or empty for the panel).
    for (const [tag, change, announced] of changes) {
      const { card, adapter } = await mount(tag);
      adapter.emit('o1', change);
      await until(() => said(card) !== '', `${tag} to announce`);
      expect(said(card)).to.equal(announced);
    }
  });
});
