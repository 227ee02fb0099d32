import { elementUpdated, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/define/org-dashboard-provider.js';
import '../../src/define/billing-card.js';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory.js';
import type { DashboardActionEvent } from '../../src/base/actions.js';
import type { BillingSummary, Money } from '../../src/contract/types.js';
import {
  billingTrend,
  spendingSeries,
  type BillingCard,
} from '../../src/elements/billing-card/billing-card.js';
import type { OrgDashboardProvider } from '../../src/elements/org-dashboard-provider/org-dashboard-provider.js';
import { dataset, until } from '../helpers/data.js';
import {
  expectPartTexts,
  reach as ready,
  shadowText as text,
  shadowAll as all,
  bodyText,
} from '../helpers/card-fixtures.js';

const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });

function summary(current: Money, last: Money, extra: Partial<BillingSummary> = {}): BillingSummary {
  return { currentMonthTotal: current, lastMonthTotal: last, nextInvoiceDate: '2026-12-01', ...extra };
}

const HISTORY: BillingSummary['history'] = [
  { month: '2026-07', total: usd(90000) },
  { month: '2026-08', total: usd(110000) },
  { month: '2026-09', total: usd(95000) },
  { month: '2026-10', total: usd(100000) },
  { month: '2026-11', total: usd(123456) },
];

function adapterWith(billing?: BillingSummary, options?: { delayMs?: number }): MemoryAdapter {
  const data = dataset('o1');
  if (billing) data.o1.billing = billing;
  return createMemoryAdapter(data, options);
}

async function cardIn(adapter: MemoryAdapter, timeZone = 'UTC'): Promise<BillingCard> {
  const provider = await fixture<OrgDashboardProvider>(html`
    <org-dashboard-provider org-id="o1" .adapter=${adapter} locale="en-US" time-zone=${timeZone}>
      <billing-card></billing-card>
    </org-dashboard-provider>
  `);
  return provider.querySelector('billing-card')!;
}

async function controlled(data: BillingSummary, locale = 'en-US'): Promise<BillingCard> {
  return fixture<BillingCard>(html`<billing-card locale=${locale} .data=${data}></billing-card>`);
}

const trend = (card: BillingCard) => card.shadowRoot!.querySelector<HTMLElement>('[part~="trend"]')!;
const action = (card: BillingCard) => card.shadowRoot!.querySelector<HTMLElement>('[part~="view-invoices"]')!;

