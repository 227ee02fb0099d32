import { html, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { cardStyles } from '../../base/card.styles.js';
import { DashboardCard } from '../../base/dashboard-card.js';
import { ListSteps } from '../../base/controllers/list-steps.js';
import { ExactTimeController, exactTimeStyles } from '../../base/exact-time.js';
import { warningStyles } from '../../base/warning.js';
import type { Announcement } from '../../contract/types.js';
import { parseAnnouncements, withInvalidItemsOf } from '../../contract/validation.js';
import { ClockController } from '../../format/relative-time.js';
import { newestAnnouncementFirst } from '../../store/resources.js';
import { fillPlural } from '../../i18n/plural.js';
import type { DashboardStrings } from '../../strings/strings.js';
import { fill } from '../../strings/template.js';
import { AnnouncementDismissEvent, AnnouncementsReadEvent } from './announcements-panel.events.js';
import { announcementsPanelStrings } from '../../strings/announcements-panel.js';
import { announcementsPanelStyles } from './announcements-panel.styles.js';
import { renderAnnouncement, renderAnnouncementSkeleton, type ItemContext } from './announcement-item.js';
import { DismissedAnnouncements } from './dismissed-announcements.js';
import { ReadMark } from './read-mark.js';
import { focusControlOf, neighbourOf, renderHeaderControls } from './controls.js';

type Strings = DashboardStrings;

/**
 * @summary Platform announcements: new features, version releases, scheduled
 * maintenance (its window in the viewer's time zone, and while it runs the
 * time until it ends) and important updates, newest first, each with its
 * kind and severity as text, dismissible.
 *
 * Needs the `announcements:read` permission. New and changed announcements
 * arrive live.
 *
 * Announcements published since the viewer last marked them read carry
 * "New", and the header says how many; "Mark all as read" moves the viewer's
 * read mark to the newest announcement shown (see read-mark.ts for why not to
 * the viewer's clock). A viewer without a mark sees the last 14 days' as new;
 * dismissed ones are never new.
 *
 * Dismissals and the read mark are remembered in `localStorage` per
 * organization and, with `user-id`, per user (without it, per organization for
 * this browser); with controlled `data` too, under the `org-id` if any. Where
 * storage is disabled or full they last for the session. Panels of the same
 * org and user follow each other, on the page and in other tabs. "Show
 * dismissed" in the header shows dismissed ones again, each with a Restore button.
 *
 * @slot heading - Replaces the card's heading text.
 * @slot header-actions - Extra controls at the end of the header (after "Mark all as read" and "Show dismissed").
 * @slot error - Replaces the error message (the Retry button stays).
 * @slot empty - Replaces the empty message (no announcements, or all dismissed).
 *
 * @csspart card - The card's box.
 * @csspart header - The header row: heading and header actions.
 * @csspart title - The heading.
 * @csspart body - The content area; scrolls when the announcements do not fit.
 * @csspart list - The list of announcements.
 * @csspart item - Each announcement.
 * @csspart unread - Added to `item` while it is new to the viewer.
 * @csspart dismissed - Added to `item` while a dismissed announcement is shown again.
 * @csspart critical - Added to `item` for critical announcements.
 * @csspart item-title - An announcement's title.
 * @csspart badge - Each badge: kind, severity, "Dismissed" and "New".
 * @csspart new - The "New" badge, in the title of an announcement new to the viewer.
 * @csspart new-count - How many announcements are new, beside the heading.
 * @csspart kind - The kind badge (New feature, Release, Maintenance, Update).
 * @csspart severity - The severity badge (Info, Warning, Critical).
 * @csspart time - The relative time it was published (`<time>`), focusable for the exact time.
 * @csspart tooltip - The exact date and time shown on hover and focus.
 * @csspart value - The body text and the maintenance window.
 * @csspart item-body - An announcement's text (plain text, line breaks kept).
 * @csspart window - The maintenance window.
 * @csspart learn-more - The "Learn more" link.
 * @csspart action - Each button: dismiss, restore, mark all as read, show dismissed.
 * @csspart dismiss - The dismiss (×) button of an announcement.
 * @csspart restore - The Restore button of a dismissed announcement.
 * @csspart mark-read - The "Mark all as read" button in the header, shown while some are new.
 * @csspart show-dismissed - The "Show dismissed" toggle in the header.
 * @csspart message - The empty, error or no-access message.
 * @csspart error - The error message (also `message`).
 * @csspart no-access - The no-access notice (also `message`).
 * @csspart empty - The empty-state message (also `message`).
 * @csspart retry - The Retry buttons.
 * @csspart footer - The "last updated" note of the stale state, and the note about announcements left out.
 * @csspart stale - The "last updated" note of the stale state (also `footer`).
 * @csspart invalid-items - The note that some announcements could not be shown (also `footer`).
 *
 * @see The global design tokens (src/themes/tokens.ts; README, "Styling") this element's styles read are in its `cssProperties` in custom-elements.json, added from tokens.ts.
 * @cssprop [--od-announcements-height=22rem] - Height of the content area under a one-row header, at most 85% of the viewport's (so it fits at 400% zoom). The panel keeps that height in every state so nothing jumps: a header wrapped on a narrow panel, or a stale note, takes its room from the content area. `auto` lets the panel grow with its announcements.
 *
 * @fires od-announcements-read - The viewer marked all announcements as read; `detail: { orgId, readAt }`,
 * `readAt` the new read mark as an ISO 8601 instant. Not cancelable.
 * @fires od-announcement-dismiss - The viewer dismissed an announcement; `detail: { orgId, announcementId }`. Cancelable: `preventDefault()` keeps it shown.
 * @fires od-error - The data failed to load or refresh, or an announcement was left out as invalid (once
 * per item, `error.path` names it); `detail: { error, resource, orgId }`.
 */
export class AnnouncementsPanel extends DashboardCard<'announcements'> {
  static override properties: PropertyDeclarations = {
    userId: { attribute: 'user-id' },
    notice: { state: true, attribute: false },
  };

  static override styles = [cardStyles, exactTimeStyles, warningStyles, announcementsPanelStyles];

  /**
   * The signed-in user, so dismissals and the read mark are remembered per
   * user as well as per organization. Without it they are remembered per
   * organization for this browser. Any stable id works; it is only part of a
   * storage key.
   */
  userId?: string;

  protected readonly resource = 'announcements';
  protected readonly texts = { strings: announcementsPanelStrings, title: 'announcementsTitle' } as const;

  /** The last dismiss, restore or mark as read, for screen readers. */
  private notice = '';

  private readonly dismissed = new DismissedAnnouncements(this);
  private readonly readMark = new ReadMark(this);
  private readonly clock = new ClockController(this);
  private readonly exactTime = new ExactTimeController(this);
  private readonly steps = new ListSteps(this);

  protected readonly parse = (value: unknown): Announcement[] => {
    // Controlled data follows the store's rules too: newest first, one entry per id (the parse
    // keeps the first), invalid entries left out and found through invalidItemsOf.
    const parsed = parseAnnouncements(value);
    return withInvalidItemsOf(parsed, [...parsed].sort(newestAnnouncementFirst));
  };

  protected override isEmpty(data: Announcement[]): boolean {
    return this.dismissed.visibleOf(data).length === 0;
  }

  protected override getUpdateComplete(): Promise<boolean> {
    return this.steps.settle(() => super.getUpdateComplete());
  }

  /**
   * The viewer's dismissals and read mark, read when the panel connects if its org is known then
   * (its own, or that of a provider that has updated: `<org-dashboard>`'s). A page's first read of
   * localStorage loads the origin's storage, 5 to 25 ms, which the panel's first render (the
   * longest task of a dashboard's first render) then does not pay.
   */
  override connectedCallback(): void {
    super.connectedCallback();
    // A provider that has not updated yet names no org: the first update reads them.
    if (this.effectiveOrgId) this.#syncRemembered();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Before the base computes the state: which announcements are dismissed decides "empty".
    this.#syncRemembered();
    super.willUpdate(changed);
  }

  #syncRemembered(): void {
    this.dismissed.sync(this.effectiveOrgId ?? '', this.userId || undefined);
    this.readMark.sync(this.effectiveOrgId ?? '', this.userId || undefined);
  }

  protected override renderHeaderActions(strings: Strings) {
    const data = this.viewData ?? [];
    return renderHeaderControls(strings, this.formatContext, {
      unread: this.unreadOf(data).length,
      dismissed: this.dismissed.countIn(data),
      showingDismissed: this.dismissed.shown,
      notice: this.notice,
      markAllRead: this.markAllRead,
      toggleDismissed: this.toggleDismissed,
    });
  }

  /**
   * Announcements new since the last announcement: how many, and the newest one's title. New as
   * the "New" badges say (shown, and published since the read mark), so the two never disagree: one
   * sent late with an earlier date comes without a badge, and unsaid.
   */
  protected override liveSummary(previous: Announcement[], current: Announcement[], strings: Strings) {
    const wasNew = new Set(this.unreadOf(previous).map((a) => a.id));
    const added = this.unreadOf(current).filter((a) => !wasNew.has(a.id));
    if (added.length === 0) return undefined;
    return fillPlural(strings.announcementsLiveNew, added.length, this.formatContext, {
      title: added[0].title,
    });
  }

  protected override renderEmpty(strings: Strings): TemplateResult {
    const hasAny = (this.viewData?.length ?? 0) > 0;
    return html`<p part="message empty" class="empty">
      ${hasAny ? strings.announcementsAllDismissed : strings.announcementsEmpty}
    </p>`;
  }

  protected renderReady(data: Announcement[], strings: Strings): TemplateResult {
    const visible = this.dismissed.visibleOf(data);
    // Stale data skips the empty check: say it here too.
    if (visible.length === 0) return this.renderEmpty(strings);
    const context = this.itemContext(strings);
    return html`
      <ul part="list" class="list">
        ${repeat(
          this.steps.of(visible),
          (a) => a.id,
          (a, index) => renderAnnouncement(a, index, context),
        )}
      </ul>
    `;
  }

  protected renderSkeleton(_strings: Strings): TemplateResult {
    return renderAnnouncementSkeleton();
  }

  private itemContext(strings: Strings): ItemContext {
    const level = Math.round(Number(this.headingLevel));
    return {
      strings,
      format: this.formatContext,
      now: this.clock.now,
      headingLevel: Math.min(6, (level >= 1 && level <= 6 ? level : 2) + 1),
      exactTime: this.exactTime,
      isDismissed: (id) => this.dismissed.has(id),
      isNew: (a) => this.readMark.isNew(a, this.clock.now),
      dismiss: (a) => void this.dismiss(a),
      restore: (a) => void this.restore(a),
    };
  }

  /** The announcements new to the viewer: published since the read mark, and not dismissed. */
  private unreadOf(data: readonly Announcement[]): Announcement[] {
    return data.filter((a) => !this.dismissed.has(a.id) && this.readMark.isNew(a, this.clock.now));
  }

  private async markAllRead(): Promise<void> {
    const data = this.viewData ?? [];
    const mark = this.readMark.markRead(data);
    if (mark === undefined) return;
    this.dispatchEvent(
      new AnnouncementsReadEvent({ orgId: this.currentOrgId, readAt: new Date(mark).toISOString() }),
    );
    this.say(this.resolvedStrings.announcementsMarkedReadNotice);
    await this.updateComplete;
    // The button is gone: focus "Show dismissed", else the first announcement's own button.
    focusControlOf(
      this.renderRoot,
      this.dismissed.countIn(data) ? undefined : this.dismissed.visibleOf(data)[0]?.id,
    );
  }

  /** Says `text` in the status region; the same words twice in a row are news too, so it is emptied first. */
  private say(text: string): void {
    this.notice = '';
    void this.updateComplete.then(() => (this.notice = text));
  }

  private toggleDismissed(): void {
    this.dismissed.shown = !this.dismissed.shown;
  }

  private async dismiss(a: Announcement): Promise<void> {
    const proceed = this.dispatchEvent(
      new AnnouncementDismissEvent({ orgId: this.currentOrgId, announcementId: a.id }),
    );
    if (!proceed) return;
    const focusId = this.dismissed.shown
      ? a.id
      : neighbourOf(this.dismissed.visibleOf(this.viewData ?? []), a.id);
    this.dismissed.toggle(a.id, true, this.viewData ?? []);
    this.say(fill(this.resolvedStrings.announcementsDismissedNotice, { title: a.title }));
    await this.updateComplete;
    focusControlOf(this.renderRoot, focusId);
  }

  private async restore(a: Announcement): Promise<void> {
    this.dismissed.toggle(a.id, false, this.viewData ?? []);
    if (this.dismissed.countIn(this.viewData ?? []) === 0) this.dismissed.shown = false;
    this.say(fill(this.resolvedStrings.announcementsRestoredNotice, { title: a.title }));
    await this.updateComplete;
    focusControlOf(this.renderRoot, a.id);
  }
}
