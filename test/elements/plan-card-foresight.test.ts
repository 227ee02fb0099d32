/**
 * `<plan-card>` looking ahead (DESIGN.md, "Foresight and acting in place"): the runway and the day
 * the credits run out, the usage chart and its keyboard, the warning on a short runway, and
 * `od-credits-low` with `runwayDays`. Today is fixed (Date is faked) at 2026-12-02 10:00 UTC.
 */
import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/define/org-dashboard-provider.js';
import '../../src/define/plan-card.js';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import type { CreditUsage, Money, PlanSummary } from '../../src/contract/types.js';
import type { OrgDashboardProvider } from '../../src/elements/org-dashboard-provider/org-dashboard-provider.js';
import type { CreditsLowEvent } from '../../src/elements/plan-card/plan-card.events.js';
import type { PlanCard } from '../../src/elements/plan-card/plan-card.js';
import { TICK_MS } from '../../src/format/relative-time.js';
import { expectPartTexts, reach as ready, shadowAll, shadowText as text } from '../helpers/card-fixtures.js';
import { dataset } from '../helpers/data.js';

const NOW = Date.UTC(2026, 11, 2, 10);
const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });

/** Usage of these amounts in cents, one a day, the last on 2026-12-01 (yesterday), oldest first. */
function usageOf(...amounts: number[]): CreditUsage[] {
  return amounts.map((amountMinor, i) => ({
    date: new Date(Date.UTC(2026, 11, 1 - (amounts.length - 1 - i))).toISOString().slice(0, 10),
    credits: usd(amountMinor),
  }));
}
const week = (cents: number) => usageOf(...Array<number>(7).fill(cents));
const plan = (credits: number, usage?: CreditUsage[], extra: Partial<PlanSummary> = {}): PlanSummary => ({
  name: 'Premium',
  availableCredits: usd(credits),
  usage,
  ...extra,
});

const part = <T extends Element = HTMLElement>(el: Element, name: string) =>
  el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
const days = (card: PlanCard) => shadowAll(card, '.day') as SVGGElement[];
const focused = (card: PlanCard) => card.shadowRoot!.activeElement;

async function controlled(data: PlanSummary, attrs: { locale?: string; timeZone?: string } = {}) {
  const card = await fixture<PlanCard>(html`
    <plan-card
      locale=${attrs.locale ?? 'en-US'}
      time-zone=${attrs.timeZone ?? 'UTC'}
      .data=${data}
    ></plan-card>
  `);
  await elementUpdated(card);
  return card;
}

