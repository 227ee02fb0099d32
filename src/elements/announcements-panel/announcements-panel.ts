import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { styleProps } from '../../base/style-props.js';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { cardStyles } from '../../base/card.styles.js';
import { DashboardCard } from '../../base/dashboard-card.js';
import { EXACT_TIME, ExactTimeController, exactTimeStyles } from '../../base/exact-time.js';
import { isSafeUrl } from '../../contract/links.js';
import type { Announcement, AnnouncementKind, AnnouncementSeverity } from '../../contract/types.js';
import { parseAnnouncements, withInvalidItemsOf } from '../../contract/validation.js';
import { formatDateTime, isoInstant } from '../../format/format.js';
import { ClockController, formatRelativeTime } from '../../format/relative-time.js';
import { newestAnnouncementFirst } from '../../store/resources.js';
import { fillPlural } from '../../i18n/plural.js';
import type { DashboardStrings, TextKey } from '../../strings/strings.js';
import { fill } from '../../strings/template.js';
import { AnnouncementDismissEvent } from './announcements-panel.events.js';
import { announcementsPanelStrings } from '../../strings/announcements-panel.js';
import { announcementsPanelStyles } from './announcements-panel.styles.js';
import { dismissalKey, onDismissalsChange, readDismissed, writeDismissed } from './dismissals.js';
import { describeWindow, type WindowPhase } from './maintenance-window.js';

type Strings = DashboardStrings;

const KIND_TEXT: Record<AnnouncementKind, TextKey> = {
  feature: 'announcementsKindFeature',
  release: 'announcementsKindRelease',
  maintenance: 'announcementsKindMaintenance',
  update: 'announcementsKindUpdate',
};

const SEVERITY_TEXT: Record<AnnouncementSeverity, TextKey> = {
  info: 'announcementsSeverityInfo',
  warning: 'announcementsSeverityWarning',
  critical: 'announcementsSeverityCritical',
};

const WINDOW_TEXT: Record<WindowPhase, TextKey> = {
  upcoming: 'announcementsWindowUpcoming',
  ongoing: 'announcementsWindowOngoing',
  ended: 'announcementsWindowEnded',
};

/** How many placeholder announcements the loading skeleton shows. */
const SKELETON_ITEMS = 3;

/**
 * @summary Platform announcements: new features, version releases, scheduled
 * maintenance (its window in the viewer's time zone) and important updates,
 * newest first, each with its kind and severity as text, dismissible.
 *
 * Needs the `announcements:read` permission. New and changed announcements
 * arrive live.
 *
 * Dismissals are remembered in `localStorage` per organization and, with
 * `user-id`, per user (without it, per organization for this browser). Where
 * storage is disabled or full they last for the session. "Show dismissed"
 * in the header shows them again, each with a Restore button.
 *
 * @slot heading - Replaces the card's heading text.
 * @slot header-actions - Extra controls at the end of the header (after "Show dismissed").
 * @slot error - Replaces the error message (the Retry button stays).
 * @slot empty - Replaces the empty message (no announcements, or all dismissed).
 *
 * @csspart card - The card's box.
 * @csspart header - The header row: heading and header actions.
 * @csspart title - The heading.
 * @csspart body - The content area; scrolls when the announcements do not fit.
 * @csspart list - The list of announcements.
 * @csspart item - Each announcement.
 * @csspart dismissed - Added to `item` while a dismissed announcement is shown again.
 * @csspart critical - Added to `item` for critical announcements.
 * @csspart item-title - An announcement's title.
 * @csspart badge - Each badge: kind, severity and "Dismissed".
 * @csspart kind - The kind badge (New feature, Release, Maintenance, Update).
 * @csspart severity - The severity badge (Info, Warning, Critical).
 * @csspart time - The relative time it was published (`<time>`), focusable for the exact time.
 * @csspart tooltip - The exact date and time shown on hover and focus.
 * @csspart value - The body text and the maintenance window.
 * @csspart item-body - An announcement's text (plain text, line breaks kept).
 * @csspart window - The maintenance window.
 * @csspart learn-more - The "Learn more" link.
 * @csspart action - Each button: dismiss, restore, show dismissed.
 * @csspart dismiss - The dismiss (×) button of an announcement.
 * @csspart restore - The Restore button of a dismissed announcement.
 * @csspart show-dismissed - The "Show dismissed" toggle in the header.
 * @csspart message - The empty, error or no-access message.
 * @csspart error - The error message (also `message`).
 * @csspart no-access - The no-access notice (also `message`).
 * @csspart empty - The empty-state message (also `message`).
 * @csspart retry - The Retry buttons.
 * @csspart footer - The "last updated" note of the stale state, and the note about announcements left out.
 * @csspart invalid-items - The note that some announcements could not be shown (also `footer`).
 *
 * @see The global design tokens (src/themes/tokens.ts; README, "Styling") this element's styles read are in its `cssProperties` in custom-elements.json, added from tokens.ts.
 * @cssprop [--od-announcements-height=22rem] - Height of the content area, the same in every state so nothing jumps; `auto` lets the panel grow with its announcements.
 *
 * @fires od-announcement-dismiss - The viewer dismissed an announcement; `detail: { orgId, announcementId }`. Cancelable: `preventDefault()` keeps it shown.
 * @fires od-error - The data failed to load or refresh, or an announcement was left out as invalid (once
 * per item, `error.path` names it); `detail: { error, resource, orgId }`.
 */
