import { css } from 'lit';

/**
 * The look the activity lists share (`<activity-feed>` and `<activity-log>`):
 * an entry's summary line over its muted meta line (time, exact time, actor),
 * and the empty-state message.
 */
export const listStyles = css`
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

  .empty {
    margin: 0;
    color: var(--_muted);
  }
`;
