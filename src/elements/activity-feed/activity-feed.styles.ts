import { css } from 'lit';

export const activityFeedStyles = css`
  ol {
    /* The offset parent of the entries, so the scroll anchor can be measured. */
    position: relative;
    display: grid;
    margin: 0;
    padding: 0;
    list-style: none;
    /* A partner's height, never taller than the viewport (--_scroll-max). Without one the fallback
       "none" makes the min() invalid, which computes to the initial "none": no scroll area. */
    max-height: min(var(--od-activity-feed-max-height, none), var(--_scroll-max));
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

  .when {
    display: inline-block;
  }

  /* The tooltip hangs from the meta row, not the time: it then fits the width the list clips at. */
  .meta {
    position: relative;
  }

  time {
    text-decoration: underline dotted;
    text-underline-offset: 2px;
    cursor: help;
  }

  /*
   * The exact date and time (base/exact-time.ts): small enough to stay inside
   * its own entry (over the summary line above the time), so a scrolling list
   * never clips it.
   */
  [part~='tooltip'] {
    /* Above the time's 24 px target (which reaches past its line), not over it. */
    inset-block-end: calc(100% + 4px);
    max-inline-size: 100%;
    padding: 0 6px;
    font-size: 1em;
  }

  .more {
    display: flex;
    align-items: center;
    min-height: 30px;
    margin-block-start: 8px;
  }
`;