export class AnnouncementsPanel extends DashboardCard<'announcements'> {
  static override styles = [cardStyles, exactTimeStyles, announcementsPanelStyles];

  /**
   * The signed-in user, so dismissals are remembered per user as well as per
   * organization. Without it they are remembered per organization for this
   * browser. Any stable id works; it is only part of a storage key.
   */
  @property({ attribute: 'user-id' }) userId?: string;

  protected readonly resource = 'announcements';
  protected readonly ownStrings = announcementsPanelStrings;
  protected readonly titleKey = 'announcementsTitle';

  /** Whether dismissed announcements are shown (with a Restore button). */
  @state() private showDismissed = false;
  @state() private dismissed: ReadonlySet<string> = new Set();
  /** The last dismiss or restore, for screen readers. */
  @state() private notice = '';

  private readonly clock = new ClockController(this);
  private readonly exactTime = new ExactTimeController(this);
  private storageKey?: string;
  private stopListening?: () => void;

  protected readonly parse = (value: unknown): Announcement[] => {
    // Controlled data follows the store's rules too: newest first, one entry per id (the parse
    // keeps the first), invalid entries left out and found through invalidItemsOf.
    const parsed = parseAnnouncements(value);
    return withInvalidItemsOf(parsed, [...parsed].sort(newestAnnouncementFirst));
  };

  protected override isEmpty(data: Announcement[]): boolean {
    return this.visibleOf(data).length === 0;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopListening?.();
    this.stopListening = undefined;
    this.storageKey = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Before the base computes the state: which announcements are dismissed decides "empty".
    this.syncDismissals();
    super.willUpdate(changed);
  }

  /** Loads the dismissed ids of the current org and user, and follows their changes. */
  private syncDismissals(): void {
    const key = dismissalKey(this.effectiveOrgId ?? '', this.userId || undefined);
    if (key === this.storageKey) return;
    this.stopListening?.();
    this.stopListening = undefined;
    // Another org or user: start from their own list, not the previous viewer's "show dismissed".
    if (this.storageKey !== undefined) this.showDismissed = false;
    this.storageKey = key;
    this.dismissed = new Set(readDismissed(key));
    if (!this.isConnected) return;
    this.stopListening = onDismissalsChange(key, () => {
      this.dismissed = new Set(readDismissed(key));
    });
  }

  private visibleOf(data: readonly Announcement[]): Announcement[] {
    return this.showDismissed ? [...data] : data.filter((a) => !this.dismissed.has(a.id));
  }

  private dismissedCount(data: readonly Announcement[]): number {
    return data.reduce((count, a) => count + (this.dismissed.has(a.id) ? 1 : 0), 0);
  }

  protected override renderHeaderActions(strings: Strings) {
    const data = this.viewData;
    const count = data ? this.dismissedCount(data) : 0;
    return html`
      ${
        count > 0
          ? html`<button
              part="action show-dismissed"
              class="show-dismissed"
              type="button"
              aria-pressed=${this.showDismissed ? 'true' : 'false'}
              @click=${this.toggleDismissed}
            >
              ${fillPlural(strings.announcementsShowDismissed, count, this.formatContext)}
            </button>`
          : nothing
      }
      <span class="visually-hidden" role="status">${this.notice}</span>
    `;
  }

