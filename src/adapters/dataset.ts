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
import type { ActivityRetention } from './activity-query.js';

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
  /**
   * How long the backend keeps activity: pages leave out older entries and carry `retentionDays`.
   * Without it, every entry is kept and pages say nothing of retention.
   */
  activityRetention?: ActivityRetention;
}

/** Datasets by organization id. */
export type DashboardDataset = Record<string, OrgDataset>;

/**
 * `item` in `list` (newest first by `time`), replacing an entry with its id: a late event lands
 * at its place in time, as a real backend's pages would have it, not at the top.
 */
function placeByTime<T extends { id: string }>(list: readonly T[], item: T, time: (entry: T) => string): T[] {
  const rest = list.filter((entry) => entry.id !== item.id);
  const at = Date.parse(time(item));
  const index = rest.findIndex((entry) => Date.parse(time(entry)) < at);
  return index < 0 ? [...rest, item] : [...rest.slice(0, index), item, ...rest.slice(index)];
}

/** The live topics that send a whole snapshot: each is named after the field of `OrgDataset` it replaces. */
type SnapshotTopic = Exclude<DashboardEvent['topic'], 'activity' | 'announcements'>;

function replaceSnapshot<T extends SnapshotTopic>(dataset: OrgDataset, topic: T, data: OrgDataset[T]): void {
  dataset[topic] = data;
}

/**
 * Applies a live event to an org's data: snapshots replace; `activity` and `announcements` add
 * one entry at its place in time (newest first), deduplicated by id.
 */
export function applyEvent(dataset: OrgDataset, event: DashboardEvent): void {
  switch (event.topic) {
    case 'activity':
      dataset.activities = placeByTime(dataset.activities, event.data, (a) => a.occurredAt);
      break;
    case 'announcements':
      dataset.announcements = placeByTime(dataset.announcements, event.data, (a) => a.publishedAt);
      break;
    default:
      replaceSnapshot(dataset, event.topic, event.data);
  }
}