describe('<plan-card> runway and usage', () => {
  // Today is fixed where the texts depend on it; the keyboard tests keep the real clock, which
  // sendKeys needs.
  let clock: sinon.SinonFakeTimers;
  const fixToday = () => {
    beforeEach(() => {
      clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date', 'setInterval', 'clearInterval'] });
    });
    afterEach(() => clock.restore());
  };

  describe('runway', () => {
    fixToday();

    it('says how many days the credits last and the day they run out, in the viewer’s zone', async () => {
      const card = await controlled(plan(12_000, week(1_000)));
      expectPartTexts(card, {
        runway: 'About 12 days left Runs out around Dec 14, 2026',
        'run-out': 'Runs out around Dec 14, 2026',
      });
      expect(part(card, 'run-out')!.querySelector('time')!.getAttribute('datetime')).to.equal('2026-12-14');
      expect(part(card, 'warning')).to.equal(null);
      await expect(card).to.be.accessible();

      // 10:00 UTC is already 00:00 on Dec 3 at UTC+14.
      const kiritimati = await controlled(plan(12_000, week(1_000)), { timeZone: 'Pacific/Kiritimati' });
      expect(text(kiritimati, '[part~="run-out"]')).to.equal('Runs out around Dec 15, 2026');
    });

    it('takes the mean of the newest seven days only, rounding the days down', async () => {
      // The older days were heavy; the last seven used $10 a day: $129.99 lasts 12.999 days.
      const card = await controlled(plan(12_999, usageOf(90_000, 90_000, ...Array<number>(7).fill(1_000))));
      expect(text(card, '.runway-days')).to.equal('About 12 days left');
      expect(text(card, '[part~="run-out"]')).to.equal('Runs out around Dec 14, 2026');
    });

    it('under a day, one day, years, and beyond a hundred years', async () => {
      const cases: [number, string, string | undefined][] = [
        [500, 'Less than a day left', 'Runs out around Dec 2, 2026'],
        [1_000, 'About 1 day left', 'Runs out around Dec 3, 2026'],
        [1_100_000, 'About 3 years left', 'Runs out around Dec 6, 2029'],
        [9_000_000_000_000, 'More than 100 years left', undefined],
      ];
      for (const [credits, runway, runOut] of cases) {
        const card = await controlled(plan(credits, week(1_000)));
        expect(text(card, '.runway-days'), String(credits)).to.equal(runway);
        expect(text(card, '[part~="run-out"]'), String(credits)).to.equal(runOut);
      }
    });

    it('credits used up: says so, names no date, and warns', async () => {
      const card = await controlled(plan(0, week(1_000)));
      expectPartTexts(card, { runway: 'No credits left', 'run-out': undefined });
      expect(text(card, '[part~="warning"]')).to.contain('Short runway');
    });

    it('no usage, nothing used, or usage only in another currency: no runway and no warning', async () => {
      const euros = week(1_000).map((entry) => ({
        ...entry,
        credits: { ...entry.credits, currency: 'EUR' },
      }));
      for (const usage of [undefined, [], week(0), euros]) {
        const card = await controlled(plan(100, usage));
        expect(card.state).to.equal('ready');
        expect(part(card, 'runway'), JSON.stringify(usage)).to.equal(null);
        expect(part(card, 'warning'), JSON.stringify(usage)).to.equal(null);
        expect(card.shadowRoot!.textContent).to.not.match(/NaN|Infinity/);
      }
    });

    it('moves the run-out day on at midnight on the shared clock, without new data', async () => {
      clock.setSystemTime(Date.UTC(2026, 11, 2, 23, 59, 50));
      const card = await controlled(plan(12_000, week(1_000)));
      expect(text(card, '[part~="run-out"]')).to.equal('Runs out around Dec 14, 2026');
      clock.tick(TICK_MS);
      await elementUpdated(card);
      expect(text(card, '[part~="run-out"]')).to.equal('Runs out around Dec 15, 2026');
    });
  });

  describe('short-runway warning', () => {
    fixToday();
    it('warns at or below low-runway-days (7 by default), saying why', async () => {
      const card = await controlled(plan(7_000, week(1_000)));
      expect(text(card, '[part~="warning"]')).to.equal(
        'Short runway: at the recent rate, credits last 7 days or less.',
      );
      expect(part(card, 'warning')!.querySelector('svg')).to.not.equal(null);
      await expect(card).to.be.accessible();

      const later = await controlled(plan(7_001, week(1_000)));
      expect(part(later, 'warning')).to.equal(null);
    });

    it('says both reasons when both hold', async () => {
      const card = await controlled(plan(3_000, week(1_000), { lowCreditThreshold: usd(5_000) }));
      expect(text(card, '[part~="warning"]')).to.equal(
        'Low balance: credits are at or below $50.00. Short runway: at the recent rate, credits last 7 days or less.',
      );
    });

    it('follows the low-runway-days attribute; nonsense is the default', async () => {
      const card = await controlled(plan(3_000, week(1_000)));
      card.setAttribute('low-runway-days', '2');
      await elementUpdated(card);
      expect(part(card, 'warning')).to.equal(null);
      card.setAttribute('low-runway-days', '30');
      await elementUpdated(card);
      expect(text(card, '[part~="warning"]')).to.contain('30 days or less');
      // A blank value (an unset framework binding) is none given: Lit's own converter made it 0 days.
      for (const nonsense of ['-1', 'soon', '', '  ']) {
        card.setAttribute('low-runway-days', nonsense);
        await elementUpdated(card);
        expect(text(card, '[part~="warning"]'), nonsense).to.contain('7 days or less');
      }
      card.removeAttribute('low-runway-days');
      await elementUpdated(card);
      expect(card.lowRunwayDays).to.equal(null);
      expect(text(card, '[part~="warning"]')).to.contain('7 days or less');
    });
  });

  describe('usage chart', () => {
    const month = usageOf(...Array.from({ length: 40 }, (_, i) => (i === 30 ? 9_000 : 1_000 + i)));

    it('draws the last 30 days as bars, with a sentence as its text alternative', async () => {
      const card = await controlled(plan(500_000, month));
      const chart = part(card, 'chart')!;
      expect(chart.localName).to.equal('svg');
      expect(chart.getAttribute('role')).to.equal('group');
      expect(chart.getAttribute('aria-label')).to.equal(
        '$387.05 used over the last 30 days; the most on Nov 22, 2026: $90.00.',
      );
      expect(days(card).map((day) => day.getAttribute('aria-label'))[0]).to.equal('Nov 2, 2026: $10.10');
      expect(days(card).length).to.equal(30);
      expect(text(card, '.usage-title')).to.equal('Credits used per day');
      expect(text(card, '[part~="chart-value"]')).to.equal('Dec 1, 2026: $10.39');
      const heights = days(card).map((day) =>
        Number.parseFloat(day.querySelector('.bar')!.getAttribute('height')!),
      );
      expect(Math.max(...heights)).to.equal(heights[20]);
      await expect(card).to.be.accessible();
    });

    it('keeps a missing day as a gap, and says when nothing was used', async () => {
      const gap = usageOf(100, 200, 300).filter((entry) => entry.date !== '2026-11-30');
      const card = await controlled(plan(10_000, gap));
      const slots = days(card).map((day) => day.querySelector('.slot')!.getAttribute('x'));
      expect(slots).to.deep.equal(['90%', '96.667%']);
      // The axis is the 30 days to the newest entry, whatever the data covers.
      expect(shadowAll(card, '.range span').map((span) => span.textContent)).to.deep.equal([
        'Nov 2',
        'Dec 1',
      ]);
      expect(part(card, 'chart')!.querySelector('.baseline')!.getAttribute('x')).to.equal('90%');
      expect(part(card, 'chart')!.getAttribute('aria-label')).to.equal(
        '$4.00 used over the last 3 days; the most on Dec 1, 2026: $3.00.',
      );

      const idle = await controlled(plan(10_000, week(0)));
      expect(part(idle, 'chart')!.getAttribute('aria-label')).to.equal(
        'No credits used over the last 7 days.',
      );
      expect(part(idle, 'runway')).to.equal(null);
      await expect(idle).to.be.accessible();

      const none = await controlled(plan(10_000));
      expect(part(none, 'usage')).to.equal(null);
    });

    it('is one Tab stop; arrows, Home and End move through every day, each named by date and amount', async () => {
      const card = await controlled(plan(500_000, month));
      part(card, 'add-credits')!.focus();
      await sendKeys({ press: 'Tab' });
      const all = days(card);
      expect(focused(card)).to.equal(all[29]);
      expect(all[29].matches(':focus-visible')).to.equal(true);
      expect(getComputedStyle(all[29]).outlineStyle).to.equal('solid');
      expect(all.filter((day) => day.getAttribute('tabindex') === '0')).to.deep.equal([all[29]]);

      await sendKeys({ press: 'ArrowLeft' });
      await elementUpdated(card);
      expect(focused(card)).to.equal(all[28]);
      expect(text(card, '[part~="chart-value"]')).to.equal('Nov 30, 2026: $10.38');
      expect(all.filter((day) => day.getAttribute('tabindex') === '0')).to.deep.equal([all[28]]);

      await sendKeys({ press: 'Home' });
      expect(focused(card)).to.equal(all[0]);
      await sendKeys({ press: 'ArrowLeft' });
      expect(focused(card)).to.equal(all[0]);
      await sendKeys({ press: 'ArrowRight' });
      expect(focused(card)).to.equal(all[1]);
      await sendKeys({ press: 'End' });
      await elementUpdated(card);
      expect(focused(card)).to.equal(all[29]);
      expect(text(card, '[part~="chart-value"]')).to.equal('Dec 1, 2026: $10.39');

      // Every day is reached: its name is the sentence under the chart when it has focus.
      await sendKeys({ press: 'Home' });
      for (let i = 0; i < 30; i++) {
        await elementUpdated(card);
        expect(focused(card)).to.equal(all[i]);
        expect(text(card, '[part~="chart-value"]')).to.equal(all[i].getAttribute('aria-label'));
        await sendKeys({ press: 'ArrowRight' });
      }

      // One stop: Tab leaves the chart for the next action.
      await sendKeys({ press: 'Tab' });
      expect(focused(card)).to.equal(part(card, 'manage-subscription'));
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(focused(card)).to.equal(all[29]);
    });
  });

  describe('right to left', () => {
    it('mirrors the chart, and the arrows follow the bars as drawn', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`
        <div dir="rtl">
          <plan-card locale="ar" time-zone="UTC" .data=${plan(12_000, week(1_000))}></plan-card>
        </div>
      `);
      const card = wrapper.querySelector('plan-card')!;
      await elementUpdated(card);
      expect(getComputedStyle(part(card, 'chart')!).transform).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
      expect(text(card, '.runway-days')).to.equal('يتبقى 12 يومًا تقريبًا');
      expect(part(card, 'run-out')!.querySelector('time')).to.not.equal(null);
      await expect(card).to.be.accessible();

      const all = days(card);
      all[6].focus();
      await sendKeys({ press: 'ArrowRight' });
      expect(focused(card)).to.equal(all[5]);
      await sendKeys({ press: 'ArrowLeft' });
      expect(focused(card)).to.equal(all[6]);
    });
  });
});

