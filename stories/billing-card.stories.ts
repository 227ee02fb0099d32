import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/org-dashboard-provider.js';
import '../src/define/billing-card.js';
import type { DashboardActionEvent } from '../src/base/actions.js';
import type { BillingSummary } from '../src/contract/types.js';
import {
  GLOBEX_ORG_ID,
  INITECH_ORG_ID,
  NEWCO_ORG_ID,
  money,
  type FixtureOrgId,
} from '../src/mocks/fixtures.js';
import { cardMeta, type HeadedCardArgs } from './helpers/card-meta.js';
import { cardStateStories } from './helpers/card-states.js';
import { cardStories, viewerTimeZone } from './helpers/card-stories.js';
import { everyTick } from './helpers/live.js';
import { mockBackend } from './support/mock-backend.js';

type Args = HeadedCardArgs;

const meta: Meta<Args> = {
  title: 'Cards/Billing card',
  component: 'billing-card',
  ...cardMeta(),
};
export default meta;

type Story = StoryObj<Args>;

const card = cardStories<Args>(
  'billing-card',
  (args) => html`<billing-card heading-level=${args.headingLevel}></billing-card>`,
);
const { inProvider, story } = card;

const ready = mockBackend();
/** Spending up about 12% (red, up arrow), with a year of history. */
export const Ready = story(ready);

const globex = mockBackend();
/** Spending down (green, down arrow), in euros, formatted for Germany. */
export const SpendingDown = story(globex, { args: { orgId: GLOBEX_ORG_ID, locale: 'de-DE' } });

/** Yen have no minor unit. */
export const Japanese = card.japanese();

/** Kuwaiti dinars (three minor digits), right to left: the spending chart runs right to left too. */
export const RightToLeft = card.rightToLeft();

const newco = mockBackend();
/** Nothing was spent last month: no percentage, a sentence instead. */
export const NoComparison = story(newco, { args: { orgId: NEWCO_ORG_ID } });

const states = cardStateStories({
  render: inProvider,
  endpoint: 'getBilling',
  // A member without `billing:read`: the card never asks for billing.
  noAccessArgs: { orgId: INITECH_ORG_ID },
});
export const Loading = states.Loading;
export const Error = states.Error;
export const NetworkError = states.NetworkError;
export const NoAccess = states.NoAccess;
export const NoAccessHidden = states.NoAccessHidden;
export const Stale = states.Stale;

const routed = mockBackend();
/**
 * With a URL template the action is a real link (middle-click opens a tab).
 * Here a host router cancels `od-view-invoices` and shows what it got instead of navigating.
 */
export const WithInvoicesLink: Story = {
  parameters: { msw: routed.msw },
  render: (args) => {
    const onView = (event: DashboardActionEvent) => {
      event.preventDefault();
      const out = (event.currentTarget as HTMLElement).parentElement?.querySelector('output');
      if (out) out.value = `Routed to ${event.detail.href ?? '(no URL)'} for ${event.detail.orgId}`;
    };
    return html`
      <org-dashboard-provider
        org-id=${args.orgId}
        .adapter=${routed.adapter}
        locale=${args.locale}
        .links=${{ invoices: '/organizations/{orgId}/billing/invoices' }}
      >
        <billing-card @od-view-invoices=${onView}></billing-card>
        <p><output aria-live="polite"></output></p>
      </org-dashboard-provider>
    `;
  },
};

const live = mockBackend();
const LIVE_TICK_MS = 2000;
/** This month's total grows every two seconds, sent by the server as live snapshots. */
export const Live = story(live, {
  beforeEach: ({ args }) => {
    const orgId = args.orgId as FixtureOrgId;
    const start = live.api.data[orgId].billing;
    return everyTick(LIVE_TICK_MS, (tick) => {
      const current = {
        ...start.currentMonthTotal,
        amountMinor: start.currentMonthTotal.amountMinor + tick * 12_345,
      };
      const history = start.history?.map((entry, i, list) =>
        i === list.length - 1 ? { ...entry, total: current } : entry,
      );
      const data: BillingSummary = { ...start, currentMonthTotal: current, history };
      live.api.emit(orgId, { topic: 'billing', data });
    });
  },
});

/** No provider: the card's own `org-id` and `adapter`. */
export const Standalone = card.standalone(
  (args, adapter) =>
    html`<billing-card org-id=${args.orgId} .adapter=${adapter} locale=${args.locale}></billing-card>`,
);

const controlledData: BillingSummary = {
  currentMonthTotal: money(48_210, 'USD'),
  lastMonthTotal: money(41_500, 'EUR'),
  nextInvoiceDate: '2026-01-01',
  history: [
    { month: '2025-08', total: money(39_800, 'EUR') },
    { month: '2025-09', total: money(40_100, 'EUR') },
    { month: '2025-10', total: money(41_500, 'EUR') },
    { month: '2025-11', total: money(46_900, 'USD') },
    { month: '2025-12', total: money(48_210, 'USD') },
  ],
};
/**
 * Controlled: the host gives `data`; nothing is fetched. Billing moved from euros to dollars:
 * no percentage across currencies, and the chart shows only the months in dollars.
 */
export const Controlled: Story = {
  render: (args) => html`<billing-card .data=${controlledData} locale=${args.locale}></billing-card>`,
};

/** The `actions` slot: the host's own control in place of View past invoices. */
export const OwnAction: Story = {
  render: (args) => html`
    <billing-card .data=${controlledData} locale=${args.locale}>
      <a slot="actions" href="#billing-portal">Open the billing portal</a>
    </billing-card>
  `,
};

