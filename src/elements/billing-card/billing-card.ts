import { html, nothing } from 'lit';
import { styleProps } from '../../base/style-props.js';
import { cardStyles } from '../../base/card.styles.js';
import { chartStyles } from '../../base/chart.js';
import { DashboardCard } from '../../base/dashboard-card.js';
import type { BillingSummary } from '../../contract/types.js';
import { parseBillingSummary } from '../../contract/validation.js';
import { formatCalendarDate, formatMoney } from '../../format/format.js';
import { ClockController } from '../../format/relative-time.js';
import type { DashboardStrings } from '../../strings/strings.js';
import { fill } from '../../strings/template.js';
import { billingCardStrings } from '../../strings/billing-card.js';
import { billingCardStyles } from './billing-card.styles.js';
import { renderTrend } from './billing-trend.js';
import { renderHistory, spendingSeries } from './spending-history.js';
import { skeleton, skeletonRow } from '../../base/skeleton.js';

export { billingTrend, type BillingTrend } from './billing-trend.js';
export { spendingSeries, type SpendingPoint } from './spending-history.js';

/**
 * The top row is a size container, so the total's font can shrink with the
 * card (see the styles). Set inline: lit-analyzer's CSS data predates
 * container queries and would flag the property in the stylesheet; set
 * through `styleProps` (CSSOM), which a strict `style-src` CSP allows.
 */
const SIZE_CONTAINER = { 'container-type': 'inline-size' };

/**
 * The large total may take two lines in a narrow card: after the space
 * between its amount and its currency ("12.345,67 " / "USD"), never inside
 * the code. `Intl` joins the two with a no-break space, which stays (the text
 * is unchanged); `<wbr>` after it allows the break. Digit groups' own spaces
 * (French, Polish) are not matched.
 */
const CURRENCY_JUNCTION = /(?<=\d)[\u00a0\u202f](?=\D)|(?<=[^\d\s])[\u00a0\u202f](?=[-\u2212]?\d)/u;

function breakableAtCurrency(text: string) {
  const at = text.search(CURRENCY_JUNCTION) + 1;
  return at ? html`${text.slice(0, at)}<wbr />${text.slice(at)}` : text;
}

/**
 * @summary Billing: this month's total, the change from last month as a
 * percentage (green for less, red for more, always with an arrow and words),
 * last month's total, the next invoice date, a "View past invoices" action and,
 * when the data has a history, a small spending chart.
 *
 * Needs the `billing:read` permission (which "View past invoices" needs too).
 *
 * With a billing `period`, the card projects the period's total ("On track
 * for $2,124.00 by Jan 1"): the server's `forecastTotal` when it is in this
 * month's currency, else this month's total scaled by the period's length
 * over the time elapsed in it (at least a day), kept current on the page's
 * shared clock; the trend then compares the projection with last month and
 * says so ("On track for 3% more than last month"). The period runs from its
 * start's midnight to its end's (exclusive) in the viewer's time zone; once
 * that has passed, nothing is projected and the trend compares the total as
 * it does without a period. The projection is one line below this month's
 * total, which the loading skeleton (which cannot know of a period) leaves
 * out. See `projectPeriod` for the exact rule.
 *
 * No percentage is shown when it would mislead: when last month's total is
 * zero or negative, or was billed in another currency; the card says why in
 * words instead. The spending chart shows the months in this month's
 * currency, in calendar order (gaps between months stay gaps). Time runs in
 * the reading direction: left to right, and right to left in right-to-left
 * pages, like the text around it. Its text alternative names the range and
 * the lowest and highest months, and a table for screen readers lists every
 * month.
 *
 * @slot heading - Replaces the card's heading text.
 * @slot header-actions - Extra controls at the end of the header.
 * @slot error - Replaces the error message (the Retry button stays).
 * @slot actions - Replaces the View past invoices action, where the viewer may see it (`billing:read`).
 *
 * @csspart card - The card's box.
 * @csspart header - The header row: heading and header actions.
 * @csspart title - The heading.
 * @csspart body - The content area.
 * @csspart value - Each value shown (this month, last month, next invoice).
 * @csspart current-month - This month's total.
 * @csspart last-month - Last month's total.
 * @csspart next-invoice - The next invoice date.
 * @csspart trend - The change from last month.
 * @csspart trend-up - Added to `trend` when spending went up.
 * @csspart trend-down - Added to `trend` when spending went down.
 * @csspart trend-same - Added to `trend` when spending did not change (or barely).
 * @csspart trend-none - Added to `trend` when there is nothing to compare with.
 * @csspart projection - The period's projected total (with a billing period, until it ends).
 * @csspart projection-forecast - Added to `projection` when it is the server's forecast.
 * @csspart projection-pace - Added to `projection` when the card projects the spending so far.
 * @csspart history - The spending history (chart and month range).
 * @csspart chart - The spending chart.
 * @csspart action - Each action (a link when a URL is configured, else a button).
 * @csspart view-invoices - The "View past invoices" action.
 * @csspart message - The error or no-access message.
 * @csspart error - The error message (also `message`).
 * @csspart no-access - The no-access notice (also `message`).
 * @csspart retry - The Retry buttons.
 * @csspart footer - The "last updated" note of the stale state, and the note about months of history left out.
 * @csspart stale - The "last updated" note of the stale state (also `footer`).
 * @csspart invalid-items - The note that some months of history could not be shown (also `footer`).
 *
 * @see The global design tokens (src/themes/tokens.ts; README, "Styling") this element's styles read are in its `cssProperties` in custom-elements.json, added from tokens.ts.
 *
 * @fires od-view-invoices - "View past invoices" was activated; `detail: { orgId, href? }`.
 * Cancelable: `preventDefault()` stops the link's navigation so a host router can route.
 * @fires od-error - The data failed to load or refresh, or a month of history was left out as invalid (once
 * per item, `error.path` names it); `detail: { error, resource, orgId }`.
 */
