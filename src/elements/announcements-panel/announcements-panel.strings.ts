/** Texts of `<announcements-panel>`. Keys start with `announcements` so they never clash across cards. */
export const announcementsPanelStrings = {
  announcementsTitle: 'Announcements',
};

export type AnnouncementsPanelStrings = typeof announcementsPanelStrings;
