/**
 * `org-dashboard-elements/react`: React components for every element, made
 * with `@lit/react`, for React 18 hosts (React 19 renders the tags natively)
 * and for typed props and event props in either.
 *
 * Importing this entry registers the default tags (it imports the `define`
 * entry). Event props are named after the event without its `od-` prefix
 * (`onViewInvoices` for `od-view-invoices`); `od-error` is `onDashboardError`,
 * since `onError` already means the DOM's `error` event in React.
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import './define.js';
import type { DashboardActionEvent } from './base/actions.js';
import type { DashboardErrorEvent } from './base/events.js';
import { ActivityFeed as ActivityFeedElement } from './elements/activity-feed/activity-feed.js';
import { ActivityLog as ActivityLogElement } from './elements/activity-log/activity-log.js';
import type {
  ActivityLogFilterChangeEvent,
  ExportCsvEvent,
} from './elements/activity-log/activity-log.events.js';
import { AnnouncementsPanel as AnnouncementsPanelElement } from './elements/announcements-panel/announcements-panel.js';
import type { AnnouncementDismissEvent } from './elements/announcements-panel/announcements-panel.events.js';
import { BillingCard as BillingCardElement } from './elements/billing-card/billing-card.js';
import { OrgDashboard as OrgDashboardElement } from './elements/org-dashboard/org-dashboard.js';
import { OrgDashboardProvider as OrgDashboardProviderElement } from './elements/org-dashboard-provider/org-dashboard-provider.js';
import { OrgInfoCard as OrgInfoCardElement } from './elements/org-info-card/org-info-card.js';
import type { CopyOrgIdEvent } from './elements/org-info-card/org-info-card.events.js';
import { PlanCard as PlanCardElement } from './elements/plan-card/plan-card.js';
import type { CreditsLowEvent } from './elements/plan-card/plan-card.events.js';
import { WorkspaceStatsCard as WorkspaceStatsCardElement } from './elements/workspace-stats-card/workspace-stats-card.js';

const onDashboardError = 'od-error' as EventName<DashboardErrorEvent>;
const onCopyOrgId = 'od-copy-org-id' as EventName<CopyOrgIdEvent>;
const onViewInvoices = 'od-view-invoices' as EventName<DashboardActionEvent>;
const onManageSubscription = 'od-manage-subscription' as EventName<DashboardActionEvent>;
const onAddCredits = 'od-add-credits' as EventName<DashboardActionEvent>;
const onCreditsLow = 'od-credits-low' as EventName<CreditsLowEvent>;
const onShowMoreActivities = 'od-show-more-activities' as EventName<DashboardActionEvent>;
const onAnnouncementDismiss = 'od-announcement-dismiss' as EventName<AnnouncementDismissEvent>;
const onActivityLogFilterChange = 'od-activity-log-filter-change' as EventName<ActivityLogFilterChangeEvent>;
const onExportCsv = 'od-export-csv' as EventName<ExportCsvEvent>;

/** `<org-dashboard-provider>`: the org context for every element inside it. */
export const OrgDashboardProvider = createComponent({
  react: React,
  tagName: 'org-dashboard-provider',
  elementClass: OrgDashboardProviderElement,
  displayName: 'OrgDashboardProvider',
});

/** `<org-info-card>`. */
export const OrgInfoCard = createComponent({
  react: React,
  tagName: 'org-info-card',
  elementClass: OrgInfoCardElement,
  displayName: 'OrgInfoCard',
  events: { onCopyOrgId, onDashboardError },
});

/** `<workspace-stats-card>`. */
export const WorkspaceStatsCard = createComponent({
  react: React,
  tagName: 'workspace-stats-card',
  elementClass: WorkspaceStatsCardElement,
  displayName: 'WorkspaceStatsCard',
  events: { onDashboardError },
});

/** `<billing-card>`. */
export const BillingCard = createComponent({
  react: React,
  tagName: 'billing-card',
  elementClass: BillingCardElement,
  displayName: 'BillingCard',
  events: { onViewInvoices, onDashboardError },
});

/** `<plan-card>`. */
export const PlanCard = createComponent({
  react: React,
  tagName: 'plan-card',
  elementClass: PlanCardElement,
  displayName: 'PlanCard',
  events: { onManageSubscription, onAddCredits, onCreditsLow, onDashboardError },
});

/** `<activity-feed>`. */
export const ActivityFeed = createComponent({
  react: React,
  tagName: 'activity-feed',
  elementClass: ActivityFeedElement,
  displayName: 'ActivityFeed',
  events: { onShowMoreActivities, onDashboardError },
});

/** `<announcements-panel>`. */
export const AnnouncementsPanel = createComponent({
  react: React,
  tagName: 'announcements-panel',
  elementClass: AnnouncementsPanelElement,
  displayName: 'AnnouncementsPanel',
  events: { onAnnouncementDismiss, onDashboardError },
});

/** `<activity-log>`: the full, filterable activity log that "Show more" leads to. */
export const ActivityLog = createComponent({
  react: React,
  tagName: 'activity-log',
  elementClass: ActivityLogElement,
  displayName: 'ActivityLog',
  events: { onActivityLogFilterChange, onExportCsv, onDashboardError },
});

/** `<org-dashboard>`: the whole dashboard; its cards' events bubble to it. */
export const OrgDashboard = createComponent({
  react: React,
  tagName: 'org-dashboard',
  elementClass: OrgDashboardElement,
  displayName: 'OrgDashboard',
  events: {
    onCopyOrgId,
    onViewInvoices,
    onManageSubscription,
    onAddCredits,
    onCreditsLow,
    onShowMoreActivities,
    onAnnouncementDismiss,
    onDashboardError,
  },
});
