/** What the store holds per organization, how each piece is fetched, and who may see it. */
import { READ_PERMISSION } from '../contract/access.js';
import type { DashboardError } from '../contract/errors.js';
import {
  invalidItemsOf,
  parseActivityPage,
  parseAnnouncements,
  parseBillingSummary,
  parseOrganization,
  parsePlanSummary,
  parseViewerAccess,
  parseWorkspaceStats,
} from '../contract/validation.js';
import type {
  Activity,
  Announcement,
  BillingSummary,
  DashboardAdapter,
  DashboardTopic,
  Organization,
  Permission,
  PlanSummary,
  ViewerAccess,
  WorkspaceStats,
} from '../contract/types.js';
import { uniqueById } from './lists.js';

export interface ResourceDataMap {
  organization: Organization;
  access: ViewerAccess;
  workspaces: WorkspaceStats;
  billing: BillingSummary;
  plan: PlanSummary;
  /** The latest activities, newest first. */
  activity: Activity[];
  /** Newest first. */
  announcements: Announcement[];
}

export type ResourceKey = keyof ResourceDataMap;

/** How many of the latest activities the store keeps for feeds. */
export const ACTIVITY_WINDOW = 50;

/** A validated response: the data, and the items a list left out as invalid. */
export interface Fetched<K extends ResourceKey> {
  data: ResourceDataMap[K];
  invalid: readonly DashboardError[];
}

type Fetcher<K extends ResourceKey> = (
  adapter: DashboardAdapter,
  orgId: string,
  signal: AbortSignal,
) => Promise<Fetched<K>>;

/**
 * Newest first; entries of the same instant by id, so the order never depends
 * on which source delivered them first (plain code-unit order: no locale).
 */
const byNewest =
  <T extends { id: string }>(time: (item: T) => string) =>
  (a: T, b: T) =>
    Date.parse(time(b)) - Date.parse(time(a)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
export const newestActivityFirst = byNewest<Activity>((a) => a.occurredAt);
export const newestAnnouncementFirst = byNewest<Announcement>((a) => a.publishedAt);

/** A snapshot; the items its own lists left out (billing history) are found by the snapshot itself. */
const whole = <T extends object>(data: T) => ({ data, invalid: invalidItemsOf(data) });

/** One entry per id (the first copy, as the response ordered them), sorted; the list's left-out items kept. */
function list<T extends { id: string }>(
  parsed: object,
  items: readonly T[],
  order: (a: T, b: T) => number,
): { data: T[]; invalid: readonly DashboardError[] } {
  // Read before copying: the left-out items are found by the parsed value itself.
  const invalid = invalidItemsOf(parsed).length ? invalidItemsOf(parsed) : invalidItemsOf(items);
  return { data: uniqueById(items).sort(order), invalid };
}

/** Every adapter response is validated here, whoever wrote the adapter. */
export const FETCHERS: { [K in ResourceKey]: Fetcher<K> } = {
  organization: async (a, id, signal) => whole(parseOrganization(await a.getOrganization(id, { signal }))),
  access: async (a, id, signal) => whole(parseViewerAccess(await a.getAccess(id, { signal }))),
  workspaces: async (a, id, signal) => whole(parseWorkspaceStats(await a.getWorkspaceStats(id, { signal }))),
  billing: async (a, id, signal) => whole(parseBillingSummary(await a.getBilling(id, { signal }))),
  plan: async (a, id, signal) => whole(parsePlanSummary(await a.getPlan(id, { signal }))),
  activity: async (a, id, signal) => {
    const page = parseActivityPage(await a.listActivities(id, { limit: ACTIVITY_WINDOW, signal }));
    return list(page, page.items, newestActivityFirst);
  },
  announcements: async (a, id, signal) => {
    const announcements = parseAnnouncements(await a.listAnnouncements(id, { signal }));
    return list(announcements, announcements, newestAnnouncementFirst);
  },
};

/** The permission each resource needs (DESIGN.md, "Access"); `access` itself needs none. */
export const REQUIRED_PERMISSION: { [K in ResourceKey]?: Permission } = READ_PERMISSION;

export const RESOURCE_FOR_TOPIC: Record<DashboardTopic, ResourceKey> = {
  organization: 'organization',
  workspaces: 'workspaces',
  billing: 'billing',
  plan: 'plan',
  activity: 'activity',
  announcements: 'announcements',
};
