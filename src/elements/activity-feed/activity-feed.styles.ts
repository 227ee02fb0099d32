import { css } from 'lit';

export const activityFeedStyles = css`
  ol {
    /* The offset parent of the entries, so the scroll anchor can be measured. */
    position: relative;
    display: grid;
    margin: 0;
    padding: 0;
    list-style: none;
    max-height: var(--od-activity-feed-max-height, none);
    overflow-x: hidden;
    overflow-y: auto;
    /* The scroll position is kept by the element itself (see ActivityFeed), the same in every browser. */
    overflow-anchor: none;
  }

  .entry {
    display: grid;
    gap: 0;
    min-width: 0;
    padding-block: 8px;
    border-block-start: 1px solid var(--_border);
  }

  .entry:first-child {
    border-block-start: 0;
    padding-block-start: 0;
  }

  .summary,
  .meta {
    margin: 0;
    min-width: 0;
    overflow-wrap: anywhere;
  }

  .summary {
    font-weight: 500;
  }

  [part~='resource-name'] {
    font-weight: 400;
  }

  .meta {
    color: var(--_muted);
    font-size: 0.875em;
    line-height: calc(1.5em / 0.875);
  }

  .when {
    position: relative;
    display: inline-block;
  }

  time {
    /* A 24 px tall target (WCAG 2.5.8) that takes no more room in the line than the text. */
    display: inline-block;
    padding-block: 5px;
    margin-block: -5px;
    border-radius: 2px;
    text-decoration: underline dotted;
    text-underline-offset: 2px;
    cursor: help;
  }

  /*
   * The exact date and time: shown while the relative time is hovered or has
   * keyboard focus. Transparent, not removed, while hidden: screen readers read
   * it as part of the entry, and as the time's description on focus. Small
   * enough to stay inside its own entry (over the summary line above the
   * time), so a scrolling list never clips it.
   */
  [part~='tooltip'] {
    position: absolute;
    z-index: 1;
    /* Above the time's 24 px target (which reaches past its line), not over it. */
    inset-block-end: calc(100% + 4px);
    inset-inline-start: 0;
    padding: 0 6px;
    border-radius: 4px;
    background: var(--od-color-tooltip, light-dark(#1b1f24, #f0f6fc));
    color: var(--od-color-tooltip-text, light-dark(#ffffff, #151b23));
    font-size: 1em;
    line-height: 1.35;
    white-space: nowrap;
    opacity: 0;
    pointer-events: none;
  }

  .when:hover [part~='tooltip'],
  time:focus-visible + [part~='tooltip'] {
    opacity: 1;
    pointer-events: auto;
  }

  /* Escape hides it until the pointer or focus leaves (WCAG 1.4.13). */
  .when.dismissed [part~='tooltip'] {
    opacity: 0;
    pointer-events: none;
  }

  .more {
    display: flex;
    align-items: center;
    min-height: 30px;
    margin-block-start: 8px;
  }

  .empty {
    margin: 0;
    color: var(--_muted);
  }

  @media (forced-colors: active) {
    [part~='tooltip'] {
      border: 1px solid CanvasText;
    }
  }
`;
