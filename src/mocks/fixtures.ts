/**
 * Deterministic, realistic fixtures for demos, stories and tests: a
 * `DashboardDataset` of six organizations that together cover every plan tier,
 * several currencies (including JPY with no minor unit and KWD with three
 * minor digits) and the edge cases the cards must handle (no workspaces, a
 * zero last month, low credits, a long right-to-left name, a member without
 * billing access).
 *
 * Randomness comes from a small seeded PRNG (mulberry32), never from
 * `Math.random`, so the same `seed` and `now` always give the same data. Every
 * date is relative to `now`, so the data looks fresh whenever it is made.
 */
import { PERMISSIONS } from '../contract/access.js';
import { currencyExponent } from '../format/currency.js';
import type {
  Activity,
  Announcement,
  BillingSummary,
  Money,
  Organization,
  Permission,
  PlanSummary,
  ViewerAccess,
  WorkspaceStats,
} from '../contract/types.js';
import type { DashboardDataset, OrgDataset } from '../adapters/dataset.js';

// ---------------------------------------------------------------------------
// Organization ids
// ---------------------------------------------------------------------------

/** Enterprise, USD, viewed by its owner; many workspaces, spending up. */
export const ACME_ORG_ID = 'org_acme';
/** Premium, EUR, viewed by a billing admin; spending down. */
export const GLOBEX_ORG_ID = 'org_globex';
/** Standard, JPY (no minor unit), viewed by its owner. */
export const SAKURA_ORG_ID = 'org_sakura';
/** Premium, KWD (three minor digits), long Arabic (right-to-left) name, credits below the threshold, many "others" workspaces. */
export const GULF_ORG_ID = 'org_gulf';
/** Starter, GBP, viewed by a member: billing is forbidden (403), plan is read-only. */
export const INITECH_ORG_ID = 'org_initech';
/** Free, USD, created days ago: zero workspaces, last month's total is 0, a short billing history. */
export const NEWCO_ORG_ID = 'org_newco';

/** Every fixture organization, in a stable order. */
export const FIXTURE_ORG_IDS = [
  ACME_ORG_ID,
  GLOBEX_ORG_ID,
  SAKURA_ORG_ID,
  GULF_ORG_ID,
  INITECH_ORG_ID,
  NEWCO_ORG_ID,
] as const;

export type FixtureOrgId = (typeof FIXTURE_ORG_IDS)[number];

// ---------------------------------------------------------------------------
// Access presets
// ---------------------------------------------------------------------------

export type FixtureRole = 'owner' | 'billing-admin' | 'member';

/** Every permission of DESIGN.md's `Permission`. */
export const ALL_PERMISSIONS: readonly Permission[] = PERMISSIONS;

/**
 * `ViewerAccess` for a typical role (a fresh object each call):
 *
 * - `owner`: every permission.
 * - `billing-admin`: every permission too: managing billing means changing the
 *   plan and buying credits, and reading workspaces and activity explains the
 *   spending.
 * - `member`: everything but `billing:read`, `billing:manage` and
 *   `plan:manage`. A member may see the plan and the credit balance (they are
 *   what limits their work) but not invoices or spending, and cannot buy.
 */
export function accessForRole(role: FixtureRole): ViewerAccess {
  const hidden: readonly Permission[] =
    role === 'member' ? ['billing:read', 'billing:manage', 'plan:manage'] : [];
  return { role, permissions: ALL_PERMISSIONS.filter((p) => !hidden.includes(p)) };
}

// ---------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------

/** mulberry32: a tiny, fast 32-bit PRNG; plenty for fixtures. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, to derive independent streams from a seed and a label. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

interface Random {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(list: readonly T[]): T;
  weighted<T>(list: readonly (readonly [T, number])[]): T;
}

/**
 * A random stream for one purpose of one org. Separate streams keep each
 * part (billing, activities...) stable when another part changes, and let
 * activities be generated lazily in any order.
 */
function randomFor(seed: number, ...labels: string[]): Random {
  const next = mulberry32(hash(`${seed}|${labels.join('|')}`));
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    weighted(list) {
      let total = 0;
      for (const [, weight] of list) total += weight;
      let roll = next() * total;
      for (const [item, weight] of list) {
        roll -= weight;
        if (roll < 0) return item;
      }
      return list[list.length - 1][0];
    },
  };
}

