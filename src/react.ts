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
import { createComponent, type EventName, type Options } from '@lit/react';
import type { LitElement } from 'lit';
import * as React from 'react';
import './define.js';
import type { ActionEventName, DashboardActionEvent } from './base/actions.js';
import { DashboardErrorEvent } from './base/events.js';
import { ActivityFeed as ActivityFeedElement } from './elements/activity-feed/activity-feed.js';
import { ActivityLog as ActivityLogElement } from './elements/activity-log/activity-log.js';
import { ActivityLogFilterChangeEvent, ExportCsvEvent } from './elements/activity-log/activity-log.events.js';
import { AnnouncementsPanel as AnnouncementsPanelElement } from './elements/announcements-panel/announcements-panel.js';
import {
  AnnouncementDismissEvent,
  AnnouncementsReadEvent,
} from './elements/announcements-panel/announcements-panel.events.js';
import { BillingCard as BillingCardElement } from './elements/billing-card/billing-card.js';
import { OrgDashboard as OrgDashboardElement } from './elements/org-dashboard/org-dashboard.js';
import { OrgDashboardProvider as OrgDashboardProviderElement } from './elements/org-dashboard-provider/org-dashboard-provider.js';
import { OrgInfoCard as OrgInfoCardElement } from './elements/org-info-card/org-info-card.js';
import { CopyOrgIdEvent } from './elements/org-info-card/org-info-card.events.js';
import { PlanCard as PlanCardElement } from './elements/plan-card/plan-card.js';
import {
  CreditsLowEvent,
  CreditsPurchasedEvent,
  LowCreditThresholdChangeEvent,
} from './elements/plan-card/plan-card.events.js';
import { WorkspaceStatsCard as WorkspaceStatsCardElement } from './elements/workspace-stats-card/workspace-stats-card.js';

/** An event class's own `eventName`, typed so that a React handler receives that class. */
function nameOf<E extends Event>(eventClass: {
  readonly eventName: string;
  readonly prototype: E;
}): EventName<E> {
  return eventClass.eventName as EventName<E>;
}

/** A quick action's event: one class, `DashboardActionEvent`, carries the four names (`ActionEventName`). */
function actionNamed(type: ActionEventName): EventName<DashboardActionEvent> {
  return type as EventName<DashboardActionEvent>;
}

const onDashboardError = nameOf(DashboardErrorEvent);
const onCopyOrgId = nameOf(CopyOrgIdEvent);
const onViewInvoices = actionNamed('od-view-invoices');
const onManageSubscription = actionNamed('od-manage-subscription');
const onAddCredits = actionNamed('od-add-credits');
const onCreditsLow = nameOf(CreditsLowEvent);
const onCreditsPurchased = nameOf(CreditsPurchasedEvent);
const onLowCreditThresholdChange = nameOf(LowCreditThresholdChangeEvent);
const onShowMoreActivities = actionNamed('od-show-more-activities');
const onAnnouncementDismiss = nameOf(AnnouncementDismissEvent);
const onAnnouncementsRead = nameOf(AnnouncementsReadEvent);
const onActivityLogFilterChange = nameOf(ActivityLogFilterChangeEvent);
const onExportCsv = nameOf(ExportCsvEvent);

/** `A` when X and Y are the same type (readonly-ness included), else `B`. */
type IfEquals<X, Y, A, B> = (<G>() => G extends X ? 1 : 2) extends <G>() => G extends Y ? 1 : 2 ? A : B;

/**
 * An element's settable properties: its own (not Lit's), writable (not a getter-only `state`), not
 * methods. `@lit/react` types every member as a prop, and sets any prop the element has as a property,
 * so `<PlanCard state="ready" />` type-checked and threw a TypeError at render (setting a getter-only
 * property), and `requestUpdate={...}` replaced the element's method.
 */
export type ElementSettableProps<I> = {
  // Over `keyof I` itself, so that `{ [Q in K]: I[K] }` keeps each member's `readonly`.
  [K in keyof I]-?: K extends keyof LitElement
    ? never
    : I[K] extends (...args: never[]) => unknown
      ? never
      : IfEquals<{ [Q in K]: I[K] }, { -readonly [Q in K]: I[K] }, K, never>;
}[keyof I];

/** A React component of an element: its settable properties, its events as props, and React's own. */
export type DashboardComponent<
  I extends HTMLElement,
  E extends Record<string, EventName | string>,
> = React.ForwardRefExoticComponent<
  Omit<React.HTMLAttributes<I>, keyof E | ElementSettableProps<I>> & {
    [K in keyof E]?: (event: E[K] extends EventName<infer T> ? T : Event) => void;
  } & Partial<Pick<I, ElementSettableProps<I>>> &
    React.RefAttributes<I>
>;

/**
 * `createComponent` with this package's React and the default tag; the component's display name
 * is the tag in PascalCase (`org-info-card` is `OrgInfoCard`), as its export is named.
 */
function wrap<I extends HTMLElement, E extends Record<string, EventName | string>>(
  tagName: string,
  elementClass: Options<I, E>['elementClass'],
  events: E,
): DashboardComponent<I, E> {
  const displayName = tagName.replace(/(?:^|-)([a-z])/g, (_, letter: string) => letter.toUpperCase());
  // The same component, accepting fewer props than `@lit/react` types: only those it can set.
  return createComponent({ react: React, tagName, elementClass, displayName, events }) as DashboardComponent<
    I,
    E
  >;
}

/** `<org-dashboard-provider>`: the org context for every element inside it. */
export const OrgDashboardProvider = wrap('org-dashboard-provider', OrgDashboardProviderElement, {});

/** Each card's events, as React props: also the dashboard's, to which they bubble. */
const orgInfoEvents = { onCopyOrgId, onDashboardError };
const workspaceStatsEvents = { onDashboardError };
const billingEvents = { onViewInvoices, onDashboardError };
const planEvents = {
  onManageSubscription,
  onAddCredits,
  onCreditsLow,
  onCreditsPurchased,
  onLowCreditThresholdChange,
  onDashboardError,
};
const activityFeedEvents = { onShowMoreActivities, onDashboardError };
const announcementsEvents = { onAnnouncementDismiss, onAnnouncementsRead, onDashboardError };

/** `<org-info-card>`. */
export const OrgInfoCard = wrap('org-info-card', OrgInfoCardElement, orgInfoEvents);

/** `<workspace-stats-card>`. */
export const WorkspaceStatsCard = wrap(
  'workspace-stats-card',
  WorkspaceStatsCardElement,
  workspaceStatsEvents,
);

/** `<billing-card>`. */
export const BillingCard = wrap('billing-card', BillingCardElement, billingEvents);

/** `<plan-card>`. */
export const PlanCard = wrap('plan-card', PlanCardElement, planEvents);

/** `<activity-feed>`. */
export const ActivityFeed = wrap('activity-feed', ActivityFeedElement, activityFeedEvents);

/** `<announcements-panel>`. */
export const AnnouncementsPanel = wrap('announcements-panel', AnnouncementsPanelElement, announcementsEvents);

/** `<activity-log>`: the full, filterable activity log that "Show more" leads to. */
export const ActivityLog = wrap('activity-log', ActivityLogElement, {
  onActivityLogFilterChange,
  onExportCsv,
  onDashboardError,
});

/** `<org-dashboard>`: the whole dashboard; its cards' events bubble to it. */
export const OrgDashboard = wrap('org-dashboard', OrgDashboardElement, {
  ...orgInfoEvents,
  ...workspaceStatsEvents,
  ...billingEvents,
  ...planEvents,
  ...activityFeedEvents,
  ...announcementsEvents,
});
