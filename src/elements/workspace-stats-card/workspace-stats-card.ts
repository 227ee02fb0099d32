import { html, nothing, type PropertyDeclarations } from 'lit';
import { cardStyles } from '../../base/card.styles.js';
import { chartStyles } from '../../base/chart.js';
import { DashboardCard } from '../../base/dashboard-card.js';
import type { WorkspaceStats } from '../../contract/types.js';
import { parseWorkspaceStats } from '../../contract/validation.js';
import { formatNumber, formatPercent, type FormatContext } from '../../format/format.js';
import type { DashboardStrings } from '../../strings/strings.js';
import { fill } from '../../strings/template.js';
import { workspaceStatsCardStrings } from '../../strings/workspace-stats-card.js';
import { workspaceStatsCardStyles } from './workspace-stats-card.styles.js';
import { skeleton } from '../../base/skeleton.js';
import { givenNumber, numberAttribute } from '../../base/number-attribute.js';
import { renderWarning, warningStyles } from '../../base/warning.js';
import { renderOthersByState } from './others-by-state.js';
import { renderBar, type Group } from './workspace-bar.js';

export { barSegments } from './workspace-bar.js';
export { humanizeState } from './others-by-state.js';

/** Default share of "Others" in the total from which the card shows its warning. */
export const DEFAULT_OTHERS_WARNING_RATIO = 0.25;

/** The smallest share shown as a number; anything above zero but below it reads "<0.1%". */
const SMALLEST_SHARE = 0.001;

interface GroupView {
  group: Group;
  count: number;
  name: string;
  description: string;
}

/**
 * @summary Workspaces: the total across all states, the breakdown into Active,
 * Suspended and Others with a small chart, the "Others" by state on demand, and
 * a warning when Others are a large share of the total.
 *
 * Needs the `workspaces:read` permission. Shows an empty state when the
 * organization has no workspaces.
 *
 * The chart is a stacked bar in the order of the legend (Active, Suspended,
 * Others), starting at the inline start: it is mirrored in right-to-left
 * pages. Its text alternative names every count, and the legend next to it
 * carries the same labels and numbers in text, so nothing depends on color.
 *
 * @slot heading - Replaces the card's heading text.
 * @slot header-actions - Extra controls at the end of the header.
 * @slot error - Replaces the error message (the Retry button stays).
 * @slot empty - Replaces the "No workspaces yet" content.
 *
 * @csspart card - The card's box.
 * @csspart header - The header row: heading and header actions.
 * @csspart title - The heading.
 * @csspart body - The content area.
 * @csspart value - Each number shown (total and each group's count).
 * @csspart total - The total across all states.
 * @csspart active - The count of active workspaces.
 * @csspart suspended - The count of suspended workspaces.
 * @csspart others - The count of workspaces in other states.
 * @csspart chart - The stacked bar chart.
 * @csspart legend - The list of groups with their counts.
 * @csspart share - Each group's share of the total, as a percentage.
 * @csspart action - Each button.
 * @csspart toggle - The button that shows or hides the "Others" by state.
 * @csspart others-by-state - The list of "Others" by state.
 * @csspart warning - The warning shown when Others are a large share of the total.
 * @csspart message - The error, no-access or empty message.
 * @csspart error - The error message (also `message`).
 * @csspart no-access - The no-access notice (also `message`).
 * @csspart empty - The default empty-state content.
 * @csspart retry - The Retry buttons.
 * @csspart footer - The "last updated" note of the stale state.
 * @csspart stale - The "last updated" note of the stale state (also `footer`).
 *
 * @see The global design tokens (src/themes/tokens.ts; README, "Styling") this element's styles read are in its `cssProperties` in custom-elements.json, added from tokens.ts.
 *
 * @fires od-error - The data failed to load or refresh; `detail: { error, resource, orgId }`.
 */
export class WorkspaceStatsCard extends DashboardCard<'workspaces'> {
  static override properties: PropertyDeclarations = {
    othersWarningRatio: { type: Number, attribute: 'others-warning-ratio', converter: numberAttribute },
    othersOpenFor: { state: true, attribute: false },
  };

  static override styles = [cardStyles, warningStyles, chartStyles, workspaceStatsCardStyles];

  /**
   * The share of the total (0 to 1) that "Others" must reach for the card to
   * warn about them; at least one workspace must be in another state. Default
   * 0.25. Not a number, negative or removed: the default.
   */
  othersWarningRatio = DEFAULT_OTHERS_WARNING_RATIO;

  /** The org whose "Others" by state list is open: another org's starts closed. */
  private othersOpenFor?: string;

  private get othersOpen(): boolean {
    return this.othersOpenFor !== undefined && this.othersOpenFor === this.currentOrgId;
  }

  protected readonly resource = 'workspaces';
  protected readonly parse = parseWorkspaceStats;
  protected readonly texts = { strings: workspaceStatsCardStrings, title: 'workspacesTitle' } as const;

  protected override isEmpty(stats: WorkspaceStats): boolean {
    return stats.total === 0;
  }

  protected override renderEmpty(strings: DashboardStrings) {
    return html`
      <div part="message empty" class="empty">
        <p class="empty-title">${strings.workspacesEmpty}</p>
        <p>${strings.workspacesEmptyDetail}</p>
      </div>
    `;
  }

  /** Says the new active and total counts, when either changed. */
  protected override liveSummary(
    previous: WorkspaceStats,
    current: WorkspaceStats,
    strings: DashboardStrings,
  ) {
    if (previous.active === current.active && previous.total === current.total) return undefined;
    const format = this.formatContext;
    return fill(strings.workspacesLiveUpdate, {
      active: formatNumber(current.active, format),
      total: formatNumber(current.total, format),
    });
  }

