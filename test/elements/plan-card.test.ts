import { elementUpdated, expect, fixture, html, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define.js';
import '../../src/define/plan-card.js';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory.js';
import type { DashboardActionEvent } from '../../src/base/actions.js';
import type { Money, PlanSummary } from '../../src/contract/types.js';
import type { OrgDashboardProvider } from '../../src/elements/org-dashboard-provider/org-dashboard-provider.js';
import type { CreditsLowEvent } from '../../src/elements/plan-card/plan-card.events.js';
import type { PlanCard } from '../../src/elements/plan-card/plan-card.js';
import { dataset, settle, until } from '../helpers/data.js';
import { expectPartTexts, reach as ready, shadowText as text } from '../helpers/card-fixtures.js';

const part = <T extends Element = HTMLElement>(el: Element, name: string) =>
  el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);

const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });

/** A plan with a $100 threshold and the given balance in cents. */
const planWith = (credits: number, extra: Partial<PlanSummary> = {}): PlanSummary => ({
  name: 'Premium',
  availableCredits: usd(credits),
  lowCreditThreshold: usd(10_000),
  ...extra,
});

async function cardIn(adapter: MemoryAdapter, orgId = 'o1', attrs: { dir?: string } = {}): Promise<PlanCard> {
  const provider = await fixture<OrgDashboardProvider>(html`
    <org-dashboard-provider
      org-id=${orgId}
      .adapter=${adapter}
      locale="en-US"
      time-zone="UTC"
      dir=${attrs.dir ?? 'ltr'}
    >
      <plan-card></plan-card>
    </org-dashboard-provider>
  `);
  return provider.querySelector('plan-card')!;
}

async function controlled(data: unknown, locale = 'en-US'): Promise<PlanCard> {
  const card = await fixture<PlanCard>(
    html`<plan-card locale=${locale} .data=${data as PlanSummary}></plan-card>`,
  );
  await elementUpdated(card);
  return card;
}

/** Every `od-credits-low` the card fires, from now on. */
function creditsLowEvents(card: PlanCard): CreditsLowEvent[] {
  const events: CreditsLowEvent[] = [];
  card.addEventListener('od-credits-low', (event) => events.push(event));
  return events;
}

/** A card for org `o1` in a provider on an adapter serving `plan`, rendered, with every od-credits-low it fired. */
async function watchedCard(plan: PlanSummary) {
  const data = dataset('o1');
  data.o1.plan = plan;
  const adapter = createMemoryAdapter(data);
  const card = await cardIn(adapter);
  const events = creditsLowEvents(card);
  await ready(card);
  return { adapter, card, events };
}

