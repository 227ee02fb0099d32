import { css } from 'lit';

export const planCardStyles = css`
  dl {
    display: grid;
    gap: 8px;
    margin: 0;
  }

  .row {
    display: grid;
    gap: 2px;
    min-width: 0;
  }

  dt {
    color: var(--_muted);
    font-size: 0.875em;
  }

  dd {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    min-width: 0;
    min-height: 28px;
    margin: 0;
  }

  .plan-name,
  .credits {
    font-size: var(--od-font-size-value, 1.25rem);
    font-weight: var(--od-font-weight-value, 600);
    line-height: 1.4;
    overflow-wrap: anywhere;
  }

  .credits {
    font-variant-numeric: tabular-nums;
  }

  /* The inline (+): a round icon button with a 28 px target (WCAG asks for at least 24). */
  [part~='add-credits'] {
    width: 28px;
    height: 28px;
    padding: 0;
    border-radius: 50%;
  }

  [part~='add-credits'] svg {
    flex: none;
  }

  .runway {
    display: flex;
    flex-wrap: wrap;
    gap: 0 8px;
    margin: 8px 0 0;
  }

  .runway-days {
    font-weight: 600;
  }

  .run-out {
    color: var(--_muted);
  }

  .usage {
    display: grid;
    gap: 2px;
    margin: 12px 0 0;
  }

  .usage-title,
  .range,
  .chart-value {
    color: var(--_muted);
    font-size: 0.857em;
  }

  .usage-chart {
    overflow: visible;
    /* Sideways drags read the days (usage-chart.ts); up and down still scroll the page. */
    touch-action: pan-y;
  }

  /* The chart is the pointer's one target, not each narrow day (usage-chart.ts, WCAG 2.5.8). */
  .usage-chart > * {
    pointer-events: none;
  }

  .baseline {
    fill: var(--_skeleton);
  }

  .bar {
    fill: var(--_chart);
  }

  /* Each day's full-height column: the highlight of the day pointed at, and what the focus ring goes around. */
  .slot {
    fill: transparent;
  }

  .day:is(.pointed, :focus) .slot {
    fill: color-mix(in srgb, var(--_chart) 12%, transparent);
  }

  .chart-value {
    min-height: 1.5em;
    margin: 0;
    font-variant-numeric: tabular-nums;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    min-height: 30px;
    margin-block-start: 12px;
  }

  .action-placeholder {
    height: 28px;
    border-radius: calc(var(--_radius) / 2);
  }

  @media (forced-colors: active) {
    .bar {
      fill: CanvasText;
    }
    .baseline {
      fill: GrayText;
    }
    .day:is(.pointed, :focus) .slot {
      fill: Highlight;
    }
  }
`;