// ---------------------------------------------------------------------------
// Money and dates
// ---------------------------------------------------------------------------

/** How many minor digits a currency has: its ISO 4217 exponent, the one the cards read `amountMinor` with. */
export function minorDigits(currency: string): number {
  return currencyExponent(currency);
}

/** `Money` from an amount in major units: `money(12.5, 'USD')` is 1250 cents, `money(12.5, 'KWD')` 12500 fils. */
export function money(major: number, currency: string): Money {
  return { amountMinor: Math.round(major * 10 ** minorDigits(currency)), currency };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const iso = (ms: number): string => new Date(ms).toISOString();
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** YYYY-MM of the UTC month `offset` months from the month of `ms`. */
function monthKey(ms: number, offset: number): string {
  const date = new Date(ms);
  const shifted = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1));
  return `${shifted.getUTCFullYear()}-${pad2(shifted.getUTCMonth() + 1)}`;
}

/** `ms` moved to a whole number of days later, at the given UTC hour. */
function dayAt(ms: number, days: number, hourUtc: number): number {
  const date = new Date(ms + days * DAY);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), hourUtc);
}

// ---------------------------------------------------------------------------
// Organization profiles: the fixed facts behind each fixture org
// ---------------------------------------------------------------------------

interface OrgProfile {
  id: FixtureOrgId;
  name: string;
  owner: { name: string; email?: string };
  createdDaysAgo: number;
  teamSize: number;
  role: FixtureRole;
  currency: string;
  plan: { name: string; credits: number; threshold?: number };
  /** A typical month's spending in major units; `history` wanders around it. */
  monthlySpend: number;
  /** Spending change from last month to this one, e.g. 0.12 for +12%. */
  trend: number;
  historyMonths: number;
  /** Last month's total is exactly 0 (the org did not spend anything yet). */
  lastMonthZero?: boolean;
  workspaces: WorkspaceStats;
  people: readonly string[];
  workspaceNames: readonly string[];
  apiKeys: readonly string[];
}

/** Stats whose `others` is computed from the rest, so it cannot disagree. */
function stats(
  total: number,
  active: number,
  suspended: number,
  othersByState?: Record<string, number>,
): WorkspaceStats {
  const result: WorkspaceStats = { total, active, suspended, others: total - active - suspended };
  if (othersByState) result.othersByState = othersByState;
  return result;
}

