import { css } from 'lit';

export const orgInfoCardStyles = css`
  :host {
    --_danger: var(--od-color-negative, light-dark(#c21c2c, #f85149));
  }

  .name {
    margin: 0 0 8px;
    font-size: var(--od-font-size-value, 1.25rem);
    font-weight: var(--od-font-weight-value, 600);
    line-height: 1.4;
    overflow-wrap: anywhere;
  }

  dl {
    display: grid;
    gap: 4px;
    margin: 0;
  }

  /* Label and value side by side; where both do not fit, the value goes below its label, whole. */
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    column-gap: 12px;
    min-height: 30px;
  }

  dt {
    flex: 0 1 auto;
    min-width: min(7em, 100%);
    color: var(--_muted);
  }

  dd {
    display: flex;
    flex: 1 1 auto;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
    min-width: 0;
    margin: 0;
    overflow-wrap: break-word;
  }

  .id {
    font-family: var(--od-font-family-mono, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    font-size: 0.9em;
    user-select: all;
  }

  .copied {
    color: var(--od-color-positive, light-dark(#1a7f37, #3fb950));
    font-size: 0.875em;
  }

  .copy-failed {
    color: var(--_danger);
    font-size: 0.875em;
  }
`;
