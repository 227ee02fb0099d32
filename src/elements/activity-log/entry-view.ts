/** How `<activity-log>` draws its rows, skeleton and messages: pure functions of what they show. */
import { nothing, type TemplateResult } from 'lit';
import { ERROR_TEXT } from '../../strings/card.js';
import type { DashboardError } from '../../contract/errors.js';
import type { Activity } from '../../contract/types.js';
import { formatDateTime, isoInstant, type FormatContext } from '../../format/format.js';
import { formatRelativeTime } from '../../format/relative-time.js';
import type { DashboardStrings } from '../../strings/strings.js';
import { activityActorText, activitySummary, present } from '../../base/activity-text.js';
import { EXACT_TIME } from '../../base/exact-time.js';
import { html, inline } from '../../base/inline-html.js';
import { skeletonEntryLines } from '../../base/skeleton.js';

const SKELETON_ROWS = 8;

/** The message for an error code, the same texts cards use. */
export function errorText(code: DashboardError['code'] | undefined, strings: DashboardStrings): string {
  return strings[(code && ERROR_TEXT[code]) || 'errorGeneric'];
}

export function renderSkeleton(): TemplateResult {
  const rows = Array.from({ length: SKELETON_ROWS }, (_, i) => i);
  return html`<div class="list-placeholder" aria-hidden="true">
      ${rows.map((i) => html` <div class="entry">${skeletonEntryLines(i, [15, 11], [13, 16])}</div> `)}
    </div>
    <p class="list-footer"></p>`;
}

/** One row; the DOM holds only the rows in view, so each says where it is in the whole list. */
export function renderEntry(
  activity: Activity,
  index: number,
  setSize: number,
  strings: DashboardStrings,
  format: FormatContext,
  now: number,
): TemplateResult {
  const { occurredAt } = activity;
  const actor = activity.actor?.name;
  const summary = activitySummary(
    activity,
    strings.activityLogSummaryWithName,
    strings.activityLogSummary,
    strings,
  );
  return html`
    <div
      part="entry"
      class="entry"
      role="listitem"
      data-id=${activity.id}
      aria-posinset=${index + 1}
      aria-setsize=${setSize}
    >
      <p class="summary">${inline(summary)}</p>
      <p class="meta">
        <time part="time" datetime=${isoInstant(occurredAt)}
          >${formatRelativeTime(occurredAt, now, format)}</time
        ><span aria-hidden="true"> · </span
        ><span part="exact-time">${formatDateTime(occurredAt, format, EXACT_TIME)}</span>${
          present(actor)
            ? inline(
                html`<span aria-hidden="true"> · </span
                  ><span>${inline(activityActorText(strings.activityLogBy, { actor }))}</span>`,
              )
            : nothing
        }
      </p>
    </div>
  `;
}
