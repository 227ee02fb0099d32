/**
 * What the plan card says about the time ahead: the runway with its run-out day, and the
 * low-balance warning with why it shows. Rendering only; the numbers are `runway.ts` and
 * `low-credits.ts`.
 */
import { html, nothing } from 'lit';
import { formatCalendarDate, formatMoney, type FormatContext } from '../../format/format.js';
import { fillPlural } from '../../i18n/plural.js';
import type { DashboardStrings } from '../../strings/strings.js';
import { fillParts } from '../../strings/template.js';
import type { LowCredits } from './low-credits.js';
import { runOutDate, runwayWords } from './runway.js';

/** The plural text of each counted runway unit. */
const RUNWAY_TEXTS = {
  days: 'planRunwayDays',
  years: 'planRunwayYears',
  'beyond-years': 'planRunwayBeyondYears',
} as const;

/** "About 12 days left", and the day the credits run out in the viewer's time zone (`now`: the clock). */
export function renderRunway(days: number, now: number, strings: DashboardStrings, format: FormatContext) {
  const words = runwayWords(days);
  const text =
    'count' in words
      ? fillPlural(strings[RUNWAY_TEXTS[words.unit]], words.count, format)
      : words.unit === 'out'
        ? strings.planRunwayOut
        : strings.planRunwayUnderADay;
  const date = words.unit === 'out' ? undefined : runOutDate(days, now, format.timeZone);
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

/** The warning says why: the balance reached the threshold, the runway is short (`limit` days), or both. */
export function renderWarning(
  { threshold, shortRunway }: LowCredits,
  limit: number,
  strings: DashboardStrings,
  format: FormatContext,
) {
  if (!threshold && !shortRunway) return nothing;
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
      ${shortRunway ? html`<span>${fillPlural(strings.planShortRunway, limit, format)}</span>` : nothing}
    </span>
  </p>`;
}

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
