import type {
  Activity,
  DashboardEvent,
  Announcement,
  BillingSummary,
  Organization,
  PlanSummary,
  ViewerAccess,
  WorkspaceStats,
} from '../contract/types.js';

/** Everything one organization's dashboard shows: what the memory adapter and the MSW handlers serve. */
export interface OrgDataset {
  organization: Organization;
  access: ViewerAccess;
  workspaces: WorkspaceStats;
  billing: BillingSummary;
  plan: PlanSummary;
  /** Newest first. */
  activities: Activity[];
  announcements: Announcement[];
}

/** Datasets by organization id. */
export type DashboardDataset = Record<string, OrgDataset>;

/** Applies a live event to an org's data: snapshots replace, `activity` and `announcements` add one entry at the top, deduplicated by id. */
export function applyEvent(dataset: OrgDataset, event: DashboardEvent): void {
  switch (event.topic) {
    case 'organization':
      dataset.organization = event.data;
      break;
    case 'workspaces':
      dataset.workspaces = event.data;
      break;
    case 'billing':
      dataset.billing = event.data;
      break;
    case 'plan':
      dataset.plan = event.data;
      break;
    case 'activity':
      dataset.activities = [event.data, ...dataset.activities.filter((a) => a.id !== event.data.id)];
      break;
    case 'announcements':
      dataset.announcements = [event.data, ...dataset.announcements.filter((a) => a.id !== event.data.id)];
      break;
  }
}
