import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/org-dashboard-provider.js';
import '../src/define/workspace-stats-card.js';
import type { WorkspaceStats } from '../src/contract/types.js';
import { NEWCO_ORG_ID, SAKURA_ORG_ID, type FixtureOrgId } from '../src/mocks/fixtures.js';
import { cardMeta, type HeadedCardArgs } from './helpers/card-meta.js';
import { cardStateStories } from './helpers/card-states.js';
import { cardStories } from './helpers/card-stories.js';
import { everyTick } from './helpers/live.js';
import { mockBackend } from './support/mock-backend.js';

interface Args extends HeadedCardArgs {
  othersWarningRatio: number;
}

const meta: Meta<Args> = {
  title: 'Cards/Workspace stats card',
  component: 'workspace-stats-card',
  ...cardMeta({
    own: {
      othersWarningRatio: [
        0.25,
        { control: { type: 'range', min: 0, max: 1, step: 0.05 }, name: 'others-warning-ratio' },
      ],
    },
  }),
};
export default meta;

type Story = StoryObj<Args>;

const card = cardStories<Args>(
  'workspace-stats-card',
  (args) => html`
    <workspace-stats-card
      heading-level=${args.headingLevel}
      others-warning-ratio=${args.othersWarningRatio}
    ></workspace-stats-card>
  `,
);
const { inProvider, story } = card;

const ready = mockBackend();
/** 128 workspaces; "By state" opens the breakdown of the 13 in other states. */
export const Ready = story(ready);

/** More than half the workspaces are in other states: the card warns. Right to left, in Arabic. */
export const RightToLeftManyOthers = card.rightToLeft();

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
export const Live = story(live, {
  beforeEach: ({ args }) =>
    everyTick(LIVE_TICK_MS, (tick) => {
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
      live.api.emit(args.orgId as FixtureOrgId, { topic: 'workspaces', data });
    }),
});

/** No provider: the card's own `org-id` and `adapter`. */
export const Standalone = card.standalone(
  (args, adapter) =>
    html`<workspace-stats-card
      org-id=${args.orgId}
      .adapter=${adapter}
      locale=${args.locale}
      others-warning-ratio=${args.othersWarningRatio}
    ></workspace-stats-card>`,
);

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
export const ControlledInvalidData = card.invalidData({ total: 10, active: 6, suspended: 2, others: 5 });

/** The empty state's content replaced through the `empty` slot. */
export const EmptySlot: Story = {
  render: () => html`
    <workspace-stats-card .data=${{ total: 0, active: 0, suspended: 0, others: 0 }}>
      <p slot="empty">Nothing running yet. <a href="#create">Create a workspace</a></p>
    </workspace-stats-card>
  `,
};

/** Every text can be replaced, here through the provider. */
export const CustomStrings = card.customStrings(
  {
    workspacesTitle: 'Environments',
    workspacesTotal: 'environments in total',
    workspacesOthers: 'Needs a look',
    workspacesOthersWarning: 'Many environments need a look. Check recent deployments.',
  },
  () => html`<workspace-stats-card others-warning-ratio="0.05"></workspace-stats-card>`,
);
