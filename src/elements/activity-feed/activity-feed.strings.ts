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
};

export type ActivityFeedStrings = typeof activityFeedStrings;
