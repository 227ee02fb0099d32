/**
 * The panel's controls outside the announcements themselves: the header's
 * (how many are new, with "Mark all as read"; the "Show dismissed" toggle;
 * the status region that says what a button did), and where keyboard focus
 * goes when the button the viewer used takes itself away (a dismissed
 * announcement's ×, "Mark all as read" once nothing is new): to the control
 * the viewer goes on from, never to the page's body.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Announcement } from '../../contract/types.js';
import type { FormatContext } from '../../format/format.js';
import { fillPlural } from '../../i18n/plural.js';
import type { DashboardStrings } from '../../strings/strings.js';

/** What the header's controls show, and what their buttons do. */
export interface HeaderControls {
  /** How many announcements are new to the viewer: with any, "Mark all as read". */
  unread: number;
  /** How many are dismissed: with any, the "Show dismissed" toggle. */
  dismissed: number;
  /** Whether dismissed ones are shown (the toggle pressed). */
  showingDismissed: boolean;
  /** What the status region says. */
  notice: string;
  /**
   * The two buttons' handlers. They may be the panel's own methods, unbound: Lit calls a listener
   * with the element whose render made the template as `this`.
   */
  markAllRead: () => void;
  toggleDismissed: () => void;
}

/** The header's controls: the new count with "Mark all as read", "Show dismissed", the status region. */
export function renderHeaderControls(
  strings: DashboardStrings,
  format: FormatContext,
  { unread, dismissed, showingDismissed, notice, markAllRead, toggleDismissed }: HeaderControls,
): TemplateResult {
  return html`
    ${
      unread > 0
        ? html`<span part="new-count" class="badge new-count"
              >${fillPlural(strings.announcementsNewCount, unread, format)}</span
            >
            <button part="action mark-read" class="mark-read" type="button" @click=${markAllRead}>
              ${strings.announcementsMarkAllRead}
            </button>`
        : nothing
    }
    ${
      dismissed > 0
        ? html`<button
            part="action show-dismissed"
            class="show-dismissed"
            type="button"
            aria-pressed=${showingDismissed ? 'true' : 'false'}
            @click=${toggleDismissed}
          >
            ${fillPlural(strings.announcementsShowDismissed, dismissed, format)}
          </button>`
        : nothing
    }
    <span class="visually-hidden" role="status">${notice}</span>
  `;
}

/** Where focus goes when an announcement disappears: the next one, else the previous one. */
export function neighbourOf(visible: readonly Announcement[], id: string): string | undefined {
  const index = visible.findIndex((a) => a.id === id);
  return (visible[index + 1] ?? visible[index - 1])?.id;
}

/** Focuses the dismiss or restore button of an announcement, else the "Show dismissed" toggle. */
export function focusControlOf(root: ParentNode, id: string | undefined): void {
  const item =
    id === undefined
      ? undefined
      : [...root.querySelectorAll<HTMLElement>('li[data-id]')].find((li) => li.dataset.id === id);
  const target =
    item?.querySelector<HTMLElement>('[part~="dismiss"], [part~="restore"]') ??
    root.querySelector<HTMLElement>('[part~="show-dismissed"]');
  target?.focus();
}
