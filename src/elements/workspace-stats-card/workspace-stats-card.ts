import { html, nothing, svg, type PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { cardStyles } from '../../base/card.styles.js';
import { DashboardCard } from '../../base/dashboard-card.js';
import type { WorkspaceStats } from '../../contract/types.js';
import { parseWorkspaceStats } from '../../contract/validation.js';
import { formatNumber, formatPercent, type FormatContext } from '../../format/format.js';
import type { DashboardStrings, TextKey } from '../../strings/strings.js';
import { fill } from '../../strings/template.js';
import { workspaceStatsCardStrings } from '../../strings/workspace-stats-card.js';
import { workspaceStatsCardStyles } from './workspace-stats-card.styles.js';
import { skeleton } from '../../base/skeleton.js';
import { renderWarning, warningStyles } from '../../base/warning.js';

/** Default share of "Others" in the total from which the card shows its warning. */
export const DEFAULT_OTHERS_WARNING_RATIO = 0.25;

/** The smallest share shown as a number; anything above zero but below it reads "<0.1%". */
const SMALLEST_SHARE = 0.001;

type Group = 'active' | 'suspended' | 'others';

interface GroupView {
  group: Group;
  count: number;
  name: string;
  description: string;
}

/** The narrowest segment of a non-empty group, in percent of the bar, so that one in a million still shows. */
const MIN_SEGMENT = 1.5;

interface Segment {
  group: Group;
  x: number;
  width: number;
}

/**
 * The bar's segments in percent: one per non-empty group, in the legend's
 * order. A tiny group gets the minimum width, taken from the widest one; the
 * legend carries the exact numbers. No total, no segments (never 0 / 0).
 */
export function barSegments(stats: Pick<WorkspaceStats, Group | 'total'>): Segment[] {
  if (!(stats.total > 0)) return [];
  const groups = (['active', 'suspended', 'others'] as const).filter((g) => stats[g] > 0);
  const widths = groups.map((g) => Math.max((stats[g] / stats.total) * 100, MIN_SEGMENT));
  const excess = widths.reduce((sum, w) => sum + w, 0) - 100;
  if (excess > 0) widths[widths.indexOf(Math.max(...widths))] -= excess;
  let x = 0;
  return groups.map((group, i) => {
    const segment = { group, x, width: widths[i] };
    x += widths[i];
    return segment;
  });
}

/** State names with a replaceable text of their own; others are humanized. */
const KNOWN_STATES: Record<string, TextKey> = {
  creating: 'workspacesStateCreating',
  deploying: 'workspacesStateDeploying',
  failed: 'workspacesStateFailed',
};

/** At most three decimals: enough for any bar, and short in the DOM. */
const round = (n: number) => Math.round(n * 1000) / 1000;

/** `needs_review`, `needs-review` and `needsReview` all read "Needs review". */
export function humanizeState(name: string): string {
  const words = name
    .replace(/([\p{Ll}\d])(\p{Lu})/gu, '$1 $2')
    .replace(/[_\-.\s]+/g, ' ')
    .trim()
    .toLocaleLowerCase();
  return words ? words.charAt(0).toLocaleUpperCase() + words.slice(1) : name;
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
 *
 * @see The global design tokens (src/themes/tokens.ts; README, "Styling") this element's styles read are in its `cssProperties` in custom-elements.json, added from tokens.ts.
 *
 * @fires od-error - The data failed to load or refresh; `detail: { error, resource, orgId }`.
 */
export class WorkspaceStatsCard extends DashboardCard<'workspaces'> {
  static override properties: PropertyDeclarations = {
    othersWarningRatio: { type: Number, attribute: 'others-warning-ratio' },
    othersOpen: { state: true, attribute: false },
  };

  static override styles = [cardStyles, warningStyles, workspaceStatsCardStyles];

  /**
   * The share of the total (0 to 1) that "Others" must reach for the card to
   * warn about them; at least one workspace must be in another state. Default
   * 0.25. Not a number or negative: the default.
   */
  othersWarningRatio = DEFAULT_OTHERS_WARNING_RATIO;

  /** Whether the "Others" by state list is open. */
  private othersOpen = false;

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
    const ratio = Number(this.othersWarningRatio);
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
      ${breakdown.length > 0 ? this.renderBreakdown(breakdown, strings, format) : nothing}
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
              <dt><span class="swatch ${g.group}" aria-hidden="true"></span>${g.name}</dt>
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

  /**
   * A stacked bar, one segment per non-empty group. Widths are percentages of
   * the SVG's own width, and gaps are strokes in the surface color, so it
   * scales to any card width without a viewBox stretching its edges.
   */
  private renderChart(stats: WorkspaceStats, strings: DashboardStrings, format: FormatContext) {
    const label = fill(strings.workspacesChartLabel, {
      active: formatNumber(stats.active, format),
      suspended: formatNumber(stats.suspended, format),
      others: formatNumber(stats.others, format),
      total: formatNumber(stats.total, format),
    });
    const segments = barSegments(stats);
    return html`
      <svg part="chart" class="bar" role="img" aria-label=${label} width="100%" height="12">
        <rect class="track" x="0" y="0" width="100%" height="100%"></rect>
        ${segments.map(
          (s) =>
            svg`<rect
              class="segment ${s.group}"
              x="${round(s.x)}%"
              y="0"
              width="${round(s.width)}%"
              height="100%"
            ></rect>`,
        )}
      </svg>
    `;
  }

  private renderToggle(strings: DashboardStrings) {
    return html`
      <button
        part="action toggle"
        type="button"
        aria-expanded=${this.othersOpen ? 'true' : 'false'}
        aria-controls="others-by-state"
        @click=${() => (this.othersOpen = !this.othersOpen)}
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

  /** Kept in the DOM while closed, so `aria-controls` always points at something. */
  private renderBreakdown(entries: [string, number][], strings: DashboardStrings, format: FormatContext) {
    return html`
      <ul
        part="others-by-state"
        id="others-by-state"
        aria-label=${strings.workspacesOthersByStateLabel}
        ?hidden=${!this.othersOpen}
      >
        ${repeat(
          entries,
          ([name]) => name,
          ([name, count]) => html`
            <li>
              <span class="state-name">${this.stateName(name, strings)}</span>
              <span class="count">${formatNumber(count, format)}</span>
            </li>
          `,
        )}
      </ul>
    `;
  }

  private stateName(name: string, strings: DashboardStrings): string {
    const key = Object.hasOwn(KNOWN_STATES, name) ? KNOWN_STATES[name] : undefined;
    return (key && strings[key]) || humanizeState(name) || '–';
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