export class BillingCard extends DashboardCard<'billing'> {
  static override styles = [cardStyles, chartStyles, billingCardStyles];

  protected readonly resource = 'billing';
  protected readonly parse = parseBillingSummary;
  protected readonly texts = { strings: billingCardStrings, title: 'billingTitle' } as const;

  /** The page's shared clock (a tick every 30 s), which moves the projection on while the card is open. */
  private readonly clock = new ClockController(this);

  /** Says this month's new total, when it changed. */
  protected override liveSummary(
    previous: BillingSummary,
    current: BillingSummary,
    strings: DashboardStrings,
  ) {
    const [was, now] = [previous.currentMonthTotal, current.currentMonthTotal];
    if (was.amountMinor === now.amountMinor && was.currency === now.currency) return undefined;
    return fill(strings.billingLiveUpdate, { amount: formatMoney(now, this.formatContext) });
  }

  protected renderReady(billing: BillingSummary, strings: DashboardStrings) {
    const format = this.formatContext;
    const series = spendingSeries(billing.history, billing.currentMonthTotal.currency);
    return html`
      <div class="top" ${styleProps(SIZE_CONTAINER)}>
        <p class="current">
          <span class="caption">${strings.billingCurrentMonth}</span>
          <span part="value current-month" class="big"
            >${breakableAtCurrency(formatMoney(billing.currentMonthTotal, format))}</span
          >
        </p>
        ${series.length >= 2 ? renderHistory(series, strings, format) : nothing}
      </div>
      ${renderTrend(billing, this.clock.now, strings, format)}
      <dl class="details">
        <div class="row">
          <dt>${strings.billingLastMonth}</dt>
          <dd part="value last-month">${formatMoney(billing.lastMonthTotal, format)}</dd>
        </div>
        <div class="row">
          <dt>${strings.billingNextInvoice}</dt>
          <dd part="value next-invoice">
            <time datetime=${billing.nextInvoiceDate}
              >${formatCalendarDate(billing.nextInvoiceDate, format)}</time
            >
          </dd>
        </div>
      </dl>
      <div class="actions">
        ${
          this.hasPermission('billing:read')
            ? html`<slot name="actions"
                >${this.renderAction('od-view-invoices', strings.billingViewInvoices, { part: 'view-invoices' })}</slot
              >`
            : nothing
        }
      </div>
    `;
  }

  protected renderSkeleton(strings: DashboardStrings) {
    return html`
      <div class="top" ${styleProps(SIZE_CONTAINER)}>
        <p class="current">
          <span class="caption">${strings.billingCurrentMonth}</span>
          <span class="big">${skeleton('6em')}</span>
        </p>
      </div>
      <p class="trend">${skeleton('13em')}</p>
      <dl class="details" aria-hidden="true">
        ${skeletonRow(strings.billingLastMonth, '6em')} ${skeletonRow(strings.billingNextInvoice, '7em')}
      </dl>
      <div class="actions">${skeleton('10em', 'action-skeleton')}</div>
    `;
  }
}
