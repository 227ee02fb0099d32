/**
 * `<billing-card>` with a billing period: the projected total of the period and the trend that
 * compares it with last month, at the start, middle and end of a period, with the server's
 * forecast, after the period, in the viewer's time zone, on the shared clock, live, and right to
 * left. Time is faked in every case; the computation itself is proven in
 * billing-card-projection.test.ts.
 */
import { elementUpdated, expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define/org-dashboard-provider.js';
import '../../src/define/billing-card.js';
import { createMemoryAdapter } from '../../src/adapters/memory.js';
import type { BillingSummary, Money } from '../../src/contract/types.js';
import type { BillingCard } from '../../src/elements/billing-card/billing-card.js';
import type { OrgDashboardProvider } from '../../src/elements/org-dashboard-provider/org-dashboard-provider.js';
import { TICK_MS } from '../../src/format/relative-time.js';
import { dataset } from '../helpers/data.js';
import { bodyText, expectPartTexts, reach, shadowText as text } from '../helpers/card-fixtures.js';

const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });
const DECEMBER = { start: '2026-12-01', end: '2027-01-01' };

function summary(current: Money, last: Money, extra: Partial<BillingSummary> = {}): BillingSummary {
  return {
    currentMonthTotal: current,
    lastMonthTotal: last,
    nextInvoiceDate: '2027-01-01',
    period: DECEMBER,
    ...extra,
  };
}

async function controlled(data: BillingSummary, timeZone = 'UTC', locale = 'en-US'): Promise<BillingCard> {
  return fixture<BillingCard>(
    html`<billing-card locale=${locale} time-zone=${timeZone} .data=${data}></billing-card>`,
  );
}

const part = (card: BillingCard, name: string) =>
  card.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