const PROFILES: readonly OrgProfile[] = [
  {
    id: ACME_ORG_ID,
    name: 'Acme Cloud Inc.',
    owner: { name: 'Margaret Okafor', email: 'margaret.okafor@acme.example' },
    createdDaysAgo: 1_482,
    teamSize: 248,
    role: 'owner',
    currency: 'USD',
    plan: { name: 'Enterprise', credits: 48_250, threshold: 5_000 },
    monthlySpend: 184_300,
    trend: 0.124,
    historyMonths: 12,
    workspaces: stats(128, 97, 18, { creating: 4, deploying: 6, failed: 3 }),
    people: [
      'Margaret Okafor',
      'Daniel Kim',
      'Priya Raman',
      'Lucas Ferreira',
      'Sofia Rossi',
      'Tomás Álvarez',
      'Hannah Becker',
      'Wei Zhang',
      "Liam O'Connor",
      'Amara Nwosu',
    ],
    workspaceNames: [
      'payments-api-prod',
      'payments-api-staging',
      'data-lake-us-east',
      'ml-training-gpu',
      'customer-portal',
      'edge-cache-apac',
      'ci-runners',
      'analytics-warehouse',
      'search-indexer',
      'auth-service',
    ],
    apiKeys: ['terraform-automation', 'ci-deploy', 'grafana-readonly', 'backup-agent'],
  },
  {
    id: GLOBEX_ORG_ID,
    name: 'Globex GmbH',
    owner: { name: 'Jonas Weber', email: 'jonas.weber@globex.example' },
    createdDaysAgo: 903,
    teamSize: 57,
    role: 'billing-admin',
    currency: 'EUR',
    plan: { name: 'Premium', credits: 3_420.5, threshold: 500 },
    monthlySpend: 12_870,
    trend: -0.082,
    historyMonths: 9,
    workspaces: stats(34, 28, 4, { deploying: 1, failed: 1 }),
    people: [
      'Jonas Weber',
      'Lea Schneider',
      'Mehmet Yılmaz',
      'Anna Kowalska',
      'Élodie Martin',
      'Felix Braun',
    ],
    workspaceNames: [
      'erp-connector',
      'webshop-prod',
      'webshop-preview',
      'reporting-eu',
      'iot-ingest-frankfurt',
    ],
    apiKeys: ['gitlab-ci', 'datadog-metrics', 'sap-bridge'],
  },
  {
    id: SAKURA_ORG_ID,
    name: '株式会社さくらデータ',
    owner: { name: '佐藤 花子', email: 'hanako.sato@sakura.example' },
    createdDaysAgo: 611,
    teamSize: 23,
    role: 'owner',
    currency: 'JPY',
    plan: { name: 'Standard', credits: 182_000, threshold: 20_000 },
    monthlySpend: 1_284_000,
    trend: 0.031,
    historyMonths: 6,
    // No othersByState: the breakdown is optional in the contract.
    workspaces: stats(9, 7, 1),
    people: ['佐藤 花子', '鈴木 一郎', '高橋 美咲', '田中 健太', 'Kenji Watanabe'],
    workspaceNames: ['tokyo-inference', 'osaka-batch', 'recommendation-api', 'staging'],
    apiKeys: ['github-actions', 'nightly-export'],
  },
  {
    id: GULF_ORG_ID,
    name: 'شركة الخليج العربي للحوسبة السحابية والخدمات الرقمية المتكاملة ذ.م.م',
    owner: { name: 'فاطمة الصباح', email: 'fatima.alsabah@gulf.example' },
    createdDaysAgo: 377,
    teamSize: 41,
    role: 'owner',
    currency: 'KWD',
    // Below the threshold: the plan card warns.
    plan: { name: 'Premium', credits: 37.125, threshold: 50 },
    monthlySpend: 2_315.75,
    trend: 0.264,
    historyMonths: 8,
    // Over half the workspaces are "others": the stats card hints at it.
    workspaces: stats(12, 4, 1, { creating: 2, deploying: 3, failed: 2 }),
    people: ['فاطمة الصباح', 'أحمد العتيبي', 'نورة الرشيد', 'يوسف المطيري', 'Omar Haddad', 'Sara Cohen'],
    workspaceNames: ['بوابة-العملاء', 'kuwait-core-banking', 'mobile-backend', 'fraud-scoring', 'sandbox'],
    apiKeys: ['azure-devops', 'siem-export'],
  },
  {
    id: INITECH_ORG_ID,
    name: 'Initech Ltd',
    // No email: the owner's email is optional in the contract.
    owner: { name: 'Bill Lumbergh' },
    createdDaysAgo: 1_120,
    teamSize: 16,
    role: 'member',
    currency: 'GBP',
    plan: { name: 'Starter', credits: 212.4, threshold: 25 },
    monthlySpend: 486.2,
    trend: 0,
    historyMonths: 7,
    workspaces: stats(6, 5, 1, {}),
    people: ['Bill Lumbergh', 'Peter Gibbons', 'Samir Nagheenanajar', 'Michael Bolton', 'Joanna Parker'],
    workspaceNames: ['tps-reports', 'intranet', 'legacy-y2k-patch'],
    apiKeys: ['jenkins'],
  },
  {
    id: NEWCO_ORG_ID,
    name: 'Pixel & Pine Studio',
    owner: { name: 'Noa Levi', email: 'noa@pixelpine.example' },
    createdDaysAgo: 9,
    teamSize: 1,
    role: 'owner',
    currency: 'USD',
    // Free tier: welcome credits, no low-balance threshold (it is optional).
    plan: { name: 'Free', credits: 10 },
    monthlySpend: 3.18,
    trend: 0,
    // Newly created: only last month (nothing spent) and this month.
    historyMonths: 2,
    lastMonthZero: true,
    workspaces: stats(0, 0, 0),
    people: ['Noa Levi'],
    workspaceNames: ['first-workspace'],
    apiKeys: ['local-dev'],
  },
];

