import type {
  Activity,
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
