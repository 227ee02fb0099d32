/**
 * Run-time validation of everything an adapter returns: DESIGN.md's shapes as
 * schemas (schema.ts) and a parse function for each. A response that does not
 * match becomes a `DashboardError` with code `invalid-data` and the path of
 * the first bad field (parse-with.ts).
 */
import { PERMISSIONS } from './access.js';
import { instantMillis, isRealDay } from './instant.js';
import { parseWith } from './parse-with.js';
import {
  array,
  dictionary,
  extend,
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
  validItems,
  variant,
  type Path,
  type Schema,
} from './schema.js';
import type {
  Activity,
  ActivityPage,
  Announcement,
  BillingSummary,
  CreditUsage,
  DashboardEvent,
  Money,
  Organization,
  Permission,
  PlanSummary,
  ViewerAccess,
  WorkspaceStats,
} from './types.js';

export { invalidItemKey, invalidItemsOf, withInvalidItemsOf } from './parse-with.js';

const text = string;
const nonEmptyText = nonBlank;
const id = refine(string, (value) => value.length > 0, 'empty');
const count = integer(0, Number.MAX_SAFE_INTEGER);
const byId = (item: { id: string }) => item.id;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An RFC 3339 date-time that `Date` reads exactly (DESIGN.md, "Instants"; see instant.ts). */
const instant = refine(
  string,
  (value) => instantMillis(value) !== undefined,
  'expected an RFC 3339 date and time (YYYY-MM-DDThh:mm[:ss[.fraction]] and Z or ±hh:mm)',
);
const isoDate = refine(
  pattern(DATE, 'expected YYYY-MM-DD'),
  (value) => {
    const [year, month, day] = value.split('-').map(Number);
    return isRealDay(year, month, day);
  },
  'not a real date',
);
const yearMonth = pattern(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');

const currency = pattern(/^[A-Z]{3}$/, 'expected an ISO 4217 code');
const money: Schema<Money> = object({
  amountMinor: integer(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
  currency,
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
    othersByState: optional(dictionary(string, count)),
  }),
  (stats) => stats.others === stats.total - stats.active - stats.suspended,
  'others must equal total - active - suspended',
  'others',
);

/** A billing period: two calendar dates, the end (exclusive) after the start. */
const period = refine(
  object({ start: isoDate, end: isoDate }),
  // Dates of four-digit years compare as strings do.
  (p) => p.end > p.start,
  'the period must end after it starts',
  'end',
);

/**
 * Money in `currency`, else nothing: well-formed money in another currency is left out of the
 * parsed value rather than failing it.
 */
const moneyIn =
  (code: string): Schema<Money | undefined> =>
  (value, path) => {
    const checked = money(value, path);
    return checked.currency === code ? checked : undefined;
  };

/**
 * `forecastTotal` stands in for the card's projection of `currentMonthTotal` and is compared with
 * last month as that total would be, so it must be in `currentMonthTotal`'s currency. A forecast in
 * another currency is dropped without an error (as an unknown permission is): the rest of the
 * summary is good, and the card projects the total itself, as for a server that sends no forecast.
 */
const billingSummary: Schema<BillingSummary> = extend(
  object({
    currentMonthTotal: money,
    lastMonthTotal: money,
    nextInvoiceDate: isoDate,
    history: optional(validItems(object({ month: yearMonth, total: money }))),
    period: optional(period),
  }),
  (summary) => ({ forecastTotal: optional(moneyIn(summary.currentMonthTotal.currency)) }),
);

/** One day's credit usage: a calendar date and the credits used, never negative. */
const creditUsage: Schema<CreditUsage> = object({
  date: isoDate,
  credits: object({ amountMinor: count, currency }),
});

/**
 * The daily usage of credits in `code` (the balance's currency), as a list (DESIGN.md, "Lists"):
 * the runway divides the balance by it, so an entry in another currency is an invalid item
 * (`usage[3].credits.currency`), left out and reported like any other. One entry per day: a later
 * entry for a date already given is an invalid item too (`usage[5].date`); which of two amounts is
 * right cannot be known, so the first valid one stays, as for items with the same id. The valid
 * entries come out oldest first, whatever order they came in; days without an entry stay gaps.
 */
function creditUsageList(code: string): Schema<CreditUsage[]> {
  return (value, path) => {
    const days = new Set<string>();
    const entry: Schema<CreditUsage> = (item, place) => {
      const usage = creditUsage(item, place);
      if (usage.credits.currency !== code)
        throw new Invalid(`expected the balance's currency ${code}`, [[place, 'credits'], 'currency']);
      if (days.has(usage.date)) throw new Invalid(`a second entry for ${usage.date}`, [place, 'date']);
      days.add(usage.date);
      return usage;
    };
    return validItems(entry)(value, path).sort((a, b) => (a.date < b.date ? -1 : 1));
  };
}

/**
 * The amounts "Add credits" offers in `code` (the balance's currency, the one a purchase is made
 * in), as a list (DESIGN.md, "Lists"): a pack that is not positive whole minor units, or in another
 * currency, is an invalid item (`creditPacks[1].currency`), left out and reported. A second pack of
 * an amount already offered is the same choice: left out without a report, as a second copy of an
 * id is. The order is the server's: it is the order of the choices.
 */
function creditPackList(code: string): Schema<Money[]> {
  const pack = object({ amountMinor: integer(1, Number.MAX_SAFE_INTEGER), currency });
  const inBalanceCurrency: Schema<Money> = (item, place) => {
    const checked = pack(item, place);
    if (checked.currency !== code)
      throw new Invalid(`expected the balance's currency ${code}`, [place, 'currency']);
    return checked;
  };
  return validItems(inBalanceCurrency, (checked) => String(checked.amountMinor));
}

const planSummary: Schema<PlanSummary> = extend(
  object({
    name: nonEmptyText,
    availableCredits: money,
    lowCreditThreshold: optional(money),
  }),
  (plan) => ({
    usage: optional(creditUsageList(plan.availableCredits.currency)),
    creditPacks: optional(creditPackList(plan.availableCredits.currency)),
  }),
);

const activity: Schema<Activity> = object({
  id,
  resourceType: nonEmptyText,
  action: nonEmptyText,
  occurredAt: instant,
  actor: optional(object({ name: text })),
  resourceName: optional(text),
});

const activityPage: Schema<ActivityPage> = object({
  items: validItems(activity, byId),
  nextCursor: nullable(string),
  // An optional scalar as the others: one that is there but wrong makes the page invalid.
  retentionDays: optional(integer(1, Number.MAX_SAFE_INTEGER)),
});

const announcement: Schema<Announcement> = object({
  id,
  kind: picklist(['feature', 'release', 'maintenance', 'update']),
  title: nonEmptyText,
  body: text,
  publishedAt: instant,
  severity: optional(picklist(['info', 'warning', 'critical'])),
  url: optional(string),
  window: optional(
    refine(
      object({ start: instant, end: instant }),
      (w) => Date.parse(w.end) >= Date.parse(w.start),
      'the window ends before it starts',
      'end',
    ),
  ),
});

const announcementList = validItems(announcement, byId);
const activityList = validItems(activity, byId);

const viewerAccess: Schema<ViewerAccess> = object({
  // Unknown permissions from a newer backend are dropped, not fatal.
  permissions: (value: unknown, path: Path) =>
    array(string)(value, path).filter((p): p is Permission => (PERMISSIONS as readonly string[]).includes(p)),
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

export const parseOrganization = (value: unknown): Organization =>
  parseWith(organization, 'organization', value);
export const parseViewerAccess = (value: unknown): ViewerAccess => parseWith(viewerAccess, 'access', value);
export const parseWorkspaceStats = (value: unknown): WorkspaceStats =>
  parseWith(workspaceStats, 'workspace stats', value);
/**
 * Billing history keeps its valid months; `invalidItemsOf(summary)` has the rest (`history[1].month`).
 * A `forecastTotal` in another currency than `currentMonthTotal` is dropped (see `billingSummary`).
 */
export const parseBillingSummary = (value: unknown): BillingSummary =>
  parseWith(billingSummary, 'billing summary', value);
/**
 * Usage keeps its valid days, one per date, oldest first, and the credit packs their valid amounts,
 * one per amount, in the server's order; `invalidItemsOf(plan)` has the rest
 * (`usage[3].credits.currency`, `creditPacks[1].amountMinor`).
 */
export const parsePlanSummary = (value: unknown): PlanSummary => parseWith(planSummary, 'plan', value);
export const parseActivity = (value: unknown): Activity => parseWith(activity, 'activity', value);
/** Keeps the valid items, one per id; `invalidItemsOf(page)` has the rest (`items[1].kind`). */
export const parseActivityPage = (value: unknown): ActivityPage =>
  parseWith(activityPage, 'activity page', value);
/** A list of activities (controlled data of the feed), as `parseAnnouncements` treats its list. */
export const parseActivities = (value: unknown): Activity[] => parseWith(activityList, 'activities', value);
/** Keeps the valid items, one per id; `invalidItemsOf(list)` has the rest (`[1].kind`). */
export const parseAnnouncements = (value: unknown): Announcement[] =>
  parseWith(announcementList, 'announcements', value);

/**
 * A live event. A snapshot's left-out list items are found by the snapshot,
 * `invalidItemsOf(event.data)`, with paths from the snapshot (`history[1]`), as
 * for the same snapshot fetched.
 */
export const parseDashboardEvent = (value: unknown): DashboardEvent =>
  parseWith(dashboardEvent, 'live event', value, (event) => ({ owner: event.data, depth: 1 }));
