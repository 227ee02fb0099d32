import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/org-dashboard-provider.js';
import '../src/define/plan-card.js';
import type { CreditUsage, PlanSummary } from '../src/contract/types.js';
import type { CreditsLowEvent } from '../src/elements/plan-card/plan-card.events.js';
import { ACME_ORG_ID, GULF_ORG_ID, INITECH_ORG_ID, money } from '../src/mocks/fixtures.js';
import { cardMeta, type HeadedCardArgs } from './helpers/card-meta.js';
import { cardStateStories } from './helpers/card-states.js';
import { cardStories } from './helpers/card-stories.js';
import { everyTick } from './helpers/live.js';
import { mockBackend } from './support/mock-backend.js';

type Args = HeadedCardArgs;

const meta: Meta<Args> = {
  title: 'Cards/Plan card',
  component: 'plan-card',
  ...cardMeta(),
};
export default meta;

type Story = StoryObj<Args>;

const card = cardStories<Args>(
  'plan-card',
  (args) => html`<plan-card heading-level=${args.headingLevel}></plan-card>`,
);
const { inProvider, story } = card;

const ready = mockBackend();
/** Enterprise, USD, viewed by the owner: both actions shown. */
export const Ready = story(ready);

const states = cardStateStories({ render: inProvider, endpoint: 'getPlan' });
export const Loading = states.Loading;
export const Error = states.Error;
export const NetworkError = states.NetworkError;
export const NoAccess = states.NoAccess;
export const NoAccessHidden = states.NoAccessHidden;
export const Stale = states.Stale;

const low = mockBackend();
/** Credits at or below the plan's threshold: a warning with text and an icon (KWD, three minor digits). */
export const LowCredits = story(low, { args: { orgId: GULF_ORG_ID } });

const member = mockBackend();
/** A member without `plan:manage`: the plan and credits, but no actions. */
export const ReadOnlyMember = story(member, { args: { orgId: INITECH_ORG_ID } });

/** Arabic, right to left, in Kuwaiti dinars; the (+) sits at the inline end of the credits. */
export const RightToLeft = card.rightToLeft();

/** Japanese yen have no minor unit. */
export const Japanese = card.japanese();

/**
 * With URL templates the actions are real links (middle-click opens a tab).
 * Here a host router takes over: it cancels the event and says where it would go.
 */
export const WithLinks = card.withLinks(
  {
    manageSubscription: '/organizations/{orgId}/subscription',
    addCredits: '/organizations/{orgId}/credits/new',
  },
  ['od-manage-subscription', 'od-add-credits'],
  'Activate an action.',
);

const liveBackend = mockBackend();
const livePlan = liveBackend.api.data[ACME_ORG_ID].plan;
/** Balances the live story walks through, in dollars (the threshold is $5,000). */
const LIVE_CREDITS = [48_250, 12_000, 6_000, 4_800, 3_900, 7_500, 4_200, 48_250];

/**
 * Live plan snapshots every two seconds: the balance falls below the
 * threshold, rises above it and falls again; `od-credits-low` fires once per
 * crossing (counted under the card).
 */
export const Live: Story = {
  parameters: { msw: liveBackend.msw },
  beforeEach: () =>
    everyTick(2000, (tick) =>
      liveBackend.api.emit(ACME_ORG_ID, {
        topic: 'plan',
        data: { ...livePlan, availableCredits: money(LIVE_CREDITS[tick % LIVE_CREDITS.length], 'USD') },
      }),
    ),
  render: (args) => html`
    <div @od-credits-low=${countCreditsLow}>
      ${inProvider(liveBackend)!(args, {} as never)}
      <p><output>od-credits-low: not fired yet</output></p>
    </div>
  `,
};

function countCreditsLow(event: CreditsLowEvent): void {
  const output = (event.currentTarget as HTMLElement).querySelector('output');
  if (!output) return;
  const count = Number(output.dataset.count ?? 0) + 1;
  output.dataset.count = String(count);
  output.textContent = `od-credits-low fired ${count} time${count === 1 ? '' : 's'}`;
}

/** No provider: the card's own `org-id` and `adapter`. */
export const Standalone = card.standalone(
  (args, adapter) =>
    html`<plan-card org-id=${args.orgId} .adapter=${adapter} locale=${args.locale}></plan-card>`,
);

const controlledData: PlanSummary = {
  name: 'Premium',
  availableCredits: { amountMinor: 123_456_789, currency: 'USD' },
  lowCreditThreshold: { amountMinor: 100_000, currency: 'USD' },
};
/**
 * Controlled: the host gives `data`; nothing is fetched. The viewer's access
 * is unknown, so both actions show (hide them with `::part(action)`).
 */
