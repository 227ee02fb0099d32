import { css } from 'lit';

export const billingCardStyles = css`
  :host {
    --_up: var(--od-color-negative, light-dark(#c21c2c, #f85149));
    --_down: var(--od-color-positive, light-dark(#1a7f37, #3fb950));
  }

  p,
  figure {
    margin: 0;
  }

  /*
   * The same height with or without the chart, so data without a history
   * takes the skeleton's place exactly: the chart shrinks beside the total
   * (to the width of its month names' words) instead of wrapping below it. Only
   * where even that does not fit (a narrow screen, a long total, wide text
   * spacing) does it wrap below, showing everything rather than cutting it.
   */
  .top {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: 8px 16px;
    min-height: 64px;
  }

  .current {
    display: flex;
    flex: none;
    flex-direction: column;
    max-width: 100%;
  }

  .caption {
    color: var(--_muted);
  }

  /* Shrinks in narrow cards (the top row is a size container), so the chart still fits beside it. */
  .big {
    font-size: min(var(--od-font-size-value-large, 2rem), 10cqi);
  }

  /* Grows to 120px beside the total, shrinks no narrower than its month names: a line of its own then. */
  .history {
    display: flex;
    flex: 1 1 0;
    flex-direction: column;
    gap: 2px;
    min-width: max(48px, min-content);
    max-width: 120px;
  }

  .spark {
    overflow: visible;
  }

  .area {
    fill: color-mix(in srgb, var(--_chart) 14%, transparent);
  }

  .line {
    fill: none;
    stroke: var(--_chart);
    stroke-width: 2px;
    stroke-linejoin: round;
    stroke-linecap: round;
  }

  .dot {
    stroke: var(--_chart);
    stroke-width: 7px;
    stroke-linecap: round;
  }

  .range {
    font-size: 0.75em;
    /* Whole words: the chart keeps their width beside the total, or wraps below it. */
    overflow-wrap: normal;
  }

  /* A month name and its year may take two lines in a narrow chart, never one cut short. */
  .range :last-child {
    text-align: end;
  }

  /* Under this month's total, as quiet as its caption: the trend below says what it means. */
  .projection {
    margin-block-start: 4px;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  .trend {
    display: flex;
    align-items: center;
    gap: 4px;
    min-height: 24px;
    margin-block: 6px 10px;
    font-weight: 500;
  }

  .trend svg {
    flex: none;
  }

  .trend.up {
    color: var(--_up);
  }

  .trend.down {
    color: var(--_down);
  }

  .trend.same,
  .trend.none {
    color: var(--_muted);
  }

  .details {
    display: grid;
    gap: 2px;
    margin: 0;
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0 12px;
    min-height: 30px;
  }

  dt {
    color: var(--_muted);
  }

  dd {
    margin: 0;
    font-weight: 500;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }

  .actions {
    display: flex;
    align-items: center;
    min-height: 32px;
    margin-block-start: 10px;
  }

  .action-skeleton {
    height: 28px;
  }

  @media (forced-colors: active) {
    .line {
      stroke: CanvasText;
    }
    .dot {
      stroke: CanvasText;
    }
    .area {
      fill: none;
    }
  }
`;
