import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/org-dashboard-provider.js';
import '../src/define/announcements-panel.js';
import type { Announcement } from '../src/contract/types.js';
import { dismissalKey } from '../src/elements/announcements-panel/dismissals.js';
import { ACME_ORG_ID, type FixtureOrgId } from '../src/mocks/fixtures.js';
import { cardMeta, type HeadedCardArgs } from './helpers/card-meta.js';
import { cardStateStories, emptyStory } from './helpers/card-states.js';
import { cardStories, viewerTimeZone } from './helpers/card-stories.js';
import { everyTick } from './helpers/live.js';
import { mockBackend } from './support/mock-backend.js';

interface Args extends HeadedCardArgs {
  userId: string;
}

const meta: Meta<Args> = {
  title: 'Cards/Announcements panel',
  component: 'announcements-panel',
  ...cardMeta({
    viewer: { userId: ['user_storybook', { control: 'text', name: 'user-id' }] },
    maxWidth: 440,
  }),
};
export default meta;

type Story = StoryObj<Args>;

const card = cardStories<Args>(
  'announcements-panel',
  (args) =>
    html`<announcements-panel
      user-id=${args.userId}
      heading-level=${args.headingLevel}
    ></announcements-panel>`,
);
const { inProvider, story } = card;

/**
 * Forgets what a story's viewer dismissed, before and after it, so every
 * visit starts the same (dismissals persist in localStorage by design).
 */
function freshDismissals(orgId: string, userId: string, dismissed: string[] = []): () => void {
  const key = dismissalKey(orgId, userId);
  const write = (ids: string[]) => {
    try {
      if (ids.length) localStorage.setItem(key, JSON.stringify(ids));
      else localStorage.removeItem(key);
    } catch {
      // Storage disabled: the panel copes, and so does the story.
    }
  };
  write(dismissed);
  return () => write([]);
}

/** `freshDismissals` for the story's own org and viewer, as a `beforeEach`. */
const forgetDismissals = ({ args }: { args: Args }) => freshDismissals(args.orgId, args.userId);

const ready = mockBackend();
/** ACME: an org notice, upcoming maintenance, a release, a feature, a critical update and a past maintenance. Dismiss some, then "Show dismissed". */
export const Ready = story(ready, { beforeEach: forgetDismissals });

const states = cardStateStories<Args>({
  render: inProvider,
  endpoint: 'listAnnouncements',
  noun: 'panel',
  kept: 'announcements',
  extra: { Stale: { beforeEach: forgetDismissals } },
});
export const Loading = states.Loading;
export const Error = states.Error;
export const NetworkError = states.NetworkError;
export const NoAccess = states.NoAccess;
export const NoAccessHidden = states.NoAccessHidden;
export const Stale = states.Stale;
export const Empty = emptyStory(
  inProvider,
  (backend) => (backend.api.data[ACME_ORG_ID].announcements = []),
  'No announcements at all.',
);

const allDismissed = mockBackend();
/** The viewer dismissed every announcement: a different message, and "Show dismissed" brings them back. */
export const AllDismissed = story(allDismissed, {
  args: { userId: 'user_dismissed_all' },
  beforeEach: ({ args }) =>
    freshDismissals(
      args.orgId,
      args.userId,
      allDismissed.api.data[args.orgId as FixtureOrgId]?.announcements.map((a) => a.id) ?? [],
    ),
});

/** Arabic, right to left, in Kuwait's time zone: an upcoming regional maintenance window. */
export const RightToLeft = card.rightToLeft({ args: { userId: 'user_rtl' }, beforeEach: forgetDismissals });

/** Japanese, in Tokyo: the maintenance window in Tokyo time. */
export const Japanese = card.japanese({ args: { userId: 'user_ja' }, beforeEach: forgetDismissals });

