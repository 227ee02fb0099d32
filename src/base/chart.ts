import { css, html, type TemplateResult } from 'lit';

/**
 * What the cards' charts share: the workspace card's stacked bar, the billing card's history and the
 * plan card's usage. Each is an `<svg part="chart">` sized in percentages or a stretched box, drawn
 * from the inline start (time and the legend run in the reading direction, so right to left pages
 * mirror it), with the ends of its axis written under it.
 */

/** At most three decimals: enough for any chart, and short in the DOM. */
export const round = (n: number): number => Math.round(n * 1000) / 1000;

/**
 * The first and last labels of a chart's axis, at either end under it. Hidden from screen readers:
 * each chart's text alternative says its range.
 */
export function renderRange(first: unknown, last: unknown): TemplateResult {
  return html`<div class="range" aria-hidden="true"><span>${first}</span><span>${last}</span></div>`;
}

/**
 * The first chart color (`--_chart`, from the global `--od-color-chart-1`), the charts' mirroring in
 * right-to-left pages and their range row, for the cards that draw a chart.
 */
export const chartStyles = css`
  :host {
    --_chart: var(--od-color-chart-1, light-dark(#2f6fdb, #4493f8));
  }

  svg[part~='chart'] {
    display: block;
  }

  svg[part~='chart']:dir(rtl) {
    transform: scaleX(-1);
  }

  .range {
    display: flex;
    justify-content: space-between;
    gap: 4px;
    color: var(--_muted);
    line-height: 1.3;
  }
`;
