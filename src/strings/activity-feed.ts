import { activityNameStrings } from './activity-names.js';
import type { PluralMessage } from './plural-message.js';

/**
 * Said by screen readers when entries arrive live, by the feed and the log. `{count}`: how many;
 * `{summary}`: the newest one, as the element's summary text says it.
 */
export const activityLiveNew: Exclude<PluralMessage, string> = {
  one: 'New activity: {summary}',
  other: '{count} new activities, latest: {summary}',
};

/** Texts of `<activity-feed>`. Keys start with `activity` so they never clash across cards. */
export const activityFeedStrings = {
  activityTitle: 'Recent activity',
  /** `{resourceType}`, `{action}`: their names ("Workspaces", "Create"; activity-names.ts). */
  activitySummary: '{resourceType} · {action}',
  /** As `activitySummary`, for entries that name the resource (`{resourceName}`). */
  activitySummaryWithName: '{resourceType} · {action} — {resourceName}',
  /** `{actor}`: who did it. */
  activityBy: 'by {actor}',
  activityEmpty: 'No activity yet',
  activityShowMore: 'Show more',
  activityLiveNew,

  // The resource types' and actions' names, shared with the activity log.
  ...activityNameStrings,
};

export type ActivityFeedStrings = typeof activityFeedStrings;