describe('<billing-card> with a billing period', () => {
  let clock: sinon.SinonFakeTimers;
  /** Sets the fake clock (Date and the shared clock's interval) to an ISO instant. */
  const at = (iso: string) => {
    clock = sinon.useFakeTimers({ now: Date.parse(iso), toFake: ['Date', 'setInterval', 'clearInterval'] });
  };
  afterEach(() => {
    fixtureCleanup();
    clock?.restore();
  });

  describe('states', () => {
    it('on the 2nd, projects the month instead of comparing one day with a whole month', async () => {
      at('2026-12-02T00:00:00Z');
      const card = await controlled(summary(usd(10_000), usd(300_000)));
      // Without a period this would read "96.7% less than last month", in green.
      expectPartTexts(card, {
        'current-month': '$100.00',
        projection: 'On track for $3,100.00 by Jan 1',
        trend: 'On track for 3.3% more than last month',
      });
      expect(part(card, 'projection')!.getAttribute('part')).to.equal('projection projection-pace');
      expect(part(card, 'trend')!.getAttribute('part')).to.equal('trend trend-up');
      expect(part(card, 'trend')!.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
      await expect(card).to.be.accessible();
    });

    it('at the start of the period, counts at least one day', async () => {
      at('2026-12-01T03:00:00Z');
      const card = await controlled(summary(usd(1_000), usd(31_000)));
      expectPartTexts(card, {
        projection: 'On track for $310.00 by Jan 1',
        trend: 'On track for the same as last month',
      });
      expect(part(card, 'trend')!.getAttribute('part')).to.equal('trend trend-same');
      await expect(card).to.be.accessible();
    });

    it('in the middle of the period, scales by the time elapsed', async () => {
      at('2026-12-11T00:00:00Z');
      const card = await controlled(summary(usd(100_000), usd(280_000)));
      expectPartTexts(card, {
        projection: 'On track for $3,100.00 by Jan 1',
        trend: 'On track for 10.7% more than last month',
      });
      expect(getComputedStyle(part(card, 'trend')!).color).to.equal('rgb(194, 28, 44)');
    });

    it('at the end of the period, projects little more than the total, and a decrease reads green', async () => {
      at('2026-12-31T12:00:00Z');
      const card = await controlled(summary(usd(100_000), usd(110_000)));
      expectPartTexts(card, {
        projection: 'On track for $1,016.39 by Jan 1',
        trend: 'On track for 7.6% less than last month',
      });
      expect(part(card, 'trend')!.getAttribute('part')).to.equal('trend trend-down');
      expect(getComputedStyle(part(card, 'trend')!).color).to.equal('rgb(26, 127, 55)');
      await expect(card).to.be.accessible();
    });

    it('shows the server’s forecast when it is in this month’s currency, and projects itself when not', async () => {
      at('2026-12-11T00:00:00Z');
      const forecast = await controlled(summary(usd(100_000), usd(250_000), { forecastTotal: usd(250_100) }));
      expectPartTexts(forecast, {
        projection: 'On track for $2,501.00 by Jan 1',
        trend: 'On track for slightly more than last month',
      });
      expect(part(forecast, 'projection')!.getAttribute('part')).to.equal('projection projection-forecast');
      await expect(forecast).to.be.accessible();

      const euros = await controlled(
        summary(usd(100_000), usd(280_000), { forecastTotal: { amountMinor: 1, currency: 'EUR' } }),
      );
      expectPartTexts(euros, { projection: 'On track for $3,100.00 by Jan 1' });
    });

    it('says why there is no percentage, as without a period', async () => {
      at('2026-12-11T00:00:00Z');
      const none = await controlled(summary(usd(100_000), usd(0)));
      expectPartTexts(none, {
        projection: 'On track for $3,100.00 by Jan 1',
        trend: 'No spending last month to compare with',
      });
      expect(bodyText(none)).not.to.match(/NaN|Infinity/);
      const other = await controlled(summary(usd(100_000), { amountMinor: 1, currency: 'EUR' }));
      expectPartTexts(other, { trend: 'No comparison: last month was billed in EUR' });
    });

    it('once the period has ended, projects nothing and compares the total as before', async () => {
      at('2027-01-01T00:00:00Z');
      const card = await controlled(summary(usd(300_000), usd(280_000), { forecastTotal: usd(1) }));
      expect(part(card, 'projection')).to.equal(null);
      expectPartTexts(card, { 'current-month': '$3,000.00', trend: '7.1% more than last month' });
      await expect(card).to.be.accessible();
    });

    it('without a period, compares the totals as it always has', async () => {
      at('2026-12-02T00:00:00Z');
      const card = await controlled(summary(usd(10_000), usd(300_000), { period: undefined }));
      expect(part(card, 'projection')).to.equal(null);
      expectPartTexts(card, { trend: '96.7% less than last month' });
    });

    it('reads the period’s midnights in the viewer’s time zone', async () => {
      // 10:00 UTC on Dec 31 is already Jan 1 in Kiritimati (UTC+14): the period has ended there.
      at('2026-12-31T10:00:00Z');
      const data = summary(usd(100_000), usd(110_000));
      const kiritimati = await controlled(data, 'Pacific/Kiritimati');
      expect(part(kiritimati, 'projection')).to.equal(null);
      const utc = await controlled(data, 'UTC');
      // 30 days and 10 hours in: 31 ÷ 30.41 6̅ times the total.
      expect(text(utc, '[part~="projection"]')).to.equal('On track for $1,019.18 by Jan 1');
    });

    it('takes replacement texts and speaks German', async () => {
      at('2026-12-11T00:00:00Z');
      const card = await fixture<BillingCard>(html`
        <billing-card
          locale="de-DE"
          time-zone="Europe/Berlin"
          .strings=${{ billingProjection: 'Hochrechnung: {amount} ({date})' }}
          .data=${summary({ amountMinor: 100_000, currency: 'EUR' }, { amountMinor: 280_000, currency: 'EUR' })}
        ></billing-card>
      `);
      await elementUpdated(card);
      expect(text(card, '[part~="projection"]')).to.match(/^Hochrechnung: 3\.\d{3},\d{2}\s€ \(1\. Jan\.\)$/);
      expect(text(card, '[part~="trend"]')).to.match(
        /^Voraussichtlich \d+,\d\s%\smehr als im letzten Monat$/,
      );
    });
  });

  describe('time', () => {
    it('keeps the projection current on the page’s one shared clock', async () => {
      at('2026-12-11T00:00:00Z');
      const data = summary(usd(100_000), usd(280_000));
      const card = await controlled(data);
      const others = [await controlled(data), await controlled(data)];
      // Three cards, one timer.
      expect(clock.countTimers()).to.equal(1);
      expectPartTexts(card, { projection: 'On track for $3,100.00 by Jan 1' });

      // Ten days pass; the card moves on at the next tick of the shared clock, not before.
      clock.setSystemTime(Date.parse('2026-12-21T00:00:00Z') - TICK_MS);
      await elementUpdated(card);
      expectPartTexts(card, { projection: 'On track for $3,100.00 by Jan 1' });
      clock.tick(TICK_MS);
      await Promise.all([card, ...others].map((c) => elementUpdated(c)));
      expectPartTexts(card, {
        projection: 'On track for $1,550.00 by Jan 1',
        trend: 'On track for 44.6% less than last month',
      });
      expect(text(others[1], '[part~="projection"]')).to.equal('On track for $1,550.00 by Jan 1');

      // The period ends: the projection goes, and the total is compared as it is.
      clock.setSystemTime(Date.parse('2027-01-01T00:00:00Z') - TICK_MS);
      clock.tick(TICK_MS);
      await elementUpdated(card);
      expect(part(card, 'projection')).to.equal(null);
      expectPartTexts(card, { trend: '64.3% less than last month' });

      fixtureCleanup();
      expect(clock.countTimers()).to.equal(0);
    });
  });

  describe('live', () => {
    it('a billing event moves the projection in place', async () => {
      at('2026-12-11T00:00:00Z');
      const data = dataset('o1');
      data.o1.billing = summary(usd(100_000), usd(280_000));
      const adapter = createMemoryAdapter(data);
      const provider = await fixture<OrgDashboardProvider>(html`
        <org-dashboard-provider org-id="o1" .adapter=${adapter} locale="en-US" time-zone="UTC">
          <billing-card></billing-card>
        </org-dashboard-provider>
      `);
      const card = provider.querySelector('billing-card')!;
      await reach(card);
      const projection = part(card, 'projection');
      expect(projection!.textContent!.trim()).to.equal('On track for $3,100.00 by Jan 1');

      adapter.emit('o1', { topic: 'billing', data: summary(usd(200_000), usd(280_000)) });
      await elementUpdated(card);
      expect(part(card, 'projection')).to.equal(projection);
      expectPartTexts(card, {
        projection: 'On track for $6,200.00 by Jan 1',
        trend: 'On track for 121.4% more than last month',
      });
      expect(card.state).to.equal('ready');
    });
  });

  describe('right to left', () => {
    it('says the projection in Arabic, with Arabic digits, in three-digit dinars', async () => {
      // Midnight of Dec 11 in Kuwait (UTC+3): ten days into the period.
      at('2026-12-10T21:00:00Z');
      const kwd = (amountMinor: number): Money => ({ amountMinor, currency: 'KWD' });
      const card = await fixture<BillingCard>(html`
        <billing-card
          dir="rtl"
          lang="ar"
          style="width: 340px"
          locale="ar-KW"
          time-zone="Asia/Kuwait"
          .data=${summary(kwd(1_000_000), kwd(2_800_000))}
        ></billing-card>
      `);
      await elementUpdated(card);
      const projection = text(card, '[part~="projection"]')!;
      expect(projection).to.match(/^من المتوقع أن يبلغ .*٣٬١٠٠٫٠٠٠.* بحلول ١ يناير$/);
      expect(text(card, '[part~="trend"]')).to.match(/^من المتوقع أن يكون أكثر من الشهر الماضي بنسبة/);
      // It starts at the right, where the total above it starts.
      const range = document.createRange();
      range.selectNodeContents(part(card, 'projection')!);
      const total = part(card, 'current-month')!.getBoundingClientRect();
      expect(Math.abs(range.getBoundingClientRect().right - total.right)).to.be.lessThan(1);
      expect(card.getBoundingClientRect().width).to.be.at.most(340);
      await expect(card).to.be.accessible();
    });
  });
});
