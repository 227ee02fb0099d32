/** Texts of `<activity-feed>`. Keys start with `activity` so they never clash across cards. */
export const activityFeedStrings = {
  activityTitle: 'Recent activity',
};

export type ActivityFeedStrings = typeof activityFeedStrings;
