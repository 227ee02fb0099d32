/**
 * Quick actions (DESIGN.md, "Quick actions and events"): each is a real link
 * when the host configures a URL for it, and always dispatches a cancelable,
 * bubbling, composed `od-*` event first, so a host router can
 * `preventDefault()` and route itself.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { orgIdError, resolveLink, type DashboardLinks, type LinkKey } from '../contract/links.js';

export type ActionEventName =
  'od-manage-subscription' | 'od-add-credits' | 'od-view-invoices' | 'od-show-more-activities';

export interface ActionDetail {
  orgId: string;
  /** The resolved URL, when a template is configured for the action. */
  href?: string;
}

/** One class for the four quick-action events; `type` tells them apart. */
export class DashboardActionEvent extends CustomEvent<ActionDetail> {
  constructor(type: ActionEventName, detail: ActionDetail) {
    super(type, { detail, bubbles: true, composed: true, cancelable: true });
  }
}

/** Which link template each action uses. */
export const ACTION_LINK: Record<ActionEventName, LinkKey> = {
  'od-manage-subscription': 'manageSubscription',
  'od-add-credits': 'addCredits',
  'od-view-invoices': 'invoices',
  'od-show-more-activities': 'activityLog',
};

export interface ActionOptions {
  event: ActionEventName;
  /** The host's URL templates (the element's or the provider's `links`). */
  links: DashboardLinks | undefined;
  orgId: string;
  content: unknown;
  /** A part name beside `action` ("view-invoices"). */
  part?: string;
  /** An accessible name, when the content is an icon. */
  label?: string;
  /**
   * What the action does in place once its event was not canceled (the plan card's purchase
   * dialog). The action is then a button that says it opens a dialog, never a link: the event's
   * `href` still tells a host where its own page for it is.
   */
  opensDialog?: () => void;
}

/**
 * A quick action: a real link when the host configured a URL template for
 * it (so middle-click and "open in new tab" work), else a button. Either way
 * a cancelable `od-*` event goes first, from `host`; `preventDefault()` on it
 * stops the navigation so a host router can take over. A modified click on a
 * link (Ctrl, Cmd, Shift, Alt) is left to the browser, with no event: the user
 * asked for a new tab or window, which a router that cancels the event would
 * swallow. A button has no tab to open: every click of it is the action.
 */
export function renderAction(host: HTMLElement, options: ActionOptions): TemplateResult {
  const { event, orgId, content, label, opensDialog } = options;
  const href = actionHref(options.links, ACTION_LINK[event], orgId);
  const part = `action${options.part ? ` ${options.part}` : ''}`;
  const onClick = (click: MouseEvent) => {
    // A button (one that opens a dialog) opens no tab: every click is the action.
    if (href && !opensDialog && (click.ctrlKey || click.metaKey || click.shiftKey || click.altKey)) return;
    const proceed = host.dispatchEvent(new DashboardActionEvent(event, href ? { orgId, href } : { orgId }));
    if (!proceed) click.preventDefault();
    else opensDialog?.();
  };
  if (opensDialog)
    return html`<button
      part=${part}
      type="button"
      aria-haspopup="dialog"
      aria-label=${label ?? nothing}
      @click=${onClick}
    >
      ${content}
    </button>`;
  return href
    ? html`<a part=${part} href=${href} aria-label=${label ?? nothing} @click=${onClick}>${content}</a>`
    : html`<button part=${part} type="button" aria-label=${label ?? nothing} @click=${onClick}>
        ${content}
      </button>`;
}

/**
 * The action's URL, when its template makes a safe one for `orgId`. A template that places the org
 * needs one that is a path segment: with none (a controlled card outside a provider) or with `.` or
 * `..` it would link to `/organizations//invoices` or climb out of the org's path, so it makes no
 * link, as the requests refuse such an id (DESIGN.md, "Identifiers").
 */
function actionHref(links: DashboardLinks | undefined, key: LinkKey, orgId: string): string | undefined {
  const template = links?.[key];
  if (typeof template === 'string' && template.includes('{orgId}') && orgIdError(orgId)) return undefined;
  return resolveLink(links, key, orgId);
}

declare global {
  interface HTMLElementEventMap {
    'od-manage-subscription': DashboardActionEvent;
    'od-add-credits': DashboardActionEvent;
    'od-view-invoices': DashboardActionEvent;
    'od-show-more-activities': DashboardActionEvent;
  }
}