const liveBackend = mockBackend();
/** New announcements arrive every few seconds, and the maintenance notice changes, without a flash. */
export const Live = story(liveBackend, {
  args: { userId: 'user_live' },
  beforeEach: ({ args }) => {
    const forget = freshDismissals(args.orgId, args.userId);
    const orgId = args.orgId as FixtureOrgId;
    const stop = everyTick(4000, (sequence) => {
      if (sequence % 3 === 0) {
        const maintenance = liveBackend.api.data[orgId]?.announcements.find(
          (a) => a.id === 'ann_maintenance_upcoming',
        );
        if (maintenance) {
          liveBackend.api.emit(orgId, {
            topic: 'announcements',
            data: { ...maintenance, body: `${maintenance.body}\nUpdate ${sequence / 3}: still on schedule.` },
          });
        }
        return;
      }
      liveBackend.api.emit(orgId, {
        topic: 'announcements',
        data: {
          id: `ann_live_${sequence}`,
          kind: 'release',
          title: `Platform 4.12.${sequence} released`,
          body: 'A patch release with fixes for workspace start-up.',
          publishedAt: new Date().toISOString(),
          severity: 'info',
          url: `/changelog/4-12-${sequence}`,
        },
      });
    });
    return () => {
      stop();
      forget();
    };
  },
});

/** No provider: the panel's own `org-id` and `adapter`. */
export const Standalone = card.standalone(
  (args, adapter) =>
    html`<announcements-panel
      org-id=${args.orgId}
      user-id=${args.userId}
      .adapter=${adapter}
      locale=${args.locale}
      time-zone=${args.timeZone || viewerTimeZone()}
    ></announcements-panel>`,
  { beforeEach: forgetDismissals },
);

const HOUR = 3600_000;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const controlledData: Announcement[] = [
  {
    id: 'c_ongoing',
    kind: 'maintenance',
    title: 'Database maintenance in progress',
    body: 'Backups are paused.\nRunning workspaces are not affected.',
    publishedAt: at(-2 * HOUR),
    severity: 'critical',
    url: 'https://status.example.com/incidents/123',
    window: { start: at(-HOUR), end: at(HOUR) },
  },
  {
    id: 'c_overnight',
    kind: 'maintenance',
    title: 'Overnight network maintenance',
    body: 'Short interruptions of outbound traffic are possible.',
    publishedAt: at(-20 * HOUR),
    severity: 'warning',
    window: { start: at(30 * HOUR), end: at(36 * HOUR) },
  },
  {
    id: 'c_markup',
    kind: 'feature',
    title: 'Templates with placeholders',
    body: 'Bodies are plain text: <b>this is not bold</b>, <workspace> stays as typed.',
    publishedAt: at(-3 * 24 * HOUR),
    // Never linked: not http(s).
    url: 'javascript:alert(1)',
  },
];
/** Controlled: the host gives `data`; nothing is fetched. An ongoing window, an overnight one, markup shown as text, an unsafe URL left unlinked. */
export const Controlled: Story = {
  args: { userId: 'user_controlled' },
  beforeEach: () => freshDismissals('', 'user_controlled'),
  render: (args) =>
    html`<announcements-panel
      .data=${controlledData}
      user-id=${args.userId}
      locale=${args.locale}
      time-zone=${args.timeZone || viewerTimeZone()}
    ></announcements-panel>`,
};

/** Controlled with data that breaks the contract: a clear state, a typed error, nothing thrown. */
export const ControlledInvalidData = card.invalidData([
  { id: 'x', kind: 'gossip', title: '', publishedAt: 'soon' },
]);

/** Every text can be replaced, here through the provider. */
export const CustomStrings = card.customStrings(
  {
    announcementsTitle: 'What’s new',
    announcementsKindFeature: 'Feature',
    announcementsLearnMore: 'Details',
    announcementsLearnMoreLabel: 'Details: {title}',
  },
  (args) => html`<announcements-panel user-id=${args.userId}></announcements-panel>`,
  { args: { userId: 'user_custom' }, beforeEach: forgetDismissals },
);
