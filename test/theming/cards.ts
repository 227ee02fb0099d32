/**
 * Every card with fixed, controlled data, for the theming, accessibility-styling and visual tests:
 * the same data, a fixed clock and a fixed time zone give the same picture on every run.
 */
import { fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/define.js';
import { ActivityFeed } from '../../src/elements/activity-feed/activity-feed.js';
import { AnnouncementsPanel } from '../../src/elements/announcements-panel/announcements-panel.js';
import { BillingCard } from '../../src/elements/billing-card/billing-card.js';
import { OrgInfoCard } from '../../src/elements/org-info-card/org-info-card.js';
import { PlanCard } from '../../src/elements/plan-card/plan-card.js';
import { WorkspaceStatsCard } from '../../src/elements/workspace-stats-card/workspace-stats-card.js';
import type { DashboardCard } from '../../src/base/dashboard-card.js';
import type { ResourceKey } from '../../src/store/resources.js';
import type {
  Activity,
  Announcement,
  BillingSummary,
  Organization,
  PlanSummary,
  WorkspaceStats,
} from '../../src/contract/types.js';
import { until } from '../helpers/data.js';

/** The pictures' "now": the relative times and the maintenance window's phase are computed from it. */
export const NOW = Date.parse('2026-11-20T12:00:00Z');

const organization: Organization = {
  id: 'org_7Hq2Lm9Xk',
  name: 'Acme Corporation',
  owner: { name: 'Ada Lovelace' },
  createdAt: '2023-03-14T09:26:53Z',
  teamSize: 1234,
};
const workspaces: WorkspaceStats = {
  total: 40,
  active: 24,
  suspended: 6,
  others: 10,
  othersByState: { creating: 4, deploying: 3, failed: 3 },
};
const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });
const billing: BillingSummary = {
  currentMonthTotal: usd(1234567),
  lastMonthTotal: usd(1100000),
  nextInvoiceDate: '2026-12-01',
  history: ['06', '07', '08', '09', '10', '11'].map((month, i) => ({
    month: `2026-${month}`,
    total: usd([900000, 1050000, 980000, 1120000, 1100000, 1234567][i]),
  })),
};
const plan: PlanSummary = {
  name: 'Enterprise',
  availableCredits: usd(4200),
  lowCreditThreshold: usd(10000),
};
const minutesAgo = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();
const activities: Activity[] = [
  {
    id: 'a4',
    resourceType: 'Workspaces',
    action: 'Create',
    occurredAt: minutesAgo(3),
    actor: { name: 'Grace Hopper' },
    resourceName: 'ml-training',
  },
  { id: 'a3', resourceType: 'Invoices', action: 'Fetch All', occurredAt: minutesAgo(50) },
  { id: 'a2', resourceType: 'Plans', action: 'Update', occurredAt: minutesAgo(60 * 5) },
  { id: 'a1', resourceType: 'Organization', action: 'Fetch', occurredAt: minutesAgo(60 * 30) },
];
const announcements: Announcement[] = [
  {
    id: 'n3',
    kind: 'maintenance',
    title: 'Database maintenance',
    body: 'Workspaces stay up; the console is read-only.',
    publishedAt: minutesAgo(60 * 2),
    severity: 'warning',
    window: { start: '2026-11-22T02:00:00Z', end: '2026-11-22T04:00:00Z' },
  },
  {
    id: 'n2',
    kind: 'update',
    title: 'Security update',
    body: 'Rotate your API tokens.',
    publishedAt: minutesAgo(60 * 26),
    severity: 'critical',
    url: 'https://example.com/security',
  },
  {
    id: 'n1',
    kind: 'feature',
    title: 'Spending alerts',
    body: 'Get an email when spending passes a limit.',
    publishedAt: minutesAgo(60 * 24 * 5),
  },
];

export interface CardCase {
  /** The default tag, also the folder of its source. */
  tag: string;
  Class: typeof DashboardCard<ResourceKey> & (new () => DashboardCard<ResourceKey>);
  data: unknown;
  /** Whether the card can be empty (and so has an `empty` slot). */
  canBeEmpty: boolean;
}

