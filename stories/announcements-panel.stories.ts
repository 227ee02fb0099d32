import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/org-dashboard-provider.js';
import '../src/define/announcements-panel.js';
import type { Announcement } from '../src/contract/types.js';
import { dismissalKey, forgetDismissalsInMemory } from '../src/elements/announcements-panel/dismissals.js';
import { readMarkKey } from '../src/elements/announcements-panel/read-mark.js';
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

/** Sets (or with undefined removes) a stored value; storage that is disabled is left alone. */
function store(key: string, value: string | undefined): void {
  try {
    if (value === undefined) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage disabled: the panel copes, and so does the story.
  }
}

/**
 * Gives a story's viewer these dismissals and this read mark (none: a first
 * visit), before it, and forgets both after it, so every visit starts the
 * same (both persist in localStorage by design).
 */
function freshDismissals(
  orgId: string,
  userId: string,
  dismissed: string[] = [],
  readAt?: number,
): () => void {
  const dismissals = dismissalKey(orgId, userId);
  const mark = readMarkKey(orgId, userId);
  // What earlier stories left in this page's memory would win over storage.
  forgetDismissalsInMemory();
  store(dismissals, dismissed.length ? JSON.stringify(dismissed) : undefined);
  store(mark, readAt === undefined ? undefined : new Date(readAt).toISOString());
  return () => {
    store(dismissals, undefined);
    store(mark, undefined);
    forgetDismissalsInMemory();
  };
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

const MINUTE = 60_000;
const DAY = 24 * HOUR;

// Read state, on ACME's announcements (src/mocks: from hours to weeks old).

const newAnnouncements = mockBackend();
/** The viewer last marked the panel read 3 days ago: what came since carries "New", the header says how many, and "Mark all as read" clears them. */
export const NewAnnouncements = story(newAnnouncements, {
  args: { userId: 'user_returning' },
  beforeEach: ({ args }) => freshDismissals(args.orgId, args.userId, [], Date.now() - 3 * DAY),
});

const noneNew = mockBackend();
/** The viewer marked the panel read just before: nothing is new, so no count and no "Mark all as read". */
export const NoneNew = story(noneNew, {
  args: { userId: 'user_up_to_date' },
  beforeEach: ({ args }) => freshDismissals(args.orgId, args.userId, [], Date.now()),
});

const firstVisit = mockBackend();
/** A viewer with no read mark yet: the last 14 days' announcements are new, older ones are not. */
export const FirstVisit = story(firstVisit, {
  args: { userId: 'user_first_visit' },
  beforeEach: ({ args }) => freshDismissals(args.orgId, args.userId),
});

/** Resolves with the first element `find` returns, looking again on every frame for up to 10 s. */
function whenShown<T>(find: () => T | null | undefined): Promise<T | undefined> {
  const until = performance.now() + 10_000;
  return new Promise((resolve) => {
    const look = () => {
      const found = find();
      if (found || performance.now() > until) resolve(found ?? undefined);
      else requestAnimationFrame(look);
    };
    look();
  });
}

const afterMarkingRead = mockBackend();
/** A first visit, then "Mark all as read" (pressed by the story): no "New" left, the status region has said so, and focus stayed in the panel. */
export const AfterMarkingRead = story(afterMarkingRead, {
  args: { userId: 'user_marked_read' },
  beforeEach: ({ args }) => freshDismissals(args.orgId, args.userId),
  play: async ({ canvasElement }) => {
    const panel = await whenShown(() => canvasElement.querySelector('announcements-panel'));
    const button = await whenShown(() =>
      panel?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="mark-read"]'),
    );
    button?.click();
  },
});

/** Fails every use of localStorage for the panel's keys, as private modes and full quotas do; returns the undo. */
function refuseStorage(): () => void {
  const { getItem, setItem, removeItem } = Storage.prototype;
  const refused = (key: string) => String(key).startsWith('od-announcements-');
  const fail = () => {
    throw new DOMException('Storage is disabled for this story.', 'SecurityError');
  };
  Storage.prototype.getItem = function (key) {
    return refused(key) ? fail() : getItem.call(this, key);
  };
  Storage.prototype.setItem = function (key, value) {
    return refused(key) ? fail() : setItem.call(this, key, value);
  };
  Storage.prototype.removeItem = function (key) {
    return refused(key) ? fail() : removeItem.call(this, key);
  };
  return () => Object.assign(Storage.prototype, { getItem, setItem, removeItem });
}

