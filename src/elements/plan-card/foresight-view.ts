/**
 * What the plan card says about the time ahead: the runway with its run-out day, and the
 * low-balance warning with why it shows. Rendering only; the numbers are `runway.ts` and
 * `low-credits.ts`.
 */
import { html, nothing } from 'lit';
import { renderWarning } from '../../base/warning.js';
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
export function renderLowCreditWarning(
  { threshold, shortRunway }: LowCredits,
  limit: number,
  strings: DashboardStrings,
  format: FormatContext,
) {
  if (!threshold && !shortRunway) return nothing;
  return renderWarning(
    html`${
      threshold
        ? html`<span
            >${fillParts(strings.planLowCredits, {
              // Isolated, so a right-to-left amount keeps its order inside any sentence.
              threshold: html`<bdi>${formatMoney(threshold, format)}</bdi>`,
            })}</span
          >`
        : nothing
    }
    ${shortRunway ? html`<span>${fillPlural(strings.planShortRunway, limit, format)}</span>` : nothing}`,
  );
}
