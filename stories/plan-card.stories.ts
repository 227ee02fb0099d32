import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/org-dashboard-provider.js';
import '../src/define/plan-card.js';
import type { DashboardLinks } from '../src/contract/links.js';
import type { PlanSummary } from '../src/contract/types.js';
import type { CreditsLowEvent } from '../src/elements/plan-card/plan-card.events.js';
import { ACME_ORG_ID, GULF_ORG_ID, INITECH_ORG_ID, SAKURA_ORG_ID, money } from '../src/mocks/fixtures.js';
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
  title: 'Cards/Plan card',
  component: 'plan-card',
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
function inProvider(backend: MockBackend, links?: DashboardLinks): Story['render'] {
  return (args) => html`
    <org-dashboard-provider
      org-id=${args.orgId}
      .adapter=${backend.adapter}
      .links=${links}
      locale=${args.locale}
      time-zone=${args.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone}
      access-denied=${args.accessDenied}
    >
      <plan-card heading-level=${args.headingLevel}></plan-card>
    </org-dashboard-provider>
  `;
}

function story(backend: MockBackend, extra: Partial<Story> = {}): Story {
  return { render: inProvider(backend), parameters: { msw: backend.msw }, ...extra };
}

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

const gulf = mockBackend();
/** Arabic, right to left, in Kuwaiti dinars; the (+) sits at the inline end of the credits. */
export const RightToLeft = story(gulf, {
  args: { orgId: GULF_ORG_ID, locale: 'ar-KW', timeZone: 'Asia/Kuwait' },
  decorators: [(s) => html`<div dir="rtl" lang="ar">${s()}</div>`],
});

const sakura = mockBackend();
/** Japanese yen have no minor unit. */
export const Japanese = story(sakura, {
  args: { orgId: SAKURA_ORG_ID, locale: 'ja-JP', timeZone: 'Asia/Tokyo' },
});

const linked = mockBackend();
/**
 * With URL templates the actions are real links (middle-click opens a tab).
 * Here a host router takes over: it cancels the event and says where it would go.
 */
export const WithLinks: Story = {
  parameters: { msw: linked.msw },
  render: (args) => html`
    <div @od-manage-subscription=${route} @od-add-credits=${route}>
      ${inProvider(linked, {
        manageSubscription: '/organizations/{orgId}/subscription',
        addCredits: '/organizations/{orgId}/credits/new',
      })!(args, {} as never)}
      <p><output>Activate an action.</output></p>
    </div>
  `,
};

function route(event: CustomEvent<{ href?: string }>): void {
  event.preventDefault();
  const output = (event.currentTarget as HTMLElement).querySelector('output');
  if (output)
    output.textContent = `${event.type}: the host router would open ${event.detail.href ?? '(no URL)'}`;
}

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
  beforeEach: () => {
    let step = 0;
    const timer = setInterval(() => {
      step = (step + 1) % LIVE_CREDITS.length;
      liveBackend.api.emit(ACME_ORG_ID, {
        topic: 'plan',
        data: { ...livePlan, availableCredits: money(LIVE_CREDITS[step], 'USD') },
      });
    }, 2000);
    return () => clearInterval(timer);
  },
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

const standalone = mockBackend();
/** No provider: the card's own `org-id` and `adapter`. */
export const Standalone: Story = {
  parameters: { msw: standalone.msw },
  render: (args) =>
    html`<plan-card org-id=${args.orgId} .adapter=${standalone.adapter} locale=${args.locale}></plan-card>`,
};

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

/** Controlled with data that breaks the contract: a clear state, a typed error, nothing thrown. */
export const ControlledInvalidData: Story = {
  render: () =>
    html`<plan-card
      .data=${{ name: '', availableCredits: { amountMinor: 'lots', currency: 'usd' } } as never}
    ></plan-card>`,
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
        planTitle: 'Subscription',
        planCredits: 'Balance',
        planManageSubscription: 'Change plan',
        planAddCredits: 'Top up',
      }}
    >
      <plan-card></plan-card>
    </org-dashboard-provider>
  `,
};
