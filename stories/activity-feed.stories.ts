import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/org-dashboard-provider.js';
import '../src/define/activity-feed.js';
import type { Activity } from '../src/contract/types.js';
import { ACME_ORG_ID } from '../src/mocks/fixtures.js';
import { cardMeta, type HeadedCardArgs } from './helpers/card-meta.js';
import { cardStateStories, emptyStory } from './helpers/card-states.js';
import { cardStories } from './helpers/card-stories.js';
import { emitActivities } from './helpers/live.js';
import { mockBackend } from './support/mock-backend.js';

interface Args extends HeadedCardArgs {
  limit: number;
}

const meta: Meta<Args> = {
  title: 'Cards/Activity feed',
  component: 'activity-feed',
  ...cardMeta({ own: { limit: [5, { control: { type: 'number', min: 1, max: 50 } }] } }),
};
export default meta;

type Story = StoryObj<Args>;

/** The feed with its attributes from the args, and a `style` for its tokens. */
const feed = (args: Args, style = '') =>
  html`<activity-feed heading-level=${args.headingLevel} limit=${args.limit} style=${style}></activity-feed>`;

const card = cardStories<Args>('activity-feed', feed);
const { inProvider, story } = card;

const ready = mockBackend();
/** The five latest entries; hover or Tab to a time for the exact date and time. */
export const Ready = story(ready);

const states = cardStateStories({
  render: inProvider,
  endpoint: 'listActivities',
  kept: 'entries',
});
export const Loading = states.Loading;
export const Error = states.Error;
export const NetworkError = states.NetworkError;
export const NoAccess = states.NoAccess;
export const NoAccessHidden = states.NoAccessHidden;
export const Stale = states.Stale;
export const Empty = emptyStory(
  inProvider,
  (backend) => (backend.api.data[ACME_ORG_ID].activities = []),
  'No activity yet.',
);

const liveBackend = mockBackend();
/** A new entry arrives live every three seconds, at the top; the others move down without a flash. */
export const Live = story(liveBackend, {
  beforeEach: () => emitActivities(liveBackend.api, ACME_ORG_ID, 3000),
});

const scrolling = mockBackend();
/**
 * Twenty entries in a list that scrolls (`--od-activity-feed-max-height`),
 * with one arriving every two seconds: scroll down and what you read stays put.
 */
export const ScrollingLive = story(scrolling, {
  args: { limit: 20 },
  render: inProvider(scrolling, { card: (args) => feed(args, '--od-activity-feed-max-height: 280px') }),
  beforeEach: () => emitActivities(scrolling.api, ACME_ORG_ID, 2000),
});

const many = mockBackend();
/** Up to 50 (the latest the store keeps). */
export const Limit = story(many, { args: { limit: 12 } });

/** Arabic, right to left, in Kuwait's time zone; names from data shown as they are. */
export const RightToLeft = card.rightToLeft();

export const Japanese = card.japanese();

/**
 * With an `activityLog` URL template "Show more" is a real link. Here a host
 * router takes over: it cancels the event and says where it would go.
 */
export const WithLinks = card.withLinks(
  { activityLog: '/organizations/{orgId}/activity' },
  ['od-show-more-activities'],
  'Activate “Show more”.',
);

/** No provider: the card's own `org-id` and `adapter`. */
export const Standalone = card.standalone(
  (args, adapter) =>
    html`<activity-feed
      org-id=${args.orgId}
      .adapter=${adapter}
      locale=${args.locale}
      limit=${args.limit}
    ></activity-feed>`,
);

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const controlledData: Activity[] = [
  {
    id: 'c1',
    resourceType: 'Workspaces',
    action: 'Create',
    occurredAt: minutesAgo(5),
    actor: { name: 'Ada Lovelace' },
    resourceName: 'staging-eu',
  },
  { id: 'c2', resourceType: 'Invoices', action: 'Fetch All', occurredAt: minutesAgo(95) },
  {
    id: 'c3',
    resourceType: 'Plans',
    action: 'Update',
    occurredAt: minutesAgo(60 * 26),
    actor: { name: 'Grace Hopper' },
    resourceName: 'Enterprise',
  },
  {
    id: 'c4',
    resourceType: 'API keys',
    action: 'Rotate',
    occurredAt: minutesAgo(60 * 24 * 9),
    actor: { name: 'CI bot' },
  },
];
/** Controlled: the host gives `data` (any order; shown newest first); nothing is fetched. */
export const Controlled: Story = {
  render: (args) =>
    html`<activity-feed .data=${controlledData} locale=${args.locale} limit=${args.limit}></activity-feed>`,
};

/** Controlled with an empty array. */
export const ControlledEmpty: Story = {
  render: (args) => html`<activity-feed .data=${[]} locale=${args.locale}></activity-feed>`,
};

/** Controlled with data that breaks the contract: a clear state, a typed error, nothing thrown. */
export const ControlledInvalidData = card.invalidData([
  { id: 'x', resourceType: '', occurredAt: 'last Tuesday' },
]);

/** Every text can be replaced, here through the provider (word order too: the pieces are placeholders). */
export const CustomStrings = card.customStrings(
  {
    activityTitle: 'What happened',
    activitySummary: '{action} on {resourceType}',
    activitySummaryWithName: '{action} on {resourceType} “{resourceName}”',
    activityBy: '— {actor}',
    activityShowMore: 'Open the full log',
  },
  () => html`<activity-feed></activity-feed>`,
);