const PROFILE_BY_ID = new Map(PROFILES.map((p) => [p.id, p]));

// ---------------------------------------------------------------------------
// Builders, one per card
// ---------------------------------------------------------------------------

function buildOrganization(profile: OrgProfile, now: number, rnd: Random): Organization {
  // A time of day too, so "created date and time" shows something real.
  const createdAt = now - profile.createdDaysAgo * DAY - rnd.int(0, DAY / MINUTE - 1) * MINUTE;
  return {
    id: profile.id,
    name: profile.name,
    owner: { ...profile.owner },
    createdAt: iso(createdAt),
    teamSize: profile.teamSize,
  };
}

function buildBilling(profile: OrgProfile, now: number, rnd: Random): BillingSummary {
  const { currency, historyMonths } = profile;
  const current = profile.monthlySpend * (1 + (rnd.next() - 0.5) * 0.04);
  const last = profile.lastMonthZero ? 0 : current / (1 + profile.trend);
  // Older months wander around the typical spend; the last two are fixed by the trend.
  const totals: number[] = [];
  for (let i = 0; i < historyMonths - 2; i++) {
    totals.push(profile.monthlySpend * (0.78 + rnd.next() * 0.3));
  }
  totals.push(last, current);
  const history = totals.map((total, i) => ({
    month: monthKey(now, i - (historyMonths - 1)),
    total: money(total, currency),
  }));
  return {
    currentMonthTotal: history[history.length - 1].total,
    lastMonthTotal: history[history.length - 2].total,
    // Invoices are issued on the first day of the next month (UTC).
    nextInvoiceDate: `${monthKey(now, 1)}-01`,
    history,
  };
}

function buildPlan(profile: OrgProfile): PlanSummary {
  const { plan, currency } = profile;
  const summary: PlanSummary = { name: plan.name, availableCredits: money(plan.credits, currency) };
  if (plan.threshold !== undefined) summary.lowCreditThreshold = money(plan.threshold, currency);
  return summary;
}

// ---------------------------------------------------------------------------
// Activities
// ---------------------------------------------------------------------------

type NameKind = 'org' | 'plan' | 'invoice' | 'workspace' | 'person' | 'apiKey' | 'credits' | 'card' | 'none';

interface ResourceKind {
  type: string;
  weight: number;
  actions: readonly (readonly [string, number])[];
  name: NameKind;
}

/** Resource types and how often each action happens to them; reads dominate, as in real logs. */
const RESOURCES: readonly ResourceKind[] = [
  {
    type: 'Workspaces',
    weight: 30,
    name: 'workspace',
    actions: [
      ['Fetch', 6],
      ['Fetch All', 4],
      ['Create', 2],
      ['Update', 3],
      ['Delete', 1],
    ],
  },
  {
    type: 'Organization',
    weight: 12,
    name: 'org',
    actions: [
      ['Fetch', 8],
      ['Update', 1],
    ],
  },
  {
    type: 'Members',
    weight: 12,
    name: 'person',
    actions: [
      ['Fetch All', 4],
      ['Fetch', 2],
      ['Create', 1],
      ['Update', 1],
      ['Delete', 1],
    ],
  },
  {
    type: 'Invoices',
    weight: 10,
    name: 'invoice',
    actions: [
      ['Fetch', 4],
      ['Fetch All', 4],
      ['Create', 1],
    ],
  },
  {
    type: 'Plans',
    weight: 8,
    name: 'plan',
    actions: [
      ['Fetch', 5],
      ['Fetch All', 2],
      ['Update', 1],
    ],
  },
  {
    type: 'API Keys',
    weight: 8,
    name: 'apiKey',
    actions: [
      ['Fetch All', 3],
      ['Create', 1],
      ['Update', 1],
      ['Delete', 1],
    ],
  },
  {
    type: 'Credits',
    weight: 5,
    name: 'credits',
    actions: [
      ['Fetch', 3],
      ['Create', 1],
    ],
  },
  {
    type: 'Payment Methods',
    weight: 3,
    name: 'card',
    actions: [
      ['Fetch All', 2],
      ['Update', 1],
    ],
  },
];

