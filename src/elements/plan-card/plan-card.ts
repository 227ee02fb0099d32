import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { cardStyles } from '../../base/card.styles.js';
import { chartStyles } from '../../base/chart.js';
import { numberAttribute } from '../../base/number-attribute.js';
import { DashboardCard } from '../../base/dashboard-card.js';
import type { PlanSummary } from '../../contract/types.js';
import { parsePlanSummary } from '../../contract/validation.js';
import { formatMoney } from '../../format/format.js';
import { ClockController } from '../../format/relative-time.js';
import type { DashboardStrings } from '../../strings/strings.js';
import { fill } from '../../strings/template.js';
import { CreditsLowEvent } from './plan-card.events.js';
import { planCardViewStrings } from '../../strings/plan-card-view.js';
import { planCardStyles } from './plan-card.styles.js';
import { skeleton, skeletonRow } from '../../base/skeleton.js';
import { warningStyles } from '../../base/warning.js';
import { renderLowCreditWarning, renderRunway } from './foresight-view.js';
import { lowCredits, runwayLimit } from './low-credits.js';
import { renderAlertRow } from './alert-row.js';
import { PlanWritesLoader } from './plan-writes-loader.js';
import { DEFAULT_LOW_RUNWAY_DAYS, runwayDays } from './runway.js';
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
 * Acting in place (DESIGN.md, "Add credits in place" and "Low-credit alert"), with `plan:manage`:
 * when the adapter has `purchaseCredits`, (+) fires `od-add-credits` and then, unless the host
 * canceled it, opens a modal dialog to buy one of the plan's `creditPacks` or an amount typed in
 * the viewer's locale; a purchase is never sent twice and never aborted by the card (closing the
 * dialog, another org or the card leaving the page let it finish, and its outcome still reaches
 * that org's data and `od-credits-purchased`). When the adapter has `setLowCreditThreshold`, a
 * "Low-credit alert" row shows the confirmed threshold with Change, to set or turn it off. Without
 * the method, (+) is the link and event it always was and the row is not shown.
 *
 * @slot heading - Replaces the card's heading text.
 * @slot header-actions - Extra controls at the end of the header.
 * @slot error - Replaces the error message (the Retry button stays).
 * @slot actions - Replaces the Manage subscription action, where the viewer may see it (`plan:manage`).
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
 * @csspart retry - The Retry buttons (loading, and a purchase that may have charged).
 * @csspart footer - The "last updated" note of the stale state.
 * @csspart stale - The "last updated" note of the stale state (also `footer`).
 * @csspart invalid-items - The note that some items of the plan's lists (usage days, credit packs) could not be shown (also `footer`).
 * @csspart purchase-dialog - The purchase dialog (a native modal `<dialog>`; style `::backdrop` through it).
 * @csspart dialog-title - The dialog's heading.
 * @csspart purchase-status - The dialog's polite status: progress, result or why it failed.
 * @csspart purchase-form - The dialog's choice of amount.
 * @csspart balance - The balance shown above the choice.
 * @csspart packs - The group of amounts to choose from.
 * @csspart pack - Each amount (and "Other amount"), with its radio button.
 * @csspart amount-input - A typed amount: the custom purchase, or the low-credit alert.
 * @csspart field-error - Why a typed amount cannot be taken, or why the alert was not saved.
 * @csspart confirm - The button that buys, naming the amount.
 * @csspart cancel - Cancel (dialog or alert form).
 * @csspart close - Close, once the purchase was sent.
 * @csspart buy-more - Back to the choice after a purchase.
 * @csspart change-amount - Back to the choice after a failure that may have charged.
 * @csspart try-again - Back to the choice after a refusal (a new attempt).
 * @csspart checkout-link - The checkout page of a `redirect` (in the dialog, and in `checkout-waiting`).
 * @csspart checkout-waiting - The note that a purchase waits for payment on its checkout page, with its link.
 * @csspart alert - The low-credit alert's confirmed threshold, or "Off" (also `value`).
 * @csspart alert-change - Opens the alert's form (also `action`).
 * @csspart alert-form - The alert's form.
 * @csspart alert-save - Saves the alert.
 * @csspart alert-off - Turns the alert off.
 *
 * @see The global design tokens (src/themes/tokens.ts; README, "Styling") this element's styles read are in its `cssProperties` in custom-elements.json, added from tokens.ts.
 *
 * @fires od-manage-subscription - "Manage subscription" was activated; cancelable, `detail: { orgId, href? }`.
 * @fires od-add-credits - "Add credits" was activated; cancelable, `detail: { orgId, href? }`.
 * @fires od-credits-low - The credits from the store (first load or a live update) became low: the balance
 * reached the threshold or the runway fell to `low-runway-days`; `detail: { orgId, availableCredits, threshold,
 * runwayDays }`. Once per crossing; never for controlled `data` nor for the host changing `low-runway-days`.
 * @fires od-credits-purchased - The adapter confirmed a purchase made in the dialog (completed or pending), once per
 * attempt; `detail: { orgId, amount, status, availableCredits, idempotencyKey }`.
 * @fires od-low-credit-threshold-change - The adapter confirmed a new low-credit alert; `detail: { orgId, threshold }`.
 * @fires od-error - The data failed to load or refresh, or an item of the plan's lists was left out as invalid
 * (once per item, `error.path` names it); `detail: { error, resource, orgId }`.
 */