describe('<plan-card>', () => {
  afterEach(() => sinon.restore());

  describe('inside a provider', () => {
    it('shows the plan name, the credits and both actions for a viewer with plan:manage', async () => {
      const card = await cardIn(createMemoryAdapter(dataset('o1')));
      await ready(card);
      expectPartTexts(card, {
        title: 'Plan and credits',
        'plan-name': 'Enterprise',
        credits: '$500.00',
        'manage-subscription': 'Manage subscription',
      });
      const add = part(card, 'add-credits')!;
      expect(add.getAttribute('aria-label')).to.equal('Add credits');
      expect(add.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
      expect(part(card, 'warning')).to.equal(null);
      expect(card.matches(':state(ready)')).to.equal(true);
      await expect(card).to.be.accessible();
    });

    it('gives the inline (+) and Manage subscription targets of at least 24x24 px', async () => {
      const card = await cardIn(createMemoryAdapter(dataset('o1')));
      await ready(card);
      for (const name of ['add-credits', 'manage-subscription']) {
        const box = part(card, name)!.getBoundingClientRect();
        expect(box.width, name).to.be.at.least(24);
        expect(box.height, name).to.be.at.least(24);
      }
    });

    it('hides Manage subscription and Add credits without plan:manage', async () => {
      const data = dataset('o1');
      data.o1.access.permissions = data.o1.access.permissions.filter((p) => p !== 'plan:manage');
      const card = await cardIn(createMemoryAdapter(data));
      await ready(card);
      expect(text(card, '[part~="credits"]')).to.equal('$500.00');
      expect(card.shadowRoot!.querySelectorAll('[part~="action"]').length).to.equal(0);
      await expect(card).to.be.accessible();
    });

    it('keeps the other cards working when the plan fails', async () => {
      const adapter = createMemoryAdapter(dataset('o1'));
      adapter.failNext('getPlan', 'network');
      const provider = await fixture<OrgDashboardProvider>(html`
        <org-dashboard-provider org-id="o1" .adapter=${adapter}>
          <plan-card></plan-card>
          <org-info-card></org-info-card>
        </org-dashboard-provider>
      `);
      const plan = provider.querySelector('plan-card')!;
      const info = provider.querySelector('org-info-card')!;
      await until(() => plan.state === 'error' && info.state === 'ready');
      expect(text(plan, '[part~="error"]')).to.contain('Couldn’t reach the server');
    });

    it('shows live plan snapshots without a flash', async () => {
      const adapter = createMemoryAdapter(dataset('o1'));
      const card = await cardIn(adapter);
      await ready(card);
      const credits = part(card, 'credits');
      adapter.emit('o1', { topic: 'plan', data: { name: 'Premium', availableCredits: usd(123_456_700) } });
      await elementUpdated(card);
      expectPartTexts(card, { 'plan-name': 'Premium', credits: '$1,234,567.00' });
      // The same node, updated in place: nothing was torn down and rebuilt.
      expect(part(card, 'credits')).to.equal(credits);
    });

    it('renders right-to-left and very long plan names without overflowing', async () => {
      const data = dataset('o1');
      data.o1.plan = {
        name: 'الخطة المميزة للمؤسسات'.repeat(8),
        availableCredits: { amountMinor: 37_125, currency: 'KWD' },
      };
      const card = await cardIn(createMemoryAdapter(data), 'o1', { dir: 'rtl' });
      await ready(card);
      expect(card.getBoundingClientRect().width).to.be.lessThan(window.innerWidth + 1);
      const credits = part(card, 'credits')!.getBoundingClientRect();
      const add = part(card, 'add-credits')!.getBoundingClientRect();
      // Inline end is on the left in right-to-left layouts.
      expect(add.right).to.be.at.most(credits.left);
      await expect(card).to.be.accessible();
    });
  });

  describe('money', () => {
    it('formats credits in their own currency: USD, JPY (no minor unit), KWD (three digits)', async () => {
      const cases: [Money, string][] = [
        [usd(0), '$0.00'],
        [usd(123_456_789), '$1,234,567.89'],
        [{ amountMinor: 1_234_567, currency: 'JPY' }, '¥1,234,567'],
        [{ amountMinor: 37_125, currency: 'KWD' }, 'KWD 37.125'],
      ];
      for (const [availableCredits, expected] of cases) {
        const card = await controlled({ name: 'Standard', availableCredits });
        expect(text(card, '[part~="credits"]')).to.equal(expected);
      }
    });

    it('formats for the locale it is given', async () => {
      const card = await controlled(
        { name: 'Standard', availableCredits: { amountMinor: 123_456, currency: 'EUR' } },
        'de-DE',
      );
      expect(text(card, '[part~="credits"]')).to.equal('1.234,56 €');
    });
  });

  describe('low-balance warning', () => {
    it('warns at the threshold with text and an icon, never color alone', async () => {
      const card = await controlled(planWith(10_000));
      const warning = part(card, 'warning')!;
      expect(text(card, '[part~="warning"]')).to.equal('Low balance: credits are at or below $100.00.');
      expect(warning.querySelector('svg')).to.not.equal(null);
      await expect(card).to.be.accessible();
    });

    it('warns below the threshold, in the currency of the plan', async () => {
      const card = await controlled({
        name: 'Premium',
        availableCredits: { amountMinor: 37_125, currency: 'KWD' },
        lowCreditThreshold: { amountMinor: 50_000, currency: 'KWD' },
      });
      expect(text(card, '[part~="warning"]')).to.contain('KWD 50.000');
    });

    it('does not warn above the threshold, without one, or when the currencies differ', async () => {
      for (const plan of [
        planWith(10_001),
        planWith(0, { lowCreditThreshold: undefined }),
        planWith(0, { lowCreditThreshold: { amountMinor: 10_000, currency: 'EUR' } }),
      ]) {
        const card = await controlled(plan);
        expect(card.state).to.equal('ready');
        expect(part(card, 'warning'), JSON.stringify(plan)).to.equal(null);
      }
    });
  });

  describe('od-credits-low', () => {
    it('fires once when live data crosses to or below the threshold, not again while low', async () => {
      const { adapter, card, events } = await watchedCard(planWith(50_000));
      expect(events.length).to.equal(0);

      adapter.emit('o1', { topic: 'plan', data: planWith(10_000) });
      await elementUpdated(card);
      expect(events.length).to.equal(1);
      const [event] = events;
      expect(event.detail).to.deep.equal({
        orgId: 'o1',
        availableCredits: usd(10_000),
        threshold: usd(10_000),
        runwayDays: null,
      });
      expect(event.bubbles).to.equal(true);
      expect(event.composed).to.equal(true);
      expect(event.cancelable).to.equal(false);

      adapter.emit('o1', { topic: 'plan', data: planWith(5_000) });
      await elementUpdated(card);
      card.locale = 'de-DE'; // an unrelated re-render
      await elementUpdated(card);
      expect(events.length).to.equal(1);
    });

    it('fires again after the balance went back above the threshold and down again', async () => {
      const { adapter, card, events } = await watchedCard(planWith(50_000));
      for (const credits of [9_000, 20_000, 8_000, 7_000, 10_001, 10_000]) {
        adapter.emit('o1', { topic: 'plan', data: planWith(credits) });
        await elementUpdated(card);
      }
      expect(events.map((e) => e.detail.availableCredits.amountMinor)).to.deep.equal([9_000, 8_000, 10_000]);
    });

    it('fires on the first load when the balance is already low', async () => {
      const data = dataset('o1');
      data.o1.plan = planWith(100);
      const adapter = createMemoryAdapter(data);
      const seen = sinon.spy();
      document.addEventListener('od-credits-low', seen);
      try {
        const card = await cardIn(adapter);
        await ready(card);
        await settle();
        expect(seen.callCount).to.equal(1);
        expect((seen.firstCall.args[0] as CreditsLowEvent).detail.orgId).to.equal('o1');
      } finally {
        document.removeEventListener('od-credits-low', seen);
      }
    });

    it('does not fire when the threshold is in another currency', async () => {
      const { events } = await watchedCard(
        planWith(100, { lowCreditThreshold: { amountMinor: 10_000, currency: 'EUR' } }),
      );
      await settle();
      expect(events.length).to.equal(0);
    });

    it('fires for the new org after an org switch when its balance is low', async () => {
      const data = dataset('o1', 'o2');
      data.o1.plan = planWith(100);
      data.o2.plan = planWith(200);
      const adapter = createMemoryAdapter(data);
      const events: CreditsLowEvent[] = [];
      const listener = (event: Event) => events.push(event as CreditsLowEvent);
      document.addEventListener('od-credits-low', listener);
      try {
        const card = await cardIn(adapter);
        await until(() => events.length === 1);
        card.closest('org-dashboard-provider')!.orgId = 'o2';
        await until(() => events.length === 2);
        expect(events.map((e) => e.detail.orgId)).to.deep.equal(['o1', 'o2']);
      } finally {
        document.removeEventListener('od-credits-low', listener);
      }
    });

    it('never fires for controlled data the host sets', async () => {
      const card = await fixture<PlanCard>(html`<plan-card></plan-card>`);
      const events = creditsLowEvents(card);
      for (const credits of [50_000, 5_000, 20_000, 1_000]) {
        card.data = planWith(credits);
        await elementUpdated(card);
      }
      expect(part(card, 'warning')).to.not.equal(null);
      expect(events.length).to.equal(0);
    });
  });

  describe('quick actions', () => {
    it('fires cancelable, bubbling, composed od-manage-subscription and od-add-credits with { orgId }', async () => {
      const card = await cardIn(createMemoryAdapter(dataset('o1')));
      await ready(card);
      for (const [name, type] of [
        ['manage-subscription', 'od-manage-subscription'],
        ['add-credits', 'od-add-credits'],
      ] as const) {
        const button = part<HTMLButtonElement>(card, name)!;
        expect(button.tagName).to.equal('BUTTON');
        setTimeout(() => button.click());
        const event: DashboardActionEvent = await oneEvent(document, type);
        expect(event.detail).to.deep.equal({ orgId: 'o1' });
        expect(event.cancelable).to.equal(true);
        expect(event.bubbles).to.equal(true);
        expect(event.composed).to.equal(true);
      }
    });

    it('renders real links from the URL templates, and preventDefault() stops the navigation', async () => {
      // Without the writes: with `purchaseCredits`, (+) opens the purchase dialog instead (plan-card-purchase.test.ts).
      const adapter = createMemoryAdapter(dataset('o 1'), { writes: false });
      const provider = await fixture<OrgDashboardProvider>(html`
        <org-dashboard-provider
          org-id="o 1"
          .adapter=${adapter}
          .links=${{ manageSubscription: '#/orgs/{orgId}/subscription', addCredits: '#/orgs/{orgId}/credits' }}
        >
          <plan-card></plan-card>
        </org-dashboard-provider>
      `);
      const card = provider.querySelector('plan-card')!;
      await ready(card);
      const manage = part<HTMLAnchorElement>(card, 'manage-subscription')!;
      const add = part<HTMLAnchorElement>(card, 'add-credits')!;
      expect(manage.getAttribute('href')).to.equal('#/orgs/o%201/subscription');
      expect(add.getAttribute('href')).to.equal('#/orgs/o%201/credits');
      expect(add.getAttribute('aria-label')).to.equal('Add credits');

      const hash = location.hash;
      const route = (event: Event) => event.preventDefault();
      document.addEventListener('od-add-credits', route);
      setTimeout(() => add.click());
      const event: DashboardActionEvent = await oneEvent(document, 'od-add-credits');
      document.removeEventListener('od-add-credits', route);
      expect(event.detail).to.deep.equal({ orgId: 'o 1', href: '#/orgs/o%201/credits' });
      expect(event.defaultPrevented).to.equal(true);
      expect(location.hash).to.equal(hash);

      // Not prevented: the link navigates.
      manage.click();
      // Firefox updates the location a moment after the click; Chromium at once.
      await until(() => location.hash === '#/orgs/o%201/subscription', 'the link to navigate');
      expect(location.hash).to.equal('#/orgs/o%201/subscription');
      history.replaceState(null, '', location.pathname + location.search);
    });

    it('shows both actions in controlled mode, where the viewer’s access is unknown', async () => {
      const card = await controlled(planWith(50_000));
      expect(part(card, 'manage-subscription')).to.not.equal(null);
      expect(part(card, 'add-credits')).to.not.equal(null);
    });
  });

  describe('standalone', () => {
    it('fetches with its own org-id and adapter', async () => {
      const data = dataset('o1', 'o2');
      data.o2.plan = { name: 'Standard', availableCredits: { amountMinor: 182_000, currency: 'JPY' } };
      const card = await fixture<PlanCard>(
        html`<plan-card org-id="o2" locale="en-US" .adapter=${createMemoryAdapter(data)}></plan-card>`,
      );
      await ready(card);
      expectPartTexts(card, { 'plan-name': 'Standard', credits: '¥182,000' });
    });

    it('takes replacement strings from the provider and from the card, the card winning', async () => {
      const adapter = createMemoryAdapter(dataset('o1'));
      const provider = await fixture<OrgDashboardProvider>(html`
        <org-dashboard-provider
          org-id="o1"
          .adapter=${adapter}
          .strings=${{ planTitle: 'Abo', planManageSubscription: 'Abo verwalten' }}
        >
          <plan-card .strings=${{ planTitle: 'Tarif', planAddCredits: 'Guthaben aufladen' }}></plan-card>
        </org-dashboard-provider>
      `);
      const card = provider.querySelector('plan-card')!;
      await ready(card);
      expectPartTexts(card, { title: 'Tarif', 'manage-subscription': 'Abo verwalten' });
      expect(part(card, 'add-credits')!.getAttribute('aria-label')).to.equal('Guthaben aufladen');
    });
  });

  describe('controlled', () => {
    it('shows invalid data as an error state with a typed error, never throwing', async () => {
      for (const bad of [
        { name: 'Premium', availableCredits: { amountMinor: Number.NaN, currency: 'USD' } },
        { name: 'Premium', availableCredits: { amountMinor: 1, currency: 'dollars' } },
        { name: '', availableCredits: usd(1) },
        null,
      ]) {
        const card = await controlled(bad);
        expect(card.state).to.equal('error');
        expect(card.error?.code).to.equal('invalid-data');
        expect(card.shadowRoot!.textContent).to.not.match(/NaN|Infinity/);
        expect(part(card, 'retry')).to.equal(null);
      }
    });
  });
});
