import type { Activity } from '../contract/types.js';
import type { FormatContext } from '../format/format.js';
import { fillPlural } from '../i18n/plural.js';
import { fill } from '../strings/template.js';
import type { DashboardStrings } from '../strings/strings.js';
import type { ActivityNameStrings } from '../strings/activity-names.js';
import { isolatedText } from './isolated-text.js';

/**
 * The sentences an activity is told in, by the feed and the log alike (each with its own texts):
 * the summary (`{resourceType}`, `{action}`, `{resourceName}`) and who did it (`{actor}`), every
 * name in a `<bdi>` with the part hosts style it by.
 */
const activitySummaryText = isolatedText({
  resourceType: 'resource-type',
  action: 'activity-action',
  resourceName: 'resource-name',
});
export const activityActorText = isolatedText({ actor: 'actor' });

/** Whether an optional name from the data is there to show (not missing or blank). */
export const present = (text: string | undefined): text is string => Boolean(text?.trim());

type NameKey = keyof ActivityNameStrings;

/** The API's resource types and actions with a text of their own (strings/activity-names.ts). */
const RESOURCE_TYPES: Record<string, NameKey> = {
  Organization: 'activityResourceOrganization',
  Workspaces: 'activityResourceWorkspaces',
  Members: 'activityResourceMembers',
  Invoices: 'activityResourceInvoices',
  Plans: 'activityResourcePlans',
  'API Keys': 'activityResourceApiKeys',
  Credits: 'activityResourceCredits',
  'Payment Methods': 'activityResourcePaymentMethods',
};
const ACTIONS: Record<string, NameKey> = {
  Fetch: 'activityActionFetch',
  'Fetch All': 'activityActionFetchAll',
  Create: 'activityActionCreate',
  Update: 'activityActionUpdate',
  Delete: 'activityActionDelete',
};

const named = (table: Record<string, NameKey>, value: string, strings: DashboardStrings): string =>
  (Object.hasOwn(table, value) && strings[table[value]]) || value;

/** A resource type in the active language when the API's name is known, else as the data gives it. */
export const resourceTypeName = (value: string, strings: DashboardStrings): string =>
  named(RESOURCE_TYPES, value, strings);

/** An action in the active language when the API's name is known, else as the data gives it. */
export const actionName = (value: string, strings: DashboardStrings): string =>
  named(ACTIONS, value, strings);

/**
 * An activity's summary in one of the element's own patterns (`withName` when it names its
 * resource), its type and action named in the active language. Names come from data in any
 * script: each is isolated (`<bdi>`) so it cannot reorder the sentence.
 */
export const activitySummary = (
  { resourceType, action, resourceName }: Activity,
  withName: string,
  withoutName: string,
  strings: DashboardStrings,
) =>
  activitySummaryText(present(resourceName) ? withName : withoutName, {
    resourceType: resourceTypeName(resourceType, strings),
    action: actionName(action, strings),
    resourceName,
  });

/**
 * What a screen reader hears of `count` activities that arrived live (`activityLiveNew`), the
 * newest told in the element's own summary pattern: said alike by the feed and the log.
 */
export function liveActivitiesText(
  newest: Activity,
  count: number,
  summaryPattern: string,
  strings: DashboardStrings,
  format: FormatContext,
): string {
  const summary = fill(summaryPattern, {
    resourceType: resourceTypeName(newest.resourceType, strings),
    action: actionName(newest.action, strings),
  });
  return fillPlural(strings.activityLiveNew, count, format, { summary });
}
