/**
 * The package root: element classes, adapters, errors and types, with no side
 * effects. Import `org-dashboard-elements/define` to register the default tags,
 * or register the classes under tag names of your own.
 */
export { OrgDashboardProvider } from './elements/org-dashboard-provider/org-dashboard-provider.js';
export { OrgInfoCard } from './elements/org-info-card/org-info-card.js';
export { WorkspaceStatsCard } from './elements/workspace-stats-card/workspace-stats-card.js';
export { BillingCard } from './elements/billing-card/billing-card.js';
export { PlanCard } from './elements/plan-card/plan-card.js';
export { ActivityFeed } from './elements/activity-feed/activity-feed.js';
export { ActivityLog } from './elements/activity-log/activity-log.js';
export { AnnouncementsPanel } from './elements/announcements-panel/announcements-panel.js';
export { OrgDashboard } from './elements/org-dashboard/org-dashboard.js';

export { CopyOrgIdEvent, type CopyOrgIdDetail } from './elements/org-info-card/org-info-card.events.js';
export {
  CreditsLowEvent,
  CreditsPurchasedEvent,
  LowCreditThresholdChangeEvent,
  type CreditsLowDetail,
  type CreditsPurchasedDetail,
  type LowCreditThresholdChangeDetail,
} from './elements/plan-card/plan-card.events.js';
export {
  AnnouncementDismissEvent,
  AnnouncementsReadEvent,
  type AnnouncementDismissDetail,
  type AnnouncementsReadDetail,
} from './elements/announcements-panel/announcements-panel.events.js';
export {
  ActivityLogFilterChangeEvent,
  ExportCsvEvent,
  type ActivityLogFilter,
  type ActivityLogFilterChangeDetail,
  type ExportCsvDetail,
} from './elements/activity-log/activity-log.events.js';
export { DashboardActionEvent, type ActionDetail, type ActionEventName } from './base/actions.js';
export { DashboardCard, type CardState } from './base/dashboard-card.js';
export { DashboardErrorEvent, type DashboardErrorDetail } from './base/events.js';

export { availableLocales, loadLocale, registerLocale, type CatalogLoader } from './i18n/catalogs.js';
export type { PluralCategory, PluralMessage } from './strings/plural-message.js';

export { createRestAdapter, type RestAdapterOptions } from './adapters/rest.js';
export {
  createMemoryAdapter,
  type MemoryAdapter,
  type MemoryAdapterMethod,
  type MemoryAdapterOptions,
  type MemoryFailNextOptions,
} from './adapters/memory.js';
export type { DashboardDataset, InjectedPurchase, OrgDataset } from './adapters/dataset.js';

export {
  DashboardError,
  isDashboardError,
  type DashboardErrorCode,
  type DashboardErrorOptions,
} from './contract/errors.js';
export type * from './contract/types.js';
export type { DashboardLinks, LinkKey } from './contract/links.js';
export {
  parseActivity,
  parseActivityPage,
  parseAnnouncements,
  parseBillingSummary,
  parseDashboardEvent,
  parseOrganization,
  parsePlanSummary,
  parseViewerAccess,
  parseWorkspaceStats,
} from './contract/validation.js';

export { dashboardContext, type DashboardContext, type AccessDeniedMode } from './base/dashboard-element.js';
export type { DashboardStore, ResourceState, ResourceStatus, StoreOptions } from './store/store.js';
export type { ResourceKey, ResourceDataMap } from './store/resources.js';
export type { Catalog, DashboardStrings } from './strings/strings.js';
export { cardStrings } from './strings/card.js';
export { orgInfoCardStrings } from './strings/org-info-card.js';
export { workspaceStatsCardStrings } from './strings/workspace-stats-card.js';
export { billingCardStrings } from './strings/billing-card.js';
export { planCardStrings } from './strings/plan-card.js';
export { activityFeedStrings } from './strings/activity-feed.js';
export { activityLogStrings } from './strings/activity-log.js';
export { announcementsPanelStrings } from './strings/announcements-panel.js';