const RESOURCE_WEIGHTS = RESOURCES.map((r) => [r, r.weight] as const);

/** Every resource type and action the generator uses, for filter menus in stories. */
export const FIXTURE_RESOURCE_TYPES: readonly string[] = RESOURCES.map((r) => r.type);
export const FIXTURE_ACTIONS: readonly string[] = ['Fetch', 'Fetch All', 'Create', 'Update', 'Delete'];

const CARDS = ['Visa •••• 4242', 'Mastercard •••• 5454', 'American Express •••• 0005'];

function resourceName(kind: NameKind, profile: OrgProfile, at: number, rnd: Random): string | undefined {
  switch (kind) {
    case 'org':
      return profile.name;
    case 'plan':
      return profile.plan.name;
    case 'invoice': {
      const month = monthKey(at, -1).replace('-', '');
      return `INV-${month}-${String(rnd.int(1, 9999)).padStart(4, '0')}`;
    }
    case 'workspace':
      return rnd.pick(profile.workspaceNames);
    case 'person':
      // Members act on colleagues, not on the owner (people[0]), unless the owner is alone.
      return rnd.pick(profile.people.length > 1 ? profile.people.slice(1) : profile.people);
    case 'apiKey':
      return rnd.pick(profile.apiKeys);
    case 'credits':
      return `Credit top-up (${profile.currency})`;
    case 'card':
      return rnd.pick(CARDS);
    case 'none':
      return undefined;
  }
}

function activityId(orgId: string, sequence: number): string {
  return `act_${orgId.replace(/^org_/, '')}_${String(sequence).padStart(6, '0')}`;
}

function buildActivity(profile: OrgProfile, sequence: number, at: number, rnd: Random): Activity {
  const resource = rnd.weighted(RESOURCE_WEIGHTS);
  const action = rnd.weighted(resource.actions);
  const activity: Activity = {
    id: activityId(profile.id, sequence),
    resourceType: resource.type,
    action,
    occurredAt: iso(at),
  };
  // Invoices are created by the billing system, and a few calls come from
  // automation: those have no actor, which the contract allows.
  const bySystem = (resource.type === 'Invoices' && action === 'Create') || rnd.next() < 0.04;
  if (!bySystem) activity.actor = { name: rnd.pick(profile.people) };
  // A list request ("Fetch All") names no single resource.
  const name = action === 'Fetch All' ? undefined : resourceName(resource.name, profile, at, rnd);
  if (name !== undefined) activity.resourceName = name;
  return activity;
}

/**
 * `count` activities, newest first, spread over up to a year (about 2.4 hours
 * apart on average, never before the org was created). Times are stratified
 * (each entry gets its own slot with jitter), so they are strictly decreasing
 * without a sort, and 100,000 entries take a fraction of a second.
 */
function buildActivities(
  profile: OrgProfile,
  count: number,
  now: number,
  createdAt: number,
  rnd: Random,
): Activity[] {
  const span = Math.max(HOUR, Math.min(count * 2.4 * HOUR, 365 * DAY, now - createdAt - MINUTE));
  const slot = span / Math.max(1, count);
  const items = new Array<Activity>(count);
  for (let i = 0; i < count; i++) {
    const at = Math.round(now - slot * (i + 0.05 + rnd.next() * 0.9));
    items[i] = buildActivity(profile, count - i, at, rnd);
  }
  return items;
}

// ---------------------------------------------------------------------------
// Announcements
// ---------------------------------------------------------------------------

