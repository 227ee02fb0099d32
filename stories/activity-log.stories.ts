import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/define/org-dashboard-provider.js';
import '../src/define/activity-log.js';
import { createMemoryAdapter, type MemoryAdapter } from '../src/adapters/memory.js';
import type { Activity, DashboardAdapter } from '../src/contract/types.js';
import { ACME_ORG_ID, createDataset } from '../src/mocks/fixtures.js';
import { cardMeta, type CardArgs } from './helpers/card-meta.js';
import { cardStories } from './helpers/card-stories.js';
import { emitActivities } from './helpers/live.js';
import { failOnEachVisit, mockBackend, silentBackend, type MockBackend } from './support/mock-backend.js';

interface Args extends CardArgs {
  resourceType: string;
  action: string;
  from: string;
  to: string;
  query: string;
}

const meta: Meta<Args> = {
  title: 'Cards/Activity log',
  component: 'activity-log',
  ...cardMeta({
    heading: false,
    maxWidth: 760,
    own: {
      resourceType: ['', { control: 'text', name: 'resource-type' }],
      action: ['', { control: 'text' }],
      from: ['', { control: 'text' }],
      to: ['', { control: 'text' }],
      query: ['', { control: 'text' }],
    },
  }),
};
export default meta;

type Story = StoryObj<Args>;

const card = cardStories<Args>(
  'activity-log',
  (args) => html`
    <activity-log
      resource-type=${ifDefined(args.resourceType || undefined)}
      action=${ifDefined(args.action || undefined)}
      from=${ifDefined(args.from || undefined)}
      to=${ifDefined(args.to || undefined)}
      query=${ifDefined(args.query || undefined)}
    ></activity-log>
  `,
);
const { inProvider, story } = card;

const ready = mockBackend();
/** Scroll for more (a page at a time), filter, search, or export what matches to CSV. */
export const Ready = story(ready);

const filtered = mockBackend();
/** The filters come from attributes, so a host can keep them in its URL. */
export const Filtered = story(filtered, { args: { resourceType: 'Workspaces', action: 'Update' } });

const loading = silentBackend();
/** The skeleton has the final size, so nothing moves when entries arrive. */
export const Loading = story(loading);

const empty = mockBackend();
empty.api.data[ACME_ORG_ID].activities = [];
export const Empty = story(empty);

const noMatches = mockBackend();
/** Nothing matches: "Clear filters" shows everything again. */
export const NoMatches = story(noMatches, { args: { query: 'nothing like this' } });

// Failed anew on every visit (see `failOnEachVisit`).
const failing = failOnEachVisit(mockBackend(), 'listActivities', 500, 2);
/** The server failed; Retry asks again (and this time it answers). */
export const Error = story(failing, { beforeEach: failing.arm });

const forbidden = mockBackend();
forbidden.api.failNext('listActivities', 403, Number.MAX_SAFE_INTEGER);
export const NoAccess = story(forbidden);

const hidden = mockBackend();
hidden.api.failNext('listActivities', 403, Number.MAX_SAFE_INTEGER);
/** With `access-denied="hide"` the log takes no space at all. */
export const NoAccessHidden = story(hidden, {
  args: { accessDenied: 'hide' },
  render: (args) =>
    html`<p>The log below is hidden:</p>
      ${inProvider(hidden)!(args, {} as never)}
      <p>(end)</p>`,
});

const stale = mockBackend();
stale.api.failNext('subscribe', 503, Number.MAX_SAFE_INTEGER);
/** The live connection keeps failing: the entries stay, with when they were last updated. */
export const Stale = story(stale);

const liveBackend = mockBackend();
/**
 * A new entry every two seconds. At the top it shows up at once; scroll down
 * and it waits behind a "New entries" button, so what you read stays put.
 */
export const Live = story(liveBackend, {
  beforeEach: () => emitActivities(liveBackend.api, ACME_ORG_ID, 2000),
});

