import { isolatedText } from './isolated-text.js';

/**
 * The sentences an activity is told in, by the feed and the log alike (each with its own texts):
 * the summary (`{resourceType}`, `{action}`, `{resourceName}`) and who did it (`{actor}`), every
 * name in a `<bdi>` with the part hosts style it by.
 */
export const activitySummaryText = isolatedText({
  resourceType: 'resource-type',
  action: 'activity-action',
  resourceName: 'resource-name',
});
export const activityActorText = isolatedText({ actor: 'actor' });

/** Whether an optional name from the data is there to show (not missing or blank). */
export const present = (text: string | undefined): text is string => Boolean(text?.trim());