const storageUnavailable = mockBackend();
/** Storage refuses every read and write (private mode, full quota, disabled): the panel still works, and dismissals and "Mark all as read" last until the page is reloaded. */
export const StorageUnavailable = story(storageUnavailable, {
  args: { userId: 'user_no_storage' },
  beforeEach: ({ args }) => {
    const forget = freshDismissals(args.orgId, args.userId);
    const allow = refuseStorage();
    return () => {
      allow();
      forget();
    };
  },
});

// Maintenance windows: controlled data, timed from when the story renders.

/** A maintenance announcement with a window from `start` to `end` (ms from now), published `ago` ms before now. */
function maintenance(id: string, title: string, start: number, end: number, ago = DAY): Announcement {
  const now = Date.now();
  return {
    id,
    kind: 'maintenance',
    title,
    body: 'Creating, deploying and resizing workspaces is paused during the window. Running workspaces are not affected.',
    publishedAt: new Date(now - ago).toISOString(),
    severity: 'warning',
    window: { start: new Date(now + start).toISOString(), end: new Date(now + end).toISOString() },
  };
}

/** A controlled panel of `list()`, built when the story renders so its windows are timed from now. */
function maintenanceStory(list: () => Announcement[], args: Partial<Args> = {}): Story {
  const userId = args.userId ?? 'user_maintenance';
  return {
    args: { userId, ...args },
    beforeEach: () => freshDismissals('', userId, [], Date.now()),
    render: (storyArgs) =>
      html`<announcements-panel
        .data=${list()}
        user-id=${storyArgs.userId}
        locale=${storyArgs.locale}
        time-zone=${storyArgs.timeZone || viewerTimeZone()}
      ></announcements-panel>`,
  };
}

/** Upcoming windows: later today, in two days, and one next month (a date). */
export const MaintenanceUpcoming = maintenanceStory(() => [
  maintenance('m_today', 'Database failover test', 3 * HOUR, 3 * HOUR + 30 * MINUTE, 2 * HOUR),
  maintenance('m_soon', 'Control plane upgrade', 2 * DAY, 2 * DAY + 3 * HOUR, DAY),
  maintenance('m_later', 'Storage migration in eu-central', 33 * DAY, 33 * DAY + 6 * HOUR, 3 * DAY),
]);

/** Windows in progress: "In progress, ends in 1 hr, 20 min", counting down on the page's one clock (every 30 s); one that runs for days. */
export const MaintenanceInProgress = maintenanceStory(() => [
  maintenance('m_now', 'Control plane upgrade', -40 * MINUTE, HOUR + 20 * MINUTE, 5 * HOUR),
  maintenance('m_long', 'Storage migration in eu-central', -DAY, 2 * DAY + 3 * HOUR, 4 * DAY),
]);

/** Windows that have ended: "Completed", with the day and times they ran. */
export const MaintenanceCompleted = maintenanceStory(() => [
  maintenance('m_done', 'Control plane upgrade', -3 * HOUR, -HOUR, 2 * DAY),
  maintenance('m_done_old', 'Network maintenance in eu-central', -26 * DAY, -26 * DAY + 2 * HOUR, 29 * DAY),
]);

/** Arabic, right to left, in Kuwait: a window in progress and its time left, in Arabic units. */
export const RightToLeftInProgress: Story = {
  ...maintenanceStory(
    () => [
      {
        ...maintenance(
          'm_ar',
          'صيانة مجدولة لمنطقة الشرق الأوسط',
          -30 * MINUTE,
          2 * HOUR + 15 * MINUTE,
          HOUR,
        ),
        body: 'ستخضع منطقة me-central لصيانة مجدولة. قد تتأخر عمليات النشر الجديدة خلال فترة الصيانة.',
      },
    ],
    { userId: 'user_rtl_maintenance', locale: 'ar-KW', timeZone: 'Asia/Kuwait' },
  ),
  beforeEach: () => freshDismissals('', 'user_rtl_maintenance'),
  decorators: [(s) => html`<div dir="rtl" lang="ar">${s()}</div>`],
};
