/**
 * The spending history of `<billing-card>`: a small chart of the months in
 * this month's currency, in calendar order (gaps stay gaps), with a text
 * alternative and a table of every month for screen readers.
 */
import { html, svg } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { renderRange } from '../../base/chart.js';
import type { BillingSummary, Money } from '../../contract/types.js';
import { formatCalendarMonth, formatMoney, type FormatContext } from '../../format/format.js';
import type { DashboardStrings } from '../../strings/strings.js';
import { fill } from '../../strings/template.js';

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

/** The history chart with its text alternative, its month range, and a table of every month. */
export function renderHistory(series: SpendingPoint[], strings: DashboardStrings, format: FormatContext) {
  // Billing months are Gregorian months, named as such in every locale's calendar.
  const month = (m: string) => formatCalendarMonth(m, format);
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
  // The table is visually hidden by a box around it: a table ignores a width too small for it, and
  // would reach past a narrow screen's edge.
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
      ${renderRange(from, to)}
      <div class="visually-hidden">
        <table>
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
      </div>
    </figure>
  `;
}