function platformAnnouncements(now: number): Announcement[] {
  const maintenanceStart = dayAt(now, 4, 1);
  const pastMaintenanceStart = dayAt(now, -23, 2);
  return [
    {
      id: 'ann_maintenance_upcoming',
      kind: 'maintenance',
      title: 'Scheduled maintenance: control plane upgrade',
      body: 'The control plane is upgraded in all regions. Running workspaces are not affected; creating, deploying and resizing workspaces is paused for up to 3 hours.',
      publishedAt: iso(now - 5 * HOUR - 12 * MINUTE),
      severity: 'warning',
      url: 'https://status.example.com/maintenance/control-plane-upgrade',
      window: { start: iso(maintenanceStart), end: iso(maintenanceStart + 3 * HOUR) },
    },
    {
      id: 'ann_release_4_12',
      kind: 'release',
      title: 'Platform 4.12 released',
      body: 'Faster cold starts, ARM64 workspace images and a new audit log export. See the changelog for every change.',
      publishedAt: iso(now - 2 * DAY - 3 * HOUR),
      severity: 'info',
      url: '/changelog/4-12',
    },
    {
      id: 'ann_feature_snapshots',
      kind: 'feature',
      title: 'Workspace snapshots are generally available',
      // Angle brackets on purpose: bodies are plain text and must never be rendered as HTML.
      body: 'Take point-in-time snapshots of any workspace and restore them in seconds. Templates can use the <workspace> and {{region}} placeholders.',
      publishedAt: iso(now - 6 * DAY - 7 * HOUR),
      url: 'https://docs.example.com/workspaces/snapshots',
    },
    {
      id: 'ann_update_tls',
      kind: 'update',
      title: 'Action required: TLS 1.0 and 1.1 are retired next month',
      body: 'API clients that still use TLS 1.0 or 1.1 will stop working. Update your clients to TLS 1.2 or later.',
      publishedAt: iso(now - 11 * DAY),
      severity: 'critical',
      url: 'https://docs.example.com/security/tls',
    },
    {
      id: 'ann_update_terms',
      kind: 'update',
      title: 'Updated data processing terms',
      body: 'We clarified how support staff may access workspace metadata. No action is needed.',
      publishedAt: iso(now - 17 * DAY - 4 * HOUR),
      severity: 'info',
    },
    {
      id: 'ann_maintenance_done',
      kind: 'maintenance',
      title: 'Completed: network maintenance in eu-central',
      body: 'Planned network maintenance in eu-central finished on time.',
      publishedAt: iso(pastMaintenanceStart - 3 * DAY),
      severity: 'info',
      window: { start: iso(pastMaintenanceStart), end: iso(pastMaintenanceStart + 2 * HOUR) },
    },
  ];
}

function orgAnnouncements(profile: OrgProfile, now: number): Announcement[] {
  switch (profile.id) {
    case ACME_ORG_ID:
      return [
        {
          id: 'ann_acme_contract',
          kind: 'update',
          title: 'Your Enterprise agreement renews in 30 days',
          body: 'Your account manager will contact you about the renewal. Usage reports for the current term are available under Billing.',
          publishedAt: iso(now - 26 * HOUR),
          severity: 'info',
        },
      ];
    case GULF_ORG_ID:
      return [
        {
          id: 'ann_gulf_region',
          kind: 'maintenance',
          title: 'صيانة مجدولة لمنطقة الشرق الأوسط',
          body: 'ستخضع منطقة me-central لصيانة مجدولة. قد تتأخر عمليات النشر الجديدة خلال فترة الصيانة.',
          publishedAt: iso(now - 40 * MINUTE),
          severity: 'warning',
          window: { start: iso(dayAt(now, 2, 22)), end: iso(dayAt(now, 2, 22) + 4 * HOUR) },
        },
      ];
    case NEWCO_ORG_ID:
      return [
        {
          id: 'ann_newco_welcome',
          kind: 'feature',
          title: 'Welcome! Your first 10 USD of credits are on us',
          body: 'Create your first workspace to get started. Credits never expire on the Free plan.',
          publishedAt: iso(now - (profile.createdDaysAgo * DAY - HOUR)),
          url: '/docs/getting-started',
        },
      ];
    default:
      return [];
  }
}

function buildAnnouncements(profile: OrgProfile, now: number): Announcement[] {
  return [...orgAnnouncements(profile, now), ...platformAnnouncements(now)].sort(
    (a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt),
  );
}

// ---------------------------------------------------------------------------
// Public entry points
// ---------------------------------------------------------------------------