describe('<plan-card> od-credits-low and the runway', () => {
  /** A card in a provider on the memory adapter, ready, with every od-credits-low it fired. */
  async function watched(first: PlanSummary) {
    const data = dataset('o1');
    data.o1.plan = first;
    const adapter = createMemoryAdapter(data);
    const provider = await fixture<OrgDashboardProvider>(html`
      <org-dashboard-provider org-id="o1" .adapter=${adapter} locale="en-US" time-zone="UTC">
        <plan-card></plan-card>
      </org-dashboard-provider>
    `);
    const card = provider.querySelector('plan-card')!;
    const events: CreditsLowEvent[] = [];
    card.addEventListener('od-credits-low', (event) => events.push(event));
    await ready(card);
    const emit = async (next: PlanSummary) => {
      adapter.emit('o1', { topic: 'plan', data: next });
      await elementUpdated(card);
    };
    return { card, events, emit };
  }

  it('fires when live data makes the runway short, with runwayDays and no threshold', async () => {
    const { events, emit } = await watched(plan(50_000, week(1_000)));
    expect(events.length).to.equal(0);
    await emit(plan(5_000, week(1_000)));
    expect(events.map((e) => e.detail)).to.deep.equal([
      { orgId: 'o1', availableCredits: usd(5_000), threshold: null, runwayDays: 5 },
    ]);
    // Still low (now by both rules): not again.
    await emit(plan(2_000, week(1_000), { lowCreditThreshold: usd(3_000) }));
    expect(events.length).to.equal(1);
    // Back above both, and down again: once more.
    await emit(plan(50_000, week(1_000)));
    await emit(plan(1_000, week(1_000), { lowCreditThreshold: usd(3_000) }));
    expect(events.map((e) => e.detail.runwayDays)).to.deep.equal([5, 1]);
    expect(events[1].detail.threshold).to.deep.equal(usd(3_000));
  });

  it('carries runwayDays null for a low balance without usage', async () => {
    const { events } = await watched(plan(100, undefined, { lowCreditThreshold: usd(10_000) }));
    expect(events.map((e) => e.detail)).to.deep.equal([
      { orgId: 'o1', availableCredits: usd(100), threshold: usd(10_000), runwayDays: null },
    ]);
  });

  it('never fires when the host changes low-runway-days, and fires on the next crossing after', async () => {
    const { card, events, emit } = await watched(plan(20_000, week(1_000)));
    card.lowRunwayDays = 30;
    await elementUpdated(card);
    expect(text(card, '[part~="warning"]')).to.contain('30 days or less');
    expect(events.length).to.equal(0);
    card.lowRunwayDays = 7;
    await elementUpdated(card);
    await emit(plan(6_000, week(1_000)));
    expect(events.map((e) => e.detail.runwayDays)).to.deep.equal([6]);
  });
});
