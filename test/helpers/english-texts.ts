/** Every English text of the library, by key: what each shipped catalog is checked against. */
import { activityFeedStrings } from '../../src/strings/activity-feed.js';
import { activityLogStrings } from '../../src/strings/activity-log.js';
import { announcementsPanelStrings } from '../../src/strings/announcements-panel.js';
import { billingCardStrings } from '../../src/strings/billing-card.js';
import { cardStrings } from '../../src/strings/card.js';
import { orgInfoCardStrings } from '../../src/strings/org-info-card.js';
import { planCardStrings } from '../../src/strings/plan-card.js';
import type { PluralMessage } from '../../src/strings/plural-message.js';
import { workspaceStatsCardStrings } from '../../src/strings/workspace-stats-card.js';

export const englishTexts: Readonly<Record<string, PluralMessage>> = {
  ...cardStrings,
  ...orgInfoCardStrings,
  ...workspaceStatsCardStrings,
  ...billingCardStrings,
  ...planCardStrings,
  ...activityFeedStrings,
  ...activityLogStrings,
  ...announcementsPanelStrings,
};
