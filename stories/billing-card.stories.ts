import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/org-dashboard-provider.js';
import '../src/define/billing-card.js';
import type { DashboardActionEvent } from '../src/base/actions.js';
import type { BillingSummary } from '../src/contract/types.js';
import {
  ACME_ORG_ID,
  GLOBEX_ORG_ID,
  GULF_ORG_ID,
  INITECH_ORG_ID,
  NEWCO_ORG_ID,
  SAKURA_ORG_ID,
} from '../src/mocks/fixtures.js';
import { cardStateStories } from './helpers/card-states.js';
import { mockBackend, type MockBackend } from './support/mock-backend.js';

interface Args {
  orgId: string;
  locale: string;
  timeZone: string;
  accessDenied: 'notice' | 'hide';
  headingLevel: number;
}

const meta: Meta<Args> = {
  title: 'Cards/Billing card',
  component: 'billing-card',
  args: { orgId: ACME_ORG_ID, locale: 'en-US', timeZone: '', accessDenied: 'notice', headingLevel: 2 },
  argTypes: {
    orgId: { control: 'text', name: 'org-id' },
    locale: { control: 'text' },
    timeZone: { control: 'text', name: 'time-zone' },
    accessDenied: { control: 'inline-radio', options: ['notice', 'hide'], name: 'access-denied' },
    headingLevel: { control: { type: 'number', min: 1, max: 6 }, name: 'heading-level' },
  },
  decorators: [(story) => html`<div style="max-width: 420px">${story()}</div>`],
};
export default meta;

type Story = StoryObj<Args>;

/** Inside a provider, the usual way. */
function inProvider(backend: MockBackend): Story['render'] {
  return (args) => html`
    <org-dashboard-provider
      org-id=${args.orgId}
      .adapter=${backend.adapter}
      locale=${args.locale}
      time-zone=${args.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone}
      access-denied=${args.accessDenied}
    >
      <billing-card heading-level=${args.headingLevel}></billing-card>
    </org-dashboard-provider>
  `;
}

function story(backend: MockBackend, extra: Partial<Story> = {}): Story {
  return { render: inProvider(backend), parameters: { msw: backend.msw }, ...extra };
}

const ready = mockBackend();
/** Spending up about 12% (red, up arrow), with a year of history. */
export const Ready = story(ready);

const globex = mockBackend();
/** Spending down (green, down arrow), in euros, formatted for Germany. */
export const SpendingDown = story(globex, { args: { orgId: GLOBEX_ORG_ID, locale: 'de-DE' } });

const sakura = mockBackend();
/** Yen have no minor unit. */
export const Japanese = story(sakura, {
  args: { orgId: SAKURA_ORG_ID, locale: 'ja-JP', timeZone: 'Asia/Tokyo' },
});

const gulf = mockBackend();
/** Kuwaiti dinars (three minor digits), right to left: the spending chart runs right to left too. */
export const RightToLeft = story(gulf, {
  args: { orgId: GULF_ORG_ID, locale: 'ar-KW', timeZone: 'Asia/Kuwait' },
  decorators: [(s) => html`<div dir="rtl" lang="ar">${s()}</div>`],
});

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
export const Live: Story = {
  ...story(live),
  play: async ({ canvasElement }) => {
    const card = canvasElement.querySelector('billing-card');
    const start = live.api.data[ACME_ORG_ID]?.billing;
    if (!card || !start) return;
    let tick = 0;
    const timer = setInterval(() => {
      // Story switched: the card left the page, so stop.
      if (!card.isConnected) return clearInterval(timer);
      tick += 1;
      const current = {
        ...start.currentMonthTotal,
        amountMinor: start.currentMonthTotal.amountMinor + tick * 12_345,
      };
      const history = start.history?.map((entry, i, list) =>
        i === list.length - 1 ? { ...entry, total: current } : entry,
      );
      const data: BillingSummary = { ...start, currentMonthTotal: current, history };
      live.api.emit(ACME_ORG_ID, { topic: 'billing', data });
    }, LIVE_TICK_MS);
  },
};

const standalone = mockBackend();
/** No provider: the card's own `org-id` and `adapter`. */
export const Standalone: Story = {
  parameters: { msw: standalone.msw },
  render: (args) =>
    html`<billing-card
      org-id=${args.orgId}
      .adapter=${standalone.adapter}
      locale=${args.locale}
    ></billing-card>`,
};

const controlledData: BillingSummary = {
  currentMonthTotal: { amountMinor: 48_210_00, currency: 'USD' },
  lastMonthTotal: { amountMinor: 41_500_00, currency: 'EUR' },
  nextInvoiceDate: '2026-01-01',
  history: [
    { month: '2025-08', total: { amountMinor: 39_800_00, currency: 'EUR' } },
    { month: '2025-09', total: { amountMinor: 40_100_00, currency: 'EUR' } },
    { month: '2025-10', total: { amountMinor: 41_500_00, currency: 'EUR' } },
    { month: '2025-11', total: { amountMinor: 46_900_00, currency: 'USD' } },
    { month: '2025-12', total: { amountMinor: 48_210_00, currency: 'USD' } },
  ],
};
/**
 * Controlled: the host gives `data`; nothing is fetched. Billing moved from euros to dollars:
 * no percentage across currencies, and the chart shows only the months in dollars.
 */
export const Controlled: Story = {
  render: (args) => html`<billing-card .data=${controlledData} locale=${args.locale}></billing-card>`,
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

/** Controlled with data that breaks the contract: a typed error, nothing thrown. */
export const ControlledInvalidData: Story = {
  render: () =>
    html`<billing-card
      .data=${{ currentMonthTotal: { amountMinor: 1.5, currency: 'usd' }, nextInvoiceDate: 'soon' } as never}
    ></billing-card>`,
};

const custom = mockBackend();
/** Every text can be replaced, here through the provider. */
export const CustomStrings: Story = {
  parameters: { msw: custom.msw },
  render: (args) => html`
    <org-dashboard-provider
      org-id=${args.orgId}
      .adapter=${custom.adapter}
      .strings=${{
        billingTitle: 'Spending',
        billingCurrentMonth: 'Month to date',
        billingTrendUp: 'Up {percent} on last month',
        billingViewInvoices: 'All invoices',
      }}
    >
      <billing-card></billing-card>
    </org-dashboard-provider>
  `,
};
