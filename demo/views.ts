/**
 * The page's two views, routed by the page itself (no framework): the dashboard at `./`, and the
 * full activity log at `?view=activity`, with the log's filters in the URL as the viewer changes
 * them (`?view=activity&resourceType=Workspaces&from=2026-11-01`). "Show more" in the dashboard
 * opens the log, the browser's Back and the "Back to dashboard" link return, a reload keeps the
 * view and its filters, and focus moves to the heading of each view opened.
 */
import type { ActivityLog } from '../src/elements/activity-log/activity-log.js';
import type { ActivityLogFilter } from '../src/elements/activity-log/activity-log.events.js';

/** The log's filters, as its properties and the event's `detail.filter` name them: the URL keeps each. */
const FILTERS = ['resourceType', 'action', 'from', 'to', 'query'] as const;

/** The URL of the log with `filter` in it. */
export function activityUrl(filter: ActivityLogFilter = {}): string {
  const params = new URLSearchParams({ view: 'activity' });
  for (const key of FILTERS) if (filter[key]) params.set(key, filter[key]);
  return `?${params}`;
}

/** A click that the browser should handle itself (new tab, new window, download). */
const opensElsewhere = (event: MouseEvent) =>
  event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey;

export function routeViews(page: {
  dashboardView: HTMLElement;
  activityView: HTMLElement;
  log: ActivityLog;
  backLink: HTMLAnchorElement;
}): void {
  const { dashboardView, activityView, log, backLink } = page;

  /** Shows the view the URL names; `moveFocus` after a navigation, not on the first load. */
  function show(moveFocus: boolean): void {
    const params = new URLSearchParams(location.search);
    const activity = params.get('view') === 'activity';
    dashboardView.hidden = activity;
    activityView.hidden = !activity;
    document.title = `${activity ? 'Activity' : 'Dashboard'} · Cloud Console`;
    // Setting the log's filters re-queries it; it fires no filter-change event for them.
    if (activity) for (const key of FILTERS) log[key] = params.get(key) ?? undefined;
    if (moveFocus) (activity ? activityView : dashboardView).querySelector<HTMLElement>('h1')?.focus();
  }

  function navigate(url: string): void {
    history.pushState(null, '', url);
    show(true);
  }

  // "Show more" in the activity feed: the card renders a real link to `links.activityLog` and fires
  // this cancelable event first; cancelling it routes here instead of loading a page.
  dashboardView.addEventListener('od-show-more-activities', (event) => {
    event.preventDefault();
    navigate(event.detail.href ?? activityUrl());
  });
  backLink.addEventListener('click', (event) => {
    if (opensElsewhere(event)) return;
    event.preventDefault();
    navigate(backLink.href);
  });
  // The viewer's filter changes replace the URL (Back still returns to the dashboard in one step).
  log.addEventListener('od-activity-log-filter-change', (event) => {
    history.replaceState(null, '', activityUrl(event.detail.filter));
  });
  window.addEventListener('popstate', () => show(true));
  show(false);
}
