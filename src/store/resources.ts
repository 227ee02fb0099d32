/** What the store holds per organization, how each piece is fetched, and who may see it. */
import { READ_PERMISSION } from '../contract/access.js';
import {
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

type Fetcher<K extends ResourceKey> = (
  adapter: DashboardAdapter,
  orgId: string,
  signal: AbortSignal,
) => Promise<ResourceDataMap[K]>;

const byNewest =
  <T>(time: (item: T) => string) =>
  (a: T, b: T) =>
    Date.parse(time(b)) - Date.parse(time(a));
export const newestActivityFirst = byNewest<Activity>((a) => a.occurredAt);
export const newestAnnouncementFirst = byNewest<Announcement>((a) => a.publishedAt);

/** Every adapter response is validated here, whoever wrote the adapter. */
export const FETCHERS: { [K in ResourceKey]: Fetcher<K> } = {
  organization: async (a, id, signal) => parseOrganization(await a.getOrganization(id, { signal })),
  access: async (a, id, signal) => parseViewerAccess(await a.getAccess(id, { signal })),
  workspaces: async (a, id, signal) => parseWorkspaceStats(await a.getWorkspaceStats(id, { signal })),
  billing: async (a, id, signal) => parseBillingSummary(await a.getBilling(id, { signal })),
  plan: async (a, id, signal) => parsePlanSummary(await a.getPlan(id, { signal })),
  activity: async (a, id, signal) =>
    [...parseActivityPage(await a.listActivities(id, { limit: ACTIVITY_WINDOW, signal })).items].sort(
      newestActivityFirst,
    ),
  announcements: async (a, id, signal) =>
    [...parseAnnouncements(await a.listAnnouncements(id, { signal }))].sort(newestAnnouncementFirst),
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
