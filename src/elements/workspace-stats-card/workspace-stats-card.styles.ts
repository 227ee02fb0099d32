import { css } from 'lit';

export const workspaceStatsCardStyles = css`
  :host {
    --_chart-active: var(--_chart);
    --_chart-suspended: var(--od-color-chart-2, light-dark(#6e7781, #9198a1));
    --_chart-others: var(--od-color-chart-3, light-dark(#b35900, #db6d28));
  }

  p {
    margin: 0;
  }

  /* Caption above the number, as in the other cards: the same lines whatever the number's width. */
  .total {
    display: flex;
    flex-direction: column;
    margin-block-end: 10px;
  }

  .caption {
    color: var(--_muted);
  }

  /* The chart and its skeleton's placeholder alike. */
  .bar {
    display: block;
    border-radius: 6px;
    overflow: hidden;
  }

  .track {
    fill: var(--_skeleton);
  }

  /* Each group's color, for its bar segment and its legend swatch alike. */
  .active {
    --_group-color: var(--_chart-active);
  }
  .suspended {
    --_group-color: var(--_chart-suspended);
  }
  .others {
    --_group-color: var(--_chart-others);
  }

  .segment {
    /* The gap between segments: they stay apart without relying on their colors. */
    stroke: var(--_surface);
    stroke-width: 2px;
  }

  .segment:is(.active, .suspended, .others) {
    fill: var(--_group-color);
  }

  .legend {
    display: grid;
    gap: 2px;
    margin: 10px 0 0;
  }

  /*
   * Name and numbers on the first line, the description below across the
   * whole row: the "By state" button never narrows the description, so the
   * rows wrap the same with or without it, and in the skeleton. Where name
   * and numbers do not fit side by side (a narrow screen, a long name, wide
   * text spacing), the numbers go below the name, never breaking a word.
   */
  .row {
    display: flex;
    flex-wrap: wrap;
    column-gap: 12px;
    padding-block: 4px;
  }

  dt {
    display: flex;
    flex: 1 1 auto;
    align-items: center;
    gap: 8px;
    min-width: 0;
    min-height: 28px;
    font-weight: 500;
    overflow-wrap: break-word;
  }

  .swatch {
    flex: none;
    width: 10px;
    height: 10px;
    border-radius: 2px;
    background: var(--_skeleton);
  }
  .swatch:is(.active, .suspended, .others) {
    background: var(--_group-color);
  }

  dd {
    margin: 0;
  }

  /* Figures keep their digits together; a long "By state" goes below them rather than squeeze them. */
  .numbers {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: 0 8px;
    min-height: 28px;
    margin-inline-start: auto;
  }

  .description {
    flex-basis: 100%;
    padding-inline-start: 18px;
    color: var(--_muted);
    font-size: 0.857em;
    line-height: 1.4;
    overflow-wrap: anywhere;
  }

  .count,
  .share {
    flex: none;
  }

  .count {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }

  .share {
    min-width: 3.5em;
    color: var(--_muted);
    font-size: 0.857em;
    font-variant-numeric: tabular-nums;
    text-align: end;
  }

  [part~='toggle'] {
    font-size: 0.857em;
  }

  .chevron {
    transition: transform 0.15s ease;
  }

  [aria-expanded='true'] .chevron {
    transform: rotate(180deg);
  }

  @media (prefers-reduced-motion: reduce) {
    .chevron {
      transition: none;
    }
  }

  #others-by-state {
    display: grid;
    gap: 2px;
    margin: 4px 0 0;
    padding: 6px 10px;
    padding-inline-start: 28px;
    list-style: none;
    border-radius: 6px;
    background: color-mix(in srgb, var(--_chart-others) 6%, var(--_surface));
  }

  #others-by-state[hidden] {
    display: none;
  }

  #others-by-state li {
    display: flex;
    justify-content: space-between;
    gap: 12px;
  }

  .state-name {
    overflow-wrap: anywhere;
  }

  .empty {
    align-items: center;
    padding-block: 16px;
    text-align: center;
  }

  .empty-title {
    color: var(--_text);
    font-weight: 600;
  }

  /*
   * In forced colors (Windows High Contrast) the viewer's system colors, a look per group: the text
   * color, gray, and the page color with a text-colored edge; the segments keep their gaps and the
   * legend its words and numbers. The colors are set on the groups' own classes, which the segment
   * and swatch rules above read: a rule on .segment alone would lose to theirs on specificity.
   * Forced colors would drop a swatch's background, the only thing that draws it: it keeps it.
   */
  @media (forced-colors: active) {
    .track {
      fill: Canvas;
    }
    .active {
      --_group-color: CanvasText;
      --_group-edge: CanvasText;
    }
    .suspended {
      --_group-color: GrayText;
      --_group-edge: GrayText;
    }
    .others {
      --_group-color: Canvas;
      --_group-edge: CanvasText;
    }
    .segment {
      stroke: Canvas;
    }
    .segment.others {
      stroke: var(--_group-edge);
    }
    .swatch {
      forced-color-adjust: none;
      box-sizing: border-box;
      border: 1px solid var(--_group-edge, CanvasText);
      background: Canvas;
    }
  }
`;
