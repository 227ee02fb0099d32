import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { cardStyles } from '../../base/card.styles.js';
import { DashboardCard } from '../../base/dashboard-card.js';
import type { PlanSummary } from '../../contract/types.js';
import { parsePlanSummary } from '../../contract/validation.js';
import { formatCalendarDate, formatMoney } from '../../format/format.js';
import { ClockController } from '../../format/relative-time.js';
import { fillPlural } from '../../i18n/plural.js';
import type { DashboardStrings } from '../../strings/strings.js';
import { fill, fillParts } from '../../strings/template.js';
import { CreditsLowEvent } from './plan-card.events.js';
import { planCardStrings } from '../../strings/plan-card.js';
import { planCardStyles } from './plan-card.styles.js';
import { skeleton, skeletonRow } from '../../base/skeleton.js';
import { lowCredits, runwayLimit, type LowCredits } from './low-credits.js';
import { DEFAULT_LOW_RUNWAY_DAYS, runOutDate, runwayDays, runwayWords } from './runway.js';
import { UsageChart } from './usage-chart.js';

/** Whether the store's credits were low (by either rule) when last seen, for one org. */
interface Balance {
  orgId: string;
  low: boolean;
}

/**
 * @summary The plan and its credits: plan name, available credits with an
 * inline "Add credits" (+) action, how long they last at the recent rate (the
 * runway, with the day they run out and a chart of the last 30 days of
 * usage), a low-balance warning, and "Manage subscription".
 *
 * Needs the `plan:read` permission. "Manage subscription" and "Add credits"
 * also need `plan:manage`; without it they are not shown. In controlled mode
 * (`data` set, no store) the viewer's access is unknown and both actions are
 * shown: the host that supplies the data knows what the viewer may do, and can
 * hide them with `plan-card::part(action) { display: none }`.
 *
 * The runway (DESIGN.md, "Foresight and acting in place") is the available
 * credits ÷ the mean daily usage of the newest 7 `usage` entries in the
 * credits' currency. It is shown in whole days (then years) rounded down, so
 * it never promises more than the credits cover, with the run-out day: today
 * in the viewer's time zone plus those whole days. The card follows the
 * page's shared clock (one timer for every relative time), so the day moves
 * on at midnight without new data. Without usage, or with nothing used, there
 * is no runway.
 *
 * The low-balance warning shows when `lowCreditThreshold` is given in the same
 * currency as the credits and the balance is at or below it, or when the
 * runway is at or below `low-runway-days`; its text says which (or both). It
 * is text with an icon, never color alone.
 *
 * @slot heading - Replaces the card's heading text.
 * @slot header-actions - Extra controls at the end of the header.
 * @slot error - Replaces the error message (the Retry button stays).
 *
 * @csspart card - The card's box.
 * @csspart header - The header row: heading and header actions.
 * @csspart title - The heading.
 * @csspart body - The content area.
 * @csspart value - Each value shown (plan name, credits).
 * @csspart plan-name - The plan's name.
 * @csspart credits - The available credits.
 * @csspart runway - How long the credits last, and the day they run out.
 * @csspart run-out - The day the credits run out (inside `runway`).
 * @csspart usage - The usage chart with its caption, dates and the value of the day in focus.
 * @csspart chart - The usage chart.
 * @csspart chart-value - The date and amount of the chart's day in focus or under the pointer (the newest by default).
 * @csspart action - Each action (link or button).
 * @csspart add-credits - The inline (+) "Add credits" action.
 * @csspart manage-subscription - The "Manage subscription" action.
 * @csspart warning - The low-balance warning.
 * @csspart message - The error or no-access message.
 * @csspart error - The error message (also `message`).
 * @csspart no-access - The no-access notice (also `message`).
 * @csspart retry - The Retry buttons.
 * @csspart footer - The "last updated" note of the stale state.
 *
 * @see The global design tokens (src/themes/tokens.ts; README, "Styling") this element's styles read are in its `cssProperties` in custom-elements.json, added from tokens.ts.
 *
 * @fires od-manage-subscription - "Manage subscription" was activated; cancelable, `detail: { orgId, href? }`.
 * @fires od-add-credits - "Add credits" was activated; cancelable, `detail: { orgId, href? }`.
 * @fires od-credits-low - The credits from the store (first load or a live update) became low: the balance
 * reached the threshold or the runway fell to `low-runway-days`; `detail: { orgId, availableCredits, threshold,
 * runwayDays }`. Once per crossing; never for controlled `data` nor for the host changing `low-runway-days`.
 * @fires od-error - The data failed to load or refresh; `detail: { error, resource, orgId }`.
 */
