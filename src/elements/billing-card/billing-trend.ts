/**
 * How this period compares with last month, as `<billing-card>` says it:
 * the trend line (an arrow and words, never color alone) and, with a
 * billing period, the projection it compares ("On track for $212,400.00 by
 * Jan 1").
 */
import { html, nothing, svg } from 'lit';
import type { BillingSummary, Money } from '../../contract/types.js';
import { formatCalendarDate, formatMoney, formatPercent, type FormatContext } from '../../format/format.js';
import type { BillingCardStrings } from '../../strings/billing-card.js';
import type { DashboardStrings } from '../../strings/strings.js';
import { fill } from '../../strings/template.js';
import { projectPeriod, type PeriodProjection } from './projection.js';

/** Below this change (0.05%) the percentage would round to 0 at one fraction digit. */
const SMALLEST_CHANGE = 0.0005;

/** How this month compares with last month. */
export type BillingTrend =
  | { kind: 'up' | 'down'; ratio: number }
  | { kind: 'same' | 'slightly-up' | 'slightly-down' | 'to-credit' | 'no-baseline' | 'unavailable' }
  | { kind: 'other-currency'; currency: string };

/**
 * The change from last month to this month. A percentage only when it means
 * something: same currency, a positive last month (a zero or negative base
 * would give Infinity or a sign that reads backwards) and this month not a
 * credit: a total below zero has dropped by more than all of last month, and
 * "150% less" reads as nonsense; it is "less: a credit this month" instead.
 */
export function billingTrend(current: Money, last: Money): BillingTrend {
  if (current.currency !== last.currency) return { kind: 'other-currency', currency: last.currency };
  if (current.amountMinor === last.amountMinor) return { kind: 'same' };
  if (last.amountMinor === 0) return { kind: 'no-baseline' };
  if (last.amountMinor < 0) return { kind: 'unavailable' };
  if (current.amountMinor < 0) return { kind: 'to-credit' };
  const ratio = (current.amountMinor - last.amountMinor) / last.amountMinor;
  if (!Number.isFinite(ratio)) return { kind: 'unavailable' };
  if (Math.abs(ratio) < SMALLEST_CHANGE) return { kind: ratio > 0 ? 'slightly-up' : 'slightly-down' };
  return { kind: ratio > 0 ? 'up' : 'down', ratio: Math.abs(ratio) };
}

const ARROW_UP = 'M8 2.5 13 7.5l-1.1 1.1-3.1-3.1V13.5H7.2V5.5L4.1 8.6 3 7.5 8 2.5Z';
const ARROW_DOWN = 'M8 13.5 3 8.5l1.1-1.1 3.1 3.1V2.5h1.6v8l3.1-3.1L13 8.5l-5 5Z';
const FLAT = 'M2.5 7.2h11v1.6h-11z';

/**
 * Each comparison's look (`up`, `down`, `same`, `none`), icon, and text: as
 * it is, and for a projection ("On track for ..."). Without a comparison the
 * words are the same either way.
 */
type BillingText = keyof BillingCardStrings;
const TREND_LOOKS: Record<BillingTrend['kind'], [string, string | undefined, BillingText, BillingText]> = {
  up: ['up', ARROW_UP, 'billingTrendUp', 'billingProjectedTrendUp'],
  down: ['down', ARROW_DOWN, 'billingTrendDown', 'billingProjectedTrendDown'],
  'slightly-up': ['same', FLAT, 'billingTrendSlightlyUp', 'billingProjectedTrendSlightlyUp'],
  'slightly-down': ['same', FLAT, 'billingTrendSlightlyDown', 'billingProjectedTrendSlightlyDown'],
  'to-credit': ['down', ARROW_DOWN, 'billingTrendToCredit', 'billingProjectedTrendToCredit'],
  same: ['same', FLAT, 'billingTrendSame', 'billingProjectedTrendSame'],
  'no-baseline': ['none', undefined, 'billingTrendNoBaseline', 'billingTrendNoBaseline'],
  'other-currency': ['none', undefined, 'billingTrendOtherCurrency', 'billingTrendOtherCurrency'],
  unavailable: ['none', undefined, 'billingTrendUnavailable', 'billingTrendUnavailable'],
};

/**
 * What the card says about the period below this month's total: with a
 * billing period (until it ends), the projected total and a trend that
 * compares it with last month; else the trend of this month's total.
 */
export function renderTrend(
  billing: BillingSummary,
  now: number,
  strings: DashboardStrings,
  format: FormatContext,
) {
  const { period, currentMonthTotal, lastMonthTotal } = billing;
  const projection = projectPeriod(billing, now, format.timeZone);
  const ahead = projection?.kind === 'ended' ? undefined : projection;
  return html`
    ${ahead && period ? renderProjection(ahead, period.end, strings, format) : nothing}
    ${renderComparison(ahead?.total ?? currentMonthTotal, lastMonthTotal, !!ahead, strings, format)}
  `;
}

/** The trend line: `total` (this month's, or the period's projection when `projected`) against last month's. */
function renderComparison(
  total: Money,
  last: Money,
  projected: boolean,
  strings: DashboardStrings,
  format: FormatContext,
) {
  const trend = billingTrend(total, last);
  const [look, icon, plainText, projectedText] = TREND_LOOKS[trend.kind];
  const values: Record<string, string> =
    'ratio' in trend
      ? { percent: formatPercent(trend.ratio, format) }
      : 'currency' in trend
        ? { currency: trend.currency }
        : {};
  const text = fill(strings[projected ? projectedText : plainText], values);
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

/**
 * The projected total of the period and the day it ends. DESIGN.md's `end`
 * is exclusive and the period ends at that day's midnight, so a December
 * period is "on track for ... by Jan 1": the day it is billed, as the next
 * invoice date reads.
 */
function renderProjection(
  projection: PeriodProjection,
  end: string,
  strings: DashboardStrings,
  format: FormatContext,
) {
  return html`<p part="projection projection-${projection.kind}" class="projection">
    ${fill(strings.billingProjection, {
      // The exact pace when it passes 2^53, where the float total is some minor units off.
      amount: formatMoney(
        projection.exactMinor === undefined
          ? projection.total
          : { amountMinor: projection.exactMinor, currency: projection.total.currency },
        format,
      ),
      date: formatCalendarDate(end, format, { month: 'short', day: 'numeric' }),
    })}
  </p>`;
}
