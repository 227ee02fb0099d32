// The elements test-ssr.mjs renders on the server and hydrates: each one's controlled `data`, a text it
// must show, and its template. `CARDS` are the dashboard's six; `ELEMENTS` adds the activity log.
import { html } from 'lit';

const usd = (amountMinor) => ({ amountMinor, currency: 'USD' });
/** Each card's controlled data, and a text it must show. */
export const CARDS = {
  'org-info-card': {
    data: {
      id: 'org_acme',
      name: 'Acme Corporation',
      owner: { name: 'Ada Lovelace' },
      createdAt: '2023-03-14T09:26:53Z',
      teamSize: 42,
    },
    shows: 'Acme Corporation',
    template: (data) => html`<org-info-card .data=${data} locale="en-US" time-zone="UTC"></org-info-card>`,
  },
  'workspace-stats-card': {
    data: { total: 12, active: 8, suspended: 2, others: 2 },
    shows: 'Suspended',
    template: (data) =>
      html`<workspace-stats-card .data=${data} locale="en-US" time-zone="UTC"></workspace-stats-card>`,
  },
  'billing-card': {
    data: {
      currentMonthTotal: usd(123456),
      lastMonthTotal: usd(100000),
      nextInvoiceDate: '2026-12-01',
      history: [
        { month: '2026-10', total: usd(100000) },
        { month: '2026-11', total: usd(123456) },
      ],
    },
    shows: '$1,234.56',
    template: (data) => html`<billing-card .data=${data} locale="en-US" time-zone="UTC"></billing-card>`,
  },
  'plan-card': {
    data: {
      name: 'Enterprise',
      availableCredits: usd(5000),
      lowCreditThreshold: usd(10000),
    },
    shows: 'Enterprise',
    template: (data) => html`<plan-card .data=${data} locale="en-US" time-zone="UTC"></plan-card>`,
  },
  'activity-feed': {
    data: [
      {
        id: 'a1',
        resourceType: 'Invoices',
        action: 'Fetch',
        occurredAt: '2026-11-19T10:00:00Z',
      },
    ],
    shows: 'Invoices',
    template: (data) => html`<activity-feed .data=${data} locale="en-US" time-zone="UTC"></activity-feed>`,
  },
  'announcements-panel': {
    data: [
      {
        id: 'n1',
        kind: 'maintenance',
        title: 'Database upgrade',
        body: 'A short downtime.',
        // Old enough to be new to no viewer: what is new is the viewer's own (this browser's read mark,
        // and the clock for a first visit), marked once hydrated and never on the server.
        publishedAt: '2026-06-01T10:00:00Z',
        window: { start: '2026-11-28T01:00:00Z', end: '2026-11-28T03:00:00Z' },
      },
    ],
    shows: 'Database upgrade',
    template: (data) =>
      html`<announcements-panel .data=${data} locale="en-US" time-zone="UTC"></announcements-panel>`,
  },
};

/** The dashboard's cards and the elements a host places on their own pages. */
export const ELEMENTS = {
  ...CARDS,
  'activity-log': {
    data: [
      {
        id: 'l1',
        resourceType: 'API Keys',
        action: 'Delete',
        occurredAt: '2026-11-18T08:30:00Z',
        actor: { name: 'Grace Hopper' },
        resourceName: 'ci-deploy',
      },
      {
        id: 'l2',
        resourceType: 'Members',
        action: 'Create',
        occurredAt: '2026-11-17T16:05:00Z',
      },
    ],
    shows: 'Activity log',
    // Its list is virtual: the server, which has no viewport, renders no rows.
    showsOnceHydrated: 'ci-deploy',
    template: (data) => html`<activity-log .data=${data} locale="en-US" time-zone="UTC"></activity-log>`,
  },
};
