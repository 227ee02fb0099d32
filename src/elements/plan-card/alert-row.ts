/**
 * The low-credit alert's row in the plan card's list: the threshold the platform confirmed ("Off"
 * when none) and Change. Rendered by the card itself, so the first render needs nothing of the
 * alert's form, which loads on the first press of Change (`plan-writes-loader.ts`).
 */
import { html } from 'lit';
import type { PlanSummary } from '../../contract/types.js';
import { formatMoney, type FormatContext } from '../../format/format.js';
import type { DashboardStrings } from '../../strings/strings.js';

export function renderAlertRow(
  plan: PlanSummary,
  strings: DashboardStrings,
  format: FormatContext,
  { expanded, onChange }: { expanded: boolean; onChange: () => void },
) {
  const threshold = plan.lowCreditThreshold;
  return html`<div class="row">
    <dt>${strings.planAlert}</dt>
    <dd>
      <span part="value alert">${threshold ? formatMoney(threshold, format) : strings.planAlertOff}</span>
      <button
        part="action alert-change"
        type="button"
        aria-label=${strings.planAlertChangeLabel}
        aria-expanded=${expanded ? 'true' : 'false'}
        aria-controls="alert-form"
        @click=${onChange}
      >
        ${strings.planAlertChange}
      </button>
    </dd>
  </div>`;
}
