/**
 * Run-time validation of everything an adapter returns, with valibot
 * (tree-shakable: only the validators used here reach a bundle). A response
 * that does not match DESIGN.md's shapes becomes a `DashboardError` with code
 * `invalid-data` and the path of the first bad field.
 */
import * as v from 'valibot';
import { PERMISSIONS } from './access.js';
import { DashboardError } from './errors.js';
import type {
  Activity,
  ActivityPage,
  Announcement,
  BillingSummary,
  DashboardEvent,
  Organization,
  Permission,
  PlanSummary,
  ViewerAccess,
  WorkspaceStats,
} from './types.js';

const MAX_TEXT = 10_000;

const text = v.pipe(v.string(), v.maxLength(MAX_TEXT));
const nonEmptyText = v.pipe(text, v.trim(), v.minLength(1));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(512));
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));

/** Whether the string's leading YYYY-MM-DD is a day that exists (no 30 February: `Date.parse` rolls it over). */
function isRealDay(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** An ISO 8601 instant with a time zone, on a day that exists. */
const instant = v.pipe(v.string(), v.isoTimestamp(), v.check(isRealDay, 'not a real date'));
const isoDate = v.pipe(v.string(), v.isoDate(), v.check(isRealDay, 'not a real date'));
const yearMonth = v.pipe(v.string(), v.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM'));

const currencyCode = v.pipe(v.string(), v.regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code'));

export const MoneySchema = v.object({
  amountMinor: v.pipe(v.number(), v.safeInteger()),
  currency: currencyCode,
});

export const OrganizationSchema = v.object({
  id,
  name: nonEmptyText,
  owner: v.object({ name: text, email: v.optional(text) }),
  createdAt: instant,
  teamSize: count,
});

export const WorkspaceStatsSchema = v.pipe(
  v.object({
    total: count,
    active: count,
    suspended: count,
    others: count,
    othersByState: v.optional(v.record(v.pipe(v.string(), v.maxLength(100)), count)),
  }),
  v.forward(
    v.check(
      (stats) => stats.others === stats.total - stats.active - stats.suspended,
      'others must equal total - active - suspended',
    ),
    ['others'],
  ),
);

export const BillingSummarySchema = v.object({
  currentMonthTotal: MoneySchema,
  lastMonthTotal: MoneySchema,
  nextInvoiceDate: isoDate,
  history: v.optional(v.pipe(v.array(v.object({ month: yearMonth, total: MoneySchema })), v.maxLength(120))),
});

export const PlanSummarySchema = v.object({
  name: nonEmptyText,
  availableCredits: MoneySchema,
  lowCreditThreshold: v.optional(MoneySchema),
});

export const ActivitySchema = v.object({
  id,
  resourceType: nonEmptyText,
  action: nonEmptyText,
  occurredAt: instant,
  actor: v.optional(v.object({ name: text })),
  resourceName: v.optional(text),
});

export const ActivityPageSchema = v.object({
  items: v.array(ActivitySchema),
  nextCursor: v.nullable(v.pipe(v.string(), v.maxLength(2048))),
});

export const AnnouncementSchema = v.object({
  id,
  kind: v.picklist(['feature', 'release', 'maintenance', 'update']),
  title: nonEmptyText,
  body: text,
  publishedAt: instant,
  severity: v.optional(v.picklist(['info', 'warning', 'critical'])),
  url: v.optional(v.pipe(v.string(), v.maxLength(2048))),
  window: v.optional(
    v.pipe(
      v.object({ start: instant, end: instant }),
      v.forward(
        v.check((w) => Date.parse(w.end) >= Date.parse(w.start), 'the window ends before it starts'),
        ['end'],
      ),
    ),
  ),
});

export const AnnouncementListSchema = v.array(AnnouncementSchema);

export const ViewerAccessSchema = v.object({
  // Unknown permissions from a newer backend are dropped, not fatal.
  permissions: v.pipe(
    v.array(v.string()),
    v.transform((list) =>
      list.filter((p): p is Permission => (PERMISSIONS as readonly string[]).includes(p)),
    ),
  ),
  role: v.optional(text),
});

export const DashboardEventSchema = v.variant('topic', [
  v.object({ topic: v.literal('organization'), data: OrganizationSchema }),
  v.object({ topic: v.literal('workspaces'), data: WorkspaceStatsSchema }),
  v.object({ topic: v.literal('billing'), data: BillingSummarySchema }),
  v.object({ topic: v.literal('plan'), data: PlanSummarySchema }),
  v.object({ topic: v.literal('activity'), data: ActivitySchema }),
  v.object({ topic: v.literal('announcements'), data: AnnouncementSchema }),
]);

/** Objects that already passed validation, so a second look costs nothing. */
const validated = new WeakSet<object>();

function formatPath(issue: v.BaseIssue<unknown>): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    path += typeof key === 'number' ? `[${key}]` : path ? `.${String(key)}` : String(key);
  }
  return path;
}

function parseWith<T>(schema: v.GenericSchema<unknown, T>, what: string, value: unknown): T {
  if (typeof value === 'object' && value !== null && validated.has(value)) return value as T;
  const result = v.safeParse(schema, value, { abortEarly: true });
  if (!result.success) {
    const issue = result.issues[0];
    const path = formatPath(issue);
    throw new DashboardError(
      'invalid-data',
      `Invalid ${what}${path ? ` at ${path}` : ''}: ${issue.message}`,
      { path },
    );
  }
  const output = result.output;
  if (typeof output === 'object' && output !== null) validated.add(output);
  return output;
}

export const parseOrganization = (value: unknown): Organization =>
  parseWith(OrganizationSchema, 'organization', value);
export const parseViewerAccess = (value: unknown): ViewerAccess =>
  parseWith(ViewerAccessSchema, 'access', value);
export const parseWorkspaceStats = (value: unknown): WorkspaceStats =>
  parseWith(WorkspaceStatsSchema, 'workspace stats', value);
export const parseBillingSummary = (value: unknown): BillingSummary =>
  parseWith(BillingSummarySchema, 'billing summary', value);
export const parsePlanSummary = (value: unknown): PlanSummary => parseWith(PlanSummarySchema, 'plan', value);
export const parseActivity = (value: unknown): Activity => parseWith(ActivitySchema, 'activity', value);
export const parseActivityPage = (value: unknown): ActivityPage =>
  parseWith(ActivityPageSchema, 'activity page', value);
export const parseAnnouncements = (value: unknown): Announcement[] =>
  parseWith(AnnouncementListSchema, 'announcements', value);
export const parseDashboardEvent = (value: unknown): DashboardEvent =>
  parseWith(DashboardEventSchema, 'live event', value) as DashboardEvent;
