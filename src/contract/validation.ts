/**
 * Run-time validation of everything an adapter returns (schema.ts). A
 * response that does not match DESIGN.md's shapes becomes a `DashboardError`
 * with code `invalid-data` and the path of the first bad field.
 */
import { PERMISSIONS } from './access.js';
import { DashboardError } from './errors.js';
import {
  array,
  dictionary,
  integer,
  Invalid,
  nonBlank,
  nullable,
  object,
  optional,
  pattern,
  picklist,
  refine,
  string,
  variant,
  type Path,
  type Schema,
} from './schema.js';
import type {
  Activity,
  ActivityPage,
  Announcement,
  BillingSummary,
  DashboardEvent,
  Money,
  Organization,
  Permission,
  PlanSummary,
  ViewerAccess,
  WorkspaceStats,
} from './types.js';

const MAX_TEXT = 10_000;

const text = string(MAX_TEXT);
const nonEmptyText = nonBlank(MAX_TEXT);
const id = refine(string(512), (value) => value.length > 0, 'empty');
const count = integer(0, Number.MAX_SAFE_INTEGER);

/** Whether the string's leading YYYY-MM-DD is a day that exists (no 30 February: `Date.parse` rolls it over). */
function isRealDay(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const DATE = String.raw`\d{4}-(?:0[1-9]|1[0-2])-(?:[12]\d|0[1-9]|3[01])`;

/** An ISO 8601 instant with a time zone, on a day that exists. */
const instant = refine(
  pattern(
    new RegExp(
      String.raw`^${DATE}[T ](?:[01]\d|2[0-3])(?::[0-5]\d){2}(?:\.\d{1,9})?(?:Z| ?[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)$`,
    ),
    'expected an ISO 8601 date and time with a time zone',
  ),
  isRealDay,
  'not a real date',
);
const isoDate = refine(pattern(new RegExp(`^${DATE}$`), 'expected YYYY-MM-DD'), isRealDay, 'not a real date');
const yearMonth = pattern(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');

const money: Schema<Money> = object({
  amountMinor: integer(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
  currency: pattern(/^[A-Z]{3}$/, 'expected an ISO 4217 code'),
});

const organization: Schema<Organization> = object({
  id,
  name: nonEmptyText,
  owner: object({ name: text, email: optional(text) }),
  createdAt: instant,
  teamSize: count,
});

const workspaceStats: Schema<WorkspaceStats> = refine(
  object({
    total: count,
    active: count,
    suspended: count,
    others: count,
    othersByState: optional(dictionary(string(100), count)),
  }),
  (stats) => stats.others === stats.total - stats.active - stats.suspended,
  'others must equal total - active - suspended',
  'others',
);

const billingSummary: Schema<BillingSummary> = object({
  currentMonthTotal: money,
  lastMonthTotal: money,
  nextInvoiceDate: isoDate,
  history: optional(array(object({ month: yearMonth, total: money }), 120)),
});

const planSummary: Schema<PlanSummary> = object({
  name: nonEmptyText,
  availableCredits: money,
  lowCreditThreshold: optional(money),
});

const activity: Schema<Activity> = object({
  id,
  resourceType: nonEmptyText,
  action: nonEmptyText,
  occurredAt: instant,
  actor: optional(object({ name: text })),
  resourceName: optional(text),
});

const activityPage: Schema<ActivityPage> = object({
  items: array(activity),
  nextCursor: nullable(string(2048)),
});

const announcement: Schema<Announcement> = object({
  id,
  kind: picklist(['feature', 'release', 'maintenance', 'update']),
  title: nonEmptyText,
  body: text,
  publishedAt: instant,
  severity: optional(picklist(['info', 'warning', 'critical'])),
  url: optional(string(2048)),
  window: optional(
    refine(
      object({ start: instant, end: instant }),
      (w) => Date.parse(w.end) >= Date.parse(w.start),
      'the window ends before it starts',
      'end',
    ),
  ),
});

const announcementList = array(announcement);

const viewerAccess: Schema<ViewerAccess> = object({
  // Unknown permissions from a newer backend are dropped, not fatal.
  permissions: (value: unknown, path: Path) =>
    array(string(MAX_TEXT))(value, path).filter((p): p is Permission =>
      (PERMISSIONS as readonly string[]).includes(p),
    ),
  role: optional(text),
});

const event = <T extends DashboardEvent['topic']>(topic: T, data: Schema<unknown>) =>
  object({ topic: picklist([topic]), data }) as Schema<DashboardEvent>;

const dashboardEvent: Schema<DashboardEvent> = variant('topic', {
  organization: event('organization', organization),
  workspaces: event('workspaces', workspaceStats),
  billing: event('billing', billingSummary),
  plan: event('plan', planSummary),
  activity: event('activity', activity),
  announcements: event('announcements', announcement),
});

/**
 * The items a list left out as invalid (DESIGN.md, "Lists"), by the parsed list or page they were
 * left out of: one `invalid-data` error per item, its `path` naming the item (`[1].kind`).
 */
const invalidItems = new WeakMap<object, readonly DashboardError[]>();

/** The items `parsed` (a list or page returned by a parse function here) left out; empty when none. */
export function invalidItemsOf(parsed: object): readonly DashboardError[] {
  return invalidItems.get(parsed) ?? [];
}

/** Objects that already passed validation, so a second look costs nothing. */
const validated = new WeakSet<object>();

function formatPath(keys: Path): string {
  let path = '';
  for (const key of keys) path += typeof key === 'number' ? `[${key}]` : path ? `.${key}` : key;
  return path;
}

function parseWith<T>(schema: Schema<T>, what: string, value: unknown): T {
  if (typeof value === 'object' && value !== null && validated.has(value)) return value as T;
  let output: T;
  try {
    output = schema(value, []);
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    const path = formatPath(error.path);
    throw new DashboardError(
      'invalid-data',
      `Invalid ${what}${path ? ` at ${path}` : ''}: ${error.message}`,
      {
        path,
      },
    );
  }
  if (typeof output === 'object' && output !== null) validated.add(output);
  return output;
}

export const parseOrganization = (value: unknown): Organization =>
  parseWith(organization, 'organization', value);
export const parseViewerAccess = (value: unknown): ViewerAccess => parseWith(viewerAccess, 'access', value);
export const parseWorkspaceStats = (value: unknown): WorkspaceStats =>
  parseWith(workspaceStats, 'workspace stats', value);
export const parseBillingSummary = (value: unknown): BillingSummary =>
  parseWith(billingSummary, 'billing summary', value);
export const parsePlanSummary = (value: unknown): PlanSummary => parseWith(planSummary, 'plan', value);
export const parseActivity = (value: unknown): Activity => parseWith(activity, 'activity', value);
export const parseActivityPage = (value: unknown): ActivityPage =>
  parseWith(activityPage, 'activity page', value);
export const parseAnnouncements = (value: unknown): Announcement[] =>
  parseWith(announcementList, 'announcements', value);
export const parseDashboardEvent = (value: unknown): DashboardEvent =>
  parseWith(dashboardEvent, 'live event', value);
