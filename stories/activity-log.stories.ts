import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/define/org-dashboard-provider.js';
import '../src/define/activity-log.js';
import { createMemoryAdapter, type MemoryAdapter } from '../src/adapters/memory.js';
import type { Activity, DashboardAdapter } from '../src/contract/types.js';
import { ACME_ORG_ID, createActivity, createDataset, type FixtureOrgId } from '../src/mocks/fixtures.js';
import { FOREVER_MS, mockBackend } from './support/mock-backend.js';

interface Args {
  orgId: string;
  locale: string;
  timeZone: string;
  accessDenied: 'notice' | 'hide';
  resourceType: string;
  action: string;
  from: string;
  to: string;
  query: string;
}

const meta: Meta<Args> = {
  title: 'Cards/Activity log',
  component: 'activity-log',
  args: {
    orgId: ACME_ORG_ID,
    locale: 'en-US',
    timeZone: '',
    accessDenied: 'notice',
    resourceType: '',
    action: '',
    from: '',
    to: '',
    query: '',
  },
  argTypes: {
    orgId: { control: 'text', name: 'org-id' },
    locale: { control: 'text' },
    timeZone: { control: 'text', name: 'time-zone' },
    accessDenied: { control: 'inline-radio', options: ['notice', 'hide'], name: 'access-denied' },
    resourceType: { control: 'text', name: 'resource-type' },
    action: { control: 'text' },
    from: { control: 'text' },
    to: { control: 'text' },
    query: { control: 'text' },
  },
  decorators: [(story) => html`<div style="max-width: 760px">${story()}</div>`],
};
export default meta;

type Story = StoryObj<Args>;

/** Inside a provider, the usual way. */
function inProvider(adapter: DashboardAdapter): Story['render'] {
  return (args) => html`
    <org-dashboard-provider
      org-id=${args.orgId}
      .adapter=${adapter}
      locale=${args.locale}
      time-zone=${args.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone}
      access-denied=${args.accessDenied}
    >
      <activity-log
        resource-type=${ifDefined(args.resourceType || undefined)}
        action=${ifDefined(args.action || undefined)}
        from=${ifDefined(args.from || undefined)}
        to=${ifDefined(args.to || undefined)}
        query=${ifDefined(args.query || undefined)}
      ></activity-log>
    </org-dashboard-provider>
  `;
}

function story(backend: ReturnType<typeof mockBackend>, extra: Partial<Story> = {}): Story {
  return { render: inProvider(backend.adapter), parameters: { msw: backend.msw }, ...extra };
}

/** Emits a fresh activity for `orgId` every `everyMs`; returns the cleanup for `beforeEach`. */
function emitEvery(emit: (orgId: FixtureOrgId, data: Activity) => void, everyMs: number): () => void {
  let sequence = 0;
  const timer = setInterval(() => {
    sequence += 1;
    emit(ACME_ORG_ID, createActivity(ACME_ORG_ID, { sequence, at: Date.now() }));
  }, everyMs);
  return () => clearInterval(timer);
}

const ready = mockBackend();
/** Scroll for more (a page at a time), filter, search, or export what matches to CSV. */
export const Ready = story(ready);

const filtered = mockBackend();
/** The filters come from attributes, so a host can keep them in its URL. */
export const Filtered = story(filtered, { args: { resourceType: 'Workspaces', action: 'Update' } });

const loading = mockBackend({ delayMs: FOREVER_MS });
/** The skeleton has the final size, so nothing moves when entries arrive. */
export const Loading = story(loading);

const empty = mockBackend();
empty.api.data[ACME_ORG_ID].activities = [];
export const Empty = story(empty);

const noMatches = mockBackend();
/** Nothing matches: "Clear filters" shows everything again. */
export const NoMatches = story(noMatches, { args: { query: 'nothing like this' } });

const failing = mockBackend();
failing.api.failNext('listActivities', 500, 2);
/** The server failed; Retry asks again (and this time it answers). */
export const Error = story(failing);

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
      ${inProvider(hidden.adapter)!(args, {} as never)}
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
  beforeEach: () =>
    emitEvery((orgId, data) => liveBackend.api.emit(orgId, { topic: 'activity', data }), 2000),
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
  render: (args, context) => inProvider(hugeAdapter())!(args, context),
  beforeEach: () => emitEvery((orgId, data) => hugeAdapter().emit(orgId, { topic: 'activity', data }), 3000),
};

const standalone = mockBackend();
/** No provider: the log's own `org-id` and `adapter`. */
export const Standalone: Story = {
  parameters: { msw: standalone.msw },
  render: (args) =>
    html`<activity-log
      org-id=${args.orgId}
      .adapter=${standalone.adapter}
      locale=${args.locale}
    ></activity-log>`,
};

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
export const InvalidData: Story = {
  render: () => html`<activity-log .data=${[{ id: 1 }] as unknown as Activity[]}></activity-log>`,
};
