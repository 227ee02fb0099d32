/** Every replaceable text of the library, by key: what `strings` on a card or the provider accepts. */
import type { CardStrings } from '../base/card.strings.js';
import type { ActivityFeedStrings } from '../elements/activity-feed/activity-feed.strings.js';
import type { ActivityLogStrings } from '../elements/activity-log/activity-log.strings.js';
import type { AnnouncementsPanelStrings } from '../elements/announcements-panel/announcements-panel.strings.js';
import type { BillingCardStrings } from '../elements/billing-card/billing-card.strings.js';
import type { OrgInfoCardStrings } from '../elements/org-info-card/org-info-card.strings.js';
import type { PlanCardStrings } from '../elements/plan-card/plan-card.strings.js';
import type { WorkspaceStatsCardStrings } from '../elements/workspace-stats-card/workspace-stats-card.strings.js';

export type DashboardStrings = CardStrings &
  OrgInfoCardStrings &
  WorkspaceStatsCardStrings &
  BillingCardStrings &
  PlanCardStrings &
  ActivityFeedStrings &
  ActivityLogStrings &
  AnnouncementsPanelStrings;

/** The keys whose text is a plain string (not a plural message), for code that needs a `string`. */
export type TextKey = {
  [K in keyof DashboardStrings]: DashboardStrings[K] extends string ? K : never;
}[keyof DashboardStrings];
