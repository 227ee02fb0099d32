import type { PluralMessage } from './plural-message.js';

/** Texts of `<announcements-panel>`. Keys start with `announcements` so they never clash across cards. */
export const announcementsPanelStrings = {
  announcementsTitle: 'Announcements',
  /** The empty state: the organization has no announcements at all. */
  announcementsEmpty: 'No announcements',
  /** The empty state when every announcement was dismissed by the viewer. */
  announcementsAllDismissed: 'No new announcements. You dismissed all of them.',

  // What kind of announcement it is (a badge).
  announcementsKindFeature: 'New feature',
  announcementsKindRelease: 'Release',
  announcementsKindMaintenance: 'Maintenance',
  announcementsKindUpdate: 'Update',

  // How important it is (a badge; never shown by color alone).
  announcementsSeverityInfo: 'Info',
  announcementsSeverityWarning: 'Warning',
  announcementsSeverityCritical: 'Critical',

  /** `{time}`: the exact date and time it was published, shown on hover and focus of the relative time. */
  announcementsPublishedAt: 'Published {time}',

  /** Label of the window of a maintenance announcement. */
  announcementsWindowLabel: 'Maintenance window',
  /** Label of the window of any other kind of announcement. */
  announcementsScheduledLabel: 'Scheduled',
  /**
   * A window still to come. `{when}`: the day, relative ("tomorrow", "in 3 days") or a date
   * when it is more than a week away; `{range}`: the times, in the viewer's time zone.
   */
  announcementsWindowUpcoming: '{when}, {range}',
  /**
   * A window in progress. `{duration}`: the time until it ends, in the locale's short units
   * ("1 hr, 20 min", "2 days, 3 hr"), never 0; `{range}`: as in `announcementsWindowUpcoming`.
   */
  announcementsWindowOngoing: 'In progress, ends in {duration} ({range})',
  /** A window that is over. `{when}`, `{range}`: as in `announcementsWindowUpcoming`. */
  announcementsWindowEnded: 'Completed ({when}, {range})',

  /** Badge of an announcement published since the viewer last marked them read (beside the title). */
  announcementsNew: 'New',
  /** Beside the heading: how many announcements are new. `{count}`: how many. */
  announcementsNewCount: {
    one: '{count} new',
    other: '{count} new',
  } as PluralMessage,
  /** The header button that marks every announcement read (shown while some are new). */
  announcementsMarkAllRead: 'Mark all as read',
  /** Said by screen readers after "Mark all as read". */
  announcementsMarkedReadNotice: 'All announcements marked as read',

  announcementsLearnMore: 'Learn more',
  /** Accessible name of "Learn more": keep the visible text at its start. `{title}`: the announcement's title. */
  announcementsLearnMoreLabel: 'Learn more: {title}',
  /** Accessible name of the dismiss (×) button. `{title}`: the announcement's title. */
  announcementsDismiss: 'Dismiss: {title}',
  announcementsRestore: 'Restore',
  /** Accessible name of "Restore": keep the visible text at its start. `{title}`: the announcement's title. */
  announcementsRestoreLabel: 'Restore: {title}',
  /** Badge of a dismissed announcement while dismissed ones are shown. */
  announcementsDismissedBadge: 'Dismissed',
  /** The toggle that shows dismissed announcements again. `{count}`: how many there are. */
  announcementsShowDismissed: {
    one: 'Show dismissed ({count})',
    other: 'Show dismissed ({count})',
  } as PluralMessage,
  /** Said by screen readers after a dismiss. `{title}`: the announcement's title. */
  announcementsDismissedNotice: 'Dismissed “{title}”',
  /** Said by screen readers after a restore. `{title}`: the announcement's title. */
  announcementsRestoredNotice: 'Restored “{title}”',
  /**
   * Said by screen readers when announcements arrive live. `{count}`: how
   * many; `{title}`: the newest one's title.
   */
  announcementsLiveNew: {
    one: 'New announcement: {title}',
    other: '{count} new announcements, latest: {title}',
  } as PluralMessage,
};

export type AnnouncementsPanelStrings = typeof announcementsPanelStrings;