  /** New announcements since the last announcement: how many, and the newest one's title. */
  protected override liveSummary(previous: Announcement[], current: Announcement[], strings: Strings) {
    const known = new Set(previous.map((a) => a.id));
    const added = current.filter((a) => !known.has(a.id));
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
    const visible = this.visibleOf(data);
    // Stale data skips the empty check: say it here too.
    if (visible.length === 0) return this.renderEmpty(strings);
    return html`
      <ul part="list" class="list">
        ${repeat(
          visible,
          (a) => a.id,
          (a, index) => this.renderItem(a, index, strings),
        )}
      </ul>
    `;
  }

  private get itemHeadingLevel(): number {
    const level = Math.round(Number(this.headingLevel));
    return Math.min(6, (level >= 1 && level <= 6 ? level : 2) + 1);
  }

  private renderItem(a: Announcement, index: number, strings: Strings): TemplateResult {
    const dismissed = this.dismissed.has(a.id);
    const severity = a.severity;
    const url = a.url && isSafeUrl(a.url) ? a.url : undefined;
    const parts = ['item', dismissed ? 'dismissed' : '', severity === 'critical' ? 'critical' : '']
      .filter(Boolean)
      .join(' ');
    return html`
      <li
        part=${parts}
        class="item severity-${severity ?? 'none'} ${dismissed ? 'is-dismissed' : ''}"
        data-id=${a.id}
      >
        <div class="head">
          ${severityIcon(severity)}
          <div
            part="item-title"
            class="item-title"
            role="heading"
            aria-level=${this.itemHeadingLevel}
            dir="auto"
          >
            ${a.title}
          </div>
          ${dismissed ? nothing : this.renderDismiss(a, strings)}
        </div>
        <div class="meta">
          <span part="badge kind" class="badge kind">${strings[KIND_TEXT[a.kind]]}</span>
          ${
            severity
              ? html`<span part="badge severity" class="badge severity severity-${severity}"
                  >${strings[SEVERITY_TEXT[severity]]}</span
                >`
              : nothing
          }
          ${
            dismissed
              ? html`<span part="badge" class="badge dismissed-badge"
                  >${strings.announcementsDismissedBadge}</span
                >`
              : nothing
          }
          ${this.renderTime(a, index, strings)}
        </div>
        ${a.body ? html`<p part="value item-body" class="text" dir="auto">${a.body}</p>` : nothing}
        ${a.window ? this.renderWindow(a, a.window, strings) : nothing}
        ${
          url || dismissed
            ? html`<div class="actions">
                ${url ? this.renderLearnMore(url, a.title, strings) : nothing}
                ${dismissed ? this.renderRestore(a, strings) : nothing}
              </div>`
            : nothing
        }
      </li>
    `;
  }

  /** The relative time, with the exact one (and the words "Published …") as its tooltip. */
  private renderTime(a: Announcement, index: number, strings: Strings): TemplateResult {
    const format = this.formatContext;
    return this.exactTime.render({
      id: a.id,
      index,
      datetime: isoInstant(a.publishedAt),
      relative: formatRelativeTime(a.publishedAt, this.clock.now, format),
      exact: fill(strings.announcementsPublishedAt, {
        time: formatDateTime(a.publishedAt, format, EXACT_TIME),
      }),
    });
  }

  private renderWindow(a: Announcement, window: { start: string; end: string }, strings: Strings) {
    const text = describeWindow(window, this.clock.now, this.formatContext);
    if (!text) return nothing;
    const label =
      a.kind === 'maintenance' ? strings.announcementsWindowLabel : strings.announcementsScheduledLabel;
    return html`<p part="value window" class="window window-${text.phase}">
      <span class="label">${label}</span>
      <time class="window-text" datetime=${isoInstant(window.start)}
        >${fill(strings[WINDOW_TEXT[text.phase]], { when: text.when, range: text.range })}</time
      >
    </p>`;
  }

  private renderLearnMore(url: string, title: string, strings: Strings): TemplateResult {
    return html`<a
      part="learn-more"
      class="learn-more"
      href=${url}
      rel=${isExternal(url) ? 'noopener noreferrer' : nothing}
      aria-label=${fill(strings.announcementsLearnMoreLabel, { title })}
      >${strings.announcementsLearnMore}</a
    >`;
  }

  private renderDismiss(a: Announcement, strings: Strings): TemplateResult {
    return html`<button
      part="action dismiss"
      class="dismiss"
      type="button"
      aria-label=${fill(strings.announcementsDismiss, { title: a.title })}
      @click=${() => void this.dismiss(a)}
    >
      <svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor">
        <path d="M3.5 3.5l9 9m0-9l-9 9" stroke-width="1.75" stroke-linecap="round" />
      </svg>
    </button>`;
  }

