import {
  css,
  html,
  isServer,
  type PropertyValues,
  type PropertyDeclarations,
  type TemplateResult,
} from 'lit';
import { hostResetStyles } from '../../base/host-reset.styles.js';
import { numberAttribute } from '../../base/number-attribute.js';
import { serverRendered } from '../../base/server-rendered.js';
import { runInSlice } from '../../base/task-slices.js';
import { ActivityFeed } from '../activity-feed/activity-feed.js';
import { AnnouncementsPanel } from '../announcements-panel/announcements-panel.js';
import { BillingCard } from '../billing-card/billing-card.js';
import { OrgDashboardProvider } from '../org-dashboard-provider/org-dashboard-provider.js';
import { OrgInfoCard } from '../org-info-card/org-info-card.js';
import { PlanCard } from '../plan-card/plan-card.js';
import { WorkspaceStatsCard } from '../workspace-stats-card/workspace-stats-card.js';

/** What the dashboard passes each card. */
interface CardSettings {
  headingLevel: number;
  activityLimit: number;
  userId?: string;
}

/** The cards' shared parts, re-exported so `org-dashboard::part(card)` styles every card. */
const EXPORTED_PARTS = 'card, header, title, body, value, action, message, retry, footer';

/**
 * The cards in the dashboard's order, with their default tags, the part each is exposed as and its
 * template under the default tag. A template (not a node made with `document`) is what a server can
 * render and the browser hydrate; a tag cannot be a binding, so a card registered under another name
 * is a node made in the browser (see `OrgDashboard.render`).
 */
const CARDS: readonly {
  element: CustomElementConstructor;
  tag: string;
  part: string;
  template: (settings: CardSettings) => TemplateResult;
}[] = [
  {
    element: OrgInfoCard,
    tag: 'org-info-card',
    part: 'org-info',
    template: (s) =>
      html`<org-info-card
        part="org-info"
        exportparts=${EXPORTED_PARTS}
        .headingLevel=${s.headingLevel}
      ></org-info-card>`,
  },
  {
    element: WorkspaceStatsCard,
    tag: 'workspace-stats-card',
    part: 'workspaces',
    template: (s) =>
      html`<workspace-stats-card
        part="workspaces"
        exportparts=${EXPORTED_PARTS}
        .headingLevel=${s.headingLevel}
      ></workspace-stats-card>`,
  },
  {
    element: BillingCard,
    tag: 'billing-card',
    part: 'billing',
    template: (s) =>
      html`<billing-card
        part="billing"
        exportparts=${EXPORTED_PARTS}
        .headingLevel=${s.headingLevel}
      ></billing-card>`,
  },
  {
    element: PlanCard,
    tag: 'plan-card',
    part: 'plan',
    template: (s) =>
      html`<plan-card part="plan" exportparts=${EXPORTED_PARTS} .headingLevel=${s.headingLevel}></plan-card>`,
  },
  {
    element: ActivityFeed,
    tag: 'activity-feed',
    part: 'activity',
    template: (s) =>
      html`<activity-feed
        part="activity"
        exportparts=${EXPORTED_PARTS}
        .headingLevel=${s.headingLevel}
        .limit=${s.activityLimit}
      ></activity-feed>`,
  },
  {
    element: AnnouncementsPanel,
    tag: 'announcements-panel',
    part: 'announcements',
    template: (s) =>
      html`<announcements-panel
        part="announcements"
        exportparts=${EXPORTED_PARTS}
        .headingLevel=${s.headingLevel}
        .userId=${s.userId}
      ></announcements-panel>`,
  },
];

