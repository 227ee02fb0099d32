import { nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { cardStyles } from '../../base/card.styles.js';
import { listStyles } from '../../base/list.styles.js';
import { DashboardCard } from '../../base/dashboard-card.js';
import { ListSteps } from '../../base/controllers/list-steps.js';
import { ScrollAnchor } from '../../base/controllers/scroll-anchor.js';
import { html, inline } from '../../base/inline-html.js';
import { EXACT_TIME, ExactTimeController, exactTimeStyles } from '../../base/exact-time.js';
import type { Activity } from '../../contract/types.js';
import { parseActivities as parseActivityList, withInvalidItemsOf } from '../../contract/validation.js';
import { formatDateTime, isoInstant, type FormatContext } from '../../format/format.js';
import { ClockController, formatRelativeTime } from '../../format/relative-time.js';
import { ACTIVITY_WINDOW, newestActivityFirst } from '../../store/resources.js';
import type { DashboardStrings } from '../../strings/strings.js';
import { activityActorText, activitySummary, liveActivitiesText, present } from '../../base/activity-text.js';
import { activityFeedStrings } from '../../strings/activity-feed.js';
import { activityFeedStyles } from './activity-feed.styles.js';
import { RowNumbers } from './row-numbers.js';
import { skeleton, skeletonEntryLines } from '../../base/skeleton.js';
import { givenNumber, numberAttribute } from '../../base/number-attribute.js';

export const DEFAULT_ACTIVITY_LIMIT = 5;

/** `limit` as a whole number from 1 to the store's window (50); anything else (or none) is the default. */
export function clampLimit(limit: unknown): number {
  const value = Math.round(givenNumber(limit));
  if (!Number.isFinite(value)) return DEFAULT_ACTIVITY_LIMIT;
  return Math.min(Math.max(value, 1), ACTIVITY_WINDOW);
}

/**
 * Controlled `data`: an array of activities, newest first, one per id (the
 * store keeps them the same way; `repeat()` needs unique keys). Invalid items
 * are left out (DESIGN.md, "Lists"), found through `invalidItemsOf`.
 */
export function parseActivities(value: unknown): Activity[] {
  const parsed = parseActivityList(value);
  return withInvalidItemsOf(parsed, [...parsed].sort(newestActivityFirst));
}

/**
 * @summary The latest activities of the organization, newest first: resource
 * type, action, resource name and actor, and when (relative, with the exact
 * date and time on hover and keyboard focus). New entries arrive live at the
 * top; "Show more" leads to the full activity log.
 *
 * Needs the `activity:read` permission. Relative times stay current on the
 * page's one shared clock. When the list scrolls (set
 * `--od-activity-feed-max-height`) and the reader has scrolled down, entries
 * arriving at the top do not move what they are reading.
 *
 * In controlled mode `data` is an array of `Activity`; it is validated, sorted
 * newest first and deduplicated by id. Invalid entries are left out, and a
 * note on the card says how many.
 *
 * @slot heading - Replaces the card's heading text.
 * @slot header-actions - Extra controls at the end of the header.
 * @slot error - Replaces the error message (the Retry button stays).
 * @slot empty - Replaces the "No activity yet" message.
 * @slot actions - Replaces the Show more action.
 *
 * @csspart card - The card's box.
 * @csspart header - The header row: heading and header actions.
 * @csspart title - The heading.
 * @csspart body - The content area.
 * @csspart list - The list of entries (`<ol>`).
 * @csspart entry - One activity (`<li>`).
 * @csspart resource-type - The entry's resource type ("Workspaces").
 * @csspart activity-action - What was done ("Create").
 * @csspart resource-name - The resource's name, when given.
 * @csspart actor - Who did it, when given.
 * @csspart time - The relative time (`<time>`), focusable for the exact time.
 * @csspart tooltip - The exact date and time shown on hover and focus.
 * @csspart empty - The "No activity yet" message.
 * @csspart action - Each action (link or button).
 * @csspart show-more - The "Show more" action.
 * @csspart message - The error or no-access message.
 * @csspart error - The error message (also `message`).
 * @csspart no-access - The no-access notice (also `message`).
 * @csspart retry - The Retry buttons.
 * @csspart footer - The "last updated" note of the stale state, and the note about entries left out.
 * @csspart stale - The "last updated" note of the stale state (also `footer`).
 * @csspart invalid-items - The note that some entries could not be shown (also `footer`).
 *
 * @see The global design tokens (src/themes/tokens.ts; README, "Styling") this element's styles read are in its `cssProperties` in custom-elements.json, added from tokens.ts.
 * @cssprop [--od-activity-feed-max-height=none] - Height after which the list scrolls, at most 85% of the viewport's (so it fits at 400% zoom).
 *
 * @fires od-show-more-activities - "Show more" was activated; cancelable, `detail: { orgId, href? }`.
 * @fires od-error - The data failed to load or refresh, or an entry was left out as invalid (once per
 * entry, `error.path` names it); `detail: { error, resource, orgId }`.
 */
export class ActivityFeed extends DashboardCard<'activity'> {
  static override properties: PropertyDeclarations = {
    limit: { type: Number, converter: numberAttribute },
  };

  static override styles = [cardStyles, exactTimeStyles, listStyles, activityFeedStyles];

  protected readonly resource = 'activity';
  protected readonly parse = parseActivities;
  protected readonly texts = { strings: activityFeedStrings, title: 'activityTitle' } as const;

  /** How many of the latest entries to show: 1 to 50 (the store keeps the latest 50), default 5. */
  limit = DEFAULT_ACTIVITY_LIMIT;

  private readonly clock = new ClockController(this);
  private readonly exactTime = new ExactTimeController(this);
  private readonly steps = new ListSteps(this);
  // No render root yet when rendered on a server (@lit-labs/ssr calls willUpdate only).
  private readonly place = new ScrollAnchor(
    this,
    () => this.renderRoot?.querySelector<HTMLElement>('ol[part~="list"]') ?? null,
  );
  /** Each shown entry's row key and tooltip number (row-numbers.ts). */
  private readonly rowNumbers = new RowNumbers();

  protected override isEmpty(activities: Activity[]): boolean {
    return activities.length === 0;
  }

  protected override renderEmpty(strings: DashboardStrings) {
    return html`<p part="empty" class="empty">${strings.activityEmpty}</p>`;
  }

  protected override getUpdateComplete(): Promise<boolean> {
    return this.steps.settle(() => super.getUpdateComplete());
  }

  protected renderReady(activities: Activity[], strings: DashboardStrings) {
    const format = this.formatContext;
    const now = this.clock.now;
    const shown = this.steps.of(activities.slice(0, clampLimit(this.limit)));
    const tips = this.rowNumbers.for(
      shown,
      () => this.shadowRoot?.activeElement?.closest<HTMLElement>('li[data-id]')?.dataset.id,
    );
    const { locale, timeZone } = format;
    // Rows are keyed by their number: the rows that stay are left as they were, and each renders
    // again only when what it shows changes (its entry, the texts, locale, zone, its time as the
    // clock now tells it, its tooltip dismissed), not its position. A new entry takes the row of the
    // one it pushes out. Until 2026-12-07 the guard held the clock's time itself, read anew at every
    // render, so every update (a new entry, a requestUpdate()) made every row again.
    return html`
      <ol part="list" @scroll=${this.place.onScroll}>
        ${repeat(
          shown,
          (activity) => tips.get(activity.id),
          (activity) => {
            const tip = tips.get(activity.id)!;
            const hidden = this.exactTime.isHidden(activity.id);
            // The clock is read at every render: the row depends on the text it makes, not the time.
            const relative = formatRelativeTime(activity.occurredAt, now, format);
            return guard([activity, tip, hidden, strings, locale, timeZone, relative], () =>
              this.renderEntry(activity, tip, strings, format, relative),
            );
          },
        )}
      </ol>
      <div class="more">
        <slot name="actions"
          >${this.renderAction('od-show-more-activities', strings.activityShowMore, { part: 'show-more' })}</slot
        >
      </div>
    `;
  }

  /**
   * New entries since the last announcement: how many, and the newest one's summary. Only those in
   * the rows shown: the store keeps more than `limit`, and a late entry that lands below the rows
   * changes nothing the viewer can see.
   */
  protected override liveSummary(previous: Activity[], current: Activity[], strings: DashboardStrings) {
    const known = new Set(previous.map((a) => a.id));
    const added = current.slice(0, clampLimit(this.limit)).filter((a) => !known.has(a.id));
    if (added.length === 0) return undefined;
    return liveActivitiesText(added[0], added.length, strings.activitySummary, strings, this.formatContext);
  }

  private renderEntry(
    activity: Activity,
    index: number,
    strings: DashboardStrings,
    format: FormatContext,
    relative: string,
  ): TemplateResult {
    const { id, occurredAt } = activity;
    const summary = activitySummary(
      activity,
      strings.activitySummaryWithName,
      strings.activitySummary,
      strings,
    );
    // One template instance per row: its sentence, time and actor are taken in (`inline`).
    return html`
      <li part="entry" class="entry" data-id=${id}>
        <p class="summary">${inline(summary)}</p>
        <p class="meta">
          ${inline(
            this.exactTime.render({
              id,
              index,
              datetime: isoInstant(occurredAt),
              relative,
              exact: formatDateTime(occurredAt, format, EXACT_TIME),
            }),
          )}${this.renderActor(activity, strings)}
        </p>
      </li>
    `;
  }

  private renderActor(activity: Activity, strings: DashboardStrings) {
    const name = activity.actor?.name;
    if (!present(name)) return nothing;
    return inline(
      html`<span aria-hidden="true"> · </span
        ><span>${inline(activityActorText(strings.activityBy, { actor: name }))}</span>`,
    );
  }

  protected renderSkeleton(_strings: DashboardStrings) {
    const rows = Array.from({ length: clampLimit(this.limit) }, (_, i) => i);
    return html`
      <ol part="list" aria-hidden="true">
        ${rows.map((i) => html` <li class="entry">${skeletonEntryLines(i, [14, 11], [8, 10])}</li> `)}
      </ol>
      <div class="more" aria-hidden="true">${skeleton('6em')}</div>
    `;
  }
}