  private renderRestore(a: Announcement, strings: Strings): TemplateResult {
    return html`<button
      part="action restore"
      class="restore"
      type="button"
      aria-label=${fill(strings.announcementsRestoreLabel, { title: a.title })}
      @click=${() => void this.restore(a)}
    >
      ${strings.announcementsRestore}
    </button>`;
  }

  protected renderSkeleton(_strings: Strings): TemplateResult {
    const item = (title: string) => html`
      <li class="item">
        <div class="head">
          <span class="skeleton skeleton-title" ${styleProps({ '--_w': `${title}` })}></span>
        </div>
        <div class="meta"><span class="skeleton" ${styleProps({ '--_w': '10em' })}></span></div>
        <p class="text">
          <span class="skeleton" ${styleProps({ '--_w': '100%' })}></span><br /><span
            class="skeleton"
            ${styleProps({ '--_w': '70%' })}
          ></span>
        </p>
      </li>
    `;
    return html`<ul class="list" aria-hidden="true">
      ${Array.from({ length: SKELETON_ITEMS }, (_, i) => item(['16em', '12em', '14em'][i] ?? '12em'))}
    </ul>`;
  }

  private toggleDismissed(): void {
    this.showDismissed = !this.showDismissed;
  }

  private writeDismissedIds(ids: string[]): void {
    if (this.storageKey === undefined) return;
    writeDismissed(this.storageKey, ids);
    // The change listener updates `dismissed`; set it here as well for a panel not connected.
    this.dismissed = new Set(ids);
  }

  private async dismiss(a: Announcement): Promise<void> {
    const proceed = this.dispatchEvent(
      new AnnouncementDismissEvent({ orgId: this.currentOrgId, announcementId: a.id }),
    );
    if (!proceed) return;
    const focusId = this.showDismissed ? a.id : this.neighbourOf(a.id);
    this.writeDismissedIds([...[...this.dismissed].filter((id) => id !== a.id), a.id]);
    this.notice = fill(this.resolvedStrings.announcementsDismissedNotice, { title: a.title });
    await this.updateComplete;
    this.focusControlOf(focusId);
  }

  private async restore(a: Announcement): Promise<void> {
    this.writeDismissedIds([...this.dismissed].filter((id) => id !== a.id));
    if (this.dismissedCount(this.viewData ?? []) === 0) this.showDismissed = false;
    this.notice = fill(this.resolvedStrings.announcementsRestoredNotice, { title: a.title });
    await this.updateComplete;
    this.focusControlOf(a.id);
  }

  /** Where focus goes when an announcement disappears: the next one, else the previous one. */
  private neighbourOf(id: string): string | undefined {
    const visible = this.visibleOf(this.viewData ?? []);
    const index = visible.findIndex((a) => a.id === id);
    return (visible[index + 1] ?? visible[index - 1])?.id;
  }

  /** Focuses the dismiss or restore button of an announcement, else the "Show dismissed" toggle. */
  private focusControlOf(id: string | undefined): void {
    const root = this.renderRoot;
    const item =
      id === undefined
        ? undefined
        : [...root.querySelectorAll<HTMLElement>('li[data-id]')].find((li) => li.dataset.id === id);
    const target =
      item?.querySelector<HTMLElement>('[part~="dismiss"], [part~="restore"]') ??
      root.querySelector<HTMLElement>('[part~="show-dismissed"]');
    target?.focus();
  }
}

/** External links (another origin) do not learn who sent the viewer, nor get a handle on this page. */
function isExternal(url: string): boolean {
  try {
    return new URL(url, document.baseURI).origin !== location.origin;
  } catch {
    return true;
  }
}

/** Warning and critical announcements carry an icon too (beside their severity badge, never instead of it). */
function severityIcon(severity: AnnouncementSeverity | undefined) {
  if (severity === 'critical')
    return html`<svg class="icon icon-critical" aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
      <path fill="currentColor" d="M5.1 1h5.8L15 5.1v5.8L10.9 15H5.1L1 10.9V5.1L5.1 1Z" />
      <path stroke="#fff" stroke-width="1.75" stroke-linecap="round" d="M8 4.5v4M8 11.25v.01" />
    </svg>`;
  if (severity === 'warning')
    return html`<svg class="icon icon-warning" aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
      <path fill="currentColor" d="M8 1.2 15.3 14H.7L8 1.2Z" />
      <path stroke="#fff" stroke-width="1.6" stroke-linecap="round" d="M8 6v3.5M8 11.75v.01" />
    </svg>`;
  return nothing;
}
