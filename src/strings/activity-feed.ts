import type { PluralMessage } from './plural-message.js';

/** Texts of `<activity-feed>`. Keys start with `activity` so they never clash across cards. */
export const activityFeedStrings = {
  activityTitle: 'Recent activity',
  /** `{resourceType}`, `{action}`: as the data names them ("Workspaces", "Create"). */
  activitySummary: '{resourceType} · {action}',
  /** As `activitySummary`, for entries that name the resource (`{resourceName}`). */
  activitySummaryWithName: '{resourceType} · {action} — {resourceName}',
  /** `{actor}`: who did it. */
  activityBy: 'by {actor}',
  activityEmpty: 'No activity yet',
  activityShowMore: 'Show more',
  /**
   * Said by screen readers when entries arrive live. `{count}`: how many;
   * `{summary}`: the newest one, as `activitySummary` says it.
   */
  activityLiveNew: {
    one: 'New activity: {summary}',
    other: '{count} new activities, latest: {summary}',
  } as PluralMessage,

  // Names of the resource types and actions the API uses; any other name is shown as the data gives it.
  activityResourceOrganization: 'Organization',
  activityResourceWorkspaces: 'Workspaces',
  activityResourceMembers: 'Members',
  activityResourceInvoices: 'Invoices',
  activityResourcePlans: 'Plans',
  activityResourceApiKeys: 'API Keys',
  activityResourceCredits: 'Credits',
  activityResourcePaymentMethods: 'Payment Methods',
  activityActionFetch: 'Fetch',
  activityActionFetchAll: 'Fetch All',
  activityActionCreate: 'Create',
  activityActionUpdate: 'Update',
  activityActionDelete: 'Delete',
};

export type ActivityFeedStrings = typeof activityFeedStrings;
