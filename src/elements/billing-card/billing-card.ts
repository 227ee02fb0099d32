import { html, nothing, svg } from 'lit';
import { styleProps } from '../../base/style-props.js';
import { repeat } from 'lit/directives/repeat.js';
import { cardStyles } from '../../base/card.styles.js';
import { DashboardCard } from '../../base/dashboard-card.js';
import type { BillingSummary, Money } from '../../contract/types.js';
import { parseBillingSummary } from '../../contract/validation.js';
import { formatCalendarDate, formatMoney, formatPercent, type FormatContext } from '../../format/format.js';
import type { DashboardStrings } from '../../strings/strings.js';
import { fill } from '../../strings/template.js';
import { billingCardStrings } from '../../strings/billing-card.js';
import { billingCardStyles } from './billing-card.styles.js';
import { skeleton, skeletonRow } from '../../base/skeleton.js';

/** Below this change (0.05%) the percentage would round to 0 at one fraction digit. */
const SMALLEST_CHANGE = 0.0005;

/** How this month compares with last month. */
export type BillingTrend =
  | { kind: 'up' | 'down'; ratio: number }
  | { kind: 'same' | 'slightly-up' | 'slightly-down' | 'no-baseline' | 'unavailable' }
  | { kind: 'other-currency'; currency: string };

/**
 * The change from last month to this month. A percentage only when it means
 * something: same currency and a positive last month (a zero or negative base
 * would give Infinity or a sign that reads backwards).
 */
export function billingTrend(current: Money, last: Money): BillingTrend {
  if (current.currency !== last.currency) return { kind: 'other-currency', currency: last.currency };
  if (current.amountMinor === last.amountMinor) return { kind: 'same' };
  if (last.amountMinor === 0) return { kind: 'no-baseline' };
  if (last.amountMinor < 0) return { kind: 'unavailable' };
  const ratio = (current.amountMinor - last.amountMinor) / last.amountMinor;
  if (!Number.isFinite(ratio)) return { kind: 'unavailable' };
  if (Math.abs(ratio) < SMALLEST_CHANGE) return { kind: ratio > 0 ? 'slightly-up' : 'slightly-down' };
  return { kind: ratio > 0 ? 'up' : 'down', ratio: Math.abs(ratio) };
}

export interface SpendingPoint {
  month: string;
  /** Months since the first point: gaps in the history stay gaps on the chart. */
  offset: number;
  total: Money;
}

const monthNumber = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/**
 * The history to chart: in this month's currency only (amounts in other
 * currencies cannot share an axis), one point per month (the last one given
 * wins), oldest first.
 */
export function spendingSeries(history: BillingSummary['history'], currency: string): SpendingPoint[] {
  const byMonth = new Map<string, Money>();
  for (const entry of history ?? []) {
    if (entry.total.currency === currency) byMonth.set(entry.month, entry.total);
  }
  const months = [...byMonth.keys()].sort();
  const first = months.length > 0 ? monthNumber(months[0]) : 0;
  return months.map((month) => ({ month, offset: monthNumber(month) - first, total: byMonth.get(month)! }));
}

/**
 * The chart's drawing box. It stretches to the room it gets (120px at most);
 * strokes do not scale, and the last month's dot is a round cap on a
 * zero-length path, so it stays round when the box stretches.
 */
const CHART_WIDTH = 120;
const CHART_HEIGHT = 40;
const CHART_PAD = 4;

/** Chart coordinates of each point; a flat history is a line through the middle, never a division by zero. */
function chartPoints(series: SpendingPoint[]): { x: number; y: number }[] {
  const amounts = series.map((p) => p.total.amountMinor);
  const min = Math.min(...amounts);
  const max = Math.max(...amounts);
  const span = series[series.length - 1].offset || 1;
  return series.map((p) => ({
    x: CHART_PAD + (p.offset / span) * (CHART_WIDTH - 2 * CHART_PAD),
    y:
      max === min
        ? CHART_HEIGHT / 2
        : CHART_PAD + ((max - p.total.amountMinor) / (max - min)) * (CHART_HEIGHT - 2 * CHART_PAD),
  }));
}

/**
 * The top row is a size container, so the total's font can shrink with the
 * card (see the styles). Set inline: lit-analyzer's CSS data predates
 * container queries and would flag the property in the stylesheet; set
 * through `styleProps` (CSSOM), which a strict `style-src` CSP allows.
 */
const SIZE_CONTAINER = { 'container-type': 'inline-size' };

const ARROW_UP = 'M8 2.5 13 7.5l-1.1 1.1-3.1-3.1V13.5H7.2V5.5L4.1 8.6 3 7.5 8 2.5Z';
const ARROW_DOWN = 'M8 13.5 3 8.5l1.1-1.1 3.1 3.1V2.5h1.6v8l3.1-3.1L13 8.5l-5 5Z';
const FLAT = 'M2.5 7.2h11v1.6h-11z';