  /** Whether "Others" are a large enough share of the total to warn about. */
  private showsWarning(stats: WorkspaceStats): boolean {
    const ratio = givenNumber(this.othersWarningRatio);
    const threshold = Number.isFinite(ratio) && ratio >= 0 ? ratio : DEFAULT_OTHERS_WARNING_RATIO;
    return stats.total > 0 && stats.others >= 1 && stats.others / stats.total >= threshold;
  }

  protected renderReady(stats: WorkspaceStats, strings: DashboardStrings) {
    const format = this.formatContext;
    const breakdown = Object.entries(stats.othersByState ?? {});
    return html`
      <p class="total">
        <span class="caption">${strings.workspacesTotal}</span>
        <span part="value total" class="big">${formatNumber(stats.total, format)}</span>
      </p>
      ${this.renderChart(stats, strings, format)}
      ${this.renderLegend(stats, breakdown.length > 0, strings, format)}
      ${breakdown.length > 0 ? renderOthersByState(breakdown, this.othersOpen, strings, format) : nothing}
      ${this.showsWarning(stats) ? renderWarning(strings.workspacesOthersWarning) : nothing}
    `;
  }

  /** Each group's name, count, share and description: the chart's labels, in text. */
  private renderLegend(
    stats: WorkspaceStats,
    hasBreakdown: boolean,
    strings: DashboardStrings,
    format: FormatContext,
  ) {
    const groups: GroupView[] = [
      {
        group: 'active',
        count: stats.active,
        name: strings.workspacesActive,
        description: strings.workspacesActiveDescription,
      },
      {
        group: 'suspended',
        count: stats.suspended,
        name: strings.workspacesSuspended,
        description: strings.workspacesSuspendedDescription,
      },
      {
        group: 'others',
        count: stats.others,
        name: strings.workspacesOthers,
        description: strings.workspacesOthersDescription,
      },
    ];
    return html`
      <dl part="legend" class="legend">
        ${groups.map(
          (g) => html`
            <div class="row">
              <dt id="${g.group}-name">
                <span class="swatch ${g.group}" aria-hidden="true"></span>${g.name}
              </dt>
              <dd class="numbers">
                <span part="value ${g.group}" class="count">${formatNumber(g.count, format)}</span>
                <span part="share" class="share">${this.share(g.count, stats.total, strings, format)}</span>
                ${g.group === 'others' && hasBreakdown ? this.renderToggle(strings) : nothing}
              </dd>
              <dd class="description">${g.description}</dd>
            </div>
          `,
        )}
      </dl>
    `;
  }

  /**
   * A group's share of the total; never divides by zero. A share that would
   * round to 0% or 100% while it is not says so ("<0.1%", ">99.9%").
   */
  private share(count: number, total: number, strings: DashboardStrings, format: FormatContext): string {
    if (total <= 0) return '';
    const ratio = count / total;
    if (count > 0 && ratio < SMALLEST_SHARE) {
      return fill(strings.workspacesShareBelow, { percent: formatPercent(SMALLEST_SHARE, format) });
    }
    if (count < total && ratio > 1 - SMALLEST_SHARE) {
      return fill(strings.workspacesShareAbove, { percent: formatPercent(1 - SMALLEST_SHARE, format) });
    }
    return formatPercent(ratio, format);
  }

  /** The stacked bar, named by every count (its legend says the same in text). */
  private renderChart(stats: WorkspaceStats, strings: DashboardStrings, format: FormatContext) {
    const label = fill(strings.workspacesChartLabel, {
      active: formatNumber(stats.active, format),
      suspended: formatNumber(stats.suspended, format),
      others: formatNumber(stats.others, format),
      total: formatNumber(stats.total, format),
    });
    return renderBar(stats, label);
  }

  /** Named with its row's ("Others By state"): alone, "By state" says nothing of what it opens. */
  private renderToggle(strings: DashboardStrings) {
    return html`
      <button
        part="action toggle"
        type="button"
        id="others-toggle"
        aria-labelledby="others-name others-toggle"
        aria-expanded=${this.othersOpen ? 'true' : 'false'}
        aria-controls="others-by-state"
        @click=${() => (this.othersOpenFor = this.othersOpen ? undefined : this.currentOrgId)}
      >
        ${strings.workspacesOthersByState}
        <svg
          class="chevron"
          aria-hidden="true"
          width="12"
          height="12"
          viewBox="0 0 16 16"
          fill="currentColor"
        >
          <path
            d="M3.2 5.7a1 1 0 0 1 1.4 0L8 9.1l3.4-3.4a1 1 0 1 1 1.4 1.4L8 11.9 3.2 7.1a1 1 0 0 1 0-1.4Z"
          />
        </svg>
      </button>
    `;
  }

  protected renderSkeleton(strings: DashboardStrings) {
    // Labels are known before the data: only the numbers are placeholders.
    const row = (name: string, description: string) => html`
      <div class="row">
        <dt><span class="swatch" aria-hidden="true"></span>${name}</dt>
        <dd class="numbers">${skeleton('4em')}</dd>
        <dd class="description">${description}</dd>
      </div>
    `;
    return html`
      <p class="total">
        <span class="caption">${strings.workspacesTotal}</span>
        <span class="big">${skeleton('3.5em')}</span>
      </p>
      <svg class="bar" aria-hidden="true" width="100%" height="12">
        <rect class="track" x="0" y="0" width="100%" height="100%"></rect>
      </svg>
      <dl class="legend" aria-hidden="true">
        ${row(strings.workspacesActive, strings.workspacesActiveDescription)}
        ${row(strings.workspacesSuspended, strings.workspacesSuspendedDescription)}
        ${row(strings.workspacesOthers, strings.workspacesOthersDescription)}
      </dl>
    `;
  }
}