export interface DatasetOptions {
  /** Seed of every random choice (default 1). Same seed and `now`, same data. */
  seed?: number;
  /** The moment the data is relative to (default: the current time). */
  now?: Date | number | string;
  /** Activities per org: one number for all (default 300) or by org id (others keep 300). Up to 100,000 and more is fine. */
  activitiesPerOrg?: number | Partial<Record<FixtureOrgId, number>>;
  /** Which fixture orgs to make (default: all of `FIXTURE_ORG_IDS`). */
  orgs?: readonly FixtureOrgId[];
}

export const DEFAULT_ACTIVITIES_PER_ORG = 300;

function activityCount(options: DatasetOptions, orgId: FixtureOrgId): number {
  const setting = options.activitiesPerOrg;
  const count = typeof setting === 'number' ? setting : (setting?.[orgId] ?? DEFAULT_ACTIVITIES_PER_ORG);
  return Math.max(0, Math.floor(count));
}

function toMs(now: DatasetOptions['now']): number {
  const ms = now === undefined ? Date.now() : new Date(now).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Invalid "now": ${String(now)}`);
  return ms;
}

/**
 * Defines `activities` as a lazy property: the list is generated the first
 * time it is read, so a dataset with large activity counts costs nothing
 * until a card asks. Assigning replaces it with a plain data property (the
 * memory adapter and the MSW handlers assign when they apply live events).
 */
function defineLazyActivities(dataset: Omit<OrgDataset, 'activities'>, make: () => Activity[]): OrgDataset {
  let cached: Activity[] | undefined;
  return Object.defineProperty(dataset, 'activities', {
    enumerable: true,
    configurable: true,
    get: () => (cached ??= make()),
    set(value: Activity[]) {
      Object.defineProperty(dataset, 'activities', {
        value,
        enumerable: true,
        configurable: true,
        writable: true,
      });
    },
  }) as OrgDataset;
}

function buildOrgDataset(
  profile: OrgProfile,
  options: DatasetOptions,
  now: number,
  seed: number,
): OrgDataset {
  const organization = buildOrganization(profile, now, randomFor(seed, profile.id, 'organization'));
  const createdAt = Date.parse(organization.createdAt);
  const count = activityCount(options, profile.id);
  return defineLazyActivities(
    {
      organization,
      access: accessForRole(profile.role),
      workspaces: structuredClone(profile.workspaces),
      billing: buildBilling(profile, now, randomFor(seed, profile.id, 'billing')),
      plan: buildPlan(profile),
      announcements: buildAnnouncements(profile, now),
    },
    () => buildActivities(profile, count, now, createdAt, randomFor(seed, profile.id, 'activities')),
  );
}

/**
 * A fresh, mutable `DashboardDataset` of the fixture orgs (see the `*_ORG_ID`
 * constants for what each one shows). Deterministic for a given `seed` and
 * `now`; cheap by default (activities are generated on first read).
 *
 * @example
 * const data = createDataset({ now: '2025-06-15T12:00:00Z' });
 * const adapter = createMemoryAdapter(data);
 */
export function createDataset(options: DatasetOptions = {}): DashboardDataset {
  const now = toMs(options.now);
  const seed = options.seed ?? 1;
  const dataset: DashboardDataset = {};
  for (const orgId of options.orgs ?? FIXTURE_ORG_IDS) {
    const profile = PROFILE_BY_ID.get(orgId);
    if (!profile) throw new RangeError(`Unknown fixture org "${orgId}"`);
    dataset[orgId] = buildOrgDataset(profile, options, now, seed);
  }
  return dataset;
}

/**
 * One more realistic activity for a fixture org, e.g. to `emit` as a live
 * event in a demo. Its id (`act_<org>_live_<n>`) never collides with the
 * generated history.
 */
export function createActivity(
  orgId: FixtureOrgId,
  options: { sequence?: number; seed?: number; at?: Date | number | string } = {},
): Activity {
  const profile = PROFILE_BY_ID.get(orgId);
  if (!profile) throw new RangeError(`Unknown fixture org "${orgId}"`);
  const sequence = options.sequence ?? 1;
  const rnd = randomFor(options.seed ?? 1, orgId, 'live', String(sequence));
  const activity = buildActivity(profile, sequence, toMs(options.at), rnd);
  activity.id = `act_${orgId.replace(/^org_/, '')}_live_${sequence}`;
  return activity;
}