describe('<billing-card>', () => {
  afterEach(() => sinon.restore());

  describe('content', () => {
    it('shows this month, the trend, last month and the next invoice date', async () => {
      const card = await cardIn(adapterWith());
      await ready(card);
      expect(text(card, '.current')).to.equal('This month $1,234.56');
      expectPartTexts(card, {
        'current-month': '$1,234.56',
        trend: '23.5% more than last month',
        'last-month': '$1,000.00',
        'next-invoice': 'Dec 1, 2026',
      });
      expect(card.shadowRoot!.querySelector('time')!.getAttribute('datetime')).to.equal('2026-12-01');
      expect(text(card, '[part~="view-invoices"]')).to.equal('View past invoices');
      expect(card.matches(':state(ready)')).to.equal(true);
      await expect(card).to.be.accessible();
    });

    it('shows an increase in red with an up arrow and words, a decrease in green with a down arrow', async () => {
      const up = await controlled(summary(usd(112500), usd(100000)));
      expect(trend(up).getAttribute('part')).to.equal('trend trend-up');
      expect(trend(up).textContent?.trim()).to.equal('12.5% more than last month');
      expect(getComputedStyle(trend(up)).color).to.equal('rgb(194, 28, 44)');
      expect(trend(up).querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
      const upArrow = trend(up).querySelector('path')!.getAttribute('d');

      const down = await controlled(summary(usd(92000), usd(100000)));
      expect(trend(down).getAttribute('part')).to.equal('trend trend-down');
      expect(trend(down).textContent?.trim()).to.equal('8% less than last month');
      expect(getComputedStyle(trend(down)).color).to.equal('rgb(26, 127, 55)');
      expect(trend(down).querySelector('path')!.getAttribute('d')).not.to.equal(upArrow);
      await expect(down).to.be.accessible();
    });

    it('takes the trend colors from the tokens', async () => {
      const tokens = '--od-color-negative: rgb(1, 2, 3); --od-color-positive: rgb(4, 5, 6)';
      const up = await fixture<BillingCard>(
        html`<billing-card style=${tokens} .data=${summary(usd(2), usd(1))}></billing-card>`,
      );
      const down = await fixture<BillingCard>(
        html`<billing-card style=${tokens} .data=${summary(usd(1), usd(2))}></billing-card>`,
      );
      expect(getComputedStyle(trend(up)).color).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(trend(down)).color).to.equal('rgb(4, 5, 6)');
    });

    it('says "Same as last month" for no change, and "slightly" for a change below 0.05%', async () => {
      const same = await controlled(summary(usd(5000), usd(5000)));
      expect(trend(same).getAttribute('part')).to.equal('trend trend-same');
      expect(trend(same).textContent?.trim()).to.equal('Same as last month');
      const slightly = await controlled(summary(usd(1_000_001), usd(1_000_000)));
      expect(trend(slightly).textContent?.trim()).to.equal('Slightly more than last month');
      const slightlyLess = await controlled(summary(usd(999_999), usd(1_000_000)));
      expect(trend(slightlyLess).textContent?.trim()).to.equal('Slightly less than last month');
    });

    it('shows no percentage when last month was zero, negative, or in another currency', async () => {
      const zero = await controlled(summary(usd(318), usd(0)));
      expect(trend(zero).getAttribute('part')).to.equal('trend trend-none');
      expect(trend(zero).textContent?.trim()).to.equal('No spending last month to compare with');
      expect(trend(zero).querySelector('svg')).to.equal(null);
      expect(bodyText(zero)).not.to.match(/NaN|Infinity|∞|%/);

      const bothZero = await controlled(summary(usd(0), usd(0)));
      expect(trend(bothZero).textContent?.trim()).to.equal('Same as last month');
      expect(text(bothZero, '[part~="current-month"]')).to.equal('$0.00');

      const credit = await controlled(summary(usd(500), usd(-200)));
      expect(trend(credit).textContent?.trim()).to.equal('No comparison with last month');
      expect(text(credit, '[part~="last-month"]')).to.equal('-$2.00');

      const currencies = await controlled(summary(usd(500), { amountMinor: 400, currency: 'EUR' }));
      expect(trend(currencies).textContent?.trim()).to.equal('No comparison: last month was billed in EUR');
      expect(text(currencies, '[part~="last-month"]')).to.equal('€4.00');
      expect(bodyText(currencies)).not.to.match(/NaN|Infinity|%/);
      await expect(currencies).to.be.accessible();
    });

    it('formats USD, JPY (no minor unit) and KWD (three minor digits)', async () => {
      const yen = await controlled(
        summary({ amountMinor: 1_284_000, currency: 'JPY' }, { amountMinor: 1_245_392, currency: 'JPY' }),
        'ja-JP',
      );
      expectPartTexts(yen, {
        'current-month': '￥1,284,000',
        'last-month': '￥1,245,392',
        trend: '先月より 3.1% 増加',
      });
      const kwd = await controlled(
        summary({ amountMinor: 2_315_750, currency: 'KWD' }, { amountMinor: 1_832_000, currency: 'KWD' }),
      );
      expectPartTexts(kwd, { 'current-month': 'KWD 2,315.750', trend: '26.4% more than last month' });
      const big = await controlled(summary(usd(123_456_789_012), usd(100_000_000_000)));
      expect(text(big, '[part~="current-month"]')).to.equal('$1,234,567,890.12');
    });

    it('shows the invoice date as the same calendar day in every time zone', async () => {
      for (const zone of ['Pacific/Honolulu', 'Pacific/Kiritimati', 'Asia/Tokyo']) {
        const card = await cardIn(adapterWith(), zone);
        await ready(card);
        expect(text(card, '[part~="next-invoice"]'), zone).to.equal('Dec 1, 2026');
      }
    });
  });

  describe('View past invoices', () => {
    it('is a button firing a cancelable, bubbling, composed od-view-invoices without a URL', async () => {
      const card = await cardIn(adapterWith());
      await ready(card);
      expect(action(card).localName).to.equal('button');
      setTimeout(() => action(card).click());
      const event = (await oneEvent(document, 'od-view-invoices')) as DashboardActionEvent;
      expect(event.detail).to.deep.equal({ orgId: 'o1' });
      expect([event.cancelable, event.bubbles, event.composed]).to.deep.equal([true, true, true]);
    });

    it('is a real link with a URL template; preventDefault() stops the navigation', async () => {
      const adapter = adapterWith();
      const provider = await fixture<OrgDashboardProvider>(html`
        <org-dashboard-provider
          org-id="o1"
          .adapter=${adapter}
          .links=${{ invoices: '#/organizations/{orgId}/billing/invoices' }}
        >
          <billing-card></billing-card>
        </org-dashboard-provider>
      `);
      const card = provider.querySelector('billing-card')!;
      await ready(card);
      const link = action(card) as HTMLAnchorElement;
      expect(link.localName).to.equal('a');
      expect(link.getAttribute('href')).to.equal('#/organizations/o1/billing/invoices');
      expect(link.getAttribute('part')).to.equal('action view-invoices');

      const routed: DashboardActionEvent[] = [];
      const route = (e: Event) => {
        routed.push(e as DashboardActionEvent);
        e.preventDefault();
      };
      document.addEventListener('od-view-invoices', route);
      const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
      link.dispatchEvent(click);
      document.removeEventListener('od-view-invoices', route);
      expect(routed[0].detail).to.deep.equal({ orgId: 'o1', href: '#/organizations/o1/billing/invoices' });
      expect(click.defaultPrevented).to.equal(true);

      // Not cancelled: the browser follows the link.
      const before = location.hash;
      const follow = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
      link.dispatchEvent(follow);
      expect(follow.defaultPrevented).to.equal(false);
      await until(() => location.hash === '#/organizations/o1/billing/invoices');
      history.replaceState(null, '', `${location.pathname}${location.search}${before}`);
    });

    it('is reachable by keyboard with a visible focus ring and a 24px target', async () => {
      const card = await cardIn(adapterWith());
      await ready(card);
      const fired = sinon.spy();
      card.addEventListener('od-view-invoices', fired);
      await sendKeys({ press: 'Tab' });
      const button = action(card);
      expect(card.shadowRoot!.activeElement).to.equal(button);
      expect(getComputedStyle(button).outlineStyle).to.equal('solid');
      const box = button.getBoundingClientRect();
      expect(Math.min(box.width, box.height)).to.be.at.least(24);
      await sendKeys({ press: 'Enter' });
      expect(fired.callCount).to.equal(1);
    });

    it('ignores an unsafe URL template and stays a button', async () => {
      const card = await fixture<BillingCard>(html`
        <billing-card
          .links=${{ invoices: 'javascript:alert(1)' }}
          .data=${summary(usd(1), usd(1))}
        ></billing-card>
      `);
      expect(action(card).localName).to.equal('button');
    });
  });

  describe('spending history', () => {
    it('draws a sparkline with a text alternative and a table of every month, oldest first', async () => {
      const card = await controlled(summary(usd(123456), usd(100000), { history: [...HISTORY!].reverse() }));
      const chart = card.shadowRoot!.querySelector('[part~="chart"]')!;
      expect(chart.localName).to.equal('svg');
      expect(chart.getAttribute('role')).to.equal('img');
      expect(chart.getAttribute('aria-label')).to.equal(
        'Spending from Jul 2026 to Nov 2026: lowest $900.00 in Jul 2026, highest $1,234.56 in Nov 2026',
      );
      const rows = all(card, 'tbody tr').map((tr) => tr.textContent?.replace(/\s+/g, ' ').trim());
      expect(rows).to.deep.equal([
        'Jul 2026 $900.00',
        'Aug 2026 $1,100.00',
        'Sep 2026 $950.00',
        'Oct 2026 $1,000.00',
        'Nov 2026 $1,234.56',
      ]);
      expect(text(card, 'caption')).to.equal('Spending by month');
      expect(all(card, '.range span').map((s) => s.textContent)).to.deep.equal(['Jul 2026', 'Nov 2026']);
      const points = card.shadowRoot!.querySelector('polyline')!.getAttribute('points')!;
      const xs = points.split(' ').map((p) => Number(p.split(',')[0]));
      expect(xs).to.deep.equal([...xs].sort((a, b) => a - b));
      expect(card.shadowRoot!.innerHTML).not.to.match(/NaN|Infinity/);
      await expect(card).to.be.accessible();
    });

    it('is not shown without a history, or with a single month', async () => {
      const none = await controlled(summary(usd(1), usd(1)));
      expect(none.shadowRoot!.querySelector('[part~="history"]')).to.equal(null);
      const one = await controlled(
        summary(usd(1), usd(1), { history: [{ month: '2026-11', total: usd(1) }] }),
      );
      expect(one.shadowRoot!.querySelector('[part~="history"]')).to.equal(null);
    });

    it('draws a flat history as a flat line, never dividing by zero', async () => {
      const flat = await controlled(
        summary(usd(0), usd(0), {
          history: [
            { month: '2026-10', total: usd(0) },
            { month: '2026-11', total: usd(0) },
          ],
        }),
      );
      const points = flat.shadowRoot!.querySelector('polyline')!.getAttribute('points')!;
      expect(points).to.equal('4.00,20.00 116.00,20.00');
      expect(flat.shadowRoot!.innerHTML).not.to.match(/NaN|Infinity/);
    });

    it('charts only months in this month’s currency, keeping gaps between months', () => {
      const series = spendingSeries(
        [
          { month: '2026-11', total: usd(3) },
          { month: '2026-01', total: usd(1) },
          { month: '2026-06', total: { amountMinor: 2, currency: 'EUR' } },
          { month: '2025-12', total: usd(9) },
          { month: '2026-01', total: usd(2) },
        ],
        'USD',
      );
      expect(series.map((p) => [p.month, p.offset, p.total.amountMinor])).to.deep.equal([
        ['2025-12', 0, 9],
        ['2026-01', 1, 2],
        ['2026-11', 11, 3],
      ]);
      expect(spendingSeries(undefined, 'USD')).to.deep.equal([]);
    });

    it('runs right to left in right-to-left pages, with Arabic digits and KWD', async () => {
      const card = await fixture<BillingCard>(html`
        <billing-card
          dir="rtl"
          lang="ar"
          style="width: 340px"
          locale="ar-KW"
          .data=${summary(
            { amountMinor: 2_315_750, currency: 'KWD' },
            { amountMinor: 1_832_000, currency: 'KWD' },
            {
              history: [
                { month: '2026-10', total: { amountMinor: 1_832_000, currency: 'KWD' } },
                { month: '2026-11', total: { amountMinor: 2_315_750, currency: 'KWD' } },
              ],
            },
          )}
        ></billing-card>
      `);
      const chart = card.shadowRoot!.querySelector('[part~="chart"]')!;
      expect(getComputedStyle(chart).transform).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
      // The first month's label sits at the right, where the mirrored line starts.
      const [first, last] = all(card, '.range span').map((s) => s.getBoundingClientRect().left);
      expect(first).to.be.greaterThan(last);
      expect(text(card, '[part~="current-month"]')).to.match(/٢٬٣١٥٫٧٥٠/);
      expect(card.getBoundingClientRect().width).to.be.at.most(340);
      expect(bodyText(card)).not.to.match(/NaN|Infinity/);
      await expect(card).to.be.accessible();
    });
  });

  describe('access', () => {
    it('offers no invoices without billing:read', async () => {
      const data = dataset('o1');
      data.o1.access.permissions = ['organization:read', 'workspaces:read', 'plan:read'];
      const card = await cardIn(createMemoryAdapter(data));
      await ready(card, 'no-access');
      expect(card.shadowRoot!.querySelector('[part~="view-invoices"]')).to.equal(null);
    });
  });

  describe('live updates', () => {
    it('applies billing snapshots in place', async () => {
      const adapter = adapterWith(summary(usd(123456), usd(100000), { history: HISTORY }));
      const card = await cardIn(adapter);
      await ready(card);
      const value = card.shadowRoot!.querySelector('[part~="current-month"]');
      const chart = card.shadowRoot!.querySelector('[part~="chart"]');
      const states: string[] = [];
      const observer = new MutationObserver(() => states.push(card.state));
      observer.observe(card.shadowRoot!, { subtree: true, childList: true, characterData: true });

      adapter.emit('o1', {
        topic: 'billing',
        data: summary(usd(90000), usd(100000), {
          history: [...HISTORY!.slice(0, 4), { month: '2026-11', total: usd(90000) }],
        }),
      });
      await elementUpdated(card);
      observer.disconnect();
      expectPartTexts(card, { 'current-month': '$900.00', trend: '10% less than last month' });
      expect(card.shadowRoot!.querySelector('[part~="current-month"]')).to.equal(value);
      expect(card.shadowRoot!.querySelector('[part~="chart"]')).to.equal(chart);
      expect(text(card, 'tbody tr:last-child')).to.equal('Nov 2026 $900.00');
      expect(states.every((s) => s === 'ready')).to.equal(true);
    });
  });

  describe('modes', () => {
    it('names an invoice date that is no calendar day as the invalid path', async () => {
      const card = await controlled(summary(usd(1), usd(1), { nextInvoiceDate: '2026-02-30' }));
      expect(card.error?.code).to.equal('invalid-data');
      expect(card.error?.path).to.equal('nextInvoiceDate');
      expect(bodyText(card)).not.to.match(/NaN|Infinity/);
    });

    it('takes replacement strings, the card’s winning over the provider’s', async () => {
      const adapter = adapterWith();
      const provider = await fixture<OrgDashboardProvider>(html`
        <org-dashboard-provider
          org-id="o1"
          .adapter=${adapter}
          locale="en-US"
          .strings=${{ billingTitle: 'Spending', billingTrendUp: 'Up {percent}' }}
        >
          <billing-card .strings=${{ billingViewInvoices: 'Invoices' }}></billing-card>
        </org-dashboard-provider>
      `);
      const card = provider.querySelector('billing-card')!;
      await ready(card);
      expectPartTexts(card, { title: 'Spending', trend: 'Up 23.5%', 'view-invoices': 'Invoices' });
    });
  });

  describe('billingTrend', () => {
    it('computes the change only when it means something', () => {
      expect(billingTrend(usd(112500), usd(100000))).to.deep.equal({ kind: 'up', ratio: 0.125 });
      expect(billingTrend(usd(92000), usd(100000))).to.deep.equal({ kind: 'down', ratio: 0.08 });
      expect(billingTrend(usd(1), usd(1))).to.deep.equal({ kind: 'same' });
      expect(billingTrend(usd(1), usd(0))).to.deep.equal({ kind: 'no-baseline' });
      expect(billingTrend(usd(0), usd(0))).to.deep.equal({ kind: 'same' });
      expect(billingTrend(usd(1), usd(-1))).to.deep.equal({ kind: 'unavailable' });
      expect(billingTrend(usd(1), { amountMinor: 1, currency: 'EUR' })).to.deep.equal({
        kind: 'other-currency',
        currency: 'EUR',
      });
      // A credit this month against a charge last month: less, but no "150% less".
      expect(billingTrend(usd(-500), usd(1000))).to.deep.equal({ kind: 'to-credit' });
      expect(billingTrend(usd(0), usd(1000))).to.deep.equal({ kind: 'down', ratio: 1 });
    });
  });
});
