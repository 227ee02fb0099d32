/**
 * The card contract (test/helpers/card-contract.ts) run for each of the six data cards. What a card
 * shows for its data is in its own test file; here only what it shows of the contract.
 */
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import type { Activity, Announcement, Money, WorkspaceStats } from '../../src/contract/types.js';
import { forgetDismissalsInMemory } from '../../src/elements/announcements-panel/dismissals.js';
import { orgDataset } from '../helpers/data.js';
import { runCardContract } from '../helpers/card-contract.js';
import type { CardElement } from '../helpers/card-fixtures.js';

const text = (card: CardElement, selector: string) =>
  card.shadowRoot!.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
/** The ids of a list card's items, in the order shown. */
const ids = (card: CardElement) =>
  [...card.shadowRoot!.querySelectorAll<HTMLElement>('li[data-id]')].map((li) => li.dataset.id).join(' ');
const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });
const noWorkspaces: WorkspaceStats = { total: 0, active: 0, suspended: 0, others: 0 };

const activity = (id: string, occurredAt: string): Activity => ({
  id,
  resourceType: 'Workspaces',
  action: 'Create',
  occurredAt,
});
const announcement = (id: string, publishedAt: string): Announcement => ({
  id,
  kind: 'update',
  title: `Title ${id}`,
  body: `Body of ${id}.`,
  publishedAt,
});

runCardContract({
  tag: 'org-info-card',
  resource: 'organization',
  method: 'getOrganization',
  shown: (card) => text(card, '[part~="name"]'),
  readyShows: (orgId) => `Org ${orgId}`,
  skeleton: { selector: '.skeleton', atLeast: 4 },
  controlled: { data: { ...orgDataset('x').organization, name: 'Controlled' }, shows: 'Controlled' },
  invalid: { data: { id: 'x' }, path: 'name' },
});

runCardContract({
  tag: 'workspace-stats-card',
  resource: 'workspaces',
  method: 'getWorkspaceStats',
  shown: (card) => text(card, '[part~="total"]'),
  readyShows: '10',
  skeleton: { selector: '.skeleton', atLeast: 4 },
  // Ready with a breakdown: the skeleton keeps room for its button.
  loadingCases: [800, 300].map((width) => ({
    width,
    check: (card: CardElement) =>
      expect(card.shadowRoot!.querySelector('[part~="toggle"]')).to.not.equal(null),
  })),
  controlled: { data: { total: 7, active: 5, suspended: 1, others: 1 }, shows: '7' },
  invalid: { data: { total: 10, active: 6, suspended: 2, others: 5 }, path: 'others' },
  empty: {
    prepare: (org) => (org.workspaces = { ...noWorkspaces }),
    data: noWorkspaces,
    text: 'No workspaces yet Workspaces created in this organization will show up here.',
    hides: '[part~="chart"]',
  },
});

const HISTORY = ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11'].map((month, i) => ({
  month,
  total: usd([90000, 110000, 95000, 100000, 123456][i]),
}));
const hasChart = (card: CardElement) => Boolean(card.shadowRoot!.querySelector('[part~="chart"]'));

runCardContract({
  tag: 'billing-card',
  resource: 'billing',
  method: 'getBilling',
  shown: (card) => text(card, '[part~="current-month"]'),
  readyShows: '$1,234.56',
  skeleton: { selector: '.skeleton', atLeast: 4 },
  loadingCases: [800, 300].flatMap((width) => [
    {
      width,
      name: 'without a history',
      check: (card: CardElement) => expect(hasChart(card)).to.equal(false),
    },
    {
      width,
      name: 'with a history',
      prepare: (org) => (org.billing.history = HISTORY),
      check: (card: CardElement) => expect(hasChart(card)).to.equal(true),
    },
  ]),
  controlled: {
    data: { currentMonthTotal: usd(700), lastMonthTotal: usd(1000), nextInvoiceDate: '2026-12-01' },
    shows: '$7.00',
  },
  invalid: {
    data: {
      currentMonthTotal: usd(1),
      lastMonthTotal: { amountMinor: Number.NaN, currency: 'usd' },
      nextInvoiceDate: '2026-12-01',
    },
    path: 'lastMonthTotal.amountMinor',
  },
});

runCardContract({
  tag: 'plan-card',
  resource: 'plan',
  method: 'getPlan',
  shown: (card) => `${text(card, '[part~="plan-name"]')} ${text(card, '[part~="credits"]')}`,
  readyShows: 'Enterprise $500.00',
  // Plan name, credits, the low-credit alert's row (the adapter can set it) and the action.
  skeleton: { selector: '.skeleton', count: 4 },
  controlled: { data: { name: 'Premium', availableCredits: usd(5_000) }, shows: 'Premium $50.00' },
  invalid: {
    data: { name: 'x', availableCredits: { amountMinor: 1.5, currency: 'USD' } },
    path: 'availableCredits.amountMinor',
  },
});

runCardContract({
  tag: 'activity-feed',
  resource: 'activity',
  method: 'listActivities',
  shown: ids,
  readyShows: 'a2 a1',
  // One row a `limit` (5 by default).
  skeleton: { selector: 'li', count: 5 },
  loadingCases: [
    {
      name: 'more entries than the limit, each with a name and an actor',
      prepare: (org) =>
        (org.activities = [8, 7, 6, 5, 4, 3, 2, 1].map((n) => ({
          ...activity(`a${n}`, `2026-11-20T10:0${n}:00Z`),
          actor: { name: 'Ada Lovelace' },
          resourceName: `ws-${n}`,
        }))),
    },
  ],
  controlled: {
    data: [activity('old', '2026-11-19T10:00:00Z'), activity('new', '2026-11-20T10:00:00Z')],
    shows: 'new old',
  },
  invalid: { data: { items: [] } },
  empty: { prepare: (org) => (org.activities = []), data: [], text: 'No activity yet', hides: 'ol' },
});

runCardContract({
  tag: 'announcements-panel',
  resource: 'announcements',
  method: 'listAnnouncements',
  prepare: (org) =>
    (org.announcements = [
      announcement('n1', '2026-06-15T10:00:00Z'),
      announcement('n2', '2026-06-14T10:00:00Z'),
    ]),
  shown: ids,
  readyShows: 'n1 n2',
  skeleton: { selector: '.skeleton', atLeast: 6 },
  controlled: {
    data: [announcement('old', '2026-01-01T00:00:00Z'), announcement('new', '2026-06-01T00:00:00Z')],
    shows: 'new old',
  },
  invalid: { data: { nope: true } },
  empty: {
    prepare: (org) => (org.announcements = []),
    data: [],
    text: 'No announcements',
    hides: '[part~="show-dismissed"]',
  },
  reset: () => {
    localStorage.clear();
    forgetDismissalsInMemory();
  },
});
