import { html, nothing, type PropertyValues } from 'lit';
import { cardStyles } from '../../base/card.styles.js';
import { DashboardCard } from '../../base/dashboard-card.js';
import type { Money, PlanSummary } from '../../contract/types.js';
import { parsePlanSummary } from '../../contract/validation.js';
import { formatMoney } from '../../format/format.js';
import type { DashboardStrings } from '../../strings/strings.js';
import { fill, fillParts } from '../../strings/template.js';
import { CreditsLowEvent } from './plan-card.events.js';
import { planCardStrings } from '../../strings/plan-card.js';
import { planCardStyles } from './plan-card.styles.js';
import { skeleton, skeletonRow } from '../../base/skeleton.js';

/**
 * The threshold a plan's balance is at or below, or undefined when it is not
 * low. Amounts in different currencies are not comparable, so a threshold in
 * another currency never warns.
 */
export function lowCreditThreshold(plan: PlanSummary): Money | undefined {
  const threshold = plan.lowCreditThreshold;
  const credits = plan.availableCredits;
  if (!threshold || threshold.currency !== credits.currency) return undefined;
  return credits.amountMinor <= threshold.amountMinor ? threshold : undefined;
}

/** Where the balance stood at the last render of store data, for one org. */
interface Balance {
  orgId: string;
  low: boolean;
}

/**
 * @summary The plan and its credits: plan name, available credits with an
 * inline "Add credits" (+) action, a low-balance warning, and "Manage
 * subscription".
 *
 * Needs the `plan:read` permission. "Manage subscription" and "Add credits"
 * also need `plan:manage`; without it they are not shown. In controlled mode
 * (`data` set, no store) the viewer's access is unknown and both actions are
 * shown: the host that supplies the data knows what the viewer may do, and can
 * hide them with `plan-card::part(action) { display: none }`.
 *
 * The low-balance warning shows when `lowCreditThreshold` is given in the same
 * currency as the credits and the balance is at or below it; it is text with
 * an icon, never color alone.
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
 * @fires od-credits-low - The balance from the store (first load or a live update) reached the
 * threshold; `detail: { orgId, availableCredits, threshold }`. Once per crossing; never for controlled `data`.
 * @fires od-error - The data failed to load or refresh; `detail: { error, resource, orgId }`.
 */
export class PlanCard extends DashboardCard<'plan'> {
  static override styles = [cardStyles, planCardStyles];

  protected readonly resource = 'plan';
  protected readonly parse = parsePlanSummary;
  protected readonly texts = { strings: planCardStrings, title: 'planTitle' } as const;

  /** The plan shown by the last render (set in `renderReady`, read in `updated`). */
  private shownPlan?: PlanSummary;
  /** Whether the store's balance was low when last seen; undefined before the first load. */
  private balance?: Balance;

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.reportCrossing();
  }

  /**
   * `od-credits-low` when the store's balance goes from above the threshold
   * (or unknown: the first load) to at or below it. Controlled `data` is the
   * host's own change, so it never fires (and forgets the store's balance).
   */
  private reportCrossing(): void {
    const plan = this.shownPlan;
    if (this.data !== undefined) {
      this.balance = undefined;
      return;
    }
    if (!plan || (this.state !== 'ready' && this.state !== 'stale')) return;
    const orgId = this.currentOrgId;
    const threshold = lowCreditThreshold(plan);
    const wasLow = this.balance?.orgId === orgId ? this.balance.low : false;
    this.balance = { orgId, low: threshold !== undefined };
    if (threshold && !wasLow) {
      this.dispatchEvent(new CreditsLowEvent({ orgId, availableCredits: plan.availableCredits, threshold }));
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
    const threshold = lowCreditThreshold(plan);
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
      ${
        threshold
          ? html`<p part="warning" class="warning">
              ${warningIcon}
              <span
                >${fillParts(strings.planLowCredits, {
                  // Isolated, so a right-to-left amount keeps its order inside any sentence.
                  threshold: html`<bdi>${formatMoney(threshold, format)}</bdi>`,
                })}</span
              >
            </p>`
          : nothing
      }
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
