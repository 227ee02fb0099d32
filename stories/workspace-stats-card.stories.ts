import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/org-dashboard-provider.js';
import '../src/define/workspace-stats-card.js';
import type { WorkspaceStats } from '../src/contract/types.js';
import { ACME_ORG_ID, GULF_ORG_ID, NEWCO_ORG_ID, SAKURA_ORG_ID } from '../src/mocks/fixtures.js';
import { cardStateStories } from './helpers/card-states.js';
import { mockBackend, type MockBackend } from './support/mock-backend.js';

interface Args {
  orgId: string;
  locale: string;
  timeZone: string;
  accessDenied: 'notice' | 'hide';
  headingLevel: number;
  othersWarningRatio: number;
}

const meta: Meta<Args> = {
  title: 'Cards/Workspace stats card',
  component: 'workspace-stats-card',
  args: {
    orgId: ACME_ORG_ID,
    locale: 'en-US',
    timeZone: '',
    accessDenied: 'notice',
    headingLevel: 2,
    othersWarningRatio: 0.25,
  },
  argTypes: {
    orgId: { control: 'text', name: 'org-id' },
    locale: { control: 'text' },
    timeZone: { control: 'text', name: 'time-zone' },
    accessDenied: { control: 'inline-radio', options: ['notice', 'hide'], name: 'access-denied' },
    headingLevel: { control: { type: 'number', min: 1, max: 6 }, name: 'heading-level' },
    othersWarningRatio: {
      control: { type: 'range', min: 0, max: 1, step: 0.05 },
      name: 'others-warning-ratio',
    },
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
      <workspace-stats-card
        heading-level=${args.headingLevel}
        others-warning-ratio=${args.othersWarningRatio}
      ></workspace-stats-card>
    </org-dashboard-provider>
  `;
}

function story(backend: MockBackend, extra: Partial<Story> = {}): Story {
  return { render: inProvider(backend), parameters: { msw: backend.msw }, ...extra };
}

const ready = mockBackend();
/** 128 workspaces; "By state" opens the breakdown of the 13 in other states. */
export const Ready = story(ready);

const gulf = mockBackend();
/** More than half the workspaces are in other states: the card warns. Right to left, in Arabic. */
export const RightToLeftManyOthers = story(gulf, {
  args: { orgId: GULF_ORG_ID, locale: 'ar-KW', timeZone: 'Asia/Kuwait' },
  decorators: [(s) => html`<div dir="rtl" lang="ar">${s()}</div>`],
});

const sakura = mockBackend();
/** No `othersByState` in the data: no "By state" button. */
export const WithoutBreakdown = story(sakura, { args: { orgId: SAKURA_ORG_ID, locale: 'ja-JP' } });

const newco = mockBackend();
/** A new organization with no workspaces. */
export const Empty = story(newco, { args: { orgId: NEWCO_ORG_ID } });

const states = cardStateStories({ render: inProvider, endpoint: 'getWorkspaceStats' });
export const Loading = states.Loading;
export const Error = states.Error;
export const NetworkError = states.NetworkError;
export const NoAccess = states.NoAccess;
export const NoAccessHidden = states.NoAccessHidden;
export const Stale = states.Stale;

const live = mockBackend();
const LIVE_TICK_MS = 2000;
/** Workspaces start, pause and fail every two seconds, sent by the server as live snapshots. */
export const Live: Story = {
  ...story(live),
  play: async ({ canvasElement }) => {
    const card = canvasElement.querySelector('workspace-stats-card');
    if (!card) return;
    let tick = 0;
    const timer = setInterval(() => {
      // Story switched: the card left the page, so stop.
      if (!card.isConnected) return clearInterval(timer);
      tick += 1;
      const creating = 4 + (tick % 5);
      const failed = 3 + (tick % 3);
      const deploying = 6;
      const active = 97 + (tick % 7);
      const suspended = 18 - (tick % 4);
      const others = creating + deploying + failed;
      const data: WorkspaceStats = {
        total: active + suspended + others,
        active,
        suspended,
        others,
        othersByState: { creating, deploying, failed },
      };
      live.api.emit(ACME_ORG_ID, { topic: 'workspaces', data });
    }, LIVE_TICK_MS);
  },
};

const standalone = mockBackend();
/** No provider: the card's own `org-id` and `adapter`. */
export const Standalone: Story = {
  parameters: { msw: standalone.msw },
  render: (args) =>
    html`<workspace-stats-card
      org-id=${args.orgId}
      .adapter=${standalone.adapter}
      locale=${args.locale}
      others-warning-ratio=${args.othersWarningRatio}
    ></workspace-stats-card>`,
};

const controlledData: WorkspaceStats = {
  total: 1_234_567,
  active: 1_234_000,
  suspended: 0,
  others: 567,
  othersByState: { creating: 500, deploying: 60, needs_review: 7 },
};
/** Controlled: the host gives `data`; nothing is fetched. A very large total, an empty group, a tiny share. */
export const Controlled: Story = {
  render: (args) =>
    html`<workspace-stats-card
      .data=${controlledData}
      locale=${args.locale}
      others-warning-ratio=${args.othersWarningRatio}
    ></workspace-stats-card>`,
};

/** Controlled with data that breaks the contract (others ≠ total − active − suspended): a typed error, nothing thrown. */
export const ControlledInvalidData: Story = {
  render: () =>
    html`<workspace-stats-card
      .data=${{ total: 10, active: 6, suspended: 2, others: 5 } as WorkspaceStats}
    ></workspace-stats-card>`,
};

/** The empty state's content replaced through the `empty` slot. */
export const EmptySlot: Story = {
  render: () => html`
    <workspace-stats-card .data=${{ total: 0, active: 0, suspended: 0, others: 0 }}>
      <p slot="empty">Nothing running yet. <a href="#create">Create a workspace</a></p>
    </workspace-stats-card>
  `,
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
        workspacesTitle: 'Environments',
        workspacesTotal: 'environments in total',
        workspacesOthers: 'Needs a look',
        workspacesOthersWarning: 'Many environments need a look. Check recent deployments.',
      }}
    >
      <workspace-stats-card others-warning-ratio="0.05"></workspace-stats-card>
    </org-dashboard-provider>
  `,
};
