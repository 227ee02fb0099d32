/**
 * Every replaceable text of the library, by key: what `strings` on a card or
 * the provider accepts. Each card's English defaults are a module of this
 * folder, so the whole set (and each translation of it) is one layer that
 * imports nothing else of ours.
 */
import type { CardStrings } from './card.js';
import type { ActivityFeedStrings } from './activity-feed.js';
import type { ActivityLogStrings } from './activity-log.js';
import type { AnnouncementsPanelStrings } from './announcements-panel.js';
import type { BillingCardStrings } from './billing-card.js';
import type { OrgInfoCardStrings } from './org-info-card.js';
import type { PlanCardStrings } from './plan-card.js';
import type { WorkspaceStatsCardStrings } from './workspace-stats-card.js';

export type DashboardStrings = CardStrings &
  OrgInfoCardStrings &
  WorkspaceStatsCardStrings &
  BillingCardStrings &
  PlanCardStrings &
  ActivityFeedStrings &
  ActivityLogStrings &
  AnnouncementsPanelStrings;

/** A translation: any subset of the texts; the rest stays English. */
export type Catalog = Partial<DashboardStrings>;

/** The keys whose text is a plain string (not a plural message), for code that needs a `string`. */
export type TextKey = {
  [K in keyof DashboardStrings]: DashboardStrings[K] extends string ? K : never;
}[keyof DashboardStrings];