/**
 * The tag a card class is shown under: the partner's own name if it registered the class itself;
 * else the default tag if it holds this card (the `define` entry's subclass), or is free, in which
 * case a subclass is registered there now; else, the default held by another element, the first
 * derived name (`plan-card-2`, ...) that holds this card or is free, so every dashboard shares one.
 *
 * Subclasses, never the class itself: a constructor can be registered only once per registry, and
 * a partner may register the exported class under its own tag after this dashboard has rendered
 * (`customElements.define('acme-billing', BillingCard)`), which that would make throw. `getName`
 * needs no fallback: every browser with `:state()`, which the cards need, has it.
 */
export function tagNameFor(element: CustomElementConstructor, defaultTag: string): string {
  const registered = customElements.getName(element);
  if (registered) return registered;
  for (let suffix = 1; ; suffix += 1) {
    const tag = suffix === 1 ? defaultTag : `${defaultTag}-${suffix}`;
    const holder = customElements.get(tag);
    if (!holder) {
      customElements.define(tag, class extends element {});
      return tag;
    }
    if (holder.prototype instanceof element) return tag;
  }
}

/**
 * @summary The whole dashboard in one tag: organization, workspaces, billing,
 * plan and credits, recent activity and announcements, in a responsive grid.
 *
 * It is a provider too: it shares one data store among its cards, and takes
 * from an enclosing `<org-dashboard-provider>` whatever it does not set itself.
 * The layout follows its own width (container queries), not the viewport's:
 * one column when narrow, two from 40rem, three from 64rem. It works when a
 * partner registered the card classes under tag names of their own.
 *
 * `user-id` names the viewer: the announcements panel remembers their
 * dismissals and read mark per org and user (without it, per org in this
 * browser).
 *
 * @csspart grid - The grid that holds the cards.
 * @csspart org-info - The organization card.
 * @csspart workspaces - The workspaces card.
 * @csspart billing - The billing card.
 * @csspart plan - The plan and credits card.
 * @csspart activity - The activity feed.
 * @csspart announcements - The announcements panel.
 * @csspart card - Every card's box (re-exported from the cards, as are the parts below).
 * @csspart header - Every card's header row.
 * @csspart title - Every card's heading.
 * @csspart body - Every card's content area.
 * @csspart value - Each value a card shows.
 * @csspart action - Each quick action (link or button).
 * @csspart message - A card's error or no-access message.
 * @csspart retry - A card's Retry buttons.
 * @csspart footer - A card's "last updated" note of the stale state.
 *
 * @cssprop [--od-dashboard-gap=16px] - Space between the cards.
 * @cssprop [--od-dashboard-min-card-height=0px] - Least height of a card, to line rows up.
 *
 * @fires od-copy-org-id - From the organization card.
 * @fires od-view-invoices - From the billing card (cancelable).
 * @fires od-manage-subscription - From the plan card (cancelable).
 * @fires od-add-credits - From the plan card (cancelable).
 * @fires od-credits-low - From the plan card.
 * @fires od-credits-purchased - From the plan card: a purchase made in its dialog was confirmed.
 * @fires od-low-credit-threshold-change - From the plan card: a new low-credit alert was confirmed.
 * @fires od-show-more-activities - From the activity feed (cancelable).
 * @fires od-announcement-dismiss - From the announcements panel (cancelable).
 * @fires od-announcements-read - From the announcements panel: the viewer marked all as read.
 * @fires od-error - From any card whose data fails to load.
 */
export class OrgDashboard extends OrgDashboardProvider {
  static override properties: PropertyDeclarations = {
    activityLimit: { type: Number, attribute: 'activity-limit', converter: numberAttribute },
    headingLevel: { type: Number, attribute: 'heading-level', converter: numberAttribute },
    userId: { attribute: 'user-id' },
  };

