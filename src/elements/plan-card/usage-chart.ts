import { html, nothing, svg, type ReactiveControllerHost } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { renderRange, round } from '../../base/chart.js';
import type { CreditUsage, Money } from '../../contract/types.js';
import { formatCalendarDate, formatMoney, type FormatContext } from '../../format/format.js';
import { fillPlural } from '../../i18n/plural.js';
import type { DashboardStrings } from '../../strings/strings.js';
import { fill } from '../../strings/template.js';
import { usageIn } from './runway.js';

/** The chart shows the last this many calendar days of usage. */
export const USAGE_CHART_DAYS = 30;

const DAY_MS = 86_400_000;

export interface UsageDay {
  date: string;
  /** The day's place in the chart: 0 for the oldest of the 30 days, 29 for the newest entry's day. */
  slot: number;
  credits: Money;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` (the contract's dates are validated real days). */
const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);

/**
 * The days to chart: the entries in the credits' currency (amounts in another
 * currency cannot share the axis) among the 30 calendar days that end on the
 * newest entry's day. Each keeps its place by date, so a day missing from the
 * data (or left out as invalid) stays a gap, as the billing chart keeps months.
 */
export function usageDays(usage: readonly CreditUsage[] | undefined, currency: string): UsageDay[] {
  const entries = usageIn(usage, currency);
  if (entries.length === 0) return [];
  const first = dayNumber(entries[entries.length - 1].date) - (USAGE_CHART_DAYS - 1);
  return entries
    .map((entry) => ({ date: entry.date, slot: dayNumber(entry.date) - first, credits: entry.credits }))
    .filter((day) => day.slot >= 0 && day.slot < USAGE_CHART_DAYS);
}

const SLOT = 100 / USAGE_CHART_DAYS;
/** The bars' height, in percent of the chart; the baseline takes the rest. */
const PLOT = 94;

/**
 * The plan card's small chart of credits used per day, and the one place of
 * its keyboard focus. Like the other cards' charts it is an SVG sized in
 * percentages (no stretched edges at any width), mirrored right to left,
 * with a sentence as its text alternative. Its values are not only in that
 * sentence: each day is a bar named by its date and amount, one Tab stop for
 * the whole chart (the newest day first), arrow keys move in the direction
 * the bars are drawn, Home and End go to the oldest and newest; the day in
 * focus (or under the pointer) is written out under the chart.
 *
 * Thirty days in a card make columns of about 10 px, too narrow a target for
 * a pointer (WCAG 2.5.8 asks for 24 by 24 px). So no day is a target of its
 * own (`pointer-events: none`): the whole chart is, and the pointer anywhere
 * over it reads the day of its column, or the nearest day with data where a
 * day is missing. Sliding along the chart, or dragging a finger across it
 * (its `touch-action` leaves sideways drags to it), reads every day.
 */
export class UsageChart {
  readonly #host: ReactiveControllerHost;
  /** The date of the day the keyboard or pointer is on; the newest day when unset or no longer shown. */
  #active?: string;
  /** Whether the pointer is over the chart: the active day is then highlighted as the pointed one. */
  #pointing = false;
  /** The days last drawn, oldest first: what the pointer's column is matched against. */
  #days: UsageDay[] = [];

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  render(
    usage: readonly CreditUsage[] | undefined,
    currency: string,
    strings: DashboardStrings,
    format: FormatContext,
  ) {
    const days = usageDays(usage, currency);
    this.#days = days;
    if (days.length === 0) return nothing;
    const date = (value: string) => formatCalendarDate(value, format);
    const label = (day: UsageDay) =>
      fill(strings.planUsageDay, { date: date(day.date), amount: formatMoney(day.credits, format) });
    const high = days.reduce((a, b) => (b.credits.amountMinor > a.credits.amountMinor ? b : a));
    const max = Math.max(high.credits.amountMinor, 0);
    // Summed exactly: 30 days of large amounts pass 2^53, where a float sum is some minor units off.
    const total = days.reduce((sum, day) => sum + BigInt(day.credits.amountMinor), 0n);
    const span = days[days.length - 1].slot - days[0].slot + 1;
    const summary = fillPlural(
      max > 0 ? strings.planUsageSummary : strings.planUsageSummaryNone,
      span,
      format,
      {
        total: formatMoney({ amountMinor: total, currency }, format),
        high: formatMoney(high.credits, format),
        highDate: date(high.date),
      },
    );
    const active = days.find((day) => day.date === this.#active) ?? days[days.length - 1];
    const short = (value: string) => formatCalendarDate(value, format, { month: 'short', day: 'numeric' });
    // The axis is the 30 days whatever the data covers (its ends are labelled: its first day and the
    // newest entry's); the baseline runs only under the days from the first entry on.
    const newest = days[days.length - 1];
    const axisStart = new Date((dayNumber(newest.date) - newest.slot) * DAY_MS).toISOString().slice(0, 10);
    // The listeners are on the figure: Chromium makes an SVG element with focus listeners a Tab stop.
    return html`
      <figure
        part="usage"
        class="usage"
        @keydown=${this.#onKeydown}
        @focusin=${this.#onFocus}
        @pointermove=${this.#onPointer}
        @pointerdown=${this.#onPointer}
        @pointerleave=${this.#onPointerLeave}
      >
        <figcaption class="usage-title">${strings.planUsageTitle}</figcaption>
        <svg part="chart" class="usage-chart" role="group" aria-label=${summary} width="100%" height="48">
          <rect
            class="baseline"
            x="${round(days[0].slot * SLOT)}%"
            y="${PLOT}%"
            width="${round((USAGE_CHART_DAYS - days[0].slot) * SLOT)}%"
            height="${100 - PLOT}%"
          ></rect>
          ${repeat(
            days,
            (day) => day.date,
            (day) => {
              const height = max > 0 ? (Math.max(day.credits.amountMinor, 0) / max) * PLOT : 0;
              return svg`<g
                class=${this.#pointing && day === active ? 'day pointed' : 'day'}
                role="img"
                aria-label=${label(day)}
                data-date=${day.date}
                tabindex=${day === active ? 0 : -1}
              >
                <rect class="slot" x="${round(day.slot * SLOT)}%" y="0" width="${round(SLOT)}%" height="100%"></rect>
                <rect
                  class="bar"
                  x="${round((day.slot + 0.15) * SLOT)}%"
                  y="${round(PLOT - height)}%"
                  width="${round(SLOT * 0.7)}%"
                  height="${round(height)}%"
                ></rect>
              </g>`;
            },
          )}
        </svg>
        ${renderRange(short(axisStart), short(newest.date))}
        <p part="chart-value" class="chart-value" aria-hidden="true">${label(active)}</p>
      </figure>
    `;
  }

  /** The day in focus or under the pointer is the one written out, and the chart's Tab stop. */
  #show(date: string | undefined, pointing: boolean): void {
    if ((date === undefined || date === this.#active) && pointing === this.#pointing) return;
    if (date !== undefined) this.#active = date;
    this.#pointing = pointing;
    this.#host.requestUpdate();
  }

  readonly #onFocus = (event: Event) => {
    const date = (event.target as Element).closest('.day')?.getAttribute('data-date');
    if (date) this.#show(date, this.#pointing);
  };

  /**
   * The pointer's column across the chart's drawn box (mirrored right to left), and the day drawn
   * there or the nearest one with data (the older of two as near).
   */
  readonly #onPointer = (event: PointerEvent) => {
    const chart = (event.target as Element).closest('svg');
    if (!chart || this.#days.length === 0) return this.#show(undefined, false);
    const box = chart.getBoundingClientRect();
    const along = (event.clientX - box.left) / box.width;
    const fraction = chart.matches(':dir(rtl)') ? 1 - along : along;
    const slot = Math.min(Math.max(Math.floor(fraction * USAGE_CHART_DAYS), 0), USAGE_CHART_DAYS - 1);
    const nearest = this.#days.reduce((a, b) => (Math.abs(b.slot - slot) < Math.abs(a.slot - slot) ? b : a));
    this.#show(nearest.date, true);
  };

  readonly #onPointerLeave = () => this.#show(undefined, false);

  /** Arrow keys follow the bars as drawn (mirrored right to left); Home and End go to either end. */
  readonly #onKeydown = (event: KeyboardEvent) => {
    const figure = event.currentTarget as HTMLElement;
    const days = [...figure.querySelectorAll<SVGGElement>('.day')];
    const at = days.indexOf(event.target as SVGGElement);
    if (at < 0) return;
    const forward = figure.matches(':dir(rtl)') ? 'ArrowLeft' : 'ArrowRight';
    const back = forward === 'ArrowLeft' ? 'ArrowRight' : 'ArrowLeft';
    const next =
      event.key === forward
        ? at + 1
        : event.key === back
          ? at - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? days.length - 1
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    days[Math.min(Math.max(next, 0), days.length - 1)].focus();
  };
}
