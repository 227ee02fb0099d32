import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/org-dashboard-provider.js';
import '../src/define/announcements-panel.js';
import type { Announcement } from '../src/contract/types.js';
import { dismissalKey } from '../src/elements/announcements-panel/dismissals.js';
import { ACME_ORG_ID, GULF_ORG_ID, SAKURA_ORG_ID, type FixtureOrgId } from '../src/mocks/fixtures.js';
import { cardStateStories, emptyStory } from './helpers/card-states.js';
import { mockBackend, type MockBackend } from './support/mock-backend.js';

interface Args {
  orgId: string;
  userId: string;
  locale: string;
  timeZone: string;
  accessDenied: 'notice' | 'hide';
  headingLevel: number;
}

const meta: Meta<Args> = {
  title: 'Cards/Announcements panel',
  component: 'announcements-panel',
  args: {
    orgId: ACME_ORG_ID,
    userId: 'user_storybook',
    locale: 'en-US',
    timeZone: '',
    accessDenied: 'notice',
    headingLevel: 2,
  },
  argTypes: {
    orgId: { control: 'text', name: 'org-id' },
    userId: { control: 'text', name: 'user-id' },
    locale: { control: 'text' },
    timeZone: { control: 'text', name: 'time-zone' },
    accessDenied: { control: 'inline-radio', options: ['notice', 'hide'], name: 'access-denied' },
    headingLevel: { control: { type: 'number', min: 1, max: 6 }, name: 'heading-level' },
  },
  decorators: [(story) => html`<div style="max-width: 440px">${story()}</div>`],
};
export default meta;

type Story = StoryObj<Args>;

const viewerTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Inside a provider, the usual way. */
function inProvider(backend: MockBackend): Story['render'] {
  return (args) => html`
    <org-dashboard-provider
      org-id=${args.orgId}
      .adapter=${backend.adapter}
      locale=${args.locale}
      time-zone=${args.timeZone || viewerTimeZone()}
      access-denied=${args.accessDenied}
    >
      <announcements-panel user-id=${args.userId} heading-level=${args.headingLevel}></announcements-panel>
    </org-dashboard-provider>
  `;
}

function story(backend: MockBackend, extra: Partial<Story> = {}): Story {
  return { render: inProvider(backend), parameters: { msw: backend.msw }, ...extra };
}

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

const ready = mockBackend();
/** ACME: an org notice, upcoming maintenance, a release, a feature, a critical update and a past maintenance. Dismiss some, then "Show dismissed". */
export const Ready = story(ready, {
  beforeEach: ({ args }) => freshDismissals(args.orgId, args.userId),
});

const states = cardStateStories<Args>({
  render: inProvider,
  endpoint: 'listAnnouncements',
  noun: 'panel',
  kept: 'announcements',
  extra: { Stale: { beforeEach: ({ args }) => freshDismissals(args.orgId, args.userId) } },
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

const gulf = mockBackend();
/** Arabic, right to left, in Kuwait's time zone: an upcoming regional maintenance window. */
export const RightToLeft = story(gulf, {
  args: { orgId: GULF_ORG_ID, locale: 'ar-KW', timeZone: 'Asia/Kuwait', userId: 'user_rtl' },
  beforeEach: ({ args }) => freshDismissals(args.orgId, args.userId),
  decorators: [(s) => html`<div dir="rtl" lang="ar">${s()}</div>`],
});

const sakura = mockBackend();
/** Japanese, in Tokyo: the maintenance window in Tokyo time. */
export const Japanese = story(sakura, {
  args: { orgId: SAKURA_ORG_ID, locale: 'ja-JP', timeZone: 'Asia/Tokyo', userId: 'user_ja' },
  beforeEach: ({ args }) => freshDismissals(args.orgId, args.userId),
});

const liveBackend = mockBackend();
/** New announcements arrive every few seconds, and the maintenance notice changes, without a flash. */
export const Live = story(liveBackend, {
  args: { userId: 'user_live' },
  beforeEach: ({ args }) => {
    const forget = freshDismissals(args.orgId, args.userId);
    const orgId = args.orgId as FixtureOrgId;
    let sequence = 0;
    const timer = setInterval(() => {
      sequence += 1;
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
    }, 4000);
    return () => {
      clearInterval(timer);
      forget();
    };
  },
});

const standalone = mockBackend();
/** No provider: the panel's own `org-id` and `adapter`. */
export const Standalone: Story = {
  parameters: { msw: standalone.msw },
  beforeEach: ({ args }) => freshDismissals(args.orgId, args.userId),
  render: (args) =>
    html`<announcements-panel
      org-id=${args.orgId}
      user-id=${args.userId}
      .adapter=${standalone.adapter}
      locale=${args.locale}
      time-zone=${args.timeZone || viewerTimeZone()}
    ></announcements-panel>`,
};

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
export const ControlledInvalidData: Story = {
  render: () =>
    html`<announcements-panel
      .data=${[{ id: 'x', kind: 'gossip', title: '', publishedAt: 'soon' }] as never}
    ></announcements-panel>`,
};

const custom = mockBackend();
/** Every text can be replaced, here through the provider. */
export const CustomStrings: Story = {
  parameters: { msw: custom.msw },
  args: { userId: 'user_custom' },
  beforeEach: ({ args }) => freshDismissals(args.orgId, args.userId),
  render: (args) => html`
    <org-dashboard-provider
      org-id=${args.orgId}
      .adapter=${custom.adapter}
      .strings=${{
        announcementsTitle: 'What’s new',
        announcementsKindFeature: 'Feature',
        announcementsLearnMore: 'Details',
        announcementsLearnMoreLabel: 'Details: {title}',
      }}
    >
      <announcements-panel user-id=${args.userId}></announcements-panel>
    </org-dashboard-provider>
  `,
};