  // The cards reset inherited text styles at their own hosts; the same reset here keeps the host
  // page's out of anything the dashboard itself may show.
  static override styles = css`
    ${hostResetStyles}

    :host {
      display: block;
      container: od-dashboard / inline-size;
    }

    [part='grid'] {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: var(--od-dashboard-gap, 16px);
      align-items: stretch;
    }

    [part='grid'] > * {
      min-height: var(--od-dashboard-min-card-height, 0px);
    }

    @container od-dashboard (min-width: 40rem) {
      [part='grid'] {
        grid-template-columns: repeat(2, minmax(0, 1fr));
      }
    }

    @container od-dashboard (min-width: 64rem) {
      [part='grid'] {
        grid-template-columns: repeat(3, minmax(0, 1fr));
      }
    }
  `;

  /** How many entries the activity feed shows. */
  activityLimit = 5;

  /** The level of every card's heading, 1 to 6. */
  headingLevel = 2;

  /** The viewer, given to the announcements panel: whose dismissals and read mark are remembered. */
  userId?: string;

  /** Each card's tag, resolved on first update; a card under another name than its default is a node. */
  private cards?: { tag: string; node?: HTMLElement }[];
  /** The first update hydrates server-rendered DOM: nodes the server could not render wait for the next. */
  private hydrating = false;
  /** How many cards exist: the first render makes them one update at a time (see `scheduleUpdate`). */
  #made = 0;

  /**
   * In a slice of the page's tasks (`runInSlice`), like the cards' renders: making a card (its
   * shadow root, sheets, context and store requests) costs a few milliseconds, so the first render
   * makes one card per update and the cards that do not fit the task's slice are made in a later
   * task, instead of all six in the task that mounts the dashboard.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return runInSlice(() => super.scheduleUpdate(), { ahead: true });
  }

  /** Pending until every card exists. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.#made < CARDS.length) done = await super.getUpdateComplete();
    return done;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.cards) {
      this.hydrating = !isServer && serverRendered(this);
      this.cards = CARDS.map(({ element, tag }) => ({ tag: tagNameFor(element, tag) }));
      // The server rendered every card; hydration must find them all in the first render.
      if (isServer || this.hydrating) this.#made = CARDS.length;
    }
    if (this.#made < CARDS.length) this.#made += 1;
    if (isServer || this.hydrating) return;
    CARDS.forEach(({ tag, part }, index) => {
      const card = this.cards![index];
      if (card.tag === tag) return;
      card.node ??= document.createElement(card.tag);
      card.node.setAttribute('part', part);
      card.node.setAttribute('exportparts', EXPORTED_PARTS);
      card.node.setAttribute('heading-level', String(this.headingLevel));
      if (part === 'activity') card.node.setAttribute('limit', String(this.activityLimit));
      if (card.node instanceof AnnouncementsPanel) card.node.userId = this.userId || undefined;
    });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#made < CARDS.length) this.requestUpdate();
    if (!this.hydrating) return;
    this.hydrating = false;
    if (this.cards?.some((card, index) => card.tag !== CARDS[index].tag)) this.requestUpdate();
  }

  override render() {
    // `||`: a removed attribute leaves null, and an empty id is no user.
    const settings = {
      headingLevel: this.headingLevel,
      activityLimit: this.activityLimit,
      userId: this.userId || undefined,
    };
    // Made on first render, so the cards exist only while they are used. A card under another tag
    // is its node once made; until then (the server, the update that hydrates) the default
    // template, which is what the server rendered: hydration throws on anything else.
    const cards = CARDS.slice(0, this.#made).map(
      ({ template }, index) => this.cards![index].node ?? template(settings),
    );
    return html`<div part="grid">${cards}</div>`;
  }
}

// The cards this element renders under their default tags, for the template checker (lit-analyzer
// looks for a tag's definition in what a file imports; the registrations live in src/define/, which
// an element class may not import: it has no side effects). The same entries as define/*.ts.
declare global {
  interface HTMLElementTagNameMap {
    'org-info-card': OrgInfoCard;
    'workspace-stats-card': WorkspaceStatsCard;
    'billing-card': BillingCard;
    'plan-card': PlanCard;
    'activity-feed': ActivityFeed;
    'announcements-panel': AnnouncementsPanel;
  }
}