const cases = [
  { tag: 'org-info-card', Class: OrgInfoCard, data: organization, canBeEmpty: false },
  { tag: 'workspace-stats-card', Class: WorkspaceStatsCard, data: workspaces, canBeEmpty: true },
  { tag: 'billing-card', Class: BillingCard, data: billing, canBeEmpty: false },
  { tag: 'plan-card', Class: PlanCard, data: plan, canBeEmpty: false },
  { tag: 'activity-feed', Class: ActivityFeed, data: activities, canBeEmpty: true },
  { tag: 'announcements-panel', Class: AnnouncementsPanel, data: announcements, canBeEmpty: true },
];
export const CARDS = cases as unknown as CardCase[];

/** Freezes `Date` (only: timers and animation frames keep running) at `NOW`; returns the restore function. */
export function freezeClock(): () => void {
  const clock = sinon.useFakeTimers({ now: NOW, toFake: ['Date'] });
  return () => clock.restore();
}

export interface RenderOptions {
  /** Tag to render (a partner's registration of the class); defaults to the default tag. */
  tag?: string;
  locale?: string;
  dir?: 'ltr' | 'rtl';
  /** Inline style of the wrapper: token values. */
  style?: string;
  /** `data-od-theme` of the wrapper. */
  theme?: 'light' | 'dark';
  width?: number;
  /** Called with the card before it is connected: strings, slotted children... */
  prepare?: (card: DashboardCard<ResourceKey>) => void;
}

/** Renders a card in controlled mode inside a fixed-width wrapper and waits until it is ready. */
export async function renderCard(
  card: CardCase,
  options: RenderOptions = {},
): Promise<{ wrapper: HTMLElement; card: DashboardCard<ResourceKey> }> {
  const tag = options.tag ?? card.tag;
  const el = document.createElement(tag) as DashboardCard<ResourceKey>;
  el.setAttribute('locale', options.locale ?? 'en-US');
  el.setAttribute('time-zone', 'UTC');
  el.data = card.data as never;
  options.prepare?.(el);
  const wrapper = await fixture<HTMLElement>(html`
    <div
      class="frame"
      dir=${options.dir ?? 'ltr'}
      data-od-theme=${options.theme ?? ''}
      style="inline-size: ${options.width ?? 360}px; padding: 8px; ${options.style ?? ''}"
    >
      ${el}
    </div>
  `);
  if (!options.theme) wrapper.removeAttribute('data-od-theme');
  await until(() => el.state === 'ready', `${tag} ready (is ${el.state})`);
  await el.updateComplete;
  return { wrapper, card: el };
}

/** Every element in a shadow tree, descending into nested shadow roots. */
export function deepElements(root: ParentNode): Element[] {
  const found: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    found.push(el);
    if (el.shadowRoot) found.push(...deepElements(el.shadowRoot));
  }
  return found;
}

export interface MediaFeatures {
  colorScheme?: 'light' | 'dark';
  reducedMotion?: 'reduce' | 'no-preference';
  forcedColors?: 'active' | 'none';
}

/**
 * Emulates media features (the ones not given are reset), through the `od-emulate-media` command of
 * web-test-runner.config.mjs: unlike emulateMedia it forces colors in Chromium too.
 */
export async function emulate(features: MediaFeatures = {}): Promise<void> {
  await executeServerCommand('od-emulate-media', {
    'prefers-color-scheme': features.colorScheme ?? 'light',
    'prefers-reduced-motion': features.reducedMotion ?? 'no-preference',
    'forced-colors': features.forcedColors ?? 'none',
  });
}

/** The WCAG relative luminance of a computed `rgb()` color. */
function luminance(rgb: string): number {
  const [r, g, b] = rgb
    .match(/[\d.]+/g)!
    .slice(0, 3)
    .map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two computed `rgb()` colors. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