export const Controlled: Story = {
  render: (args) => html`<plan-card .data=${controlledData} locale=${args.locale}></plan-card>`,
};

/** Controlled with a low balance: the warning shows, but `od-credits-low` never fires for the host's own data. */
export const ControlledLowCredits: Story = {
  render: (args) =>
    html`<plan-card
      .data=${{ ...controlledData, availableCredits: { amountMinor: 4_250, currency: 'USD' } }}
      locale=${args.locale}
    ></plan-card>`,
};

/**
 * `days` of usage in cents, one a day up to yesterday (so the chart and the run-out day follow the
 * day the story is opened), with a weekday/weekend rhythm around `cents`.
 */
function usageOf(cents: number, days = 30, currency = 'USD'): CreditUsage[] {
  const today = new Date();
  return Array.from({ length: days }, (_, i) => {
    const day = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate() - (days - i)));
    const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6;
    return {
      date: day.toISOString().slice(0, 10),
      credits: { amountMinor: Math.round(cents * (weekend ? 0.4 : 1.2) + (i % 3) * cents * 0.05), currency },
    };
  });
}

const runwayPlan = (credits: number, usage: CreditUsage[] | undefined, currency = 'USD'): PlanSummary => ({
  name: 'Premium',
  availableCredits: { amountMinor: credits, currency },
  lowCreditThreshold: { amountMinor: 100_000, currency },
  usage,
});

/**
 * The runway: at the last seven days' mean the credits last about a month ("About 30 days left"),
 * with the day they run out in the viewer's time zone and the last 30 days of usage as a chart.
 * Tab to the chart and use the arrow keys, Home and End: each day's date and amount is written
 * under it.
 */
export const Runway: Story = {
  render: (args) =>
    html`<plan-card .data=${runwayPlan(1_000_000, usageOf(33_000))} locale=${args.locale}></plan-card>`,
};

/** A short runway: a few days left, at or below `low-runway-days` (7), so the warning says why. */
export const ShortRunway: Story = {
  render: (args) =>
    html`<plan-card .data=${runwayPlan(120_000, usageOf(33_000))} locale=${args.locale}></plan-card>`,
};

/** Low balance and short runway at once: the warning gives both reasons. */
export const ShortRunwayAndLowBalance: Story = {
  render: (args) =>
    html`<plan-card .data=${runwayPlan(60_000, usageOf(33_000))} locale=${args.locale}></plan-card>`,
};

/** `low-runway-days="45"`: the host warns earlier; the same month of credits now shows the warning. */
export const LowRunwayDays: Story = {
  render: (args) =>
    html`<plan-card
      low-runway-days="45"
      .data=${runwayPlan(1_000_000, usageOf(33_000))}
      locale=${args.locale}
    ></plan-card>`,
};

/** No usage given: no runway and no chart, as before. */
export const NoUsage: Story = {
  render: (args) =>
    html`<plan-card .data=${runwayPlan(1_000_000, undefined)} locale=${args.locale}></plan-card>`,
};

/** Nothing used for a week: no runway (never a division by zero), and a flat chart that says so. */
export const ZeroUsage: Story = {
  render: (args) =>
    html`<plan-card .data=${runwayPlan(1_000_000, usageOf(0, 7))} locale=${args.locale}></plan-card>`,
};

/** A large balance at a small rate: the runway reads in years. */
export const LongRunway: Story = {
  render: (args) =>
    html`<plan-card .data=${runwayPlan(50_000_000, usageOf(4_000))} locale=${args.locale}></plan-card>`,
};

/**
 * Arabic, right to left, in Kuwaiti dinars: the chart runs right to left (the newest day at the
 * left), the arrow keys follow the bars as drawn, and the run-out day is in the locale's calendar
 * format.
 */
export const RunwayRightToLeft: Story = {
  render: () => html`
    <div dir="rtl" lang="ar">
      <plan-card
        locale="ar-KW"
        time-zone="Asia/Kuwait"
        .data=${runwayPlan(180_000, usageOf(15_000, 30, 'KWD'), 'KWD')}
      ></plan-card>
    </div>
  `,
};

/** Controlled with data that breaks the contract: a clear state, a typed error, nothing thrown. */
export const ControlledInvalidData = card.invalidData({
  name: '',
  availableCredits: { amountMinor: 'lots', currency: 'usd' },
});

/** Every text can be replaced, here through the provider. */
export const CustomStrings = card.customStrings(
  {
    planTitle: 'Subscription',
    planCredits: 'Balance',
    planManageSubscription: 'Change plan',
    planAddCredits: 'Top up',
  },
  () => html`<plan-card></plan-card>`,
);
