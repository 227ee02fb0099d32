/**
 * The dashboard's cards by their default tags, in the order `<org-dashboard>` shows them (its own
 * table is private to src/elements/org-dashboard). No imports: tests that check what importing the
 * package does can use it.
 */
export const CARD_TAGS = [
  'org-info-card',
  'workspace-stats-card',
  'billing-card',
  'plan-card',
  'activity-feed',
  'announcements-panel',
] as const;

/** The text key of each card's heading, by its default tag. */
export const CARD_TITLE_KEYS = {
  'org-info-card': 'orgInfoTitle',
  'workspace-stats-card': 'workspacesTitle',
  'billing-card': 'billingTitle',
  'plan-card': 'planTitle',
  'activity-feed': 'activityTitle',
  'announcements-panel': 'announcementsTitle',
} as const satisfies Record<(typeof CARD_TAGS)[number], string>;

/** The cards a dashboard shows, in its grid's order (none until it has rendered). */
export const cardsOf = <
  T extends Element = HTMLElement & { state?: string; updateComplete?: Promise<unknown> },
>(
  dashboard: Element,
): T[] => [...(dashboard.shadowRoot?.querySelectorAll<T>('[part~="grid"] > *') ?? [])];