/**
 * @summary Billing: this month's total, the change from last month as a
 * percentage (green for less, red for more, always with an arrow and words),
 * last month's total, the next invoice date, a "View past invoices" action and,
 * when the data has a history, a small spending chart.
 *
 * Needs the `billing:read` permission (which "View past invoices" needs too).
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
 * @csspart history - The spending history (chart and month range).
 * @csspart chart - The spending chart.
 * @csspart action - Each action (a link when a URL is configured, else a button).
 * @csspart view-invoices - The "View past invoices" action.
 * @csspart message - The error or no-access message.
 * @csspart error - The error message (also `message`).
 * @csspart no-access - The no-access notice (also `message`).
 * @csspart retry - The Retry buttons.
 * @csspart footer - The "last updated" note of the stale state, and the note about months of history left out.
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
  static override styles = [cardStyles, billingCardStyles];

  protected readonly resource = 'billing';
  protected readonly parse = parseBillingSummary;
  protected readonly texts = { strings: billingCardStrings, title: 'billingTitle' } as const;

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
            >${formatMoney(billing.currentMonthTotal, format)}</span
          >
        </p>
        ${series.length >= 2 ? this.renderHistory(series, strings, format) : nothing}
      </div>
      ${this.renderTrend(billingTrend(billing.currentMonthTotal, billing.lastMonthTotal), strings, format)}
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
            ? this.renderAction('od-view-invoices', strings.billingViewInvoices, { part: 'view-invoices' })
            : nothing
        }
      </div>
    `;
  }

  private renderTrend(trend: BillingTrend, strings: DashboardStrings, format: FormatContext) {
    const [look, icon, text] = this.describeTrend(trend, strings, format);
    return html`
      <p part="trend trend-${look}" class="trend ${look}">
        ${
          icon
            ? html`<svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" fill="currentColor">
                ${svg`<path d=${icon}></path>`}
              </svg>`
            : nothing
        }
        <span>${text}</span>
      </p>
    `;
  }

  /** The trend's look (`up`, `down`, `same`, `none`), icon and words. */
  private describeTrend(
    trend: BillingTrend,
    strings: DashboardStrings,
    format: FormatContext,
  ): [string, string | undefined, string] {
    switch (trend.kind) {
      case 'up':
        return [
          'up',
          ARROW_UP,
          fill(strings.billingTrendUp, { percent: formatPercent(trend.ratio, format) }),
        ];
      case 'down':
        return [
          'down',
          ARROW_DOWN,
          fill(strings.billingTrendDown, { percent: formatPercent(trend.ratio, format) }),
        ];
      case 'slightly-up':
        return ['same', FLAT, strings.billingTrendSlightlyUp];
      case 'slightly-down':
        return ['same', FLAT, strings.billingTrendSlightlyDown];
      case 'same':
        return ['same', FLAT, strings.billingTrendSame];
      case 'no-baseline':
        return ['none', undefined, strings.billingTrendNoBaseline];
      case 'other-currency':
        return ['none', undefined, fill(strings.billingTrendOtherCurrency, { currency: trend.currency })];
      default:
        return ['none', undefined, strings.billingTrendUnavailable];
    }
  }

  private renderHistory(series: SpendingPoint[], strings: DashboardStrings, format: FormatContext) {
    const month = (m: string) => formatCalendarDate(`${m}-01`, format, { month: 'short', year: 'numeric' });
    const low = series.reduce((a, b) => (b.total.amountMinor < a.total.amountMinor ? b : a));
    const high = series.reduce((a, b) => (b.total.amountMinor > a.total.amountMinor ? b : a));
    const from = month(series[0].month);
    const to = month(series[series.length - 1].month);
    const summary = fill(strings.billingHistorySummary, {
      from,
      to,
      low: formatMoney(low.total, format),
      lowMonth: month(low.month),
      high: formatMoney(high.total, format),
      highMonth: month(high.month),
    });
    const points = chartPoints(series);
    const line = points.map((p) => `${p.x.toFixed(2)},${p.y.toFixed(2)}`).join(' ');
    const first = points[0];
    const last = points[points.length - 1];
    const area = `M${first.x.toFixed(2)},${CHART_HEIGHT} L${line.replaceAll(' ', ' L')} L${last.x.toFixed(2)},${CHART_HEIGHT} Z`;
    return html`
      <figure part="history" class="history">
        <svg
          part="chart"
          class="spark"
          role="img"
          aria-label=${summary}
          width="100%"
          height=${CHART_HEIGHT}
          viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}"
          preserveAspectRatio="none"
        >
          ${svg`<path class="area" d=${area}></path>
            <polyline class="line" points=${line} vector-effect="non-scaling-stroke"></polyline>
            <path
              class="dot"
              d="M${last.x.toFixed(2)},${last.y.toFixed(2)}h0"
              vector-effect="non-scaling-stroke"
            ></path>`}
        </svg>
        <div class="range" aria-hidden="true"><span>${from}</span><span>${to}</span></div>
        <table class="visually-hidden">
          <caption>
            ${strings.billingHistory}
          </caption>
          <thead>
            <tr>
              <th scope="col">${strings.billingHistoryMonth}</th>
              <th scope="col">${strings.billingHistoryTotal}</th>
            </tr>
          </thead>
          <tbody>
            ${repeat(
              series,
              (p) => p.month,
              (p) => html`
                <tr>
                  <th scope="row">${month(p.month)}</th>
                  <td>${formatMoney(p.total, format)}</td>
                </tr>
              `,
            )}
          </tbody>
        </table>
      </figure>
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