/** Controlled without a history: no chart, and the card keeps its height. */
export const ControlledWithoutHistory: Story = {
  render: (args) => html`
    <billing-card
      .data=${{
        currentMonthTotal: { amountMinor: 9_200, currency: 'USD' },
        lastMonthTotal: { amountMinor: 10_000, currency: 'USD' },
        nextInvoiceDate: '2026-03-01',
      }}
      locale=${args.locale}
    ></billing-card>
  `,
};

/** Today in `timeZone`, moved by `days`, as a calendar date (`YYYY-MM-DD`). */
function dayIn(timeZone: string, days: number): string {
  const today = new Date(`${new Intl.DateTimeFormat('en-CA', { timeZone }).format(Date.now())}T00:00:00Z`);
  today.setUTCDate(today.getUTCDate() + days);
  return today.toISOString().slice(0, 10);
}

/**
 * A billing period around today where the card is viewed: it began `daysIn` days ago and lasts
 * `length` days (the end exclusive), so the story shows the same moment of a period whenever it is
 * opened.
 */
const periodAround = (timeZone: string, daysIn: number, length: number) => ({
  start: dayIn(timeZone, -daysIn),
  end: dayIn(timeZone, length - daysIn),
});

/** Controlled billing data with a period of `length` days begun `daysIn` days ago in the story's zone. */
function projecting(daysIn: number, length: number, extra: Partial<BillingSummary> = {}): Story['render'] {
  return (args) => {
    const timeZone = args.timeZone || viewerTimeZone();
    const data: BillingSummary = {
      currentMonthTotal: money(712.4, 'USD'),
      lastMonthTotal: money(1_450, 'USD'),
      nextInvoiceDate: dayIn(timeZone, length - daysIn),
      period: periodAround(timeZone, daysIn, length),
      ...extra,
    };
    return html`<billing-card .data=${data} locale=${args.locale} time-zone=${timeZone}></billing-card>`;
  };
}

/**
 * A period that began today: less than a day has passed, which counts as one, so the projection is
 * 30 times today's spending (not "51% less than last month" from comparing one day with a month).
 */
export const ProjectionAtStart: Story = {
  render: projecting(0, 30, { currentMonthTotal: money(48.2, 'USD') }),
};

/** Two weeks into a 30-day period: this month's total scaled by 30 over the time elapsed, on track for more than last month. */
export const ProjectionMidPeriod: Story = { render: projecting(14, 30) };

/** The last day of a 30-day period: the projection is a little more than the total, less than last month (green). */
export const ProjectionAtEnd: Story = {
  render: projecting(29, 30, { currentMonthTotal: money(1_380, 'USD') }),
};

/** The server's own forecast (`forecastTotal`) is shown instead of the card's projection. */
export const ProjectionWithForecast: Story = {
  render: projecting(14, 30, { forecastTotal: money(1_447.9, 'USD') }),
};

/** The period ended today where the viewer is: nothing is projected, the total is compared as it is. */
export const PeriodEnded: Story = {
  render: projecting(30, 30, { currentMonthTotal: money(1_502.75, 'USD') }),
};

/** No `period` in the data: the trend compares this month's total with last month's, as it always has. */
export const WithoutPeriod: Story = {
  render: (args) => html`
    <billing-card
      .data=${{
        currentMonthTotal: money(712.4, 'USD'),
        lastMonthTotal: money(1_450, 'USD'),
        nextInvoiceDate: '2027-01-01',
      }}
      locale=${args.locale}
    ></billing-card>
  `,
};

/**
 * A credit this month: refunds above spending leave the month's total below zero. The trend says
 * so ("a credit this month") instead of a percentage beyond 100% less.
 */
export const CreditThisMonth: Story = {
  render: (args) => html`
    <billing-card
      .data=${{
        currentMonthTotal: money(-120.5, 'USD'),
        lastMonthTotal: money(1_450, 'USD'),
        nextInvoiceDate: '2027-01-01',
      }}
      locale=${args.locale}
    ></billing-card>
  `,
};

/** Projected to end the period as a credit: spending so far is below zero two weeks in. */
export const ProjectedCredit: Story = {
  render: projecting(14, 30, { currentMonthTotal: money(-64.3, 'USD') }),
};

/** The projection in Arabic, right to left, in Kuwaiti dinars (three minor digits) and Kuwait's time zone. */
export const ProjectionRightToLeft: Story = {
  args: { locale: 'ar-KW', timeZone: 'Asia/Kuwait' },
  decorators: [(s) => html`<div dir="rtl" lang="ar">${s()}</div>`],
  render: projecting(10, 31, {
    currentMonthTotal: money(512.125, 'KWD'),
    lastMonthTotal: money(1_480.5, 'KWD'),
  }),
};

/** Controlled with data that breaks the contract: a typed error, nothing thrown. */
export const ControlledInvalidData = card.invalidData({
  currentMonthTotal: { amountMinor: 1.5, currency: 'usd' },
  nextInvoiceDate: 'soon',
});

/** Every text can be replaced, here through the provider. */
export const CustomStrings = card.customStrings(
  {
    billingTitle: 'Spending',
    billingCurrentMonth: 'Month to date',
    billingTrendUp: 'Up {percent} on last month',
    billingViewInvoices: 'All invoices',
  },
  () => html`<billing-card></billing-card>`,
);
