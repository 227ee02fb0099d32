/**
 * One announcement as `<announcements-panel>` shows it: its severity icon,
 * title ("New" after it while unread) and dismiss button; its badges (kind,
 * severity, "Dismissed") and when it was published; its text, window, "Learn
 * more" link and Restore button. And the loading skeleton's placeholder
 * announcements.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { EXACT_TIME, type ExactTimeController } from '../../base/exact-time.js';
import { styleProps } from '../../base/style-props.js';
import { isSafeUrl } from '../../contract/links.js';
import type { Announcement, AnnouncementKind, AnnouncementSeverity } from '../../contract/types.js';
import { formatDateTime, isoInstant, type FormatContext } from '../../format/format.js';
import { formatRelativeTime } from '../../format/relative-time.js';
import type { DashboardStrings, TextKey } from '../../strings/strings.js';
import { fill } from '../../strings/template.js';
import { describeWindow, type WindowPhase } from './maintenance-window.js';

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

/** How many placeholder announcements the loading skeleton shows, and their titles' widths. */
const SKELETON_TITLES = ['16em', '12em', '14em'];

/** What an announcement's rendering needs from its panel. */
export interface ItemContext {
  readonly strings: DashboardStrings;
  readonly format: FormatContext;
  /** The panel's clock: relative times and window phases are as of it. */
  readonly now: number;
  /** The `aria-level` of each announcement's title: one below the card's heading. */
  readonly headingLevel: number;
  /** Shows the exact time of the relative one on hover and focus. */
  readonly exactTime: ExactTimeController;
  isDismissed(id: string): boolean;
  /** Published since the viewer's read mark (never a dismissed one). */
  isNew(a: Announcement): boolean;
  dismiss(a: Announcement): void;
  restore(a: Announcement): void;
}

export function renderAnnouncement(a: Announcement, index: number, context: ItemContext): TemplateResult {
  const { strings } = context;
  const dismissed = context.isDismissed(a.id);
  const isNew = !dismissed && context.isNew(a);
  const severity = a.severity;
  const url = a.url && isSafeUrl(a.url) ? a.url : undefined;
  const parts = ['item', dismissed && 'dismissed', isNew && 'unread', severity === 'critical' && 'critical']
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
          aria-level=${context.headingLevel}
          dir="auto"
        >
          ${a.title}
          ${
            // Inside the heading, so moving through headings tells which are new; a word, not a color.
            isNew
              ? html`<span part="badge new" class="badge new">${strings.announcementsNew}</span>`
              : nothing
          }
        </div>
        ${
          dismissed
            ? nothing
            : itemButton(
                'dismiss',
                fill(strings.announcementsDismiss, { title: a.title }),
                DISMISS_ICON,
                () => context.dismiss(a),
              )
        }
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
        ${renderTime(a, index, context)}
      </div>
      ${a.body ? html`<p part="value item-body" class="text" dir="auto">${a.body}</p>` : nothing}
      ${a.window ? renderWindow(a, a.window, context) : nothing}
      ${
        url || dismissed
          ? html`<div class="actions">
              ${url ? renderLearnMore(url, a.title, strings) : nothing}
              ${
                dismissed
                  ? itemButton(
                      'restore',
                      fill(strings.announcementsRestoreLabel, { title: a.title }),
                      strings.announcementsRestore,
                      () => context.restore(a),
                    )
                  : nothing
              }
            </div>`
          : nothing
      }
    </li>
  `;
}

/** The placeholder announcements of the loading state. */
export function renderAnnouncementSkeleton(): TemplateResult {
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
    ${SKELETON_TITLES.map(item)}
  </ul>`;
}

/** The relative time, with the exact one (and the words "Published …") as its tooltip. */
function renderTime(a: Announcement, index: number, { strings, format, now, exactTime }: ItemContext) {
  return exactTime.render({
    id: a.id,
    index,
    datetime: isoInstant(a.publishedAt),
    relative: formatRelativeTime(a.publishedAt, now, format),
    exact: fill(strings.announcementsPublishedAt, {
      time: formatDateTime(a.publishedAt, format, EXACT_TIME),
    }),
  });
}

function renderWindow(a: Announcement, window: { start: string; end: string }, context: ItemContext) {
  const { strings } = context;
  const text = describeWindow(window, context.now, context.format);
  if (!text) return nothing;
  const label =
    a.kind === 'maintenance' ? strings.announcementsWindowLabel : strings.announcementsScheduledLabel;
  return html`<p part="value window" class="window window-${text.phase}">
    <span class="label">${label}</span>
    <time class="window-text" datetime=${isoInstant(window.start)}
      >${fill(strings[WINDOW_TEXT[text.phase]], { when: text.when, range: text.range, duration: text.left })}</time
    >
  </p>`;
}

function renderLearnMore(url: string, title: string, strings: DashboardStrings): TemplateResult {
  return html`<a
    part="learn-more"
    class="learn-more"
    href=${url}
    rel=${isExternal(url) ? 'noopener noreferrer' : nothing}
    aria-label=${fill(strings.announcementsLearnMoreLabel, { title })}
    >${strings.announcementsLearnMore}</a
  >`;
}

/** The dismiss button's ×. */
const DISMISS_ICON = html`
  <svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor">
    <path d="M3.5 3.5l9 9m0-9l-9 9" stroke-width="1.75" stroke-linecap="round" />
  </svg>
`;

/** An announcement's own button (dismiss, restore): part and class say which, the label names the announcement. */
function itemButton(
  action: 'dismiss' | 'restore',
  label: string,
  content: unknown,
  onClick: () => void,
): TemplateResult {
  return html`<button
    part="action ${action}"
    class=${action}
    type="button"
    aria-label=${label}
    @click=${onClick}
  >
    ${content}
  </button>`;
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
