import { css } from 'lit';

export const planCardStyles = css`
  :host {
    --_warning: var(--od-color-warning, light-dark(#875a00, #d29922));
  }

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

  .warning {
    display: flex;
    align-items: flex-start;
    gap: 8px;
    margin: 12px 0 0;
    padding: 8px 12px;
    border: 1px solid color-mix(in srgb, var(--_warning) 45%, var(--_surface));
    border-inline-start: 4px solid var(--_warning);
    border-radius: calc(var(--_radius) / 2);
    background: color-mix(in srgb, var(--_warning) 10%, var(--_surface));
    color: var(--_text);
    overflow-wrap: anywhere;
  }

  .warning svg {
    flex: none;
    /* Centred on the first line of text. */
    margin-block-start: calc((1.5em - 16px) / 2);
    color: var(--_warning);
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
    .warning {
      border-color: CanvasText;
    }
    .warning svg {
      color: CanvasText;
    }
  }
`;