/** The backend's adapter, its pages saying (and showing) that entries are kept `days` days. */
function keptFor(backend: MockBackend, days: number): { adapter: DashboardAdapter } {
  const { adapter } = backend;
  return {
    adapter: {
      ...adapter,
      listActivities: async (orgId, filter) => {
        const page = await adapter.listActivities(orgId, filter);
        const since = Date.now() - days * 86_400_000;
        return {
          ...page,
          items: page.items.filter((a) => Date.parse(a.occurredAt) >= since),
          retentionDays: days,
        };
      },
    },
  };
}

const retention = mockBackend();
/**
 * The server keeps entries 30 days (`retentionDays` in its pages): a note says so, and the date
 * inputs start at the first day still kept, in the viewer's time zone. An earlier day picked in
 * From or To is refused by the input.
 */
export const Retention: Story = {
  parameters: { msw: retention.msw },
  render: inProvider(keptFor(retention, 30)),
};

const retentionFrom = mockBackend();
/** The host set a `from` (from its URL) before the first day kept: shown as it is, and the note says older entries are gone. */
export const RetentionFromBeforeIt: Story = {
  args: { from: '2020-01-01' },
  parameters: { msw: retentionFrom.msw },
  render: inProvider(keptFor(retentionFrom, 30)),
};

const retentionArabic = mockBackend();
/** The note in Arabic, right to left (the plural form for 2). */
export const RetentionRightToLeft = card.rightToLeft({
  render: (args, context) => inProvider(keptFor(retentionArabic, 2))!(args, context),
  parameters: { msw: retentionArabic.msw },
});

let huge: MemoryAdapter | undefined;
/** 100,000 entries in memory, created on first use. */
function hugeAdapter(): MemoryAdapter {
  huge ??= createMemoryAdapter(createDataset({ activitiesPerOrg: 100_000, orgs: [ACME_ORG_ID] }));
  return huge;
}

/**
 * 100,000 entries (the memory adapter), with one arriving live every three
 * seconds: pages load as you scroll, and the DOM only ever holds the rows in view.
 */
export const HundredThousand: Story = {
  render: (args, context) => inProvider({ adapter: hugeAdapter() })!(args, context),
  beforeEach: () => emitActivities(hugeAdapter(), ACME_ORG_ID, 3000),
};

const scanning = mockBackend();
/**
 * A server that filters after a bounded scan: pages with no entries that still have a cursor. The log
 * reads on by itself, then after 10 such pages in a row stops with a note and Load more.
 */
export const PausedAfterEmptyPages: Story = {
  parameters: { msw: scanning.msw },
  render: (args, context) =>
    inProvider({
      adapter: {
        ...scanning.adapter,
        listActivities: (_orgId, filter) =>
          Promise.resolve({ items: [], nextCursor: String(Number(filter?.cursor ?? 0) + 50) }),
      },
    })!(args, context),
};

/** No provider: the log's own `org-id` and `adapter`. */
export const Standalone = card.standalone(
  (args, adapter) =>
    html`<activity-log org-id=${args.orgId} .adapter=${adapter} locale=${args.locale}></activity-log>`,
);

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const controlledData: Activity[] = Array.from({ length: 500 }, (_, i) => ({
  id: `c${i}`,
  resourceType: ['Workspaces', 'Invoices', 'Plans', 'Organization'][i % 4],
  action: ['Create', 'Update', 'Delete', 'Fetch'][Math.floor(i / 4) % 4],
  occurredAt: minutesAgo(i * 7),
  actor: { name: i % 3 ? 'Ada Lovelace' : 'Grace Hopper' },
  resourceName: i % 5 ? `item-${i}` : '=HYPERLINK("http://example.com")',
}));

/** Controlled: 500 entries given in `data`, filtered here; the CSV escapes the formula-like names. */
export const Controlled: Story = {
  render: (args) =>
    html`<activity-log
      .data=${controlledData}
      locale=${args.locale}
      resource-type=${ifDefined(args.resourceType || undefined)}
      query=${ifDefined(args.query || undefined)}
    ></activity-log>`,
};

/** Controlled with data that fails validation: the error state, and no Retry (nothing to fetch). */
export const InvalidData = card.invalidData([{ id: 1 }]);