export class PlanCard extends DashboardCard<'plan'> {
  static override properties: PropertyDeclarations = {
    lowRunwayDays: { type: Number, attribute: 'low-runway-days' },
  };

  static override styles = [cardStyles, planCardStyles];

  /**
   * The runway in days at or below which the low-balance warning shows, and
   * `od-credits-low` fires. Default 7. Not a number, or negative: the default.
   */
  lowRunwayDays = DEFAULT_LOW_RUNWAY_DAYS;

  protected readonly resource = 'plan';
  protected readonly parse = parsePlanSummary;
  protected readonly texts = { strings: planCardStrings, title: 'planTitle' } as const;

  /** Today, for the run-out day: re-renders on the page's shared clock tick. */
  private readonly clock = new ClockController(this);
  private readonly usageChart = new UsageChart(this);
  /** The plan shown by the last render (set in `renderReady`, read in `updated`). */
  private shownPlan?: PlanSummary;
  /** Whether the store's credits were low when last seen; undefined before the first load. */
  private balance?: Balance;

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The host moving the limit (not its first value) is the host's own change: taken in silence.
    this.reportCrossing(changed.has('lowRunwayDays') && changed.get('lowRunwayDays') !== undefined);
  }

  /**
   * `od-credits-low` when the store's credits go from not low (or unknown: the
   * first load) to low by either rule. Controlled `data` is the host's own
   * change, so it never fires (and forgets the store's state).
   */
  private reportCrossing(hostChange: boolean): void {
    const plan = this.shownPlan;
    if (this.data !== undefined) {
      this.balance = undefined;
      return;
    }
    if (!plan || (this.state !== 'ready' && this.state !== 'stale')) return;
    const orgId = this.currentOrgId;
    const runway = runwayDays(plan);
    const { threshold, shortRunway } = lowCredits(plan, runway, runwayLimit(this.lowRunwayDays));
    const low = threshold !== undefined || shortRunway;
    const wasLow = this.balance?.orgId === orgId ? this.balance.low : false;
    this.balance = { orgId, low };
    if (low && !wasLow && !hostChange) {
      this.dispatchEvent(
        new CreditsLowEvent({
          orgId,
          availableCredits: plan.availableCredits,
          threshold: threshold ?? null,
          runwayDays: runway,
        }),
      );
    }
  }

  /** Says the new balance, when the credits or the plan changed. */
  protected override liveSummary(previous: PlanSummary, current: PlanSummary, strings: DashboardStrings) {
    const [was, now] = [previous.availableCredits, current.availableCredits];
    if (
      previous.name === current.name &&
      was.amountMinor === now.amountMinor &&
      was.currency === now.currency
    )
      return undefined;
    return fill(strings.planLiveUpdate, { amount: formatMoney(now, this.formatContext) });
  }

  protected renderReady(plan: PlanSummary, strings: DashboardStrings) {
    this.shownPlan = plan;
    const format = this.formatContext;
    const canManage = this.hasPermission('plan:manage');
    const runway = runwayDays(plan);
    return html`
      <dl>
        <div class="row">
          <dt>${strings.planName}</dt>
          <dd><span part="value plan-name" class="plan-name">${plan.name}</span></dd>
        </div>
        <div class="row">
          <dt>${strings.planCredits}</dt>
          <dd>
            <span part="value credits" class="credits">${formatMoney(plan.availableCredits, format)}</span>
            ${
              canManage
                ? this.renderAction('od-add-credits', plusIcon, {
                    part: 'add-credits',
                    label: strings.planAddCredits,
                  })
                : nothing
            }
          </dd>
        </div>
      </dl>
      ${runway === null ? nothing : this.renderRunway(runway, strings)}
      ${this.renderWarning(lowCredits(plan, runway, runwayLimit(this.lowRunwayDays)), strings)}
      ${this.usageChart.render(plan.usage, plan.availableCredits.currency, strings, format)}
      ${
        canManage
          ? html`<div class="actions">
              ${this.renderAction('od-manage-subscription', strings.planManageSubscription, {
                part: 'manage-subscription',
              })}
            </div>`
          : nothing
      }
    `;
  }

  /** "About 12 days left", and the day the credits run out in the viewer's time zone. */
  private renderRunway(days: number, strings: DashboardStrings) {
    const format = this.formatContext;
    const words = runwayWords(days);
    const text =
      'count' in words
        ? fillPlural(strings[RUNWAY_TEXTS[words.unit]], words.count, format)
        : words.unit === 'out'
          ? strings.planRunwayOut
          : strings.planRunwayUnderADay;
    const date = words.unit === 'out' ? undefined : runOutDate(days, this.clock.now, format.timeZone);
    return html`<p part="runway" class="runway">
      <span class="runway-days">${text}</span>
      ${
        date
          ? html`<span part="run-out" class="run-out"
              >${fillParts(strings.planRunOut, {
                date: html`<time datetime=${date}>${formatCalendarDate(date, format)}</time>`,
              })}</span
            >`
          : nothing
      }
    </p>`;
  }

  /** The warning says why: the balance reached the threshold, the runway is short, or both. */
  private renderWarning({ threshold, shortRunway }: LowCredits, strings: DashboardStrings) {
    if (!threshold && !shortRunway) return nothing;
    const format = this.formatContext;
    return html`<p part="warning" class="warning">
      ${warningIcon}
      <span>
        ${
          threshold
            ? html`<span
                >${fillParts(strings.planLowCredits, {
                  // Isolated, so a right-to-left amount keeps its order inside any sentence.
                  threshold: html`<bdi>${formatMoney(threshold, format)}</bdi>`,
                })}</span
              >`
            : nothing
        }
        ${shortRunway ? html`<span>${fillPlural(strings.planShortRunway, runwayLimit(this.lowRunwayDays), format)}</span>` : nothing}
      </span>
    </p>`;
  }

  protected renderSkeleton(strings: DashboardStrings) {
    // Actions are reserved unless the viewer is known to lack plan:manage, so nothing moves.
    const canManage = this.hasPermission('plan:manage');
    return html`
      <dl aria-hidden="true">
        ${skeletonRow(strings.planName, '8em')} ${skeletonRow(strings.planCredits, '7em')}
      </dl>
      ${
        canManage
          ? html`<div class="actions" aria-hidden="true">${skeleton('11em', 'action-placeholder')}</div>`
          : nothing
      }
    `;
  }
}

/** The plural text of each counted runway unit. */
const RUNWAY_TEXTS = {
  days: 'planRunwayDays',
  years: 'planRunwayYears',
  'beyond-years': 'planRunwayBeyondYears',
} as const;

const plusIcon = html`<svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16" fill="currentColor">
  <path d="M7 2h2v5h5v2H9v5H7V9H2V7h5z" />
</svg>`;

const warningIcon = html`<svg
  aria-hidden="true"
  width="16"
  height="16"
  viewBox="0 0 16 16"
  fill="currentColor"
>
  <path
    d="M8.9 1.5a1 1 0 0 0-1.8 0L.6 13.5A1 1 0 0 0 1.5 15h13a1 1 0 0 0 .9-1.5L8.9 1.5ZM7.25 5.5h1.5v4.5h-1.5V5.5Zm0 6h1.5V13h-1.5v-1.5Z"
  />
</svg>`;
