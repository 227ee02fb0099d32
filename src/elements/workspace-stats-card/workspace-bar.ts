/**
 * `<workspace-stats-card>`'s chart: a stacked bar of Active, Suspended and
 * Others, in the legend's order, from the inline start (mirrored in
 * right-to-left pages).
 */
import { html, svg } from 'lit';
import { round } from '../../base/chart.js';
import type { WorkspaceStats } from '../../contract/types.js';

/** The groups the card breaks the total into, in the legend's order. */
export type Group = 'active' | 'suspended' | 'others';

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

/**
 * The stacked bar, one segment per non-empty group, named by `label`. Widths
 * are percentages of the SVG's own width, and gaps are strokes in the surface
 * color, so it scales to any card width without a viewBox stretching its edges.
 */
export function renderBar(stats: WorkspaceStats, label: string) {
  return html`
    <svg part="chart" class="bar" role="img" aria-label=${label} width="100%" height="12">
      <rect class="track" x="0" y="0" width="100%" height="100%"></rect>
      ${barSegments(stats).map(
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