export class PlanCard extends DashboardCard<'plan'> {
  static override properties: PropertyDeclarations = {
    lowRunwayDays: { type: Number, attribute: 'low-runway-days', converter: numberAttribute },
  };

  static override styles = [cardStyles, warningStyles, chartStyles, planCardStyles];

  /**
   * The runway in days at or below which the low-balance warning shows, and
   * `od-credits-low` fires. Default 7. Not a number, or negative: the default.
   */
  lowRunwayDays = DEFAULT_LOW_RUNWAY_DAYS;

  protected readonly resource = 'plan';
  protected readonly parse = parsePlanSummary;
  /** The dialog's and the alert form's texts come with them (`PlanWrites.strings`). */
  protected get texts() {
    return { strings: this.writes.writes?.strings ?? planCardViewStrings, title: 'planTitle' } as const;
  }

  /** Today, for the run-out day: re-renders on the page's shared clock tick. */
  private readonly clock = new ClockController(this);
  private readonly usageChart = new UsageChart(this);
  /**
   * Buying credits and setting the low-credit alert in place, when the adapter can and the viewer
   * may: the dialog and the form load on first use.
   */
  private readonly writes = new PlanWritesLoader(this, {
    adapter: () => this.effectiveAdapter,
    orgId: () => this.currentOrgId || undefined,
    plan: () => this.viewData,
    strings: () => this.resolvedStrings,
    format: () => this.formatContext,
    lang: () => this.localize,
    announce: (text) => this.announce(text),
    ownChange: (store) => this.acknowledgeOwnChange(store),
    mayAct: () => this.hasPermission('plan:manage'),
  });
  /** The plan shown by the last render (set in `renderReady`, read in `updated`). */
  private shownPlan?: PlanSummary;
  /** Whether the store's credits were low when last seen; undefined before the first load. */
  private balance?: Balance;

  /** The viewer comes to (+) or Change (the pointer or focus on their rows): the writes' module is fetched. */
  private readonly prefetchWrites = () => {
    if (this.hasPermission('plan:manage') && (this.writes.canBuy || this.writes.canSetAlert))
      this.writes.prefetch();
  };

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

  /** The purchase dialog sits outside the card's frame, so no state of the frame takes it away. */
  override render() {
    const dialog = this.hasPermission('plan:manage') ? this.writes.writes?.purchase.render() : undefined;
    return html`${super.render()}${dialog ?? nothing}`;
  }

  /** Also waits for the dialog and the form being loaded, and for the render that shows them. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while (this.writes.loading) {
      await this.writes.loading;
      result = await super.getUpdateComplete();
    }
    return result;
  }

  protected renderReady(plan: PlanSummary, strings: DashboardStrings) {
    this.shownPlan = plan;
    const format = this.formatContext;
    const canManage = this.hasPermission('plan:manage');
    const runway = runwayDays(plan);
    const limit = runwayLimit(this.lowRunwayDays);
    return html`
      <dl @pointerover=${this.prefetchWrites} @focusin=${this.prefetchWrites}>
        <div class="row">
          <dt>${strings.planName}</dt>
          <dd>
            <span part="value plan-name" class="plan-name"><bdi>${plan.name}</bdi></span>
          </dd>
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
                    opensDialog: this.writes.canBuy
                      ? () =>
                          this.writes.openPurchase(
                            this.renderRoot.querySelector<HTMLElement>('[part~="add-credits"]') ?? undefined,
                          )
                      : undefined,
                  })
                : nothing
            }
          </dd>
        </div>
        ${
          canManage && this.writes.canSetAlert
            ? renderAlertRow(plan, strings, format, {
                expanded: this.writes.alertOpen,
                onChange: () => this.writes.toggleAlert(plan),
              })
            : nothing
        }
      </dl>
      ${canManage ? this.writes.writes?.render(plan, strings, format) : nothing}
      ${this.writes.failed ? html`<p part="message" class="note">${strings.planWritesLoadFailed}</p>` : nothing}
      ${runway === null ? nothing : renderRunway(runway, this.clock.now, strings, format)}
      ${renderLowCreditWarning(lowCredits(plan, runway, limit), limit, strings, format)}
      ${this.usageChart.render(plan.usage, plan.availableCredits.currency, strings, format)}
      ${
        canManage
          ? html`<div class="actions">
              <slot name="actions"
                >${this.renderAction('od-manage-subscription', strings.planManageSubscription, {
                  part: 'manage-subscription',
                })}</slot
              >
            </div>`
          : nothing
      }
    `;
  }

  protected renderSkeleton(strings: DashboardStrings) {
    // Actions and the alert row are reserved unless the viewer is known to lack plan:manage, so nothing moves.
    const canManage = this.hasPermission('plan:manage');
    return html`
      <dl aria-hidden="true">
        ${skeletonRow(strings.planName, '8em')} ${skeletonRow(strings.planCredits, '7em')}
        ${canManage && !this.hydrating && this.writes.canSetAlert ? skeletonRow(strings.planAlert, '5em') : nothing}
      </dl>
      ${
        canManage
          ? html`<div class="actions" aria-hidden="true">${skeleton('11em', 'action-placeholder')}</div>`
          : nothing
      }
    `;
  }
}

const plusIcon = html`<svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16" fill="currentColor">
  <path d="M7 2h2v5h5v2H9v5H7V9H2V7h5z" />
</svg>`;
