import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define.js';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import type { CardState } from '../../src/base/dashboard-card.js';
import type { AnnouncementsPanel } from '../../src/elements/announcements-panel/announcements-panel.js';
import { dismissalKey } from '../../src/elements/announcements-panel/dismissals.js';
import type { OrgDashboard } from '../../src/elements/org-dashboard/org-dashboard.js';
import type { OrgDashboardProvider } from '../../src/elements/org-dashboard-provider/org-dashboard-provider.js';
import { countTasks } from '../helpers/clock.js';
import { CARD_TAGS } from '../helpers/dashboard.js';
import { dataset, maintenanceNotice, ORG_DATASET_STATES, until } from '../helpers/data.js';

type Card = HTMLElement & { state: CardState };
type LitLike = { updateComplete: Promise<unknown> };

const cardsOf = (dashboard: OrgDashboard) => [
  ...dashboard.shadowRoot!.querySelectorAll<Card>('[part~="grid"] > *'),
];
// Six cards: the dashboard makes them over its first updates, in slices of the page's tasks.
const allSettled = (dashboard: OrgDashboard) =>
  until(() => {
    const cards = cardsOf(dashboard);
    return cards.length === 6 && cards.every((card) => card.state !== 'loading');
  }, 'every card to load');

describe('<org-dashboard>', () => {
  afterEach(() => sinon.restore());

  it('shows the six cards in the dashboard’s order', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    const dashboard = await fixture<OrgDashboard>(
      html`<org-dashboard org-id="o1" .adapter=${adapter}></org-dashboard>`,
    );
    expect(cardsOf(dashboard).map((card) => card.localName)).to.deep.equal(CARD_TAGS);
    await allSettled(dashboard);
    expect(cardsOf(dashboard).map((card) => card.state)).to.deep.equal(ORG_DATASET_STATES);
    await expect(dashboard).to.be.accessible();
  });

  /**
   * Each card's renders while a dashboard on data answered at once comes in, with the state each
   * showed and the task it ran in. `slow`: every render costs a whole slice (a stubbed clock), so
   * no two cards share a task.
   */
  async function firstRenders({ slow }: { slow: boolean }) {
    const rendered: { card: Card; text: string; task: number }[] = [];
    const tasks = countTasks();
    const restore = CARD_TAGS.map((tag) => {
      const prototype = customElements.get(tag)!.prototype as { update(changed: unknown): void };
      const update = prototype.update;
      prototype.update = function (this: Card, changed: unknown) {
        rendered.push({ card: this, text: `${tag}: ${this.state}`, task: tasks.current });
        update.call(this, changed);
      };
      return () => delete (prototype as { update?: unknown }).update;
    });
    let cards: Card[] = [];
    let now = 0;
    const clock = slow ? sinon.stub(performance, 'now').callsFake(() => (now += 7)) : undefined;
    try {
      const adapter = createMemoryAdapter(dataset('o1'));
      const dashboard = await fixture<OrgDashboard>(
        html`<org-dashboard org-id="o1" .adapter=${adapter}></org-dashboard>`,
      );
      await allSettled(dashboard);
      cards = cardsOf(dashboard);
      await Promise.all(cards.map((card) => (card as unknown as LitLike).updateComplete));
    } finally {
      clock?.restore();
      restore.forEach((undo) => undo());
      tasks.stop();
    }
    // (Cards of earlier tests may still render as they let go of their stores.)
    return rendered.filter((r) => cards.includes(r.card));
  }

  it('renders no skeleton when the data is answered at once, and its cards over several tasks', async () => {
    const ours = await firstRenders({ slow: true });
    expect(ours.filter((r) => r.text.endsWith(': loading')).map((r) => r.text)).to.deep.equal([]);
    expect(ours.map((r) => r.text.split(':')[0])).to.have.members(CARD_TAGS);
    expect(new Set(ours.map((r) => r.task)).size).to.be.greaterThan(1);
  });

  it('renders each card once, with its data, when renders are quick and the data is answered at once', async () => {
    // A skeleton nobody sees is a render the first render pays for (the benchmark's cards each rendered twice).
    const ours = await firstRenders({ slow: false });
    expect(ours.map((r) => r.text)).to.have.members(
      CARD_TAGS.map((tag, i) => `${tag}: ${ORG_DATASET_STATES[i]}`),
    );
  });

  it('makes its cards in slices of the page’s tasks, and its updateComplete waits for all six', async () => {
    const tasks = countTasks();
    const madeIn = new Map<Element, number>();
    const restore = CARD_TAGS.map((tag) => {
      // Lit makes a card's shadow root when it connects (a custom element's connectedCallback is
      // read once, when its tag is defined, so it cannot be wrapped here).
      const prototype = customElements.get(tag)!.prototype as { createRenderRoot(): unknown };
      const createRenderRoot = prototype.createRenderRoot;
      prototype.createRenderRoot = function (this: Card) {
        madeIn.set(this, tasks.current);
        return createRenderRoot.call(this);
      };
      return () => delete (prototype as { createRenderRoot?: unknown }).createRenderRoot;
    });
    // Making a card spends a slice: the next one waits for a later task.
    let now = 0;
    const clock = sinon.stub(performance, 'now').callsFake(() => (now += 7));
    let cards: Card[] = [];
    try {
      const adapter = createMemoryAdapter(dataset('o1'));
      const dashboard = await fixture<OrgDashboard>(
        html`<org-dashboard org-id="o1" .adapter=${adapter}></org-dashboard>`,
      );
      cards = cardsOf(dashboard);
      expect(cards.map((card) => card.localName)).to.deep.equal(CARD_TAGS);
      await allSettled(dashboard);
    } finally {
      clock.restore();
      restore.forEach((undo) => undo());
      tasks.stop();
    }
    const made = cards.map((card) => madeIn.get(card)!);
    expect(made, 'in the order they show').to.deep.equal([...made].sort((a, b) => a - b));
    expect(new Set(made).size).to.be.greaterThan(1);
  });

  it('is its own provider: one request per resource for all its cards', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    const access = sinon.spy(adapter, 'getAccess');
    const org = sinon.spy(adapter, 'getOrganization');
    const dashboard = await fixture<OrgDashboard>(
      html`<org-dashboard org-id="o1" .adapter=${adapter}></org-dashboard>`,
    );
    await allSettled(dashboard);
    expect(access.callCount).to.equal(1);
    expect(org.callCount).to.equal(1);
    expect(adapter.subscriberCount).to.equal(1);
  });

  it('takes what it does not set from an enclosing provider', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    const access = sinon.spy(adapter, 'getAccess');
    const provider = await fixture<OrgDashboardProvider>(html`
      <org-dashboard-provider org-id="o1" .adapter=${adapter} locale="de-DE">
        <org-dashboard></org-dashboard>
      </org-dashboard-provider>
    `);
    const dashboard = provider.querySelector('org-dashboard')!;
    await allSettled(dashboard);
    expect(
      cardsOf(dashboard)[0].shadowRoot!.querySelector('[part~="team-size"]')!.textContent!.trim(),
    ).to.equal('1.234 Mitglieder');
    expect(access.callCount).to.equal(1);
  });

  it('keeps the other cards working when one fails', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    adapter.failNext('getBilling', 'server');
    const dashboard = await fixture<OrgDashboard>(
      html`<org-dashboard org-id="o1" .adapter=${adapter}></org-dashboard>`,
    );
    await allSettled(dashboard);
    const states = cardsOf(dashboard).map((card) => card.state);
    expect(states[2]).to.equal('error');
    expect(states.filter((state) => state === 'ready')).to.have.length(4);
  });

  it('hides the cards a member may not see with access-denied="hide"', async () => {
    const data = dataset('o1');
    data.o1.access.permissions = [
      'organization:read',
      'workspaces:read',
      'activity:read',
      'announcements:read',
    ];
    const adapter = createMemoryAdapter(data);
    const dashboard = await fixture<OrgDashboard>(
      html`<org-dashboard org-id="o1" .adapter=${adapter} access-denied="hide"></org-dashboard>`,
    );
    await allSettled(dashboard);
    const shown = cardsOf(dashboard).filter((card) => getComputedStyle(card).display !== 'none');
    expect(shown.map((card) => card.localName)).to.deep.equal([
      'org-info-card',
      'workspace-stats-card',
      'activity-feed',
      'announcements-panel',
    ]);
  });

  it('lets quick-action events out to the host, which can route them', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    const dashboard = await fixture<OrgDashboard>(html`
      <org-dashboard
        org-id="o1"
        .adapter=${adapter}
        .links=${{ invoices: '/orgs/{orgId}/invoices' }}
      ></org-dashboard>
    `);
    await allSettled(dashboard);
    const billing = cardsOf(dashboard)[2];
    const link = billing.shadowRoot!.querySelector<HTMLAnchorElement>('a[part~="action"]')!;
    expect(link.getAttribute('href')).to.equal('/orgs/o1/invoices');
    dashboard.addEventListener('od-view-invoices', (event) => event.preventDefault(), { once: true });
    setTimeout(() => link.click());
    const event = await oneEvent(dashboard, 'od-view-invoices');
    expect(event.detail).to.deep.equal({ orgId: 'o1', href: '/orgs/o1/invoices' });
    expect(event.defaultPrevented).to.equal(true);
  });

  it('lays out one column when narrow and three when wide, by its own width', async () => {
    const adapter = createMemoryAdapter(dataset('o1'));
    const columns = async (width: number) => {
      const host = await fixture<HTMLDivElement>(html`
        <div style="width: ${width}px"><org-dashboard org-id="o1" .adapter=${adapter}></org-dashboard></div>
      `);
      const dashboard = host.querySelector('org-dashboard')!;
      await allSettled(dashboard);
      return new Set(cardsOf(dashboard).map((card) => Math.round(card.getBoundingClientRect().left))).size;
    };
    expect(await columns(400)).to.equal(1);
    expect(await columns(800)).to.equal(2);
    expect(await columns(1200)).to.equal(3);
  });

  describe('user-id', () => {
    afterEach(() => localStorage.clear());

    const panelOf = (dashboard: OrgDashboard) =>
      dashboard.shadowRoot!.querySelector<AnnouncementsPanel>('[part~="announcements"]')!;
    /** The announcements the panel lists as not dismissed. */
    const shownIds = (panel: AnnouncementsPanel) =>
      [...panel.shadowRoot!.querySelectorAll<HTMLElement>('li[data-id]:not([part~="dismissed"])')].map(
        (li) => li.dataset.id,
      );

    it('goes to the announcements panel, whose dismissals are then remembered per user', async () => {
      const data = dataset('o1');
      data.o1.announcements = [maintenanceNotice()];
      const adapter = createMemoryAdapter(data);
      const dashboard = await fixture<OrgDashboard>(
        html`<org-dashboard org-id="o1" .adapter=${adapter} user-id="ada"></org-dashboard>`,
      );
      await allSettled(dashboard);
      const panel = panelOf(dashboard);
      expect(dashboard.userId).to.equal('ada');
      expect(panel.userId).to.equal('ada');
      expect(shownIds(panel)).to.deep.equal(['n1']);
      // Ada dismissed it in an earlier session; Bob did not.
      localStorage.setItem(dismissalKey('o1', 'ada'), JSON.stringify(['n1']));
      dashboard.userId = 'bob';
      await dashboard.updateComplete;
      await panel.updateComplete;
      expect(panel.userId).to.equal('bob');
      expect(shownIds(panel)).to.deep.equal(['n1']);
      dashboard.setAttribute('user-id', 'ada');
      await dashboard.updateComplete;
      await panel.updateComplete;
      expect(shownIds(panel)).to.deep.equal([]);
      await expect(dashboard).to.be.accessible();

      dashboard.removeAttribute('user-id');
      await dashboard.updateComplete;
      expect(panel.userId).to.equal(undefined);
    });

    it('is left out when not given', async () => {
      const adapter = createMemoryAdapter(dataset('o1'));
      const dashboard = await fixture<OrgDashboard>(
        html`<org-dashboard org-id="o1" .adapter=${adapter}></org-dashboard>`,
      );
      expect(panelOf(dashboard).userId).to.equal(undefined);
    });
  });

  it('switches org on the whole dashboard at once', async () => {
    const adapter = createMemoryAdapter(dataset('o1', 'o2'));
    const dashboard = await fixture<OrgDashboard>(
      html`<org-dashboard org-id="o1" .adapter=${adapter}></org-dashboard>`,
    );
    await allSettled(dashboard);
    dashboard.orgId = 'o2';
    await until(() => cardsOf(dashboard)[0].shadowRoot!.textContent!.includes('Org o2'), 'org o2');
    await allSettled(dashboard);
  });
});
